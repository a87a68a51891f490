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

Pages are at most CAMPAIGN_PAGE_CACHE_SECONDS stale: fresh for all of it but the
last PAGE_REVALIDATE_SECONDS, during which a cache may answer with its copy while
it fetches a new one. Live figures (`live_cache_control`) are at most
LIVE_FIGURES_SECONDS stale at every layer, the browser's included.

Publishing purges what changed (wagtail.contrib.frontend_cache): the page in
every language, the cached paths it declares (`get_cached_paths`, e.g. feeds),
the pages that list or show it, search, the sitemap and the APIs
(`purge_urls_after_publishing`).
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, ReferenceIndex, Site

from campaign_site.render_cache import content_changed

NEVER_SHARED_PREFIXES = ("/admin/", "/health/", "/documents/")
CACHEABLE_STATUSES = (200, 301, 404, 410)
#: Browsers ask again every time (a cheap 304 from the cache in front): someone who
#: has just signed or published must not be shown their own browser's older copy.
BROWSER_SECONDS = 0
#: A cache may serve a stale copy this long while the site cannot answer.
STALE_IF_ERROR_SECONDS = 24 * 3600
#: The end of a page's time in a cache, during which it may be served while refreshed.
PAGE_REVALIDATE_SECONDS = 10
#: Counts, progress and latest signers are never older than this, wherever they are read.
LIVE_FIGURES_SECONDS = 10


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
            page_cache_control(response)
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response


def page_cache_control(response, *, browser_seconds=None):
    """Cache-Control of what pages are: kept by shared caches at most
    `page_cache_seconds()` in all, the last PAGE_REVALIDATE_SECONDS of it served while
    a fresh copy is fetched; by browsers `browser_seconds` (by default as pages)."""
    seconds = page_cache_seconds()
    revalidate = min(PAGE_REVALIDATE_SECONDS, seconds // 2)
    patch_cache_control(
        response,
        public=True,
        max_age=min(BROWSER_SECONDS, seconds) if browser_seconds is None else browser_seconds,
        s_maxage=seconds - revalidate,
        stale_while_revalidate=revalidate,
        stale_if_error=STALE_IF_ERROR_SECONDS,
    )


def live_cache_control(response):
    """Cache-Control of live figures: fresh for half of LIVE_FIGURES_SECONDS, then
    served while refreshed for the other half. Browsers count the cache's `Age`, so
    theirs is never older either. On a bad day the last figures beat none."""
    half = LIVE_FIGURES_SECONDS // 2
    patch_cache_control(
        response,
        public=True,
        max_age=half,
        s_maxage=half,
        stale_while_revalidate=half,
        stale_if_error=STALE_IF_ERROR_SECONDS,
    )
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

#: Listings drawn from many pages, with query strings no purge can enumerate (API
#: filters, widgets' languages, oEmbed URLs, open data formats). A URL ending in `*`
#: purges everything under it: Varnish bans the prefix (deploy/varnish/default.vcl)
#: and CloudFront reads the same wildcard; Cloudflare purges exact URLs only, so
#: there they expire on their own (CAMPAIGN_PAGE_CACHE_SECONDS).
SHARED_LISTING_PREFIXES = ("/api/", "/embed/", "/oembed", "/open-data/")


def purge_urls_after_publishing(page):
    """Every cached URL whose content a publish (or unpublish) of `page` changes.

    The page and its live translations, with the paths they declare
    (`get_cached_paths`: feeds); the pages above each of them that list it (indexes,
    home), with their query strings (tags, pagination); live pages that show it
    (Wagtail's reference index: cards on news and home pages); each language's
    search; the sitemap; each translation's share cards; and the shared listings (APIs,
    widgets, open data).
    """
    batch = PurgeBatch()
    translations = list(page.get_translations(inclusive=True).live().specific(defer=True))
    if page.live and all(t.pk != page.pk for t in translations):
        translations.append(page)
    batch.add_pages(translations)
    listings = {}
    for translation in translations or [page]:
        for ancestor in translation.get_ancestors().live().filter(depth__gt=1).specific(defer=True):
            listings[ancestor.pk] = ancestor
    references = ReferenceIndex.objects.none()
    for translation in translations or [page]:
        references = references | ReferenceIndex.get_references_to(translation)
    showing = Page.objects.live().filter(
        pk__in=[
            int(object_id)
            for object_id in references.filter(
                base_content_type=ReferenceIndex._get_base_content_type(page)
            ).values_list("object_id", flat=True)
        ]
    )
    for other in showing.specific(defer=True):
        listings[other.pk] = other
    batch.add_pages(listings.values())
    for listing in listings.values():
        url = listing.get_full_url(batch)
        if url:
            batch.add_url(url + "*")

    try:
        site = page.get_site()
    except Site.DoesNotExist:  # deleted with the page (load_demo replaces Wagtail's welcome page)
        site = None
    if site is not None:
        root = site.root_url
        batch.add_url(root + "/sitemap.xml")
        # Its share cards: a card drawn with a photo must not outlive the photo's privacy.
        for translation in translations or [page]:
            prefix = share_cards_prefix(translation.pk)
            if prefix:
                batch.add_url(f"{root}{prefix}*")
        for language, _name in settings.LANGUAGES:
            batch.add_url(f"{root}/{language}/search/*")
        for prefix in SHARED_LISTING_PREFIXES:
            batch.add_url(f"{root}{prefix}*")
    return batch.urls


def share_cards_prefix(page_id):
    """The path every share card of the page `page_id` is under, or None (not mounted)."""
    try:
        url = reverse("share_card", kwargs={"page_id": page_id, "language": "x", "key": "x"})
    except NoReverseMatch:
        return None
    return url.rsplit("/", 2)[0] + "/"


def purge_listings_of(sender, instance, **kwargs):
    """After a publish or unpublish, purge what changed (`purge_urls_after_publishing`).
    Wagtail's own handler purges the page itself too; the URLs are purged once."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    PurgeBatch(purge_urls_after_publishing(instance)).purge()


def purge_pages_and_listings(pages, paths=()):
    """For data that several pages share (a person's facts show on every translation
    of the profile): what publishing each of `pages` purges
    (`purge_urls_after_publishing`), and `paths` on each page's site, for caches that
    purge exact URLs only. What pages keep between requests is retired too."""
    content_changed()
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    urls = {}
    done = set()
    for page in pages:
        root = _site_root(page)
        if root is not None:
            urls.update(dict.fromkeys(root + path for path in paths))
        if page.translation_key not in done:  # its translations are purged with it
            done.add(page.translation_key)
            urls.update(dict.fromkeys(purge_urls_after_publishing(page)))
    PurgeBatch(list(urls)).purge()


def _site_root(page):
    try:
        site = page.get_site()
    except Site.DoesNotExist:  # deleted with the page
        return None
    return site.root_url if site is not None else None
