"""The people (or any pages) a petition is for, chosen once for every translation."""

from django.db import models
from django.db.models import Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Orderable, Page

from .. import conf
from .petition import Petition


def subject_page_types():
    """The page types editors may name as a petition's subjects ("app_label.ModelName")."""
    return list(conf.get("PETITIONS_SUBJECT_PAGE_TYPES") or [])


class PetitionSubject(Orderable):
    """A page the petition is for, e.g. a prisoner's profile.

    Chosen on the petition's source page and read from it by every translation
    (`PetitionPage.subject_pages`), so a translator can neither add nor drop a
    person; each translation shows the chosen page in its own language.
    """

    page = ParentalKey("petitions.PetitionPage", on_delete=models.CASCADE, related_name="subjects")
    subject = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("subject", page_type=subject_page_types() or None)]

    class Meta(Orderable.Meta):
        verbose_name = _("person the petition is for")
        verbose_name_plural = _("people the petition is for")

    def __str__(self):
        return str(self.subject)


def subject_pages_of(petition_page):
    """The pages `petition_page` is for, as chosen on its source page, in the editors' order.

    Bare pages (id and translation key): enough to find each in the reader's language.
    """
    source = Petition.objects.filter(translation_key=petition_page.translation_key).values(
        "page_id"
    )
    links = PetitionSubject.objects.filter(
        page_id=Coalesce(Subquery(source[:1]), Value(petition_page.pk))
    ).order_by("sort_order", "pk")
    return [
        Page(pk=pk, translation_key=key)
        for pk, key in links.values_list("subject_id", "subject__translation_key")
    ]
