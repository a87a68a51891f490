"""The home page of each language tree, and what every public page shares."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .translation import page_fields


class ShareablePageMixin(models.Model):
    """A picture for link previews (OpenGraph and Twitter cards).

    Pages without their own fall back to the site's default share image.
    """

    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks. 1200×630 works best."),
    )

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("share_image"),
    ]

    class Meta:
        abstract = True

    def get_share_image(self):
        return self.share_image


class HomePage(ShareablePageMixin, Page):
    """The root of one language's page tree: /en/, /fr/, /hy/."""

    headline = models.CharField(_("headline"), max_length=255, blank=True)
    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("headline"),
        FieldPanel("introduction"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("headline"),
        index.SearchField("introduction"),
    ]

    translatable_fields = page_fields(
        TranslatableField("headline"),
        TranslatableField("introduction"),
        SynchronizedField("share_image"),
    )

    # A home page sits directly under the tree's root and nowhere else.
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


@register_setting(icon="site")
class CampaignSettings(BaseSiteSetting):
    """Contact details and social accounts shown in every page's footer."""

    organisation_name = models.CharField(_("organisation name"), max_length=255, blank=True)
    contact_email = models.EmailField(
        _("public contact email"),
        blank=True,
        help_text=_("Shown publicly. Use a shared campaign address, not a person's."),
    )
    x_handle = models.CharField(
        _("X (Twitter) handle"), max_length=50, blank=True, help_text=_("Without the @.")
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram profile"), blank=True)
    telegram_url = models.URLField(_("Telegram channel"), blank=True)
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("default share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("x_handle"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("telegram_url"),
            ],
            heading=_("Contact links"),
        ),
        FieldPanel("default_share_image"),
    ]

    class Meta:
        verbose_name = _("campaign settings")
