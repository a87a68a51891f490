"""Which origins may sign from another site, decided through django-cors-headers only.

Reads are open to every origin (campaign_site.cors); signing, on the URLs that
settings.CORS_URLS_REGEX names, only from an origin registered for an active
partner.
"""

import re

from corsheaders.conf import conf as cors_conf

from campaign_site.cors import READ_METHODS, requested_method

from .models import Partner


def cors_allows(sender, request, **kwargs):
    if not re.match(cors_conf.CORS_URLS_REGEX, request.path_info):
        return False
    if requested_method(request) in READ_METHODS:
        return False  # the base's rule decides reads
    return Partner.origin_is_registered(request.headers.get("Origin"))
