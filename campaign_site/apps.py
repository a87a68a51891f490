from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class CampaignSiteConfig(AppConfig):
    """The shared base every feature builds on (see README, "Where things live")."""

    name = "campaign_site"
    verbose_name = _("Campaign site")

    def ready(self):
        from corsheaders.signals import check_request_enabled
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished

        from campaign_site import render_cache
        from campaign_site.cors import reads_from_anywhere
        from campaign_site.http_cache import purge_listings_of
        from campaign_site.storage import name_images_privately

        # Every page type: the pages listing it and the sitemap change with it.
        page_published.connect(purge_listings_of, dispatch_uid="campaign_purge_listings")
        page_unpublished.connect(purge_listings_of, dispatch_uid="campaign_purge_listings_un")
        # What pages keep between requests is retired by every editor's change.
        render_cache.connect_signals()
        # Reads of the APIs, open data and counters are open to every origin.
        check_request_enabled.connect(reads_from_anywhere, dispatch_uid="campaign_cors_reads")
        # Random names for uploaded images; renditions as private as their original.
        name_images_privately()
        # An authenticator taken off a staff account is told to the account (where staff
        # accounts have a second factor: a feature installed alone may not).
        if apps.is_installed("django_otp.plugins.otp_totp"):
            from django_otp.plugins.otp_totp.models import TOTPDevice

            from campaign_site.staff import tell_account_of_removal

            post_delete.connect(
                tell_account_of_removal, sender=TOTPDevice, dispatch_uid="campaign_2fa_removed"
            )
