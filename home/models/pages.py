"""The home page of each language tree."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_site.api_fields import ImageRenditionsField, RichTextHTMLField, TypedBlocksField
from campaign_site.http_cache import LIVE_FIGURES_SECONDS
from campaign_site.pages import ShareablePageMixin
from campaign_site.render_cache import kept_page
from campaign_site.translation import page_fields
from home.blocks import SupportingOrganisationsBlock, TimelineBlock
from home.campaign import home_page_context, share_card


class HomePage(ShareablePageMixin, Page):
    """The root of one language's page tree: /en/, /fr/, /hy/.

    What editors write is here: the hero, the context timeline and the partner
    organisations. What the campaign counts (people held, signatures, sponsors)
    is never typed in: `home.campaign` reads it live from the petitions and
    prisoners apps.
    """

    headline = models.CharField(_("headline"), max_length=255, blank=True)
    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo behind the headline. Its alt text describes it."),
    )
    hero_image_credit = models.CharField(_("hero image credit"), max_length=255, blank=True)
    main_petition = models.ForeignKey(
        "petitions.PetitionPage",
        verbose_name=_("main petition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The call to action of the home page. Visitors are sent to its version in their "
            "language; its signatures and goal are shown live."
        ),
    )
    call_to_action = models.CharField(
        _("call to action"),
        max_length=80,
        blank=True,
        help_text=_("The button's text. Empty: “Sign the petition”."),
    )
    featured_heading = models.CharField(
        _("heading"), max_length=120, blank=True, help_text=_("Empty: “Who they are”.")
    )
    news_heading = models.CharField(
        _("heading"), max_length=120, blank=True, help_text=_("Empty: “Latest news”.")
    )
    latest_news_count = models.PositiveSmallIntegerField(
        _("number of news items"),
        default=3,
        validators=[MaxValueValidator(12)],
        help_text=_("The latest news items of this language, newest first. 0 hides them."),
    )
    timeline_heading = models.CharField(
        _("heading"), max_length=120, blank=True, help_text=_("Empty: “The current context”.")
    )
    timeline = StreamField(TimelineBlock(), verbose_name=_("timeline"), blank=True)
    partners_heading = models.CharField(
        _("heading"), max_length=120, blank=True, help_text=_("Empty: “Partner organisations”.")
    )
    partners = StreamField(
        SupportingOrganisationsBlock(), verbose_name=_("partner organisations"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("headline"),
                FieldPanel("introduction"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_credit"),
            ],
            heading=_("Hero"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("main_petition", page_type="petitions.PetitionPage"),
                FieldPanel("call_to_action"),
            ],
            heading=_("Call to action"),
            help_text=_(
                "People held, signatures, goal and sponsors are counted live from the "
                "profiles, the petition and the approved sponsorships: nothing to type."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("featured_heading"),
                InlinePanel("featured_prisoners", label=_("Prisoner"), max_num=12),
            ],
            heading=_("Featured prisoners"),
            help_text=_(
                "Only profiles the public may see are shown; a name-only profile shows no photo."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("news_heading"), FieldPanel("latest_news_count")],
            heading=_("Latest news"),
        ),
        MultiFieldPanel(
            [FieldPanel("timeline_heading"), FieldPanel("timeline")],
            heading=_("Context timeline"),
        ),
        MultiFieldPanel(
            [FieldPanel("partners_heading"), FieldPanel("partners")],
            heading=_("Partner organisations"),
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(ShareablePageMixin.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    # What editors write; the figures are the widgets API's (/api/widgets/figures/), and
    # the featured people and main petition are pages of their own, by the public-page rule.
    api_fields = [
        APIField("headline"),
        APIField("introduction", serializer=RichTextHTMLField()),
        APIField("hero_image", serializer=ImageRenditionsField()),
        APIField("hero_image_credit"),
        APIField("call_to_action"),
        APIField("timeline_heading"),
        APIField("timeline", serializer=TypedBlocksField()),
        APIField("partners_heading"),
        APIField("partners", serializer=TypedBlocksField()),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("headline"),
        index.SearchField("introduction"),
    ]

    translatable_fields = page_fields(
        TranslatableField("headline"),
        TranslatableField("introduction"),
        TranslatableField("hero_image_credit"),
        TranslatableField("call_to_action"),
        TranslatableField("featured_heading"),
        TranslatableField("news_heading"),
        TranslatableField("timeline_heading"),
        TranslatableField("timeline"),
        TranslatableField("partners_heading"),
        TranslatableField("partners"),
        SynchronizedField("hero_image"),
        SynchronizedField("main_petition"),
        SynchronizedField("featured_prisoners"),
        SynchronizedField("latest_news_count"),
        SynchronizedField("share_image"),
    )

    # A home page sits directly under the tree's root and nowhere else.
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_share_image(self):
        return self.share_image or self.hero_image

    def share_card(self):
        """The campaign (headline, people held) rather than a hero photo without words."""
        return share_card(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        """Kept whole for anonymous visitors: every part of it is kept already, the
        figures at most LIVE_FIGURES_SECONDS, so the whole page is kept that long."""
        # A preview (Wagtail's serve_preview sets the flag) is never kept for others.
        request.is_preview = getattr(request, "is_preview", False)
        from campaign_site.routing import site_for_request  # it reads models

        site = site_for_request(request)
        return kept_page(
            request,
            self.get_template(request, *args, **kwargs),
            lambda: self.get_context(request, *args, **kwargs),
            vary=(site.pk if site else None, self.pk, translation.get_language()),
            timeout=LIVE_FIGURES_SECONDS,
        )


class HomePageFeaturedPrisoner(Orderable):
    """A prisoner profile shown as a card on the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_prisoners")
    prisoner = models.ForeignKey(
        "prisoners.PrisonerPage",
        verbose_name=_("prisoner"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("prisoner", page_type="prisoners.PrisonerPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured prisoner")
        verbose_name_plural = _("featured prisoners")
