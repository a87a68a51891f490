from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import HttpResponse, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.template import loader
from django.utils.translation import get_language

from campaign_site import abuse
from campaign_site.errors import wants_json


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


class UnknownSessionLimitMiddleware:
    """Limit, per client address, reads whose session cookie names no session.

    Varnish passes every request carrying a session cookie to the app (editors and
    visitors of password-protected pages get private answers), so a made-up cookie
    turns any URL into a fresh render. Such a request loads its session here, which
    is the one lookup the views would make anyway (the session keeps what it read),
    and counts against CAMPAIGN_UNKNOWN_SESSION_IP_RATES; past it, a small 429 in
    the visitor's language that touches nothing else. Loading it also makes
    SessionMiddleware delete the dead cookie in the answer, so a person's browser
    sends it once. Requests without the cookie, and the admin (its sign-in handles
    its own sessions, with django-axes), are left alone.

    Below SessionMiddleware (it needs request.session) and SiteLocaleMiddleware
    (the visitor's language is active).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME in request.COOKIES
            and not _is_admin(request.path_info)
            and _names_no_session(request.session)
            and abuse.unknown_session_limited(request)
        ):
            return too_many_requests(request)
        return self.get_response(request)


def _is_admin(path):
    return path == "/admin" or path.startswith("/admin/")


def _names_no_session(session):
    # Reading a key loads the session and keeps it for the views; a store-backed
    # engine (the database's, the cache's) forgets a key that names no session,
    # an expired one included. A key of the wrong shape is never looked up.
    session.get(SESSION_KEY)
    return session.session_key is None


def too_many_requests(request):
    """429 with Retry-After, JSON on the machines' routes: no page tree, no settings."""
    if wants_json(request):
        response = JsonResponse({"detail": str(abuse.UNKNOWN_SESSION_MESSAGE)}, status=429)
    else:
        # "Try again" asks for the same page: a keyboard or screen reader user keeps
        # their place.
        page = loader.get_template("429.html").render(
            {"language_code": get_language(), "retry_url": request.get_full_path()}
        )
        response = HttpResponse(page, status=429)
        # The page carries its few styles inline, like the error pages.
        response._csp_update = {"style-src": ["'unsafe-inline'"]}
    response["Retry-After"] = str(abuse.RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
