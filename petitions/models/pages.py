"""The petition page editors write and translate, and the people it is addressed to."""

from django.db import models
from django.utils import translation
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_site.api_fields import ImageRenditionsField, RichTextHTMLField
from campaign_site.blocks import StoryBlock
from campaign_site.embeds import EmbeddableMixin, EmbedPanel
from campaign_site.http_cache import LIVE_FIGURES_SECONDS
from campaign_site.models import site_identity
from campaign_site.pages import ShareablePageMixin
from campaign_site.render_cache import kept_page, remember
from campaign_site.share_cards import ShareCard, milestone
from campaign_site.translation import page_fields

from .. import conf
from ..forms import PublicSignatureForm
from ..page_context import petition_context, petition_live_context
from ..page_form import PetitionPageForm
from ..serializers import PetitionCounterField
from .petition import SHARED_SETTINGS, Petition
from .subjects import subject_page_types, subject_pages_of

# Where a page keeps the settings set on it until they are published, and their key
# in its revisions.
PENDING_SETTINGS = "_pending_petition_settings"
REVISION_KEY = "petition_settings"


def petition_setting(name):
    """A setting of the shared Petition, read and set through the page (see petition_settings)."""

    def read(page):
        return page.petition_settings[name]

    def write(page, value):
        page.__dict__[PENDING_SETTINGS] = {**page.__dict__.get(PENDING_SETTINGS, {}), name: value}

    return property(read, write)


