"""One cache policy for what visitors read, so a shared HTTP cache can carry a viral day.

A campaign's best day is a spike of people reloading a petition to watch the
count. Every anonymous GET of a public page may be kept by a shared cache
(Varnish in front, or a CDN) for CAMPAIGN_PAGE_CACHE_SECONDS and served stale
while it refreshes or while the site is down; browsers keep it briefly. Live
figures stay live through their own small endpoints, which set a shorter
policy of their own (a view's own Cache-Control always wins here).

Never cached by a shared cache: the admin and previews, anything a signed-in
editor sees, anything that sets a cookie, form answers (POST), errors other
than 404, and /health/.

Publishing purges what changed (wagtail.contrib.frontend_cache): the page in
every language (WAGTAILFRONTENDCACHE_LANGUAGES), the cached paths it declares
(`get_cached_paths`, e.g. feeds), the pages above it that list it, and the
sitemap.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site

NEVER_SHARED_PREFIXES = ("/admin/", "/health/", "/documents/")
CACHEABLE_STATUSES = (200, 301, 404, 410)
#: Browsers ask again every time (a cheap 304 from the cache in front): someone who
#: has just signed or published must not be shown their own browser's older copy.
BROWSER_SECONDS = 0
#: A cache may serve a stale copy this long while the site cannot answer.
STALE_IF_ERROR_SECONDS = 24 * 3600


def page_cache_seconds():
    return getattr(settings, "CAMPAIGN_PAGE_CACHE_SECONDS", 60)


def shared_cacheable(request, response):
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(NEVER_SHARED_PREFIXES):
        return False
    if response.status_code not in CACHEABLE_STATUSES or response.cookies:
        return False
    if getattr(request, "is_preview", False):
        return False
    # A session may open private pages (Wagtail's page passwords): never share.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class SharedCacheMiddleware:
    """Cache-Control for every response that has none: public for what any visitor
    may be served, private otherwise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if shared_cacheable(request, response):
            seconds = page_cache_seconds()
            patch_cache_control(
                response,
                public=True,
                max_age=min(BROWSER_SECONDS, seconds),
                s_maxage=seconds,
                stale_while_revalidate=seconds,
                stale_if_error=STALE_IF_ERROR_SECONDS,
            )
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response


class PublicGZipMiddleware(GZipMiddleware):
    """Compress responses, except the admin's.

    Compression next to a secret that a page reflects leaks it (BREACH). Public
    pages hold none (forms use signed tokens, no CSRF cookie, no session); the
    admin has CSRF tokens, so it is left alone.
    """

    def process_response(self, request, response):
        if request.path_info.startswith("/admin/"):
            return response
        response = super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        return response


# --- purges ------------------------------------------------------------------


def purge_listings_of(sender, instance, **kwargs):
    """After a publish or unpublish: the pages that list `page` (its live ancestors:
    indexes, the home page) and the sitemap. The page itself, in every language,
    is purged by wagtail.contrib.frontend_cache's own handler."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    page = instance
    batch = PurgeBatch()
    ancestors = page.get_ancestors().live().filter(depth__gt=1).specific(defer=True)
    batch.add_pages(ancestors)
    try:
        site = page.get_site()
    except Site.DoesNotExist:  # deleted with the page (load_demo replaces Wagtail's welcome page)
        site = None
    if site is not None:
        batch.add_url(site.root_url + "/sitemap.xml")
    batch.purge()
