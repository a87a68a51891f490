"""Fixtures for the whole suite, and the rule that CI may not skip anything.

With CAMPAIGN_STRICT_SUITE=1 (set by .ci/run), a test that would be skipped
fails instead: a missing Chromium or database must turn CI red, never quietly
shrink the suite.
"""

import os

import pytest
from django.db import connection
from wagtail.models import Collection, Locale, Page, Site

from home.apps import ensure_locales

from .factories import HomePageFactory, SuperuserFactory, publish_translation_of

STRICT = os.environ.get("CAMPAIGN_STRICT_SUITE") == "1"


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests run in the PostgreSQL pass; elsewhere they are deselected."""
    if os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql")):
        return
    kept, deselected = [], []
    for item in items:
        (deselected if item.get_closest_marker("postgres") else kept).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if STRICT and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"CAMPAIGN_STRICT_SUITE forbids skipping: {reason}"


@pytest.fixture(scope="session", autouse=True)
def expected_database(django_db_setup, django_db_blocker):
    """When CI asks for a database vendor, make sure that is what the suite runs on."""
    expected = os.environ.get("CAMPAIGN_EXPECT_DATABASE")
    if expected:
        with django_db_blocker.unblock():
            assert connection.vendor == expected, (
                f"CAMPAIGN_EXPECT_DATABASE={expected} but the suite runs on {connection.vendor}"
            )


@pytest.fixture
def home_pages(db):
    """The English home page at the site root, with published French and Armenian translations."""
    # Transactional tests (the browser's) flush what migrations created.
    ensure_locales()
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=Locale.get_default())
    )
    # Wagtail's welcome page, and with it the default Site that points at it.
    for child in root.get_children():
        child.delete()
    home = HomePageFactory(parent=root, headline="Free all Armenian prisoners")
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Campaign"
    )
    return {
        "en": home,
        "fr": publish_translation_of(
            home, "fr", title="Accueil", headline="Libérez tous les prisonniers arméniens"
        ),
        "hy": publish_translation_of(
            home, "hy", title="Գլխավոր", headline="Ազատություն բոլոր հայ գերիներին"
        ),
    }


@pytest.fixture
def admin_user(db):
    return SuperuserFactory(username="editor")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Uploaded images and documents go to a throwaway folder, never var/media."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache.

    Wagtail caches image renditions and rate limits count in the cache; with
    database rollbacks ids are reused, so a rendition cached by one test would
    otherwise answer for a different image in the next.
    """
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
