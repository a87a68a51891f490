"""What every one-plugin test site shares: Wagtail, wagtail-localize and the shared base.

Each plugin's settings module imports this and adds its app, URLs, templates and
database. No home, no other feature: the plugin must work with its own defaults.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE_DIR = HERE.parents[1]

SECRET_KEY = "plugin-test-only"  # noqa: S105 - a throwaway key for a throwaway database
DEBUG = False
ALLOWED_HOSTS = ["*"]

BASE_APPS = [
    # The shared base.
    "campaign_site",
    # What the base and the plugins build on.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "rest_framework",
    "corsheaders",
    "django_filters",
    "django_countries",
    "django_ratelimit",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "campaign_site.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]


def templates(directory):
    """Template settings with `directory` first: a bare base.html of the test site's own."""
    return [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [directory],
            "APP_DIRS": True,
            "OPTIONS": {
                "context_processors": [
                    "django.template.context_processors.request",
                    "django.template.context_processors.i18n",
                    "django.contrib.auth.context_processors.auth",
                    "django.contrib.messages.context_processors.messages",
                ],
            },
        },
    ]


def sqlite(path):
    return {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": path}}


DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001", "django_ratelimit.E003"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("hy", "Հայերեն")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
MEDIA_URL = "/media/"
# Photos of people not fully shown are kept in the private backend (campaign_site.storage).
STORAGES = {
    "default": {"BACKEND": "campaign_site.storage.RoutingStorage"},
    "public": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "campaign_site.storage.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
