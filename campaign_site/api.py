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

import json
from functools import wraps

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Q
from django.db.models.functions import Cast
from django.http import Http404, HttpResponse
from django.urls import URLPattern, URLResolver
from django.utils import translation
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.parser import Parser
from rest_framework.fields import Field
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex

from campaign_site import abuse
from campaign_site.embeds import widget_language
from campaign_site.http_cache import LIVE_FIGURES_SECONDS
from campaign_site.pages import hidden_by_rule
from campaign_site.render_cache import remember, shared_render
from prisoners.models import PrisonerPage


def without_hidden_pages(queryset):
    """`queryset` without the pages their type's visibility rule hides (home.cards).

    By primary key, the one field every search backend can filter a search on.
    """
    hidden = hidden_by_rule()
    if hidden is None:
        return queryset
    return queryset.exclude(pk__in=Page.objects.filter(hidden).values("pk"))


class BoundedPagination(WagtailPagination):
    """Wagtail's offset/limit pagination, refusing offsets no database can take.

    An offset past 64 bits is a server error in SQLite and PostgreSQL alike; no
    listing is that long, so anything past MAX_OFFSET is a clear 400.
    """

    MAX_OFFSET = 10**9

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > self.MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {self.MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PageTranslationsField(Field):
    """`{language code: page id}` of the page in every language the public may read it."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        translations = without_hidden_pages(page.get_translations(inclusive=True).live().public())
        return dict(
            translations.order_by("locale__language_code").values_list(
                "locale__language_code", "pk"
            )
        )


class LimitedSearch:
    """?search= on a listing: never kept (every query is new) and counted against the
    client address with the search page's limit (campaign_site.abuse.search_limited);
    past it, a JSON 429 in the caller's language, and nothing is searched."""

    def listing_view(self, request):
        if request.GET.get("search", "").strip() and abuse.search_limited(request):
            language = request.GET.get("locale", "")
            if language not in dict(settings.LANGUAGES):
                language = translation.get_language()
            with translation.override(language):
                message = str(abuse.SEARCH_LIMITED_MESSAGE)
            return Response(
                {"message": message},
                status=429,
                headers={"Retry-After": str(abuse.RETRY_AFTER_SECONDS)},
            )
        return super().listing_view(request)


class PublicPageSerializer(PageSerializer):
    translations = PageTranslationsField(read_only=True)


class PublicPagesAPIViewSet(LimitedSearch, PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer
    pagination_class = BoundedPagination
    # A profile's search description is for full profiles only; the meta field
    # would show it for every page, so the API leaves it out altogether.
    meta_fields = [name for name in PagesAPIViewSet.meta_fields if name != "search_description"]
    listing_default_fields = [
        name for name in PagesAPIViewSet.listing_default_fields if name != "search_description"
    ]
    # A front end's language switcher reads `translations`: one query per page,
    # so only in a detail.
    meta_fields = [*meta_fields, "translations"]
    # What renders one page (images drawn as renditions, child rows, a profile's facts)
    # is a detail's: a listing is for cards, and costs the same for 2 pages or 20.
    detail_only_fields = [
        *(name for name in PagesAPIViewSet.detail_only_fields if name != "search_description"),
        "translations",
        "image",
        "hero_image",
        "decision_makers",
        "timeline",
        "partners",
        "tags",
        "profile",
    ]

    def get_base_queryset(self):
        return without_hidden_pages(super().get_base_queryset())

    # --- Answers kept between requests (campaign_site.render_cache) -------------
    #
    # An answer is the same for every anonymous reader of the same URL, until an editor
    # changes something (a person made hidden included); petitions' items carry their
    # live count, so an answer is kept no longer than live figures. Searches (?search=)
    # are endless and always answered afresh; errors are never kept.

    #: Longest query string whose answer is kept.
    KEPT_QUERY_LENGTH = 500

    def kept_answer(self, request, answer):
        django_request = request._request
        query = django_request.META.get("QUERY_STRING", "")
        if (
            not shared_render(django_request)
            or "search" in request.GET
            or len(query) > self.KEPT_QUERY_LENGTH
        ):
            return answer()
        parameters = "&".join(
            f"{name}={value}" for name, values in sorted(request.GET.lists()) for value in values
        )
        data = remember(
            "api-pages",
            lambda: answer().data,
            vary=(
                django_request.get_host(),
                django_request.scheme,
                django_request.path,
                parameters,
                translation.get_language(),
            ),
            timeout=LIVE_FIGURES_SECONDS,
        )
        return Response(data)

    def listing_view(self, request):
        return self.kept_answer(
            request, lambda: super(PublicPagesAPIViewSet, self).listing_view(request)
        )

    def detail_view(self, request, pk):
        return self.kept_answer(
            request, lambda: super(PublicPagesAPIViewSet, self).detail_view(request, pk)
        )

    def get_queryset(self):
        # A page type listed on its own (?type=…) may fetch what its API fields
        # need in bulk, so a listing costs the same for 2 pages or 20.
        # Every item shows its locale: one join, rather than a query per item.
        queryset = super().get_queryset().select_related("locale")
        prepare = getattr(queryset.model, "prepare_api_queryset", None)
        return prepare(queryset) if prepare else queryset


class PublicImagesAPIViewSet(LimitedSearch, ImagesAPIViewSet):
    """Images that public pages show, and never a photo the visibility rule hides."""

    pagination_class = BoundedPagination

    def get_queryset(self):
        shown = without_hidden_pages(Page.objects.live().public())
        used_by_public_pages = (
            ReferenceIndex.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=shown.annotate(key=Cast("pk", CharField())).values("key"),
                to_content_type=ContentType.objects.get_for_model(get_image_model()),
            )
            .annotate(image_id=Cast("to_object_id", BigIntegerField()))
            .values("image_id")
        )
        # By primary key, and the cast inside the subquery: a search (?search=) can only
        # filter on indexed fields, and an annotation on the images is none.
        return PrisonerPage.exclude_private_images(
            super()
            .get_queryset()
            .filter(Q(pk__in=used_by_public_pages) | Q(pk__in=PrisonerPage.public_photo_ids()))
        )


content_api = WagtailAPIRouter("wagtailapi")
content_api.register_endpoint("pages", PublicPagesAPIViewSet)
content_api.register_endpoint("images", PublicImagesAPIViewSet)


class StorableJSONParser(Parser):
    """JSON whose every string a database can store.

    JSON may spell a lone surrogate ("\\ud800") or a NUL, which no UTF-8 text holds:
    PostgreSQL refuses them and the signature would be a server error. Such a body
    is refused as unreadable (400), like malformed JSON.
    """

    def parse_body(self, request):
        data = json.loads(request.body)
        if not storable(data):
            raise ValueError("a string holds a NUL or a lone surrogate")
        return data


def storable(value):
    if isinstance(value, str):
        if "\x00" in value:
            return False
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(storable(key) and storable(item) for key, item in value.items())
    if isinstance(value, list):
        return all(storable(item) for item in value)
    return True


def answers_head(view):
    """`view` answering HEAD as it answers GET, headers and length, without the body.

    django-ninja routes one method per operation and answers HEAD with a 405,
    while HTTP (RFC 9110 §9.3.2) asks HEAD of whatever answers GET.
    """

    @wraps(view)
    def view_with_head(request, *args, **kwargs):
        if request.method != "HEAD":
            return view(request, *args, **kwargs)
        request.method = "GET"
        try:
            response = view(request, *args, **kwargs)
        finally:
            request.method = "HEAD"
        if not response.streaming:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response

    return view_with_head


def _with_head(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _with_head(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            pattern.callback = answers_head(pattern.callback)
    return patterns


#: Statuses every widget endpoint may answer besides its own, as the schema documents them.
_ERROR_SCHEMAS = {
    "NotFound": {
        "title": "NotFound",
        "type": "object",
        "properties": {"detail": {"type": "string", "title": "Detail"}},
        "required": ["detail"],
    },
    "InvalidInput": {
        "title": "InvalidInput",
        "type": "object",
        "properties": {"detail": {"type": "array", "items": {"type": "object"}}},
        "required": ["detail"],
    },
}
_COMMON_RESPONSES = {
    "404": (
        "No such page, or not one the public may see (a hidden profile, a draft), or not in "
        "this site.",
        "NotFound",
    ),
    "422": ("A parameter or the body does not have the documented type.", "InvalidInput"),
}


class WidgetsAPI(NinjaAPI):
    """The widgets API, with HEAD wherever GET works and every status in its schema."""

    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        return _with_head(patterns), app_name, namespace

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {}).update(_ERROR_SCHEMAS)
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                responses = operation["responses"]
                for status, (description, name) in _COMMON_RESPONSES.items():
                    responses.setdefault(
                        status,
                        {
                            "description": description,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": f"#/components/schemas/{name}"}
                                }
                            },
                        },
                    )
                if method == "get":
                    # ConditionalGetMiddleware: every GET carries an ETag.
                    responses.setdefault(
                        "304", {"description": "Not modified since the ETag in If-None-Match."}
                    )
        return schema


