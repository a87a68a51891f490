"""The petition's public figures as partners read them, in one shape for every API.

Field names follow OSDI's petition resource where one exists
(total_signatures, target[].name), so partners' tools understand them.
"""

from django.utils.translation import gettext as _
from rest_framework import serializers


def petition_summary(page, request):
    """Title, count, goal, status and localized labels of a live PetitionPage."""
    petition = page.petition
    counts = petition.counts()
    return {
        "id": page.pk,
        "petition_key": str(petition.translation_key),
        "title": page.title,
        "url": page.get_full_url(request),
        "language": page.locale.language_code,
        "status": petition.status,
        "is_open": petition.is_open,
        "total_signatures": counts.total,
        "online_signatures": counts.online,
        "offline_signatures": counts.offline,
        "goal": counts.goal,
        "percent": counts.percent,
        "target": [
            {"name": maker.name, "role": maker.role, "organisation": maker.organisation}
            for maker in page.decision_makers.all()
        ],
        "labels": {
            "signatures": _("signatures"),
            "goal": _("Next goal"),
            "sign": _("Sign the petition"),
        },
    }


class PetitionCounterField(serializers.Field):
    """The live count and goal in Wagtail's content API (/api/v2/)."""

    def to_representation(self, page):
        summary = petition_summary(page, self.context["request"])
        return {
            key: summary[key]
            for key in ("status", "is_open", "total_signatures", "goal", "percent", "target")
        }
