"""The prisoner index: the list of people held, their figures, the group's sponsors."""

from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_site.api_fields import RichTextHTMLField
from campaign_site.embeds import EmbeddableMixin, EmbedPanel
from campaign_site.pages import ShareablePageMixin
from campaign_site.translation import page_fields

from .. import conf
from ..context import index_context
from ..figures import compute_figures
from .profile_page import PrisonerPage
from .sponsorship import Sponsorship


class PrisonerIndexPage(EmbeddableMixin, ShareablePageMixin, Page):
    """The list of people held, their figures, and the whole-group sponsorship."""

    introduction = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    # Figures reported by a source: the campaign may know of more people than
    # it has profiles for. Empty fields are computed from the profiles.
    figures_source_title = models.CharField(
        _("source of the figures"),
        max_length=255,
        blank=True,
        help_text=_("E.g. “Human-rights NGOs, confirmed by the ICRC”."),
    )
    figures_source_url = models.URLField(_("link to the source"), blank=True)
    figures_as_of = models.DateField(_("figures as of"), null=True, blank=True)
    reported_held = models.PositiveIntegerField(
        _("people held"),
        null=True,
        blank=True,
        help_text=_("Leave empty to count the profiles of people held or sentenced."),
    )
    reported_prisoners_of_war = models.PositiveIntegerField(
        _("prisoners of war held"), null=True, blank=True
    )
    reported_civilians = models.PositiveIntegerField(_("civilians held"), null=True, blank=True)
    reported_political_leaders = models.PositiveIntegerField(
        _("political leaders held"), null=True, blank=True
    )
    reported_other = models.PositiveIntegerField(_("others held"), null=True, blank=True)
    reported_sentence_min = models.PositiveSmallIntegerField(
        _("shortest sentence (years)"), null=True, blank=True
    )
    reported_sentence_max = models.PositiveSmallIntegerField(
        _("longest sentence (years)"), null=True, blank=True
    )

    disappeared_count = models.PositiveIntegerField(
        _("forcibly disappeared"),
        null=True,
        blank=True,
        help_text=_("People known to have been captured but not individually known or named."),
    )
    disappeared_at_least = models.BooleanField(_("this is a minimum (“at least”)"), default=True)
    disappeared_source_title = models.CharField(
        _("source of the disappeared count"), max_length=255, blank=True
    )
    disappeared_source_url = models.URLField(_("link to that source"), blank=True)

    group_sponsorship_text = RichTextField(
        _("sponsor the whole group: text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the wall of the group's sponsors."),
    )

    data_licence = models.CharField(
        _("open data licence"),
        max_length=20,
        choices=[
            ("", _("Not published as open data")),
            ("CC-BY-4.0", "Creative Commons Attribution 4.0"),
            ("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0"),
            ("CC0-1.0", "Creative Commons Zero 1.0 (public domain)"),
            ("ODbL-1.0", "Open Database License 1.0"),
        ],
        blank=True,
        default="",
        help_text=_(
            "Licence of the CSV and JSON files of the public profiles. Without one, "
            "the files are not published."
        ),
    )
    data_attribution = models.CharField(
        _("attribution"),
        max_length=255,
        blank=True,
        help_text=_("Who re-users must credit, e.g. the campaign's organisations."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                HelpPanel(
                    _(
                        "Figures are counted from the profiles, including those that are "
                        "counted but not shown. Fill in a reported figure only when a "
                        "source knows of more people than have a profile here."
                    )
                ),
                FieldRowPanel([FieldPanel("figures_source_title"), FieldPanel("figures_as_of")]),
                FieldPanel("figures_source_url"),
                FieldPanel("reported_held"),
                FieldRowPanel(
                    [
                        FieldPanel("reported_prisoners_of_war"),
                        FieldPanel("reported_civilians"),
                        FieldPanel("reported_political_leaders"),
                        FieldPanel("reported_other"),
                    ]
                ),
                FieldRowPanel(
                    [FieldPanel("reported_sentence_min"), FieldPanel("reported_sentence_max")]
                ),
            ],
            heading=_("Figures"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("disappeared_count"), FieldPanel("disappeared_at_least")]
                ),
                FieldPanel("disappeared_source_title"),
                FieldPanel("disappeared_source_url"),
            ],
            heading=_("Forcibly disappeared"),
        ),
        FieldPanel("group_sponsorship_text"),
        MultiFieldPanel(
            [FieldPanel("data_licence"), FieldPanel("data_attribution")],
            heading=_("Open data"),
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    # The figures themselves are the widgets API's (/api/widgets/figures/).
    api_fields = [
        APIField("introduction", serializer=RichTextHTMLField()),
        APIField("figures_source_title"),
        APIField("figures_source_url"),
        APIField("figures_as_of"),
        APIField("disappeared_source_title"),
        APIField("disappeared_source_url"),
        APIField("group_sponsorship_text", serializer=RichTextHTMLField()),
        APIField("data_licence"),
        APIField("data_attribution"),
    ]

    translatable_fields = page_fields(
        TranslatableField("introduction"),
        TranslatableField("figures_source_title"),
        SynchronizedField("figures_source_url"),
        SynchronizedField("figures_as_of"),
        SynchronizedField("reported_held"),
        SynchronizedField("reported_prisoners_of_war"),
        SynchronizedField("reported_civilians"),
        SynchronizedField("reported_political_leaders"),
        SynchronizedField("reported_other"),
        SynchronizedField("reported_sentence_min"),
        SynchronizedField("reported_sentence_max"),
        SynchronizedField("disappeared_count"),
        SynchronizedField("disappeared_at_least"),
        TranslatableField("disappeared_source_title"),
        SynchronizedField("disappeared_source_url"),
        TranslatableField("group_sponsorship_text"),
        SynchronizedField("data_licence"),
        SynchronizedField("data_attribution"),
        SynchronizedField("share_image"),
    )

    settings_panels = [*Page.settings_panels, EmbedPanel(heading=_("Embed"))]

    # Partners embed the list of cards (campaign_site.embeds, prisoners.widgets).
    embed_kind = "prisoners"
    embed_height = 760
    embed_title = _("Prisoner list")

    # The site decides where its index goes (conf.py); the app knows no other page type.
    parent_page_types = conf.get("PRISONERS_INDEX_PARENT_PAGE_TYPES")
    subpage_types = ["prisoners.PrisonerPage"]
    PER_PAGE = 24

    class Meta:
        verbose_name = _("prisoner index")

    # --- Profiles ---------------------------------------------------------

    def all_language_versions(self):
        if not hasattr(self, "_language_versions"):
            self._language_versions = list(
                self.get_translations(inclusive=True).only("pk", "path", "depth")
            )
        return self._language_versions

    def profiles_in_every_language(self):
        """Live profiles under this index or any of its translations (not yet de-duplicated)."""
        versions = self.all_language_versions()
        return PrisonerPage.objects.live().filter(
            reduce(or_, (Q(path__startswith=version.path) for version in versions)),
            depth=self.depth + 1,
        )

    def public_profiles(self, locale=None):
        """The profiles the public may see, one per person, preferably in `locale`."""
        return (
            self.profiles_in_every_language()
            .publicly_listed()
            .in_language(locale or self.locale)
            .defer_streamfields()
            .select_related("locale", "prisoner__photo")
        )

    def group_sponsorships(self):
        """Sponsorships of the whole group, in any language (not only approved ones)."""
        return Sponsorship.objects.for_group(self)

    def figures(self):
        return compute_figures(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context

    def get_share_image(self):
        return self.share_image
