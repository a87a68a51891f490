"""Anti-abuse for every public form and write endpoint: one module, one set of rules.

Public forms must work from pages served by a shared cache and inside a
cross-origin iframe where cookies are blocked, so none of this needs a session
or a CSRF cookie:

- a signed, timestamped **form token** says which form it is for and when it
  was shown; a person needs a few seconds to fill a form in, bots do not;
- a **honeypot** field that people never see (bots fill every field);
- **rate limits** per client address and per email address, counted in the
  shared cache with django-ratelimit (the email is keyed by an HMAC, so no
  address is written to the cache);
- **email normalisation**: the one key of "one person, one mailbox".

Features call these functions; they never re-implement a check:

    token = issue_form_token("petition:12")
    problem = form_token_problem(request.POST.get(TOKEN_FIELD), "petition:12")
    if honeypot_filled(request.POST) or problem: ...
    if rate_limited(request, "petitions.sign", ip_rates=("30/10m",), email=email,
                    email_rate="5/h"): ...
"""

import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac
from django_ratelimit.core import get_usage

TOKEN_FIELD = "form_token"  # noqa: S105 - a field name, not a secret
HONEYPOT_FIELD = "website"

DEFAULTS = {
    # A form must be at least this old when sent (bots post at once) and at most
    # this old (pages may be served from a cache for a while, so be generous).
    "CAMPAIGN_FORM_MIN_SECONDS": 2,
    "CAMPAIGN_FORM_MAX_AGE": 7 * 24 * 3600,
}

_SALT = "campaign.forms.token"


def setting(name):
    return getattr(settings, name, DEFAULTS[name])


# --- form tokens -------------------------------------------------------------


class FormTokenProblem:
    INVALID = "invalid"
    EXPIRED = "expired"
    TOO_FAST = "too-fast"


def issue_form_token(scope):
    """A token for one form (`scope` names it, e.g. "petition:12" or "sponsor")."""
    return signing.TimestampSigner(salt=_SALT).sign_object({"form": str(scope)})


def form_token_problem(token, scope, *, min_seconds=None, max_age=None):
    """None when `token` was issued for `scope` long enough ago and not too long ago;
    otherwise one of FormTokenProblem's values."""
    min_seconds = setting("CAMPAIGN_FORM_MIN_SECONDS") if min_seconds is None else min_seconds
    max_age = setting("CAMPAIGN_FORM_MAX_AGE") if max_age is None else max_age
    signer = signing.TimestampSigner(salt=_SALT)
    try:
        value = signer.unsign_object(token or "", max_age=max_age)
    except signing.SignatureExpired:
        return FormTokenProblem.EXPIRED
    except (signing.BadSignature, ValueError, TypeError):
        return FormTokenProblem.INVALID
    if not isinstance(value, dict) or value.get("form") != str(scope):
        return FormTokenProblem.INVALID
    if min_seconds <= 0:
        return None
    try:
        signer.unsign_object(token, max_age=min_seconds)
    except signing.SignatureExpired:
        return None  # older than the minimum: a person had time to read
    return FormTokenProblem.TOO_FAST


def honeypot_filled(data, field=HONEYPOT_FIELD):
    """Whether a bot filled the honeypot in. A form with a real field of that name
    (the sponsorship form asks for a website) names its honeypot `field`."""
    value = data.get(field, "")
    return bool(str(value).strip())


# --- email -------------------------------------------------------------------


def normalize_email(email):
    """The key of "one signature (or application) per mailbox": trimmed and lower-cased."""
    return (email or "").strip().lower()


# --- rate limits -------------------------------------------------------------


#: The bucket of requests that carry no usable address: they share one limit, never none.
UNKNOWN_CLIENT = "unknown"


def client_ip(request):
    """The visitor's address, the one every limit and lockout counts.

    REMOTE_ADDR, which `xff.middleware.XForwardedForMiddleware` has already set
    from X-Forwarded-For when the site runs behind TRUSTED_PROXY_DEPTH proxies
    (settings); a header a visitor sends themselves is never trusted. IPv6
    addresses count per /64, as django-ratelimit does, since one host usually
    holds a whole /64. None when the request carries no usable address (a login
    made by code, say).
    """
    address = request.META.get("REMOTE_ADDR") or ""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return None
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


@dataclass(frozen=True)
class ClientMeta:
    """What the limits need to know about a request, without the request."""

    ip: str = ""

    @classmethod
    def from_request(cls, request):
        return cls(ip=client_ip(request) or UNKNOWN_CLIENT)


def _counted(group, value, rate):
    """Count one attempt for `value` in `group`; True when over `rate`."""
    usage = get_usage(
        ClientMeta(), group=group, key=lambda _group, _request: value, rate=rate, increment=True
    )
    return bool(usage and usage["should_limit"])


def email_key(email_normalized, scope="campaign.ratelimit.email"):
    """An HMAC of the address: limits count per mailbox without storing the address."""
    return salted_hmac(scope, email_normalized).hexdigest()


def rate_limited(meta, group, *, ip_rates=(), email=None, email_rate=None):
    """Count this submission in every window; True when the client address or the
    email address went over any of them."""
    client = meta if isinstance(meta, ClientMeta) else ClientMeta.from_request(meta)
    # Every window is counted, so a burst is not forgotten by the longer ones.
    limited = False
    if client.ip:
        for rate in ip_rates:
            limited = _counted(f"{group}:ip:{rate}", client.ip, rate) or limited
    if email and email_rate:
        key = email_key(normalize_email(email))
        limited = _counted(f"{group}:email", key, email_rate) or limited
    return limited
