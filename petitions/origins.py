"""Who may sign: the one decision, made by the server for every way of signing.

CORS decides what a browser may *read*; it does not stop a page on another site
from making its visitors' browsers post a signature (a `text/plain` or form POST
needs no preflight). So every entry point (the petition page's form, the
widget's form, the sign API) asks `decide()` before signing:

- a browser says where the request comes from in `Origin` (every modern browser
  sends it with a POST), or else in `Referer`; it is accepted from the site's own
  origin (its pages, and the widget, whose frame only allowed sites may show), and
  from an origin registered for an active partner;
- a partner restricted to its origins is credited only from those origins,
  through the API and the widget alike;
- a request that names no origin at all is no browser's: a partner's server,
  which proves who it is with the partner's secret key
  (`Authorization: Bearer <key>`; editors create it in the admin, only its hash
  is stored).
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Partner
from .models.partners import normalize_origin

REFUSED_ORIGIN = _("This petition cannot be signed from this website.")
#: The header as a server sends it: never translated, so it can be copied as it is.
AUTHORIZATION_EXAMPLE = "Authorization: Bearer <key>"


def _secret_needed():
    return gettext(
        "Signing from a server needs the partner's secret key, sent as “%(header)s”."
    ) % {"header": AUTHORIZATION_EXAMPLE}


SECRET_NEEDED = lazy(_secret_needed, str)()
WRONG_SECRET = _("This secret key is not valid for this partner.")


@dataclass(frozen=True)
class Decision:
    """Whether to sign, and which partner (if any) the signature is credited to."""

    partner: Partner | None = None
    refusal: str | None = None
    status: int = 200
    #: A partner's server proved itself with its secret key: no browser to ask for work.
    partner_server: bool = False

    @property
    def allowed(self):
        return self.refusal is None


def refuse(message, status=403):
    return Decision(refusal=message, status=status)


def request_origin(request):
    """The origin a browser says the request comes from: `Origin`, else `Referer`'s.

    "null" (a sandboxed frame, a privacy redirect) names no site we could allow and
    is returned as is. None when the request names no origin at all.
    """
    origin = request.headers.get("Origin", "").strip()
    if origin:
        return normalize_origin(origin) or "null"
    referer = request.headers.get("Referer", "").strip()
    if referer:
        return normalize_origin(referer) or "null"
    return None


def own_origins(request):
    """The site's own origins: the address the request reached, and the public one."""
    origins = {normalize_origin(f"{request.scheme}://{request.get_host()}")}
    for address in (settings.WAGTAILADMIN_BASE_URL, *settings.CSRF_TRUSTED_ORIGINS):
        if urlsplit(address).hostname:
            origins.add(normalize_origin(address))
    return origins - {None}


def presented_secret(request):
    scheme, _space, secret = request.headers.get("Authorization", "").partition(" ")
    return secret.strip() if scheme.lower() == "bearer" else ""


def decide(request, partner_key=""):
    """May this request sign, crediting the partner whose public key it names?"""
    partner = Partner.for_key(partner_key) if partner_key else None
    secret = presented_secret(request)
    if secret:
        holder = Partner.for_secret(secret)
        if holder is None or (partner is not None and partner.pk != holder.pk):
            return refuse(WRONG_SECRET, status=401)
        return Decision(partner=holder, partner_server=True)

    origin = request_origin(request)
    if origin is None:
        return refuse(SECRET_NEEDED, status=401)
    if origin in own_origins(request):
        return Decision(partner=partner)
    if partner is not None and partner.restrict_signing:
        return (
            Decision(partner=partner) if partner.allows_origin(origin) else refuse(REFUSED_ORIGIN)
        )
    if Partner.origin_is_registered(origin):
        return Decision(partner=partner)
    return refuse(REFUSED_ORIGIN)
