from django.middleware.locale import LocaleMiddleware


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of 404s on language-neutral URLs.

    Django answers a 404 on an unprefixed path by redirecting to /<language>/<path>,
    and Wagtail's catch-all makes every such path look valid. For machine-facing
    URLs (the API, widgets, oEmbed, feeds) a 404 must stay a 404.
    """

    LANGUAGE_NEUTRAL_PREFIXES = ("/api/", "/embed", "/oembed", "/admin/", "/documents/", "/health/")

    def process_response(self, request, response):
        if request.path_info.startswith(self.LANGUAGE_NEUTRAL_PREFIXES):
            return response
        return super().process_response(request, response)
