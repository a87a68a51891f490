"""Server errors as people and machines should get them.

Django turns every unhandled exception, in a view or in a middleware, into a
call to `handler500`. When the database is what failed (stopped, restarting,
out of connections), the right answer is not "server error" but "come back
shortly": 503 with Retry-After, so browsers, partners' scripts, load balancers
and the HTTP cache in front can retry or serve a stale copy. Nothing here may
touch the database: the templates render without a request context.
"""

import json
import logging
import sys
import traceback

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template import loader
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from django.views import defaults

logger = logging.getLogger(__name__)

#: Seconds a client should wait before retrying after a database outage.
RETRY_AFTER_SECONDS = 30

#: Routes that machines read: they get JSON, never an HTML page.
JSON_PREFIXES = ("/api/", "/oembed", "/open-data/")


def database_unavailable(error):
    """True when `error` came from a database that cannot be reached now.

    SQLite reports bad queries as OperationalError too: only an error that a fresh
    connection attempt repeats is an outage.
    """
    if not isinstance(error, OperationalError | InterfaceError):
        return False
    # A connection of its own: the request's may be inside a broken transaction.
    probe = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        probe.ensure_connection()
    except (OperationalError, InterfaceError):
        return True
    finally:
        probe.close()
    return False


def bad_request(request, message):
    """400 with a clear message in the visitor's language (JSON on API routes)."""
    if wants_json(request):
        return JsonResponse({"detail": message}, status=400)
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


class RejectNulBytesMiddleware:
    """A NUL byte is never part of a URL a person typed or a link the site made, and the
    database refuses it (PostgreSQL) or misreads it: refuse such requests at the door."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or "\x00" in value
            for key, values in request.GET.lists()
            for value in values
        ):
            return self._refuse(
                request, gettext_noop("This address contains a character we cannot read.")
            )
        # A session key with a NUL reaches the session store's query (a server error on
        # PostgreSQL, on every URL); no browser sends one in any cookie.
        if any("\x00" in name or "\x00" in value for name, value in request.COOKIES.items()):
            return self._refuse(
                request, gettext_noop("This request contains a character we cannot read.")
            )
        return self.get_response(request)

    @staticmethod
    def _refuse(request, message):
        language = translation.get_language_from_request(request, check_path=True)
        with translation.override(language):
            return bad_request(request, gettext(message))


class JsonErrorsMiddleware:
    """On the machines' routes, a refusal Django or a view writes without a body (a 405
    for the wrong method, say) becomes JSON with a clear message, as every other error
    there is; its status and headers (Allow, CORS…) stay."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            400 <= response.status_code < 500
            and not response.streaming
            and wants_json(request)
            and "json" not in response.get("Content-Type", "")
        ):
            language = translation.get_language_from_request(request, check_path=True)
            with translation.override(language):
                if response.status_code == 405:
                    message = gettext("This method is not allowed here. Use: %(methods)s.") % {
                        "methods": response.get("Allow", "GET")
                    }
                else:
                    message = gettext("This request cannot be answered.")
            response.content = json.dumps({"detail": message})
            response["Content-Type"] = "application/json"
            if response.has_header("Content-Length"):  # set by CommonMiddleware, inside
                response["Content-Length"] = str(len(response.content))
        return response


def wants_json(request):
    return request.path_info.startswith(JSON_PREFIXES) or request.path_info.endswith(".json")


def page_not_found(request, exception=None):
    """handler404: JSON on the machines' routes, the site's page everywhere else."""
    if wants_json(request):
        language = translation.get_language_from_request(request, check_path=True)
        with translation.override(language):
            return JsonResponse({"detail": gettext("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)


def bad_request_handler(request, exception=None):
    """handler400 (a request Django itself refuses: bad Host, too many fields…)."""
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        return bad_request(request, gettext("This request is malformed and cannot be read."))


class MalformedAdminPostMiddleware:
    """A malformed POST to the admin is a 400 with a clear message, not a server error.

    Wagtail reads its editors' forms with widgets that trust the form's hidden
    fields: a page form without `body-count` raises KeyError in the StreamField's
    `value_from_datadict`, a PO upload without a file in wagtail-localize's view.
    Only those places count as malformed input; any other exception stays a
    server error, as a bug should.
    """

    READS_SUBMISSION = frozenset({"value_from_datadict", "upload_pofile"})
    MALFORMED = (KeyError, ValueError, IndexError, TypeError)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method != "POST" or not request.path_info.startswith("/admin/"):
            return None
        if not isinstance(exception, self.MALFORMED):
            return None
        frames = traceback.extract_tb(exception.__traceback__)
        if not any(frame.name in self.READS_SUBMISSION for frame in frames):
            return None
        logger.warning("Malformed admin form refused: %s %r", request.path, exception)
        # The view that set the editor's language has returned: speak it again.
        with translation.override(editor_language(request)):
            return HttpResponseBadRequest(
                render_to_string("staff/malformed_form.html", request=request)
            )


def editor_language(request):
    from campaign_site.localization import account_language

    if request.user.is_authenticated:
        return account_language(request.user)
    return translation.get_language()


def server_error(request, *args, **kwargs):
    """handler500: 503 with Retry-After when the database is down, 500 otherwise."""
    error = sys.exc_info()[1]
    unavailable = database_unavailable(error)
    status = 503 if unavailable else 500
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        if wants_json(request):
            message = (
                gettext("The service is briefly unavailable. Please try again shortly.")
                if unavailable
                else gettext("Something went wrong on our side.")
            )
            response = JsonResponse({"detail": message}, status=status)
        else:
            template = loader.get_template("503.html" if unavailable else "500.html")
            response = HttpResponse(template.render({"language_code": language}), status=status)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # These pages carry their few styles inline: they may not depend on anything.
    response._csp_update = {"style-src": ["'unsafe-inline'"]}
    # An error must never be stored by the HTTP cache as the page.
    response["Cache-Control"] = "no-store"
    return response
