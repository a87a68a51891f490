from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignSiteConfig(AppConfig):
    """The shared base every feature builds on (see README, "Where things live")."""

    name = "campaign_site"
    verbose_name = _("Campaign site")

    def ready(self):
        from corsheaders.signals import check_request_enabled
        from wagtail.signals import page_published, page_unpublished

        from campaign_site.cors import reads_from_anywhere
        from campaign_site.http_cache import purge_listings_of

        # Every page type: the pages listing it and the sitemap change with it.
        page_published.connect(purge_listings_of, dispatch_uid="campaign_purge_listings")
        page_unpublished.connect(purge_listings_of, dispatch_uid="campaign_purge_listings_un")
        # Reads of the APIs, open data and counters are open to every origin.
        check_request_enabled.connect(reads_from_anywhere, dispatch_uid="campaign_cors_reads")
