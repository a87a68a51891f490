"""Prisoner profiles, the index that lists and counts them, and sponsorships.

What the public may see of a profile is decided in one place,
`prisoners.visibility`; read its docstring before adding a way out.
Facts shared by every language (dates, statuses, categories, visibility) are
synchronised fields; sponsorships are keyed on a profile's `translation_key`
so they count the same in every language.
"""

import unicodedata
import uuid
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, Exists, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_site.blocks import StoryBlock
from campaign_site.embeds import EmbeddableMixin, EmbedPanel
from campaign_site.pages import ShareablePageMixin
from campaign_site.translation import page_fields

from .serializers import PublicCardField
from .storage import private_storage, proof_upload_to
from .visibility import (
    Consent,
    Visibility,
    effective_visibility,
    group_visibility,
    highest_visibility_allowed,
    is_publicly_visible,
    visible_fields,
)

CARD_PHOTO = "fill-320x320"
PROFILE_PHOTO = "fill-480x600"


class Category(models.TextChoices):
    PRISONER_OF_WAR = "pow", _("Prisoner of war")
    CIVILIAN = "civilian", _("Civilian")
    POLITICAL_LEADER = "political-leader", _("Political leader")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    HELD = "held", _("Held, not sentenced")
    SENTENCED = "sentenced", _("Sentenced")
    RELEASED = "released", _("Released or repatriated")
    DISAPPEARED = "disappeared", _("Forcibly disappeared")
    DIED = "died", _("Died in custody")


#: Statuses of people in acknowledged detention today: "held" in the figures.
STILL_HELD = frozenset({Status.HELD, Status.SENTENCED})
#: Statuses whose captivity has ended; `released_on` then closes the count of days.
CAPTIVITY_ENDED = frozenset({Status.RELEASED, Status.DIED})


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Unknown")


def searchable_text(*parts):
    """Lower-case, accent-free text, so that “Aram”, “ARAM” and “Arám” find each other.

    Done in Python because SQLite only folds the case of ASCII letters, and
    Armenian has capitals too.
    """
    text = " ".join(part for part in parts if part).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class PrisonerPageQuerySet(PageQuerySet):
    def with_effective_visibility(self):
        """Annotate `effective_visibility`: the most private value among the translations."""
        return self.annotate(effective_visibility=group_visibility())

    def publicly_listed(self):
        """Live, unrestricted profiles whose effective visibility is name only or full.

        THE visibility rule for querysets: the index, search, sitemap, exports
        and the API start from here.
        """
        return (
            self.live()
            .public()
            .with_effective_visibility()
            .filter(effective_visibility__gte=Visibility.NAME_ONLY)
        )

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

    def in_language(self, locale):
        """One page per person: the one in `locale`, else the best other translation.

        Every language's index lists every public person; those not translated
        yet appear in the site's default language (marked with their `lang`).
        """
        translated = PrisonerPage.objects.live().filter(
            translation_key=OuterRef("translation_key"), locale=locale
        )
        best_other = (
            PrisonerPage.objects.live()
            .filter(translation_key=OuterRef("translation_key"))
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

    parent_page_types = ["home.HomePage"]
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
            .select_related("locale", "photo")
        )

    def figures(self):
        from .figures import compute_figures

        return compute_figures(self)

    def get_context(self, request, *args, **kwargs):
        from .views import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context

    def get_share_image(self):
        return self.share_image


