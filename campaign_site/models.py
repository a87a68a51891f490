"""What every campaign site has, whichever features it composes: its public identity.

Abstract here; the composing app registers the concrete setting (home.CampaignSettings),
so the base's templates find it through Wagtail's settings registry without naming it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry


class CampaignSiteSettings(BaseSiteSetting):
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
        abstract = True


def campaign_site_settings(request):
    """The registered campaign site settings for `request`'s site, or None when none is."""
    for model in registry:
        if issubclass(model, CampaignSiteSettings):
            return model.for_request(request)
    return None
