"""The petition as partners read it: its page, its counter (petitions.counter), its targets.

Field names follow OSDI's petition resource where one exists
(total_signatures, target[].name), so partners' tools understand them.
"""

from django.utils.translation import gettext as _
from rest_framework import serializers

from .counter import CONTENT_API_FIELDS, counter_payload
from .retention import erasure_notice


def petition_summary(page, request):
    """Title, count, goal, status and localized labels of a live PetitionPage."""
    petition = page.petition
    return {
        "id": page.pk,
        "petition_key": str(petition.translation_key),
        "title": page.title,
        "url": page.get_full_url(request),
        "language": page.locale.language_code,
        **counter_payload(petition),
        "target": targets(page),
        "labels": {
            "signatures": _("signatures"),
            "goal": _("Next goal"),
            "sign": _("Sign the petition"),
            # A partner's own form tells signers when their data go, as the page's does.
            "retention_notice": erasure_notice(petition),
        },
    }


def targets(page):
    """Whom the petition is addressed to, in the page's language."""
    return [
        {"name": maker.name, "role": maker.role, "organisation": maker.organisation}
        for maker in page.decision_makers.all()
    ]


class PetitionCounterField(serializers.Field):
    """The live count and goal in Wagtail's content API (/api/v2/)."""

    def to_representation(self, page):
        return {
            **counter_payload(page.petition, fields=CONTENT_API_FIELDS),
            "target": targets(page),
        }
