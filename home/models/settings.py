"""Site-wide settings editors manage in the admin (Settings → Campaign settings)."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import register_setting

from campaign_site.models import CampaignSiteSettings


@register_setting(icon="site")
class CampaignSettings(CampaignSiteSettings):
    """The campaign's identity, registered here so its admin address stays under `home`."""

    class Meta:
        verbose_name = _("campaign settings")
