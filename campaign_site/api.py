"""The public APIs partners read, mounted under /api/.

* /api/v2/ — Wagtail's content API (pages, images). Only live, public content:
  drafts, view-restricted pages and prisoner profiles the public may not see
  are excluded from every listing, detail and filter, and the images endpoint
  lists only pictures that public pages show.
* /api/widgets/ — the widget endpoints (django-ninja), with their OpenAPI
  schema at /api/widgets/openapi.json. Each app contributes a router
  (petitions.api, prisoners.api, home.api); the rules stay in the apps.

Wagtail 8's API v3 is a preview; nothing partners depend on is built on it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from ninja import NinjaAPI
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex

from campaign_site.pages import hidden_by_rule
from prisoners.models import PrisonerPage


def without_hidden_pages(queryset):
    """`queryset` without the pages their type's visibility rule hides (home.cards).

    By primary key, the one field every search backend can filter a search on.
    """
    hidden = hidden_by_rule()
    if hidden is None:
        return queryset
    return queryset.exclude(pk__in=Page.objects.filter(hidden).values("pk"))


class PublicPagesAPIViewSet(PagesAPIViewSet):
    # A profile's search description is for full profiles only; the meta field
    # would show it for every page, so the API leaves it out altogether.
    meta_fields = [name for name in PagesAPIViewSet.meta_fields if name != "search_description"]
    listing_default_fields = [
        name for name in PagesAPIViewSet.listing_default_fields if name != "search_description"
    ]
    detail_only_fields = [
        name for name in PagesAPIViewSet.detail_only_fields if name != "search_description"
    ]

    def get_base_queryset(self):
        return without_hidden_pages(super().get_base_queryset())

    def get_queryset(self):
        # A page type listed on its own (?type=…) may fetch what its API fields
        # need in bulk, so a listing costs the same for 2 pages or 20.
        queryset = super().get_queryset()
        prepare = getattr(queryset.model, "prepare_api_queryset", None)
        return prepare(queryset) if prepare else queryset


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Images that public pages show, and never a photo the visibility rule hides."""

    def get_queryset(self):
        shown = without_hidden_pages(Page.objects.live().public())
        used_by_public_pages = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=shown.annotate(key=Cast("pk", CharField())).values("key"),
            to_content_type=ContentType.objects.get_for_model(get_image_model()),
        ).values("to_object_id")
        return PrisonerPage.exclude_private_images(
            super()
            .get_queryset()
            .annotate(key=Cast("pk", CharField()))
            .filter(key__in=used_by_public_pages)
        )


content_api = WagtailAPIRouter("wagtailapi")
content_api.register_endpoint("pages", PublicPagesAPIViewSet)
content_api.register_endpoint("images", PublicImagesAPIViewSet)


widgets_api = NinjaAPI(
    title="Campaign widgets API",
    version="1",
    description=(
        "Read a petition's count and goal, sign it, and read public prisoner cards and the "
        "campaign's figures. JSON only; no personal data is ever returned. GET endpoints "
        "accept any origin; signing accepts the origins registered for a partner."
    ),
    urls_namespace="widgets",
    docs_url=None,  # the interactive docs load scripts from a CDN; the schema is enough
)


def mount_widget_routers():
    from home.api import router as home_router
    from petitions.api import router as petitions_router
    from prisoners.api import router as prisoners_router

    widgets_api.add_router("/petitions", petitions_router)
    widgets_api.add_router("/prisoners", prisoners_router)
    widgets_api.add_router("/figures", home_router)
