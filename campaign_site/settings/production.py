"""Production: every secret from the environment, HTTPS, compressed static files."""

from .base import *  # noqa: F403
from .base import STORAGES, env, machine_translator

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")  # no default: refuse to start without one
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(env.str("MACHINE_TRANSLATOR", default=""))

STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"

# SMTP (or any backend) by URL, e.g. smtp+tls://user:password@mail.example.org:587
# The worker sends through it; requests only queue (EMAIL_BACKEND, campaign_site.mail).
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_DELIVERY_BACKEND = _email.pop("EMAIL_BACKEND")
vars().update(_email)

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Staff who can export signers, see hidden profiles or manage users sign in with a
# second factor (campaign_site.staff); STAFF_2FA_REQUIRED=false only to recover.
STAFF_2FA_REQUIRED = env.bool("STAFF_2FA_REQUIRED", default=True)
