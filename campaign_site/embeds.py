"""Partner embeds: the loader script, widget frames, oEmbed and the admin's Embed panel.

A partner pastes one <script> and one <div data-campaign-embed=…>; the loader
turns the div into an iframe of /embed/<kind>/<id>/ on this site, which tells
the parent its height with postMessage. Widgets are iframes (the oEmbed spec's
advice against XSS in consumers), so they send CSP frame-ancestors instead of
X-Frame-Options; every other response keeps X-Frame-Options: DENY.

The widget views themselves belong to their apps (petitions.widgets,
prisoners.widgets); a page type becomes embeddable with EmbeddableMixin.
"""

from functools import wraps
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from wagtail.admin.panels import Panel
from wagtail.models import Page, Site

from campaign_site.localization import localized_page
from campaign_site.models import site_identity
from campaign_site.render_cache import remember

LOADER_PATH = Path(__file__).resolve().parent / "static" / "embed" / "loader.js"
THEMES = ("light", "dark")
DEFAULT_WIDTH = 600


class EmbeddableMixin:
    """A page type partners can embed. Set `embed_kind` (the /embed/<kind>/ path part).

    `is_embeddable()` must be False for anything that may not be shown publicly;
    oEmbed, the discovery link and the admin panel all ask it.
    """

    embed_kind = None
    embed_height = 480
    embed_title = _("Campaign widget")

    def is_embeddable(self):
        return self.live and not self.get_view_restrictions().exists()

    def get_embed_path(self, **params):
        path = reverse("embed_widget", kwargs={"kind": self.embed_kind, "page_id": self.pk})
        params = {key: value for key, value in params.items() if value}
        return f"{path}?{urlencode(params)}" if params else path

    def get_oembed_discovery_path(self):
        return f"{reverse('oembed')}?{urlencode({'url': self.get_full_url(), 'format': 'json'})}"


def widget_language(request):
    """The language a widget speaks: ?lang= when it is one of the site's, else the default."""
    requested = request.GET.get("lang", "")
    codes = [code for code, _name in settings.LANGUAGES]
    return requested if requested in codes else settings.LANGUAGE_CODE


def widget_theme(request):
    theme = request.GET.get("theme", "")
    return theme if theme in THEMES else "light"


def frame_ancestors(response, origins=None):
    """Allow framing by `origins` (an iterable of origins), or by any site when None."""
    sources = ["*"] if origins is None else (list(origins) or ["'none'"])
    # The rest of the site's Content-Security-Policy stays (campaign_site.security).
    response._csp_replace = {**getattr(response, "_csp_replace", {}), "frame-ancestors": sources}
    response.xframe_options_exempt = True
    return response


def embeddable_view(view):
    """A widget view: speaks ?lang=, may be framed anywhere unless it narrows that itself."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override(widget_language(request)):
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        if "frame-ancestors" not in getattr(response, "_csp_replace", {}):
            frame_ancestors(response)
        patch_vary_headers(response, ("Accept-Language",))
        return response

    return wrapper


_WIDGET_VIEWS = {}


def register_widget(kind):
    """Register the view that renders /embed/<kind>/<page_id>/ (called by each app)."""

    def decorator(view):
        _WIDGET_VIEWS[kind] = embeddable_view(view)
        return view

    return decorator


# Widgets live in third-party iframes where cookies are blocked, so there is no
# CSRF cookie to check; a widget that accepts POSTs protects itself with a
# signed form token and rate limits (campaign_site.abuse).
@csrf_exempt
def widget(request, kind, page_id):
    view = _WIDGET_VIEWS.get(kind)
    if view is None:
        raise Http404("No such widget")
    return view(request, page_id)


#: Page ids are 32-bit integers in every database Wagtail supports.
MAX_PAGE_ID = 2**31 - 1


def localized_embeddable_page(page_id, language_code, model=None):
    """The embeddable translation of live page `page_id` in the widget's language.

    Falls back to the page's own language when that translation is missing or
    not public (`localized_page`), never to a page that is not embeddable.
    """
    model = model or Page
    if not 0 < page_id <= MAX_PAGE_ID:
        raise Http404  # the database would refuse the number, not find nothing

    def find():
        source = model.objects.live().filter(pk=page_id).first()
        page = localized_page(source, language_code, queryset=model.objects.all())
        if page is None:
            raise Http404
        page = page.specific
        if not isinstance(page, EmbeddableMixin) or not page.is_embeddable():
            raise Http404
        return page

    # Which page answers is the same for every visitor until an editor publishes,
    # unpublishes, restricts or hides something (campaign_site.render_cache): the id is
    # kept, the page is read in one query. What is not found is never kept.
    found = {}

    def found_id():
        found["page"] = find()
        return found["page"].pk

    pk = remember(
        "embeddable-page", found_id, vary=(model._meta.label_lower, page_id, language_code)
    )
    if "page" in found:
        return found["page"]
    page = model.objects.filter(pk=pk).first()
    if page is None:  # deleted since, and the change not seen yet
        return find()
    return page.specific if model is Page else page


@require_safe
def loader(request):
    """/embed.js: stable URL for partners' pages, cached for a day by browsers and CDNs."""
    body = LOADER_PATH.read_bytes()
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Last-Modified"] = http_date(LOADER_PATH.stat().st_mtime)
    patch_cache_control(response, public=True, max_age=86400, stale_while_revalidate=604800)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _page_for_url(request, url):
    """The live page a public URL of this site shows, or None."""
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError:  # "http://[::1/…": not a URL at all
        return None
    if parts.scheme not in ("http", "https", ""):
        return None
    components = [part for part in parts.path.split("/") if part]
    codes = {code for code, _name in settings.LANGUAGES}
    if not components or components[0] not in codes:
        return None
    language_code, components = components[0], components[1:]
    site = _site_serving(request, hostname)
    if site is None:
        return None
    root = (
        site.root_page.get_translations(inclusive=True)
        .live()
        .filter(locale__language_code=language_code)
        .first()
    )
    if root is None:
        return None
    try:
        with translation.override(language_code):
            result = root.specific.route(request, components)
    except Http404:
        return None
    page = result[0] if isinstance(result, tuple) else result.page
    return page.specific if page is not None else None


