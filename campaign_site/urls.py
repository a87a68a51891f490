from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views import account
from wagtail.documents import urls as wagtaildocs_urls

from campaign_site import embeds
from campaign_site.api import content_api, mount_widget_routers, widgets_api
from campaign_site.health import HealthView
from campaign_site.staff import throttle_password_reset
from home import views as home_views

mount_widget_routers()

# A database outage is a 503 with Retry-After; API routes answer JSON.
handler500 = "campaign_site.errors.server_error"

# Language-neutral endpoints: the admin (its language follows the editor's
# preference), documents, and machine-facing URLs.
urlpatterns = [
    # Wagtail's own view, behind a limit per address and per email.
    path(
        "admin/password_reset/",
        throttle_password_reset(account.PasswordResetView.as_view()),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("health/", HealthView.as_view(), name="health"),
    path("documents/", include(wagtaildocs_urls)),
    path("embed.js", embeds.loader, name="embed_loader"),
    path("embed/<slug:kind>/<int:page_id>/", embeds.widget, name="embed_widget"),
    path("oembed", embeds.oembed, name="oembed"),
    path("api/v2/", content_api.urls),
    path("api/widgets/", widgets_api.urls),
    path("", include("petitions.urls")),
    path("", include("prisoners.urls")),
    path("", include("home.urls")),
    path("", home_views.language_root, name="language_root"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages live under /en/, /fr/, /hy/. Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path("", include("petitions.localized_urls")),
    path("", include("prisoners.localized_urls")),
    path("", include("home.localized_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
