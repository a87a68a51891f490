"""The URLs a site mounts to serve petitions: the plugin's own, then Wagtail's pages."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [path("", include("petitions.urls"))]
urlpatterns += i18n_patterns(
    path("", include("petitions.localized_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
