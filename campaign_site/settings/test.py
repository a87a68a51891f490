"""The test suite: fast hashing, mail kept in memory, no manifest for static files."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, inside the test; tests of the queue itself choose the
# database backend with override_settings.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAGTAILADMIN_BASE_URL = "http://testserver"
if REDIS_URL:
    # Each pytest-xdist worker gets its own Redis database, counting down from
    # the one in REDIS_URL: tests clear the cache, and must not clear another
    # worker's rate-limit counters halfway through its test.
    _url = urlsplit(REDIS_URL)
    _worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    _database = int(_url.path.strip("/") or 0) - _worker
    CACHES["default"]["LOCATION"] = urlunsplit(_url._replace(path=f"/{max(_database, 0)}"))
# Sign forms store signatures at once, so that a test sees them without running the
# storer, on Redis too; tests of the batches turn it on (tests/petitions/test_intake.py).
PETITIONS_ACCEPT_IN_BATCHES = False
# Serve static files straight from the apps' folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