class PrisonerPage(EmbeddableMixin, ShareablePageMixin, Page):
    """One detained person. What the public sees is decided by `prisoners.visibility`."""

    name_native = models.CharField(
        _("name in the original script"),
        max_length=255,
        blank=True,
        help_text=_("E.g. the name in Armenian letters."),
    )
    other_spellings = models.TextField(
        _("other spellings"),
        blank=True,
        help_text=_(
            "One per line: transliterations and the spellings used by courts, the ICRC or "
            "the press. Visitors find the person by any of them."
        ),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown only on full profiles, never for “name only” or “counted”."),
    )
    photo_credit = models.CharField(_("photo credit"), max_length=255, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)

    captured_on = models.DateField(_("date of capture"), null=True, blank=True)
    capture_place = models.CharField(_("place of capture"), max_length=255, blank=True)
    born_on = models.DateField(_("date of birth"), null=True, blank=True)
    age_at_capture = models.PositiveSmallIntegerField(
        _("age at capture"),
        null=True,
        blank=True,
        help_text=_("When the date of birth is not known."),
    )
    home_town = models.CharField(_("home town"), max_length=255, blank=True)
    occupation = models.CharField(_("occupation"), max_length=255, blank=True)
    biography = StreamField(StoryBlock(), verbose_name=_("biography"), blank=True)

    detention_place = models.CharField(_("place of detention"), max_length=255, blank=True)
    icrc_registration = models.CharField(
        _("registered by the ICRC"),
        max_length=10,
        choices=Answer.choices,
        default=Answer.UNKNOWN,
    )
    icrc_last_visit_on = models.DateField(_("last known ICRC visit"), null=True, blank=True)
    acknowledged = models.CharField(
        _("the holding state acknowledges holding this person"),
        max_length=10,
        choices=Answer.choices,
        default=Answer.UNKNOWN,
    )

    charges = models.TextField(_("charges"), blank=True)
    court = models.CharField(_("court"), max_length=255, blank=True)
    sentenced_on = models.DateField(_("date of the verdict"), null=True, blank=True)
    sentence_years = models.PositiveSmallIntegerField(_("sentence (years)"), null=True, blank=True)
    expected_release_on = models.DateField(_("expected release date"), null=True, blank=True)
    released_on = models.DateField(
        _("end of captivity"),
        null=True,
        blank=True,
        help_text=_("Date of release or repatriation, or of death in custody."),
    )

    consent = models.CharField(
        _("family's consent"),
        max_length=20,
        choices=Consent.choices,
        default=Consent.NOT_ASKED,
    )
    visibility = models.PositiveSmallIntegerField(
        _("visibility"),
        choices=Visibility.choices,
        default=Visibility.COUNTED,
        help_text=_(
            "Takes effect when you publish. Making a profile more private applies to every "
            "language at once; making it more open waits until every translation is synced."
        ),
    )
    consent_notes = models.TextField(
        _("notes on consent (private)"),
        blank=True,
        help_text=_("Who gave or refused consent, when, and how to reach them. Never published."),
    )
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("A fictional person for the demo; marked as such on the site."),
    )
    # Folded names in every spelling, for the index's search box.
    name_search = models.TextField(editable=False, blank=True, default="")

    objects = PrisonerPageManager()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("name_native"),
                FieldPanel("other_spellings"),
                FieldRowPanel([FieldPanel("category"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("photo"), FieldPanel("photo_credit")]),
            ],
            heading=_("Who"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("captured_on"), FieldPanel("capture_place")]),
                FieldRowPanel([FieldPanel("born_on"), FieldPanel("age_at_capture")]),
                FieldRowPanel([FieldPanel("home_town"), FieldPanel("occupation")]),
            ],
            heading=_("Capture and personal details"),
        ),
        FieldPanel("biography"),
        MultiFieldPanel(
            [
                FieldPanel("detention_place"),
                FieldRowPanel([FieldPanel("icrc_registration"), FieldPanel("icrc_last_visit_on")]),
                FieldPanel("acknowledged"),
            ],
            heading=_("Detention"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("charges"),
                FieldRowPanel([FieldPanel("court"), FieldPanel("sentenced_on")]),
                FieldRowPanel([FieldPanel("sentence_years"), FieldPanel("expected_release_on")]),
                FieldPanel("released_on"),
            ],
            heading=_("Trial and release"),
        ),
        InlinePanel("timeline", label=_("Timeline"), heading=_("Timeline")),
        InlinePanel("sources", label=_("Sources"), heading=_("Sources")),
    ]
    safety_panels = [
        HelpPanel(
            _(
                "Full profile: everything. Name only: the name and the facts of the "
                "detention; no photo, biography, personal details, timeline or sources. "
                "Counted but not shown: the person counts in the figures and the page is "
                "a 404 for the public. The family's consent limits the visibility: a full "
                "profile needs their agreement."
            )
        ),
        FieldPanel("consent"),
        FieldPanel("visibility"),
        FieldPanel("consent_notes"),
        FieldPanel("is_sample"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(safety_panels, heading=_("Safety and consent")),
            ObjectList(ShareablePageMixin.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
            ObjectList([EmbedPanel()], heading=_("Embed")),
        ]
    )

    # Partners embed one person's card (campaign_site.embeds, prisoners.widgets).
    embed_kind = "prisoner"
    embed_height = 460
    embed_title = _("Prisoner card")

    api_fields = [APIField("card", serializer=PublicCardField(source="*"))]

    @classmethod
    def prepare_api_queryset(cls, queryset):
        """What the content API's `card` field reads, fetched once for the whole listing."""
        from django.db.models import Prefetch
        from wagtail.images import get_image_model

        return (
            queryset.with_effective_visibility()
            .with_sponsor_counts()
            .select_related("locale")
            .prefetch_related(
                Prefetch(
                    "photo", queryset=get_image_model().objects.prefetch_renditions(CARD_PHOTO)
                )
            )
        )

    def is_embeddable(self):
        return super().is_embeddable() and is_publicly_visible(self)

    # Only what every public profile shows is indexed; hidden profiles are
    # kept out of the index altogether (see get_indexed_objects and signals.py).
    search_fields = [
        *Page.search_fields,
        index.SearchField("name_native"),
        index.SearchField("other_spellings"),
        index.SearchField("searchable_biography"),
        index.FilterField("category"),
        index.FilterField("status"),
    ]

    translatable_fields = page_fields(
        TranslatableField("photo_credit"),
        TranslatableField("capture_place"),
        TranslatableField("home_town"),
        TranslatableField("occupation"),
        TranslatableField("biography"),
        TranslatableField("detention_place"),
        TranslatableField("charges"),
        TranslatableField("court"),
        TranslatableField("timeline"),
        TranslatableField("sources"),
        SynchronizedField("name_native"),
        SynchronizedField("other_spellings"),
        SynchronizedField("photo"),
        SynchronizedField("category"),
        SynchronizedField("status"),
        SynchronizedField("captured_on"),
        SynchronizedField("born_on"),
        SynchronizedField("age_at_capture"),
        SynchronizedField("icrc_registration"),
        SynchronizedField("icrc_last_visit_on"),
        SynchronizedField("acknowledged"),
        SynchronizedField("sentenced_on"),
        SynchronizedField("sentence_years"),
        SynchronizedField("expected_release_on"),
        SynchronizedField("released_on"),
        SynchronizedField("consent"),
        SynchronizedField("visibility"),
        SynchronizedField("consent_notes"),
        SynchronizedField("is_sample"),
        SynchronizedField("share_image"),
    )

    parent_page_types = ["prisoners.PrisonerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("prisoner profile")

    # --- Facts ------------------------------------------------------------

    @property
    def other_spelling_list(self):
        return [line.strip() for line in self.other_spellings.splitlines() if line.strip()]

    def days_in_captivity(self, today=None):
        """Days from capture to release (or death), or to today while captivity lasts."""
        if self.captured_on is None:
            return None
        end = today or timezone.localdate()
        if self.status in CAPTIVITY_ENDED and self.released_on:
            end = self.released_on
        return max((end - self.captured_on).days, 0)

    def age(self, today=None):
        """Age today (from the date of birth), else None; see age_at_capture."""
        if self.born_on is None:
            return None
        today = today or timezone.localdate()
        before_birthday = (today.month, today.day) < (self.born_on.month, self.born_on.day)
        return today.year - self.born_on.year - before_birthday

    @property
    def is_still_held(self):
        return self.status in STILL_HELD

    # --- Visibility -------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        allowed = highest_visibility_allowed(self.consent)
        if self.visibility is not None and self.visibility > allowed:
            errors["visibility"] = _(
                "The family's consent (“%(consent)s”) allows at most “%(allowed)s”."
            ) % {
                "consent": Consent(self.consent).label,
                "allowed": Visibility(allowed).label,
            }
        if self.status in CAPTIVITY_ENDED and self.released_on is None:
            errors["released_on"] = _("Give the date captivity ended, or change the status.")
        if self.released_on and self.captured_on and self.released_on < self.captured_on:
            errors["released_on"] = _("Captivity cannot end before the capture.")
        if self.status == Status.SENTENCED and not self.sentence_years:
            errors["sentence_years"] = _("Give the sentence of a sentenced person.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Defence in depth: whatever reaches the database respects the consent.
        self.visibility = min(self.visibility, highest_visibility_allowed(self.consent))
        self.name_search = searchable_text(self.title, self.name_native, self.other_spellings)
        return super().save(*args, **kwargs)

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        if self.is_sample:
            return _("%(title)s (sample data)") % {"title": title}
        return title

    def serve(self, request, *args, **kwargs):
        if not is_publicly_visible(self) and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .views import profile_context

        context = super().get_context(request, *args, **kwargs)
        context.update(profile_context(self, request))
        if "search_description" not in visible_fields(self) or not self.search_description:
            # base.html puts the description in <meta> and OpenGraph tags: for a
            # "name only" profile, state the public facts instead of the editor's text.
            self.search_description = context["profile_summary"]
        return context

    # --- Cards of other apps (home.cards: news, search results, home page) -------

    @property
    def card_image_fields(self):
        """Only a full profile lends its picture to cards elsewhere on the site."""
        return ("share_image", "photo") if "photo" in visible_fields(self) else ()

    def card_summary(self):
        """Public facts, never the editor's description (it may say more than allowed)."""
        from .views import public_summary
        from .visibility import public_profile

        profile = public_profile(self, with_children=False)
        return public_summary(profile) if profile else ""

    @classmethod
    def publicly_listed_pages(cls):
        """The profiles the public may see (used by home.cards for search, sitemap, cards)."""
        return cls.objects.publicly_listed()

    def get_sitemap_urls(self, request=None):
        if not is_publicly_visible(self):
            return []
        return super().get_sitemap_urls(request)

    def get_share_image(self):
        """The share image or photo of a full profile; nothing for any other."""
        if "share_image" not in visible_fields(self):
            return None
        return self.share_image or self.photo

    @property
    def searchable_biography(self):
        """The biography for the search index, when the public may read it."""
        if "biography" not in visible_fields(self):
            return ""
        paragraphs = [child for child in self.biography if child.block_type == "paragraph"]
        return " ".join(strip_tags(child.value.source) for child in paragraphs)

    @classmethod
    def get_indexed_objects(cls):
        return (
            super()
            .get_indexed_objects()
            .with_effective_visibility()
            .filter(effective_visibility__gte=Visibility.NAME_ONLY)
        )

    @property
    def effective_visibility_label(self):
        return effective_visibility(self).label


class TimelineEvent(TranslatableMixin, Orderable):
    page = ParentalKey(PrisonerPage, related_name="timeline", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    event = models.CharField(_("event"), max_length=500)
    source_url = models.URLField(_("source link"), blank=True)

    panels = [FieldPanel("date"), FieldPanel("event"), FieldPanel("source_url")]
    translatable_fields = [
        TranslatableField("event"),
        SynchronizedField("date"),
        SynchronizedField("source_url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline")


class Source(TranslatableMixin, Orderable):
    page = ParentalKey(PrisonerPage, related_name="sources", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=500)
    url = models.URLField(_("link"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("date")]
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("url"),
        SynchronizedField("date"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")


class SponsorType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Regional authority")
    NGO = "ngo", _("NGO or association")
    PUBLIC_FIGURE = "public-figure", _("Public figure")
    OTHER = "other", _("Other")


def language_choices():
    """The site's languages; a callable, so adding a language needs no migration."""
    return settings.LANGUAGES


def default_language():
    return settings.LANGUAGE_CODE


class SponsorshipQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Sponsorship.Status.APPROVED)

    def listed(self):
        """Approved sponsors who agreed to be named in public."""
        return self.approved().filter(consent_to_list=True)

    def for_prisoner(self, page):
        return self.filter(prisoner_key=page.translation_key)

    def for_group(self, index_page):
        return self.filter(campaign_key=index_page.translation_key, prisoner_key__isnull=True)


class Sponsorship(models.Model):
    """A sponsor of one person (`prisoner_key`) or of the whole group (no prisoner_key).

    Keyed on translation keys, so a sponsorship counts once in every language.
    Contact details and the proof document are private: only editors see them.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    campaign_key = models.UUIDField(
        _("campaign"), db_index=True, help_text=_("The prisoner index's translation key.")
    )
    prisoner_key = models.UUIDField(
        _("prisoner"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The profile's translation key; empty for the whole group."),
    )
    sponsor_type = models.CharField(_("type of sponsor"), max_length=20, choices=SponsorType)
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The municipality, authority, organisation or person, as it should appear."),
    )
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=120)
    contact_person = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("email"))
    website = models.URLField(_("website"), blank=True)
    proof = models.FileField(
        _("proof document"),
        storage=private_storage,
        upload_to=proof_upload_to,
        blank=True,
        max_length=255,
    )
    statement = models.TextField(_("public statement"), max_length=2000, blank=True)
    consent_to_list = models.BooleanField(_("agrees to be listed in public"), default=False)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=language_choices,
        default=default_language,
        help_text=_("Emails to the applicant are written in this language."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    rejection_reason = models.TextField(
        _("reason for rejection"),
        blank=True,
        help_text=_("Sent to the applicant. Required to reject."),
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_sample = models.BooleanField(_("sample data"), default=False)
    reference = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    objects = SponsorshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("sponsorship")
        verbose_name_plural = _("sponsorships")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["prisoner_key", "status"])]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.status == self.Status.REJECTED and not self.rejection_reason.strip():
            raise ValidationError(
                {"rejection_reason": _("Give the reason: it is sent to the applicant.")}
            )

    @property
    def is_for_group(self):
        return self.prisoner_key is None

    def prisoner_page(self, locale=None):
        """The profile in `locale` (or the default language, or any), or None."""
        if self.prisoner_key is None:
            return None
        pages = PrisonerPage.objects.filter(translation_key=self.prisoner_key)
        return _best_translation(pages, locale)

    def index_page(self, locale=None):
        pages = PrisonerIndexPage.objects.filter(translation_key=self.campaign_key)
        return _best_translation(pages, locale)

    def target_display(self):
        if self.prisoner_key is None:
            return _("The whole group")
        page = self.prisoner_page()
        return page.title if page else _("(deleted profile)")

    target_display.short_description = _("sponsoring")

    def record_decision(self, user):
        self.decided_at = timezone.now()
        self.decided_by = user


def _best_translation(pages, locale):
    pages = list(pages.select_related("locale"))
    if not pages:
        return None
    by_language = {page.locale.language_code: page for page in pages}
    for code in (getattr(locale, "language_code", locale), settings.LANGUAGE_CODE):
        if code in by_language:
            return by_language[code]
    return pages[0]
