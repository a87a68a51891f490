from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views import account
from wagtail.documents import urls as wagtaildocs_urls

from campaign_site import embeds, media, private_media, share_card_views, site_files, staff
from campaign_site.api import content_api, mount_widget_routers, widgets_api
from campaign_site.health import HealthView
from campaign_site.staff import throttle_password_reset
from home import views as home_views
from petitions.health import AcceptedSignatures
from prisoners.admin_views import PageTypesUsageReportView, SiteHistoryView

mount_widget_routers()

# A database outage is a 503 with Retry-After; API routes answer JSON.
handler500 = "campaign_site.errors.server_error"
handler404 = "campaign_site.errors.page_not_found"
handler400 = "campaign_site.errors.bad_request_handler"

# Language-neutral endpoints: the admin (its language follows the editor's
# preference), documents, and machine-facing URLs.
urlpatterns = [
    # Wagtail's own view, behind a limit per address and per email.
    path(
        "admin/password_reset/",
        throttle_password_reset(account.PasswordResetView.as_view()),
        name="wagtailadmin_password_reset",
    ),
    # Wagtail's reports, without the sensitive profiles a user may not see (prisoners.permissions).
    path(
        "admin/reports/site-history/",
        SiteHistoryView.as_view(),
        name="site_history",
    ),
    path(
        "admin/reports/site-history/results/",
        SiteHistoryView.as_view(results_only=True),
        name="site_history_results",
    ),
    path(
        "admin/reports/page-types-usage/",
        PageTypesUsageReportView.as_view(),
        name="page_types_usage",
    ),
    path(
        "admin/reports/page-types-usage/results/",
        PageTypesUsageReportView.as_view(results_only=True),
        name="page_types_usage_results",
    ),
    # Private files (campaign_site.storage), to authorised staff only.
    path("admin/private-media/<path:name>", private_media.serve, name="private_media"),
    # The second step of signing in, for the accounts campaign_site.staff names.
    path("admin/2fa/verify/", staff.verify, name="staff_2fa_verify"),
    path("admin/2fa/enrol/", staff.enrol, name="staff_2fa_enrol"),
    path("admin/", include(wagtailadmin_urls)),
    path(
        "health/",
        HealthView.as_view(checks=(*HealthView.checks, AcceptedSignatures)),
        name="health",
    ),
    path("favicon.ico", site_files.favicon, name="favicon"),
    path("documents/", include(wagtaildocs_urls)),
    path("embed.js", embeds.loader, name="embed_loader"),
    path("embed/<slug:kind>/<int:page_id>/", embeds.widget, name="embed_widget"),
    path("oembed", embeds.oembed, name="oembed"),
    path(
        "share-cards/<int:page_id>/<slug:language>/<slug:key>.png",
        share_card_views.share_card,
        name="share_card",
    ),
    path("api/v2/", content_api.urls),
    path("api/widgets/", widgets_api.urls),
    path("", include("petitions.urls")),
    path("", include("prisoners.urls")),
    path("", include("home.urls")),
    path("", home_views.language_root, name="language_root"),
]

# Public uploads on local disk, in every environment (campaign_site.media).
urlpatterns.append(
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", media.serve, name="media")
)

# Public pages live under /en/, /fr/, /hy/. Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path("", include("petitions.localized_urls")),
    path("", include("prisoners.localized_urls")),
    path("", include("home.localized_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
