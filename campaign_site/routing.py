"""Which page a URL serves, kept between requests (campaign_site.render_cache).

Before a page does anything, Wagtail asks the database for the request's site,
the active locale, the localized home, one child per level of the path (and its
specific row), the page's locale, its ancestors and its view restrictions: 7 to
10 queries on every page view, whose answers change only when an editor
publishes, moves, unpublishes or deletes a page, edits a site or a locale, or
makes a page private; each of those retires what is kept (render_cache's
content generation).

`KeptRoutingMiddleware` fills in what Wagtail's `serve` view looks for first
(`request._wagtail_site`, `request._wagtail_route_for_request`), from what it
keeps. Nothing here depends on who asks: routing is the same for every visitor,
and whether a visitor may see a restricted page is still decided per request by
Wagtail's own check, against the page's restrictions kept with it.
"""

import functools
import hashlib

from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import PageViewRestriction, Site

from campaign_site.render_cache import remember

#: What a kept route says when Wagtail's own routing must run (see `_route`).
_NOT_KEPT = "not-kept"


class _NoPage(Exception):
    """No page at this path: not kept, or a flood of made-up URLs would fill the cache."""


def site_for_request(request):
    """Wagtail's `Site.find_for_request`, kept per host and port."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()

        def build():
            site = Site._find_for_request(request)
            if site is not None:
                site.root_page  # noqa: B018 - kept with the site
            return site

        request._wagtail_site = remember("site-for-host", build, vary=(_digest(hostname), port))
    return request._wagtail_site


def _digest(text):
    """A short fixed-length key part for what a visitor wrote (a host, a path)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class KeptRestrictions:
    """A kept page's `get_view_restrictions()`: a queryset already holding its answer,
    so iterating it or asking `.exists()` reads no table (chaining it queries afresh)."""

    def __init__(self, model, restrictions):
        self.model = model
        self.restrictions = restrictions

    def __call__(self):
        if self.model is None:
            queryset = PageViewRestriction.objects.none()
        else:
            queryset = self.model.objects.filter(pk__in=[item.pk for item in self.restrictions])
        queryset._result_cache = list(self.restrictions)
        queryset._prefetch_done = True
        return queryset


class KeptRoutingMiddleware:
    """For Wagtail's page view: the site and the route, kept (see the module's doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Other views (the API, health checks) may ask for no site, or none at all.
        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        site = site_for_request(request)
        if site is None:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        components = [component for component in path.split("/") if component]
        found = {}
        try:
            kept = remember(
                "page-route",
                functools.partial(_route, request, site, components, found),
                vary=(site.pk, translation.get_language(), _digest("/".join(components))),
            )
        except _NoPage:
            kept = None
        if "result" in found:  # routed just now
            request._wagtail_route_for_request = found["result"]
        elif kept not in (None, _NOT_KEPT):
            page, consumed, restrictions = kept
            page.get_view_restrictions = KeptRestrictions(
                type(restrictions[0]) if restrictions else None, restrictions
            )
            try:
                # The page's own sub-routes (a feed, a tag) resolve without the database.
                request._wagtail_route_for_request = page.route(request, components[consumed:])
            except Http404:
                request._wagtail_route_for_request = None
        return None


def _route(request, site, components, found):
    """Wagtail's routing, and what to keep of it: (page, path components it took,
    its view restrictions), or _NOT_KEPT when the page found is not the one its path
    names (a page type with routing of its own); raises _NoPage where no page answers."""
    try:
        root = site.root_page.localized.specific
        result = root.route(request, components)
    except Http404:
        found["result"] = None
        raise _NoPage from None
    found["result"] = result
    page = result.page
    consumed = page.depth - root.depth
    expected = root.url_path + "".join(f"{part}/" for part in components[:consumed])
    if not 0 <= consumed <= len(components) or page.url_path != expected:
        return _NOT_KEPT
    page.locale  # noqa: B018 - kept with the page: serving asks for its language
    return (page, consumed, list(page.get_view_restrictions()))
