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
- **email normalisation**: the one key of "one person, one mailbox";
- the **under-attack switch**: when editors turn it on (UnderAttackSettings), a
  proof of work (ALTCHA) that the visitor's browser solves in a few seconds, a
  price a bot wave pays for every submission. Stateless: the challenge is signed
  with HMAC, a solution is accepted once (its nonce is remembered in the cache).

Features call these functions; they never re-implement a check:

    token = issue_form_token("petition:12")
    problem = form_token_problem(request.POST.get(TOKEN_FIELD), "petition:12")
    if honeypot_filled(request.POST) or problem: ...
    if rate_limited(request, "petitions.sign", ip_rates=("30/10m",), email=email,
                    email_rate="5/h"): ...
"""

import functools
import ipaddress
import time
import unicodedata
from dataclasses import dataclass

import altcha
import idna
from django.conf import settings
from django.core import signing
from django.core.cache import cache, caches
from django.core.exceptions import ValidationError
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django_ratelimit import core as ratelimit_core
from django_ratelimit.core import get_usage

from campaign_site.cache import REDIS_UNAVAILABLE, redis_client, redis_failed

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
    """The key of "one signature (or application) per mailbox".

    Unicode NFKC first (full-width and other compatibility forms become the plain
    letters every mail system delivers to), then lower case for the whole address
    and IDNA (UTS #46) for the domain, so `x@RT.ＥＸＡＭＰＬＥ`, `x@ｒｔ.ｅｘａｍｐｌｅ` and
    `x@rt.example` are one key. A domain IDNA refuses keeps its lower-cased form:
    such an address never passes `mailbox_problem`, so it never signs.
    """
    value = unicodedata.normalize("NFKC", (email or "").strip()).lower()
    local, at, domain = value.rpartition("@")
    if not at:
        return value
    return f"{local}@{ascii_domain(domain) or domain}"


@functools.lru_cache(maxsize=4096)
def ascii_domain(domain):
    """The domain's ASCII (punycode) form, or None when it is not a valid host name.
    Kept per process: a signature asks it four times, and most signers share a few
    domains (UTS #46 and its tables cost more than the rest of the address's checks)."""
    try:
        return idna.encode(domain.rstrip("."), uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return None


@functools.lru_cache(maxsize=4096)
def _unicode_domain(ascii_name):
    return idna.decode(ascii_name)


# Scripts that one label of a domain name may mix (UTS #39, "highly restrictive"):
# Japanese, Chinese and Korean names are written with several scripts and Latin.
_SCRIPT_MIXES_IN_USE = (
    {"LATIN", "HAN", "HIRAGANA", "KATAKANA"},
    {"LATIN", "HAN", "BOPOMOFO"},
    {"LATIN", "HAN", "HANGUL"},
)
_SCRIPT_OF_NAME = {"CJK": "HAN"}


def _scripts(label):
    scripts = set()
    for char in label:
        if not unicodedata.category(char).startswith("L"):
            continue  # digits and hyphens belong to every script
        first_word = unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
        scripts.add(_SCRIPT_OF_NAME.get(first_word, first_word))
    return scripts


@functools.lru_cache(maxsize=4096)
def _mixes_scripts(unicode_domain):
    """Whether one label mixes alphabets, as look-alikes do ("exаmple" with a Cyrillic а)."""
    for label in unicode_domain.split("."):
        scripts = _scripts(label)
        if len(scripts) > 1 and not any(scripts <= mix for mix in _SCRIPT_MIXES_IN_USE):
            return True
    return False


class MailboxProblem:
    NOT_PUBLIC = "not-public"
    LOOK_ALIKE = "look-alike"


def mailbox_problem(email):
    """None for an address the public internet can deliver to; otherwise why not.

    Refused: local hosts, IP literals and single-label names (no public mail
    reaches them, and they make throwaway "different" addresses), and domains
    that mix alphabets inside a label, the mark of a look-alike domain.
    """
    value = unicodedata.normalize("NFKC", (email or "").strip()).lower()
    _local, at, domain = value.rpartition("@")
    domain = domain.rstrip(".")
    if not at or domain.startswith("[") or _is_ip_address(domain):
        return MailboxProblem.NOT_PUBLIC
    ascii_host = ascii_domain(domain)
    if ascii_host is None or "." not in ascii_host:
        return MailboxProblem.NOT_PUBLIC
    if ascii_host == "localhost" or ascii_host.endswith(_LOCAL_SUFFIXES):
        return MailboxProblem.NOT_PUBLIC
    if _mixes_scripts(_unicode_domain(ascii_host)):
        return MailboxProblem.LOOK_ALIKE
    return None


MAILBOX_MESSAGES = {
    MailboxProblem.NOT_PUBLIC: _(
        "We cannot send email to this address. Please use an address on a public domain, "
        "like name@example.org."
    ),
    MailboxProblem.LOOK_ALIKE: _(
        "This address's domain mixes letters of different alphabets, as imitations of "
        "other sites do. Please check it."
    ),
}


def validate_public_mailbox(email):
    """Form validator: refuse, with a localized message, what `mailbox_problem` refuses."""
    problem = mailbox_problem(email)
    if problem:
        raise ValidationError(MAILBOX_MESSAGES[problem], code=problem)


# Names reserved for one machine or one network (RFC 2606, RFC 6761, RFC 6762).
_LOCAL_SUFFIXES = (".localhost", ".local", ".localdomain", ".internal", ".invalid", ".test")


def _is_ip_address(domain):
    try:
        ipaddress.ip_address(domain)
    except ValueError:
        return False
    return True


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
    windows = []
    if client.ip:
        windows += [(f"{group}:ip:{rate}", client.ip, rate) for rate in ip_rates]
    if email and email_rate:
        windows.append((f"{group}:email", email_key(normalize_email(email)), email_rate))
    if not windows:
        return False
    over = _counted_together(windows)
    if over is None:
        over = [_counted(*window) for window in windows]
    return any(over)


#: Seconds a client refused by a per-address limit below is told to wait (Retry-After):
#: the shortest of their default windows.
RETRY_AFTER_SECONDS = 60

#: Searches (the search page and the content API's ?search=) share one limit per address.
SEARCH_RATE_GROUP = "campaign.search"
DEFAULTS["CAMPAIGN_SEARCH_IP_RATES"] = ("30/m", "300/h")
SEARCH_LIMITED_MESSAGE = _(
    "You have searched many times in a short while. Please wait a minute and search again."
)


def search_limited(request):
    """Count one search against the client address; True when it is over
    CAMPAIGN_SEARCH_IP_RATES. Every new query misses the caches by design and costs the
    server tens of milliseconds, so a script asking many is what this stops; people
    search far less often than the default rates allow."""
    return rate_limited(request, SEARCH_RATE_GROUP, ip_rates=setting("CAMPAIGN_SEARCH_IP_RATES"))


#: Requests whose session cookie names no session share one limit per address.
UNKNOWN_SESSION_RATE_GROUP = "campaign.unknown-session"
DEFAULTS["CAMPAIGN_UNKNOWN_SESSION_IP_RATES"] = ("20/m", "100/h")
UNKNOWN_SESSION_TITLE = _("Too many requests")
UNKNOWN_SESSION_MESSAGE = _(
    "We received many requests from your connection in a short while. Please wait a "
    "minute and try again."
)


def unknown_session_limited(request):
    """Count one request whose session cookie names no session against the client
    address; True when it is over CAMPAIGN_UNKNOWN_SESSION_IP_RATES.

    The shared cache passes every request with a session cookie to the app, so a
    made-up cookie makes any URL cost a fresh render. Django deletes such a cookie
    in its answer: a person whose session ended sends it once or twice, a script
    sends it every time."""
    return rate_limited(
        request, UNKNOWN_SESSION_RATE_GROUP, ip_rates=setting("CAMPAIGN_UNKNOWN_SESSION_IP_RATES")
    )


def _counted_together(windows):
    """Count every (group, value, rate) window in one round trip to Redis: a list of
    "over the limit", or None when the cache is not Redis or Redis is down (then each
    window is counted through the cache API and its fallback, `_counted`).

    The keys, values and lifetimes are django-ratelimit's own (what `get_usage` writes
    with add-then-incr), so both ways count in the same windows."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return [False] * len(windows)
    alias = getattr(settings, "RATELIMIT_USE_CACHE", "default")
    client = redis_client(alias)
    if client is None:
        return None
    keys, lifetimes, limits = [], [], []
    for group, value, rate in windows:
        limit, period = ratelimit_core._split_rate(rate)
        window = ratelimit_core._get_window(value, period)
        keys.append(
            caches[alias].make_key(
                ratelimit_core._make_cache_key(group, window, rate, value, ratelimit_core.ALL)
            )
        )
        lifetimes.append(period + ratelimit_core.EXPIRATION_FUDGE)
        limits.append(limit)
    try:
        # One command, not a pipeline of two per window: redis-py spends more CPU
        # packing and parsing each command than Redis spends running it, and every
        # signature asks.
        counts = _count_windows(client)(keys=keys, args=lifetimes, client=client)
    except REDIS_UNAVAILABLE as error:
        redis_failed(error, alias)
        return None
    return [count > limit for count, limit in zip(counts, limits, strict=True)]


def _count_windows(client):
    """The script below, registered once (redis-py runs it by its SHA1 digest)."""
    global _count_windows_script
    if _count_windows_script is None:
        _count_windows_script = client.register_script(_COUNT_WINDOWS)
    return _count_windows_script


_count_windows_script = None

#: Add-then-increment each key (KEYS) with its lifetime in seconds (ARGV), as
#: django-ratelimit's `get_usage` does through the cache API; the counts, in order.
_COUNT_WINDOWS = """
local counts = {}
for i, key in ipairs(KEYS) do
  redis.call('SET', key, 0, 'NX', 'EX', ARGV[i])
  counts[i] = redis.call('INCR', key)
end
return counts
"""


# --- proof of work (the under-attack switch) --------------------------------------

#: The form field (and JSON member) carrying the widget's solution.
PROOF_OF_WORK_FIELD = "altcha"
PROOF_OF_WORK_ALGORITHM = "PBKDF2/SHA-256"
DEFAULTS.update(
    {
        # PBKDF2 iterations per attempt; about 256 attempts are needed on average,
        # a second or two on a phone, one attempt (milliseconds) for the server.
        "CAMPAIGN_PROOF_OF_WORK_COST": 5000,
        "CAMPAIGN_PROOF_OF_WORK_SECONDS": 20 * 60,
    }
)


class ProofOfWorkProblem:
    MISSING = "missing"
    INVALID = "invalid"
    EXPIRED = "expired"
    REUSED = "reused"


PROOF_OF_WORK_MESSAGES = {
    ProofOfWorkProblem.MISSING: _(
        "We are receiving many automated submissions, so your browser must first complete "
        "a short check. Please tick “I'm not a robot” and send the form again."
    ),
    ProofOfWorkProblem.INVALID: _("The anti-robot check failed. Please try again."),
    ProofOfWorkProblem.EXPIRED: _("The anti-robot check expired. Please tick it again."),
    ProofOfWorkProblem.REUSED: _("The anti-robot check was already used. Please tick it again."),
}


def under_attack(request):
    """Whether editors have turned the under-attack switch on for this request's site.

    Asked by every sign POST and every rendered form: the answer is kept
    (campaign_site.render_cache) by the address the request reached, which decides
    its site, until the content changes; saving the setting is such a change, so
    turning the switch on takes effect on the next request.
    """
    from campaign_site.render_cache import remember

    return remember(
        "under-attack",
        lambda: _under_attack(request),
        vary=(request.get_host(),),
        in_process=True,
    )


def _under_attack(request):
    from wagtail.models import Site

    from campaign_site.models import UnderAttackSettings

    if Site.find_for_request(request) is None:
        return False
    return UnderAttackSettings.for_request(request).proof_of_work


def _proof_of_work_secret():
    return salted_hmac("campaign.proof-of-work", "challenge").hexdigest()


def issue_challenge():
    """A fresh signed challenge, as the widget fetches it (a dict to send as JSON)."""
    expires = int(time.time()) + setting("CAMPAIGN_PROOF_OF_WORK_SECONDS")
    challenge = altcha.create_challenge(
        PROOF_OF_WORK_ALGORITHM,
        setting("CAMPAIGN_PROOF_OF_WORK_COST"),
        expires_at=expires,
        hmac_secret=_proof_of_work_secret(),
    )
    return challenge.to_dict()


def proof_of_work_problem(payload):
    """None when `payload` (the widget's base64 solution) solves a challenge we issued
    and was never used before; otherwise one of ProofOfWorkProblem's values."""
    if not payload or not isinstance(payload, str):
        return ProofOfWorkProblem.MISSING
    result = altcha.verify_solution(payload.strip(), _proof_of_work_secret())
    if result.expired:
        return ProofOfWorkProblem.EXPIRED
    if not result.verified:
        return ProofOfWorkProblem.INVALID
    nonce = altcha.Payload.from_base64(payload.strip()).challenge.parameters.nonce
    # cache.add stores only if absent: of two requests with one solution, one wins.
    if not cache.add(f"campaign:pow:{nonce}", 1, setting("CAMPAIGN_PROOF_OF_WORK_SECONDS")):
        return ProofOfWorkProblem.REUSED
    return None


def proof_of_work_refusal(request, payload):
    """The localized refusal when the switch is on and `payload` does not pass, else None."""
    if not under_attack(request):
        return None
    problem = proof_of_work_problem(payload)
    return PROOF_OF_WORK_MESSAGES[problem] if problem else None
