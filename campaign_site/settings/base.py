"""Settings shared by every environment.

Values that differ between machines come from the environment (see README.md,
"Configuration"); dev.py, test.py and production.py only change what must differ.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

from campaign_site.security import policy_settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # The shared base every feature builds on (blocks, page mixins, localization,
    # anti-abuse, embeds), then the features, then home, which composes them.
    "campaign_site",
    "petitions",
    "prisoners",
    "home",
    "wagtail_localize",
    "wagtail_localize.locales",
    # Emails and slow jobs leave the request: a queue in the database, run by
    # `manage.py db_worker` (campaign_site/settings: TASKS).
    "django_tasks_db",
    "health_check",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "corsheaders",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Static files are answered above, already compressed; pages below.
    "campaign_site.http_cache.PublicGZipMiddleware",
    "campaign_site.http_cache.SharedCacheMiddleware",
    "campaign_site.errors.RejectNulBytesMiddleware",
    # Refusals on the JSON routes are JSON, with a message (405s included).
    "campaign_site.errors.JsonErrorsMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "campaign_site.middleware.SiteLocaleMiddleware",
    # A made-up session cookie makes Varnish pass any URL to the app: limited per address.
    "campaign_site.middleware.UnknownSessionLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETags and 304s for the API's cacheable answers (and every other GET).
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Who opened a hidden or name-only profile in the admin, in the audit log.
    "prisoners.audit.SensitiveAccessAuditMiddleware",
    # Admin URLs naming a hidden or name-only profile, for staff who may not see it.
    "prisoners.permissions.HiddenPagesAdminMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "campaign_site.errors.MalformedAdminPostMiddleware",
    # The request's site and the page a URL serves, kept until an editor changes them.
    "campaign_site.routing.KeptRoutingMiddleware",
]

ROOT_URLCONF = "campaign_site.urls"
WSGI_APPLICATION = "campaign_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
# SQLite needs nothing installed; PostgreSQL is selected with DATABASE_URL.
DATABASE_URL = env.str("DATABASE_URL", default="") or f"sqlite:///{VAR_DIR / 'campaign.sqlite3'}"
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE makes concurrent writers queue for the lock instead of failing
    # with "database is locked" half-way through a transaction.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
else:
    # One connection per worker, kept between requests (a new PostgreSQL
    # connection per request cost a third of a page's time), checked before
    # reuse so a restarted database is reconnected to, not failed on.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # A database that does not answer is an outage (503, campaign_site.errors),
    # not a request that hangs until the worker is killed.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------
# Rate limits and counters need a cache shared by every worker in production;
# without REDIS_URL a per-process memory cache keeps development dependency-free.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # Redis going down degrades to the database cache instead of failing every
    # page (campaign_site.cache): rate limits keep counting, in the database.
    CACHES = {
        "default": {
            "BACKEND": "campaign_site.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="campaign"),
            "OPTIONS": {"FALLBACK": "fallback"},
        },
        "fallback": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "campaign_cache_fallback",
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="campaign"),
        },
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Client addresses -------------------------------------------------------
# Behind reverse proxies (Varnish, a load balancer) the visitor's address is in
# X-Forwarded-For, which each proxy appends to. TRUSTED_PROXY_DEPTH says how many
# of ours are in front: django-xff then takes the address our outermost proxy
# saw and ignores whatever a visitor wrote before it. With 0 (direct, the
# default) the header is not read at all, so it cannot be spoofed. Every limit
# and lockout counts campaign_site.abuse.client_ip(), i.e. REMOTE_ADDR.
TRUSTED_PROXY_DEPTH = env.int("TRUSTED_PROXY_DEPTH", default=0)
if TRUSTED_PROXY_DEPTH:
    MIDDLEWARE.insert(0, "xff.middleware.XForwardedForMiddleware")
    XFF_TRUSTED_PROXY_DEPTH = TRUSTED_PROXY_DEPTH

# --- Staff accounts ---------------------------------------------------------
# Password guessing on editors' accounts is slowed by django-axes: after
# AXES_FAILURE_LIMIT failures from one address (for one username, or for any),
# logins from there are refused for AXES_COOLOFF_TIME, the right password
# included. The password reset form is limited per address and per email
# (campaign_site.staff).
INSTALLED_APPS += ["axes"]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "campaign_site.abuse.client_ip"
AXES_LOCKOUT_TEMPLATE = "staff/locked_out.html"
AXES_VERBOSE = False
# Admin sessions end after a working day, and when the browser closes.
# Two-factor authentication (TOTP) for the staff accounts campaign_site.staff names;
# production turns it on (STAFF_2FA_REQUIRED), development leaves it off.
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_email"]
_after_auth = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
MIDDLEWARE[_after_auth:_after_auth] = [
    "django_otp.middleware.OTPMiddleware",
    "campaign_site.staff.SecondFactorMiddleware",
]
STAFF_2FA_REQUIRED = env.bool("STAFF_2FA_REQUIRED", default=False)
OTP_TOTP_ISSUER = env.str("SITE_NAME", default="Free Armenian Prisoners")
# Before enrolling a TOTP device, an account proves it reads its email: a code from
# django-otp's email devices (campaign_site.staff.enrol), sent through the mail queue.
# Tries are counted per code (STAFF_ENROL_CODE_TRIES) rather than slowed down.
OTP_EMAIL_SUBJECT = gettext_lazy("Your code to set up two-factor authentication")
OTP_EMAIL_BODY_TEMPLATE_PATH = "staff/email/enrol_code.txt"
OTP_EMAIL_TOKEN_VALIDITY = 10 * 60
OTP_EMAIL_COOLDOWN_DURATION = 60
OTP_EMAIL_THROTTLE_FACTOR = 0
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- HTTP cache in front (campaign_site.http_cache) ------------------------
# Anonymous public pages may be kept this long by Varnish or a CDN; publishing
# purges them at once through the configured frontend cache.
CAMPAIGN_PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)
INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]


def frontend_cache(name):
    """wagtail.contrib.frontend_cache settings for FRONTEND_CACHE=`name` ("" for none)."""
    if not name:
        return {}
    if name == "varnish":  # HTTP PURGE to Varnish (deploy/varnish/default.vcl)
        return {
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": env.str("VARNISH_URL", default="http://127.0.0.1:6081"),
            }
        }
    if name == "cloudflare":
        return {
            "cloudflare": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
                "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN"),
                "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
            }
        }
    if name == "cloudfront":
        return {
            "cloudfront": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
                "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
            }
        }
    raise ImproperlyConfigured(f"FRONTEND_CACHE={name!r}: use varnish, cloudflare or cloudfront")


WAGTAILFRONTENDCACHE = frontend_cache(env.str("FRONTEND_CACHE", default=""))

# --- Content-Security-Policy (campaign_site.security) -----------------------
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "campaign_site.security.ContentSecurityPolicyMiddleware",
)
CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY = policy_settings(
    env.bool("CSP_REPORT_ONLY", default=False)
)
# The admin asks no third party for anything: no avatars, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Passwords --------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages --------------------------------------------------------------
# Adding a language: append it here, run `scripts/messages` for its catalog,
# and `migrate` creates its Wagtail Locale. See README.md, "Adding a language".
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("hy", "Հայերեն"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django ships no number or date formats for Armenian; ours live here.
FORMAT_MODULE_PATH = ["campaign_site.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
# django-countries' Armenian catalog swaps the two Koreas (9.1.0): the names are ours,
# so their translations live in locale/ and stay there when scripts/messages runs.
COUNTRIES_OVERRIDE = {
    "KP": gettext_lazy("North Korea"),
    "KR": gettext_lazy("South Korea"),
}

# Submitting a live page for translation must not publish an untranslated copy.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False


def machine_translator(name):
    """wagtail-localize settings for the machine translator called `name` ("" for none)."""
    if not name:
        return None
    if name == "dummy":  # reverses the words: for trying the workflow without an account
        return {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
    if name == "deepl":
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": env.str("DEEPL_AUTH_KEY")},
        }
    if name == "libretranslate":
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": env.str("LIBRETRANSLATE_URL"),
                "API_KEY": env.str("LIBRETRANSLATE_API_KEY", default=""),
            },
        }
    raise ImproperlyConfigured(f"MACHINE_TRANSLATOR={name!r}: use deepl, libretranslate or dummy")


# Offered to translators in the editor; production has none unless configured.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(
    env.str("MACHINE_TRANSLATOR", default="dummy")
)

# --- Static and media files -------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
MEDIA_URL = "/media/"
# Drawn share cards (campaign_site.share_cards); empty: `<MEDIA_ROOT>-share-cards/`.
SHARE_CARDS_ROOT = env.str("SHARE_CARDS_ROOT", default="")
# Private files (sponsors' proofs, photos of people not on a full profile) never sit
# under MEDIA_ROOT: by default in its sibling `<MEDIA_ROOT>-private/`.
PRIVATE_MEDIA_ROOT = env.str("PRIVATE_MEDIA_ROOT", default="") or None
# "default" sends each file to "public" or "private" by its name (campaign_site.storage).
STORAGES = {
    "default": {"BACKEND": "campaign_site.storage.RoutingStorage"},
    "public": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "campaign_site.storage.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Who may open a private file through /admin/private-media/ (a function of the user
# and the file name); without it, superusers only.
CAMPAIGN_PRIVATE_MEDIA_ACCESS = "prisoners.photos.may_open_private_file"


def s3_media_storages(bucket):
    """Public and private media on S3-compatible object storage (django-storages).

    Every app node then sees every upload. Private files go to their own bucket
    (MEDIA_S3_PRIVATE_BUCKET) or, without one, under a prefix of the public bucket,
    always uploaded with a private ACL.
    """
    common = {
        "endpoint_url": env.str("MEDIA_S3_ENDPOINT_URL", default="") or None,
        "region_name": env.str("MEDIA_S3_REGION", default="") or None,
        "access_key": env.str("MEDIA_S3_ACCESS_KEY_ID", default="") or None,
        "secret_key": env.str("MEDIA_S3_SECRET_ACCESS_KEY", default="") or None,
        "addressing_style": env.str("MEDIA_S3_ADDRESSING_STYLE", default="") or None,
    }
    private_bucket = env.str("MEDIA_S3_PRIVATE_BUCKET", default="")
    return {
        "public": {
            "BACKEND": "campaign_site.s3.PublicS3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": bucket,
                # "" when the bucket's own policy makes objects public (ACLs disabled).
                "default_acl": env.str("MEDIA_S3_PUBLIC_ACL", default="public-read") or None,
                "custom_domain": env.str("MEDIA_S3_CUSTOM_DOMAIN", default="") or None,
            },
        },
        "private": {
            "BACKEND": "campaign_site.s3.PrivateS3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": private_bucket or bucket,
                "location": "" if private_bucket else "private",
                "querystring_expire": env.int("PRIVATE_MEDIA_URL_SECONDS", default=60),
            },
        },
    }


MEDIA_S3_BUCKET = env.str("MEDIA_S3_BUCKET", default="")
if MEDIA_S3_BUCKET:
    STORAGES.update(s3_media_storages(MEDIA_S3_BUCKET))

# --- Background tasks -------------------------------------------------------
# Confirmation emails, reminders and Wagtail's own background work (search and
# reference indexes) are django-tasks tasks. With the database queue a worker
# process (`manage.py db_worker`, started by scripts/run-site) runs them, so a
# slow or hanging mail server never holds a visitor's request.
# TASKS_BACKEND=immediate runs them inside the request instead (the tests do).
TASKS_BACKEND = env.str("TASKS_BACKEND", default="database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND]
    }
}

# --- Email ------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="campaign@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Every email goes through the worker (campaign_site.mail): EMAIL_BACKEND queues what
# Wagtail and Django send; the worker hands each email to EMAIL_DELIVERY_BACKEND.
EMAIL_BACKEND = "campaign_site.mail.QueueBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A mail server that accepts a connection and never answers must not hold a
# request or a worker: every SMTP step gives up after this many seconds.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# An email the worker could not deliver is forgotten after this many days (sooner when
# its content expires: a password reset after PASSWORD_RESET_TIMEOUT); campaign_site.mail.
CAMPAIGN_UNDELIVERED_EMAIL_DAYS = env.int("UNDELIVERED_EMAIL_DAYS", default=14)

# --- Wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = env.str("SITE_NAME", default="Free Armenian Prisoners")
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
# Wagtail's database backend, stemming each page in its own language, quote-safe
# (campaign_site.search).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "campaign_site.search"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# The page editor of a long petition exceeds Django's default of 1,000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Security defaults shared by every environment -------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Request lines carry query strings; personal data is never put in URLs,
        # but keep the access log quiet unless asked for.
        "django.server": {"level": env.str("ACCESS_LOG_LEVEL", default="WARNING")},
        # Background tasks and page actions log every step at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # Both log visitors' addresses (and axes usernames): personal data stays out
        # of logs. Lockouts stay in the database (manage.py axes_list_attempts).
        "xff": {"level": "ERROR"},
        "axes": {"level": "ERROR"},
    },
}

# --- Petitions --------------------------------------------------------------
# Signing forms are limited per IP and per email by django-ratelimit, counted in
# the default cache. Its check demands a shared cache: without REDIS_URL
# (development, tests) the per-process memory cache is expected, so its error
# (E003) is silenced then only. W001 ("not officially supported") names any
# backend missing from the library's list, Django's own Redis backend (atomic
# INCR) included. petitions.E001 (check --deploy) refuses production without
# a shared cache.
INSTALLED_APPS += ["django_ratelimit"]
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
if not REDIS_URL:
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")

# --- Prisoners (defaults in prisoners/conf.py) -------------------------------
# This campaign keeps its prisoner index under the home page of each language.
PRISONERS_INDEX_PARENT_PAGE_TYPES = ["home.HomePage"]

# --- Partner API (campaign_site/api.py) -------------------------------------
# The cross-origin URLs: the APIs, the open data files and the petition counter.
# Reads are open to every origin (campaign_site.cors) and signing to partners'
# registered origins (petitions.cors); credentials are never accepted.
CORS_URLS_REGEX = r"^/(api/.*|open-data/.*|petitions/[0-9a-f-]+/count\.json)$"
CORS_ALLOW_CREDENTIALS = False
REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

# --- Petitions as composed here ---------------------------------------------
# Petitions sit under a language's home page, and link to the prisoners they are for.
PETITIONS_PARENT_PAGE_TYPES = ["home.HomePage"]
PETITIONS_PEOPLE_INDEX_PAGE_TYPE = "prisoners.PrisonerIndexPage"
PETITIONS_SUBJECT_PAGE_TYPES = ["prisoners.PrisonerPage"]
