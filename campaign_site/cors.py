"""Who may read the site's machine-facing URLs from another origin: anyone.

The one rule for reads, through django-cors-headers: a GET or HEAD (and the
preflight announcing one) of a URL settings.CORS_URLS_REGEX names (the APIs,
the open data, the petition counter) is open to every origin, never with
credentials. Writes are each feature's decision: petitions allow signing
from partners' registered origins (petitions.cors).
"""

import re

from corsheaders.conf import conf as cors_conf

READ_METHODS = ("GET", "HEAD")


def requested_method(request):
    """The method a request uses, or for a preflight the one it announces."""
    if request.method == "OPTIONS":
        return request.headers.get("Access-Control-Request-Method", "GET").upper()
    return request.method


def reads_from_anywhere(sender, request, **kwargs):
    return bool(
        re.match(cors_conf.CORS_URLS_REGEX, request.path_info)
        and requested_method(request) in READ_METHODS
    )
