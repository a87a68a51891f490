"""Fixtures for the whole suite, and the rule that CI may not skip anything.

With CAMPAIGN_STRICT_SUITE=1 (set by .ci/run), a test that would be skipped
fails instead: a missing Chromium or database must turn CI red, never quietly
shrink the suite.
"""

import os
import shutil
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TestCase, override_settings
from django.utils import translation
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
def pytest_runtest_setup(item):
    shared_demo.next_test_wants_it = shares_the_demo(item)
    shared_demo.open_if_wanted()
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    # Function fixtures, the test's own transaction with them, are gone by now.
    if nextitem is None or not shares_the_demo(nextitem):
        shared_demo.close()


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


def run_load_demo(*arguments):
    """The command as a real run makes it: wagtail-localize publishes translations on commit,
    which a test's transaction never reaches, so the callbacks run when the command ends."""
    out = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", *arguments, stdout=out)
    return out.getvalue()


def shares_the_demo(item):
    """Tests asking for `demo` share one build, unless they commit (live server, browser)."""
    if "demo" not in getattr(item, "fixturenames", ()):
        return False
    marker = item.get_closest_marker("django_db")
    committing = marker is not None and (
        marker.kwargs.get("transaction", marker.args[0] if marker.args else False)
    )
    return not (committing or {"transactional_db", "live_server"} & set(item.fixturenames))


class SharedDemo:
    """The demo site, built once for each run of consecutive tests that ask for it.

    load_demo takes seconds. It runs in a transaction opened before the first
    such test's own; each test then runs in a savepoint inside it, so whatever
    a test changes is rolled back and the next test finds the demo as built.
    The transaction is rolled back as soon as the next test does not ask for the
    demo, so no other test ever sees it. Its images live in a folder of their own,
    copied into each test's media folder.
    """

    def __init__(self):
        self.blocker = None
        self.media = None
        self.atomic = None
        self.output = ""
        self.next_test_wants_it = False

    def ready(self, blocker, media):
        """Called once the test database exists."""
        self.blocker, self.media = blocker, media

    def open_if_wanted(self):
        if self.atomic is not None or not self.next_test_wants_it or self.blocker is None:
            return
        shutil.rmtree(self.media, ignore_errors=True)
        with self.blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            try:
                with override_settings(MEDIA_ROOT=str(self.media)):
                    self.output = run_load_demo()
            except BaseException:
                self.close()
                raise
        cache.clear()

    def close(self):
        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = None

    def copy_media(self, media_root):
        shutil.copytree(self.media, media_root, dirs_exist_ok=True)


shared_demo = SharedDemo()


@pytest.fixture(scope="session")
def shared_demo_database(django_db_setup, django_db_blocker, tmp_path_factory):
    shared_demo.ready(django_db_blocker, tmp_path_factory.mktemp("demo-media"))
    shared_demo.open_if_wanted()
    yield shared_demo
    shared_demo.close()


@pytest.fixture
def load_demo(db):
    """load_demo(*arguments) runs the command again, as a newcomer would; returns its output."""
    return run_load_demo


@pytest.fixture
def demo(request, shared_demo_database, settings):
    """The demo site, as `load_demo` builds it; returns what the command printed."""
    if shared_demo.atomic is not None:
        shared_demo.copy_media(settings.MEDIA_ROOT)
        return shared_demo.output
    # Tests that commit cannot share a build; theirs starts from what a flush left.
    request.getfixturevalue("home_pages")
    return run_load_demo()


@pytest.fixture
def translate():
    """translate(page, "fr", **fields) → the page's published translation."""
    return publish_translation_of


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
def default_language():
    """Each test starts in the default language, as a request would.

    Code run outside a request (forms, emails, tasks) answers in the active language,
    and a test that activated French left it active for the next test on that worker:
    CI saw an English assertion read French.
    """
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache.

    Wagtail caches image renditions and rate limits count in the cache; with
    database rollbacks ids are reused, so a rendition cached by one test would
    otherwise answer for a different image in the next.
    """
    cache.clear()
    yield
    cache.clear()
