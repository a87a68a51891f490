"""The confirmation link's signed token.

It needs no session or cookie, so the link works from any mail program, and it
carries no personal data: a signature number, signed with SECRET_KEY. (The sign
form's token and honeypot are the shared anti-abuse rules: campaign_site.abuse.)
"""

from django.core import signing

from . import conf

CONFIRM_SALT = "petitions.confirm"


def make_confirmation_token(signature):
    return signing.dumps(signature.pk, salt=CONFIRM_SALT)


def read_confirmation_token(token):
    """The signature number in a confirmation link, or None if the link is forged or expired."""
    try:
        value = signing.loads(
            token, salt=CONFIRM_SALT, max_age=conf.get("PETITIONS_CONFIRMATION_MAX_AGE")
        )
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
