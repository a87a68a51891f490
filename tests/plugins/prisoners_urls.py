"""URLs of a site made of the prisoners plugin alone (tests/plugins/prisoners_settings.py)."""

from django.urls import include, path
from wagtail import urls as wagtail_urls

from campaign_site import private_media

urlpatterns = [
    path("admin/private-media/<path:name>", private_media.serve, name="private_media"),
    path("", include("prisoners.urls")),
    path("", include("prisoners.localized_urls")),
    path("", include(wagtail_urls)),
]