widgets_api = WidgetsAPI(
    title="Campaign widgets API",
    version="1",
    description=(
        "Read a petition's count and goal, sign it, and read public prisoner cards and the "
        "campaign's figures. JSON only; no personal data is ever returned. GET endpoints "
        "accept any origin; signing accepts the origins registered for a partner."
    ),
    urls_namespace="widgets",
    docs_url=None,  # the interactive docs load scripts from a CDN; the schema is enough
    parser=StorableJSONParser(),
)


@widgets_api.get(
    "/challenge",
    url_name="proof_of_work_challenge",
    summary="A proof-of-work challenge (while the site is under attack)",
    tags=["anti-abuse"],
)
def proof_of_work_challenge(request, response: HttpResponse):
    """An ALTCHA challenge to solve in the browser. While editors have the under-attack
    switch on, signing needs its solution (the `altcha` member or form field)."""
    response["Cache-Control"] = "no-store"
    return abuse.issue_challenge()


#: django-ninja's own error messages, in the widget's language (?lang=).
NINJA_MESSAGES = {
    "Cannot parse request body": gettext_lazy(
        "The request body is not JSON we can read: check its syntax and its text encoding "
        "(UTF-8, without NUL characters or lone surrogates)."
    ),
    "Not Found": gettext_lazy("Not found."),
}
INVALID_MEMBERS = gettext_lazy(
    "Some members of the request are missing or have the wrong type: see `detail`."
)


@widgets_api.exception_handler(HttpError)
def localized_http_error(request, exc):
    with translation.override(widget_language(request)):
        message = str(NINJA_MESSAGES.get(str(exc), exc))
    return widgets_api.create_response(request, {"detail": message}, status=exc.status_code)


@widgets_api.exception_handler(Http404)
def localized_not_found(request, exc):
    with translation.override(widget_language(request)):
        message = str(NINJA_MESSAGES["Not Found"])
    return widgets_api.create_response(request, {"detail": message}, status=404)


@widgets_api.exception_handler(ValidationError)
def localized_validation_error(request, exc):
    with translation.override(widget_language(request)):
        message = str(INVALID_MEMBERS)
    return widgets_api.create_response(
        request, {"message": message, "detail": exc.errors}, status=422
    )


def mount_widget_routers():
    from home.api import router as home_router
    from petitions.api import router as petitions_router
    from prisoners.api import router as prisoners_router

    widgets_api.add_router("/petitions", petitions_router)
    widgets_api.add_router("/prisoners", prisoners_router)
    widgets_api.add_router("/figures", home_router)
