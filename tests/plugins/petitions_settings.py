"""A Wagtail site with the petitions plugin and the shared base only: no home, no prisoners.

Used by test_petitions_plugin.py, in a subprocess (an app registry of its own);
the database is the SQLite file named by PLUGIN_DATABASE.
"""

import os

from .site_settings import *  # noqa: F403
from .site_settings import BASE_APPS, HERE, sqlite, templates

INSTALLED_APPS = ["petitions", *BASE_APPS]
ROOT_URLCONF = "tests.plugins.petitions_urls"
TEMPLATES = templates(HERE / "templates")
DATABASES = sqlite(os.environ.get("PLUGIN_DATABASE", ":memory:"))
WAGTAIL_SITE_NAME = "Plugin test"
CORS_URLS_REGEX = r"^/(api/.*|petitions/[0-9a-f-]+/count\.json)$"
# No PETITIONS_* settings: the plugin's defaults (petitions/conf.py) must do.
