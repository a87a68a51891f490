"""A Wagtail site with the prisoners plugin and the shared base only: no home, no petitions.

For tests/plugins/test_prisoners_alone.py, which runs Django with these settings
in a subprocess; the database is the SQLite file named by PRISONERS_ALONE_DB.
"""

import os

from .site_settings import *  # noqa: F403
from .site_settings import BASE_APPS, BASE_DIR, HERE, sqlite, templates

INSTALLED_APPS = ["prisoners", *BASE_APPS]
ROOT_URLCONF = "tests.plugins.prisoners_urls"
TEMPLATES = templates(HERE / "prisoners_templates")
DATABASES = sqlite(os.environ.get("PRISONERS_ALONE_DB", ":memory:"))
MEDIA_ROOT = os.environ.get("PRISONERS_ALONE_MEDIA", str(BASE_DIR / "var" / "prisoners-alone"))
WAGTAIL_SITE_NAME = "Prisoners alone"