def _site_serving(request, hostname):
    """The site a URL's host names: one of ours, or the host this request came to.

    Never the default site for another host: oEmbed would then describe a
    page of ours as if it lived at someone else's address.
    """
    if not hostname:
        return Site.find_for_request(request)
    site = Site.objects.filter(hostname__iexact=hostname).first()
    if site is None and hostname.lower() == request.get_host().rsplit(":", 1)[0].lower():
        site = Site.find_for_request(request)
    return site


@require_safe
def oembed(request):
    """oEmbed provider (https://oembed.com): rich iframe embeds for embeddable page URLs."""
    response_format = request.GET.get("format", "json")
    if response_format != "json":
        return HttpResponse(status=501)
    page = _page_for_url(request, request.GET.get("url", ""))
    if not isinstance(page, EmbeddableMixin) or not page.is_embeddable():
        return JsonResponse({"error": "No embeddable page at this URL."}, status=404)

    width = _bounded(request.GET.get("maxwidth"), DEFAULT_WIDTH)
    height = _bounded(request.GET.get("maxheight"), page.embed_height)
    site = page.get_site()
    src = site.root_url + page.get_embed_path(lang=page.locale.language_code)
    html = render_to_string(
        "embeds/iframe_snippet.html",
        {"src": src, "width": width, "height": height, "title": page.title},
    ).strip()
    data = {
        "version": "1.0",
        "type": "rich",
        "provider_name": site_identity(page.locale.language_code, site=site).name,
        "provider_url": site.root_url,
        "title": page.title,
        "html": html,
        "width": width,
        "height": height,
        "cache_age": 3600,
    }
    response = JsonResponse(data)
    patch_cache_control(response, public=True, max_age=3600)
    return response


def _bounded(value, default):
    try:
        limit = int(value)
    except (TypeError, ValueError):
        return default
    return max(1, min(default, limit))


class EmbedPanel(Panel):
    """Read-only panel giving editors the snippets to send a partner."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "embeds/embed_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and self.instance.live

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            root_url = page.get_site().root_url
            language = page.locale.language_code
            context.update(
                {
                    "loader_snippet": render_to_string(
                        "embeds/loader_snippet.html",
                        {
                            "root_url": root_url,
                            "kind": page.embed_kind,
                            "page_id": page.pk,
                            "language": language,
                        },
                    ).strip(),
                    "iframe_snippet": render_to_string(
                        "embeds/iframe_snippet.html",
                        {
                            "src": root_url + page.get_embed_path(lang=language),
                            "width": DEFAULT_WIDTH,
                            "height": page.embed_height,
                            "title": page.title,
                        },
                    ).strip(),
                    "oembed_url": root_url + page.get_oembed_discovery_path(),
                    "page_url": page.get_full_url(),
                    "embeddable": page.is_embeddable(),
                }
            )
            return context
