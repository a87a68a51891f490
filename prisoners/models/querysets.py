"""Queries over prisoner profiles: who the public may see, their sponsors, their language.

Facts (status, visibility...) are columns of the shared `Prisoner`: filter on
`prisoner__status`, and select_related("prisoner") to read them without a query each.
"""

from django.conf import settings
from django.db.models import Case, Count, Exists, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from .. import visibility
from ..facts import SPONSORABLE_STATUSES
from .sponsorship import Sponsorship


class PrisonerPageQuerySet(PageQuerySet):
    def publicly_listed(self):
        """Live, unrestricted profiles the public may see (`visibility.publicly_listed`)."""
        return visibility.publicly_listed(self)

    def with_sponsor_counts(self):
        """Annotate `sponsor_count`: approved sponsorships of the person, in any language."""
        approved = (
            Sponsorship.objects.filter(
                prisoner_key=OuterRef("translation_key"), status=Sponsorship.Status.APPROVED
            )
            .order_by()
            .values("prisoner_key")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(sponsor_count=Coalesce(Subquery(approved), Value(0)))

    def needing_a_sponsor(self):
        """Profiles without any approved sponsorship."""
        approved = Sponsorship.objects.filter(
            prisoner_key=OuterRef("translation_key"), status=Sponsorship.Status.APPROVED
        )
        return self.filter(~Exists(approved))

    def needs_a_sponsor(self):
        """`facts.needs_sponsor` as a query: can be sponsored, and no approved sponsor yet."""
        return self.needing_a_sponsor().filter(prisoner__status__in=SPONSORABLE_STATUSES)

    def in_language(self, locale):
        """One page per person: the one in `locale`, else the best other translation.

        Every language's index lists every public person; those not translated
        yet appear in the site's default language (marked with their `lang`).
        In SQL, unlike `campaign_site.localization.localized_pages`, so the
        index can filter, count and paginate people in the database.
        """
        live = self.model.objects.live()
        translated = live.filter(translation_key=OuterRef("translation_key"), locale=locale)
        best_other = (
            live.filter(translation_key=OuterRef("translation_key"))
            .order_by(
                Case(
                    When(locale__language_code=settings.LANGUAGE_CODE, then=Value(0)),
                    default=Value(1),
                ),
                "pk",
            )
            .values("pk")[:1]
        )
        return self.filter(Q(locale=locale) | (~Exists(translated) & Q(pk=Subquery(best_other))))


PrisonerPageManager = PageManager.from_queryset(PrisonerPageQuerySet)
