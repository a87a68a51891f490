"""Language-neutral endpoints of the home app: the sitemap and robots.txt."""

from django.urls import path
from wagtail.contrib.sitemaps import views as sitemap_views

from home import views
from home.sitemap import MultilingualSitemap

urlpatterns = [
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": {"pages": MultilingualSitemap}},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
