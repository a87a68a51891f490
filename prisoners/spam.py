"""Spam protection for public forms that must work from cached pages.

No session and no CSRF cookie: a form carries a signed, timestamped token
(django.core.signing) that says which form it is and when it was shown, plus
a honeypot field that people never see. Requests are also limited per IP
address and per email address in the shared cache (django-ratelimit).

    token = issue_token("sponsor")
    problem = check_submission(request, "sponsor", email=form.cleaned_data["email"])
"""

from django.core import signing
from django_ratelimit.core import is_ratelimited

TOKEN_FIELD = "form_token"  # noqa: S105 - a field name, not a secret
HONEYPOT_FIELD = "fax_number"
#: A person needs more than this to fill in a form; bots do not.
MIN_SECONDS = 3
#: A page left open over a weekend still works.
MAX_SECONDS = 3 * 24 * 3600
IP_RATE = "10/h"
EMAIL_RATE = "5/d"

_SALT = "prisoners.forms.token"


def issue_token(form_name):
    return signing.TimestampSigner(salt=_SALT).sign_object({"form": form_name})


def token_age_problem(token, form_name):
    """None when the token is good; "invalid", "expired" or "too-fast" otherwise."""
    signer = signing.TimestampSigner(salt=_SALT)
    try:
        value = signer.unsign_object(token or "", max_age=MAX_SECONDS)
    except signing.SignatureExpired:
        return "expired"
    except signing.BadSignature:
        return "invalid"
    if not isinstance(value, dict) or value.get("form") != form_name:
        return "invalid"
    try:
        signer.unsign_object(token, max_age=MIN_SECONDS)
    except signing.SignatureExpired:
        return None  # older than the minimum: a person had time to read
    return "too-fast"


def honeypot_filled(data):
    return bool(data.get(HONEYPOT_FIELD, "").strip())


def _email_key(email):
    def key(group, request):
        return (email or "").strip().lower()

    return key


def rate_limited(request, group, email=None):
    """Count this submission; True when the IP or the email address sent too many."""
    by_ip = is_ratelimited(request, group=f"{group}:ip", key="ip", rate=IP_RATE, increment=True)
    by_email = bool(email) and is_ratelimited(
        request, group=f"{group}:email", key=_email_key(email), rate=EMAIL_RATE, increment=True
    )
    return by_ip or by_email
