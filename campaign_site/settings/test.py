"""The test suite: fast hashing, mail kept in memory, no manifest for static files."""

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAGTAILADMIN_BASE_URL = "http://testserver"
if REDIS_URL:
    # Tests that share one Redis must not see each other's rate-limit counters.
    CACHES["default"]["KEY_PREFIX"] = f"test-{__import__('os').getpid()}"
# Serve static files straight from the apps' folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
