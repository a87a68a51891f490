"""Signed tokens: the sign form's, and the confirmation link's.

Neither needs a session or a cookie, so both work on cached pages and inside a
cross-origin iframe where third-party cookies are blocked. Neither carries
personal data: a petition or signature number and a time, signed with SECRET_KEY.
"""

import time

from django.core import signing

from . import conf

FORM_SALT = "petitions.form"
CONFIRM_SALT = "petitions.confirm"


class FormTokenError(Exception):
    pass


def make_form_token(petition, now=None):
    issued = int(now if now is not None else time.time())
    return signing.dumps({"p": petition.pk, "t": issued}, salt=FORM_SALT)


def check_form_token(token, petition, now=None):
    """Raise FormTokenError unless `token` was issued for `petition`, neither too
    recently (a bot posting at once) nor too long ago."""
    now = now if now is not None else time.time()
    try:
        payload = signing.loads(
            token or "", salt=FORM_SALT, max_age=conf.get("PETITIONS_FORM_MAX_AGE")
        )
    except signing.SignatureExpired as error:
        raise FormTokenError("expired") from error
    except signing.BadSignature as error:
        raise FormTokenError("bad") from error
    if not isinstance(payload, dict) or payload.get("p") != petition.pk:
        raise FormTokenError("other petition")
    if now - payload.get("t", 0) < conf.get("PETITIONS_FORM_MIN_SECONDS"):
        raise FormTokenError("too fast")


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
