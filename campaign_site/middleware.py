from django.conf import settings
from django.middleware.locale import LocaleMiddleware


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of 404s on language-neutral URLs.

    Django answers a 404 on an unprefixed path by redirecting to /<language>/<path>,
    and Wagtail's catch-all makes every such path look valid. For machine-facing
    URLs (the API, widgets, oEmbed, feeds) a 404 must stay a 404. Files whose bytes do not
    depend on the visitor's language (uploads, share cards, the favicon, robots.txt, a
    petition's count) also skip its `Vary: Accept-Language`, which would keep one copy per
    browser language of each in Varnish and in browsers.
    """

    LANGUAGE_NEUTRAL_PREFIXES = (
        "/api/",
        "/embed",
        "/oembed",
        "/admin/",
        "/documents/",
        "/health/",
        "/share-cards/",
        "/favicon.ico",
        "/robots.txt",
        "/petitions/",
    )

    def process_response(self, request, response):
        if request.path_info.startswith(self.LANGUAGE_NEUTRAL_PREFIXES + (settings.MEDIA_URL,)):
            return response
        return super().process_response(request, response)
