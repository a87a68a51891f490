"""Who may call the petitions' cross-origin URLs, decided through django-cors-headers only.

The URLs themselves are the ones settings.CORS_URLS_REGEX names (the API, the
counter): this module answers, for those, which origins get CORS headers.
"""

import re

from corsheaders.conf import conf as cors_conf

from .models import Partner


def cors_allows(sender, request, **kwargs):
    """django-cors-headers: reads from anywhere, signing only from partners' origins.

    GET (and its preflight) is open to every origin, without credentials. A POST,
    or the preflight announcing one, is allowed only from an origin registered
    for an active partner.
    """
    if not re.match(cors_conf.CORS_URLS_REGEX, request.path_info):
        return False
    method = request.method
    if method == "OPTIONS":
        method = request.headers.get("Access-Control-Request-Method", "GET").upper()
    if method in ("GET", "HEAD"):
        return True
    return Partner.origin_is_registered(request.headers.get("Origin"))
