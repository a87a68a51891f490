"""A prisoner's profile page. What the public sees of it is decided by `prisoners.visibility`."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
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
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_site.blocks import StoryBlock
from campaign_site.embeds import EmbeddableMixin, EmbedPanel
from campaign_site.pages import ShareablePageMixin
from campaign_site.translation import page_fields

from ..cards import CARD_PHOTO
from ..context import profile_context, public_summary
from ..facts import (
    CAPTIVITY_ENDED,
    STILL_HELD,
    Answer,
    Category,
    Status,
    can_be_sponsored,
    searchable_text,
)
from ..serializers import PublicCardField
from ..visibility import (
    Consent,
    Visibility,
    effective_visibility,
    highest_visibility_allowed,
    is_publicly_visible,
    not_fully_visible,
    public_profile,
    publicly_visible,
    visible_fields,
)
from .querysets import PrisonerPageManager
from .sponsorship import Sponsorship


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

    @property
    def can_be_sponsored(self):
        return can_be_sponsored(self.status)

    def sponsorships(self):
        """Sponsorships of this person, in any language (not only approved ones)."""
        return Sponsorship.objects.for_prisoner(self)

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
        profile = public_profile(self, with_children=False)
        return public_summary(profile) if profile else ""

    @classmethod
    def publicly_listed_pages(cls):
        """The profiles the public may see: what code listing pages of any type asks
        (cards, search, sitemap, the content API) to leave hidden profiles out."""
        return cls.objects.publicly_listed()

    @classmethod
    def exclude_private_images(cls, image_queryset):
        """`image_queryset` without the photos and share images of profiles not fully public.

        For anything that lists images outside a page (the content API's images
        endpoint): a "name only" or hidden person's picture is never listed, even
        if another page happens to use the same image.
        """
        restricted = not_fully_visible(cls.objects.all())
        return image_queryset.exclude(pk__in=restricted.values("photo_id")).exclude(
            pk__in=restricted.exclude(share_image=None).values("share_image_id")
        )

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
        return publicly_visible(super().get_indexed_objects())

    @property
    def effective_visibility_label(self):
        return effective_visibility(self).label