class PetitionPage(EmbeddableMixin, RoutablePageMixin, ShareablePageMixin, Page):
    """A petition: what it asks, of whom, why, and the form to sign it."""

    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences under the title: what the petition asks."),
    )
    demands = StreamField(
        [("demand", blocks.TextBlock(label=_("Demand"), icon="arrow-right"))],
        verbose_name=_("demands"),
        blank=True,
        help_text=_("What the petition asks for, one demand per item."),
    )
    body = StreamField(
        StoryBlock(),
        verbose_name=_("why this petition matters"),
        blank=True,
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A wide picture above the title. Set its focal point: phones show a short band of it."
        ),
    )
    hero_image_credit = models.CharField(_("hero image credit"), max_length=255, blank=True)
    launch_date = models.DateField(_("started on"), null=True, blank=True)
    organiser_name = models.CharField(_("organiser"), max_length=255, blank=True)
    organiser_url = models.URLField(_("organiser's website"), blank=True)
    organiser_contact = models.CharField(
        _("how to contact the organiser"),
        max_length=255,
        blank=True,
        help_text=_("A public email address or social-media handle, e.g. “Twitter: BritArm”."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown to people who have just signed, above the share links."),
    )

    outcome = RichTextField(
        _("outcome"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What happened: shown when the petition is closed or won."),
    )
    offline_note = models.CharField(
        _("note on signatures gathered elsewhere"),
        max_length=255,
        blank=True,
        help_text=_("Shown with the number, e.g. “on our previous petition platform”."),
    )
    show_recent_signers = models.BooleanField(
        _("show the latest signers"),
        default=True,
        help_text=_("First names and countries of the latest confirmed signers; never surnames."),
    )

    # The settings that decide who may sign and what counts are the shared Petition's,
    # declared there once. Editors set them here, on the source page: the values travel
    # in the page's revisions (drafts, workflows, scheduled publishing) and apply to
    # every translation when the source page is published (petitions.signal_handlers).
    status = petition_setting("status")
    goal = petition_setting("goal")
    offline_count = petition_setting("offline_count")
    count_unconfirmed = petition_setting("count_unconfirmed")
    ask_postcode = petition_setting("ask_postcode")
    ask_comment = petition_setting("ask_comment")
    retention_months = petition_setting("retention_months")

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_credit")],
            heading=_("Hero image"),
        ),
        FieldPanel("demands"),
        FieldPanel("body"),
        InlinePanel(
            "decision_makers",
            heading=_("Decision makers"),
            label=_("Decision maker"),
            min_num=1,
        ),
        *(
            [
                InlinePanel(
                    "subjects",
                    heading=_("Who the petition is for"),
                    label=_("Person"),
                    help_text=_(
                        "The people this petition is for: their cards appear on the petition, "
                        "and the petition on their profiles. Chosen on the page the petition "
                        "was written in, for every language."
                    ),
                )
            ]
            if subject_page_types()
            else []
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser_name"),
                FieldPanel("organiser_url"),
                FieldPanel("organiser_contact"),
                FieldPanel("launch_date"),
            ],
            heading=_("Organiser"),
        ),
    ]
    signing_panels = [
        FieldPanel("status"),
        FieldPanel("outcome"),
        MultiFieldPanel(
            [
                FieldPanel("goal"),
                FieldRowPanel([FieldPanel("offline_count"), FieldPanel("offline_note")]),
                FieldPanel("count_unconfirmed"),
                FieldPanel("show_recent_signers"),
            ],
            heading=_("Count and goal"),
        ),
        MultiFieldPanel(
            [FieldPanel("ask_postcode"), FieldPanel("ask_comment")],
            heading=_("Form"),
        ),
        FieldPanel("retention_months"),
        FieldPanel("thank_you_text"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(signing_panels, heading=_("Signing")),
            ObjectList(ShareablePageMixin.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
            ObjectList([EmbedPanel()], heading=_("Embed")),
        ]
    )

    # Partners embed the counter and the sign form (campaign_site.embeds, petitions.widgets).
    embed_kind = "petition"
    embed_height = 900
    embed_title = _("Petition")

    api_fields = [
        APIField("lead"),
        APIField("hero_image", serializer=ImageRenditionsField()),
        APIField("hero_image_credit"),
        APIField("demands"),
        APIField("body"),
        APIField("decision_makers"),
        APIField("organiser_name"),
        APIField("organiser_url"),
        APIField("organiser_contact"),
        APIField("launch_date"),
        APIField("outcome", serializer=RichTextHTMLField()),
        APIField("counter", serializer=PetitionCounterField(source="*")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    translatable_fields = page_fields(
        TranslatableField("lead"),
        TranslatableField("demands"),
        TranslatableField("body"),
        TranslatableField("decision_makers"),
        TranslatableField("organiser_name"),
        TranslatableField("thank_you_text"),
        TranslatableField("outcome"),
        TranslatableField("offline_note"),
        TranslatableField("hero_image_credit"),
        SynchronizedField("hero_image"),
        SynchronizedField("organiser_url"),
        SynchronizedField("organiser_contact"),
        SynchronizedField("launch_date"),
        SynchronizedField("share_image"),
        SynchronizedField("show_recent_signers", overridable=False),
    )

    parent_page_types = conf.get("PETITIONS_PARENT_PAGE_TYPES")
    subpage_types = []
    template = "petitions/petition_page.html"
    base_form_class = PetitionPageForm

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")

    # --- shared state -------------------------------------------------------

    @cached_property
    def petition(self):
        """The record every translation of this page shares (created on first use)."""
        return Petition.for_page(self)

    @property
    def petition_settings(self):
        """The shared settings as this version of the page has them: those set on it (in the
        editor, or in the revision being published) over those of the shared Petition."""
        stored = (
            self.__dict__.get("petition")
            or Petition.objects.filter(translation_key=self.translation_key).first()
        )
        values = {
            name: getattr(stored, name) if stored else Petition.default_setting(name)
            for name in SHARED_SETTINGS
        }
        values.update(self.__dict__.get(PENDING_SETTINGS, {}))
        return values

    def serializable_data(self):
        data = super().serializable_data()
        data[REVISION_KEY] = self.petition_settings
        return data

    def with_content_json(self, content):
        page = super().with_content_json(content)
        # Revisions made before the settings moved to Petition hold them as page fields.
        pending = {name: content[name] for name in SHARED_SETTINGS if name in content}
        pending.update(content.get(REVISION_KEY, {}))
        page.__dict__[PENDING_SETTINGS] = pending
        return page

    def rendered_counts(self):
        """The petition's counts, read once per page object: the page, its sign box and the
        share card drawn in the same render show one figure from one query."""
        counts = self.__dict__.get("_rendered_counts")
        if counts is None:
            counts = self.__dict__["_rendered_counts"] = self.petition.counts()
        return counts

    def subject_pages(self):
        """The pages this petition is for, as chosen on its source page (see PetitionSubject)."""
        return subject_pages_of(self)

    # --- rendering ------------------------------------------------------------

    def get_context(self, request, *args, form=None, state=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if form is None and state is None:
            form = self.blank_form()
        context.update(petition_context(self, request, form=form, state=state))
        return context

    def blank_form(self):
        """The sign form as a visitor first sees it, while the petition is open."""
        if self.petition.is_open:
            return PublicSignatureForm(petition=self.petition, language=self.locale_code)
        return None

    def live_context(self, request):
        """What the LIVE_PARTS of a kept page are drawn from (petition_live_context)."""
        context = super().get_context(request)
        context.update(petition_live_context(self, request, form=self.blank_form()))
        return context

    @property
    def locale_code(self):
        return self.locale.language_code

    def share_card(self):
        """The title, the live count and, while signing is open, the goal and progress."""
        petition = self.petition
        counts = self.rendered_counts()
        total = number_format(counts.total, force_grouping=True)
        is_open = petition.is_open
        return ShareCard(
            title=self.title,
            site_name=site_identity(self.locale_code).name,
            kicker=gettext("Petition"),
            figure=ngettext("%(count)s signature", "%(count)s signatures", counts.total)
            % {"count": total},
            detail=gettext("Next goal: %(goal)s")
            % {"goal": number_format(counts.goal, force_grouping=True)}
            if is_open
            else "",
            progress=counts.total / counts.goal if is_open and counts.goal else None,
            milestone=milestone(counts.total),
        )

    #: What a kept petition page draws afresh (`{% live %}` in its templates): what
    #: follows the count, drawn again whenever the count moves (COUNTED_PARTS), and the
    #: sign form's fresh token and check, drawn for every request.
    COUNTED_PARTS = ("share-picture", "petition-counter", "recent-signers", "country-counts")
    LIVE_PARTS = (*COUNTED_PARTS, "sign-form-token", "proof-of-work")

    def keep_petition_record(self, request):
        """For the views that show the page: the shared record, kept between requests
        (render_cache.remember). It changes only when saved, which retires what is kept."""
        if "petition" not in self.__dict__:
            self.petition = remember(
                "petition-record",
                lambda: Petition.for_page(self),
                vary=(self.translation_key,),
                request=request,
            )

    @path("")
    def petition_view(self, request):
        """Kept whole for anonymous visitors but for its LIVE_PARTS (render_cache.kept_page)."""
        self.keep_petition_record(request)
        site = Site.find_for_request(request)
        return kept_page(
            request,
            self.get_template(request),
            lambda: self.get_context(request),
            vary=(site.pk if site else None, self.pk, translation.get_language()),
            live=self.LIVE_PARTS,
            live_context=lambda: self.live_context(request),
            # The counts are read afresh on every view: a new signature shows at once.
            shared_live=self.COUNTED_PARTS,
            shared_live_key=lambda context: context["counts"],
            shared_live_seconds=LIVE_FIGURES_SECONDS,
        )

    @path("thanks/")
    def thanks_view(self, request):
        """The thank-you state: share links and what happens next, without personal data."""
        self.keep_petition_record(request)
        state = request.GET.get("r")
        if state not in THANKS_STATES:
            state = "signed"
        response = self.render(request, state=state)
        response["X-Robots-Tag"] = "noindex"
        return response

    def thanks_url(self, state):
        return f"{self.url}{self.reverse_subpage('thanks_view').lstrip('/')}?r={state}"


# What the thank-you state can say: after signing (confirmation email sent), when
# the email had already signed, and after pressing the confirmation button.
THANKS_STATES = ("signed", "already", "confirmed")


class PetitionDecisionMaker(TranslatableMixin, Orderable):
    """Someone the petition is addressed to. Delivery records refer to them."""

    page = ParentalKey(PetitionPage, on_delete=models.CASCADE, related_name="decision_makers")
    name = models.CharField(_("name"), max_length=255)
    role = models.CharField(_("role"), max_length=255, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
    ]
    api_fields = [
        APIField("name"),
        APIField("role"),
        APIField("organisation"),
        APIField("photo", serializer=ImageRenditionsField()),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("role"),
        TranslatableField("organisation"),
        SynchronizedField("photo"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("decision maker")
        verbose_name_plural = _("decision makers")

    def __str__(self):
        return ", ".join(part for part in (self.name, self.role, self.organisation) if part)
