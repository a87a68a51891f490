"""Settings for the petition benchmark: production-like, on the database in DATABASE_URL.

Debug off, rate limits out of the way (the benchmark's clients all share one IP),
mail dropped (a real SMTP server's latency is not what is being measured).
"""

from campaign_site.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "benchmark-only-key"  # noqa: S105 - local benchmark, never deployed
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
PETITIONS_IP_RATES = ("10000000/m",)
PETITIONS_EMAIL_RATE = "10000000/m"
PETITIONS_FORM_MIN_SECONDS = 0
WHITENOISE_USE_FINDERS = True  # no collectstatic needed for a benchmark
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
