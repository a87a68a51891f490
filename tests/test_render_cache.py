"""What pages keep between requests lasts until an editor changes something."""

import uuid

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from campaign_site.models import SiteIdentity
from campaign_site.render_cache import content_changed, generation, remember
from home.models import CampaignSettings
from prisoners.models import Letter
from tests.factories import SuperuserFactory


@pytest.fixture
def builds():
    calls = []

    def build():
        calls.append(1)
        return f"built {len(calls)}"

    return calls, build


def test_an_answer_is_built_once_until_the_content_changes(db, builds):
    calls, build = builds
    assert remember("menu", build, vary=("en",)) == "built 1"
    assert remember("menu", build, vary=("en",)) == "built 1"
    assert remember("menu", build, vary=("fr",)) == "built 2"
    content_changed()
    assert remember("menu", build, vary=("en",)) == "built 3"


def test_an_answer_kept_in_the_process_too_saves_the_round_trip_until_the_content_changes(
    db, builds, monkeypatch
):
    from django.core.cache import cache

    calls, build = builds
    name = f"hot-{uuid.uuid4()}"  # the process keeps it across tests
    assert remember(name, build, in_process=True) == "built 1"
    reads = []
    real_get = cache.get
    monkeypatch.setattr(cache, "get", lambda key, *args: reads.append(key) or real_get(key, *args))
    assert remember(name, build, in_process=True) == "built 1"
    assert not [key for key in reads if name in key], "asked the shared cache again"
    # A change made on any node moves the shared generation: the process copy is retired.
    content_changed()
    assert remember(name, build, in_process=True) == "built 2"
    assert [key for key in reads if name in key]


def test_an_answer_kept_in_the_process_expires_with_its_timeout(db, builds, monkeypatch):
    import time

    calls, build = builds
    name = f"hot-{uuid.uuid4()}"
    remember(name, build, in_process=True, timeout=30)
    from django.core.cache import cache

    cache.delete(f"campaign:kept:{generation()}:{name}")  # the shared copy expired too
    assert remember(name, build, in_process=True, timeout=30) == "built 1"
    later = time.monotonic() + 31
    monkeypatch.setattr(time, "monotonic", lambda: later)
    assert remember(name, build, in_process=True, timeout=30) == "built 2"


def test_publishing_a_page_retires_what_was_kept(home_pages, builds):
    calls, build = builds
    remember("menu", build)
    home_pages["fr"].save_revision().publish()
    assert remember("menu", build) == "built 2"


def test_settings_and_snippets_retire_what_was_kept_but_a_visitors_letter_does_not(
    home_pages, builds
):
    from prisoners.models import Prisoner

    calls, build = builds
    before = generation()
    CampaignSettings.for_site(home_pages["en"].get_site()).save()
    after_setting = generation()
    assert after_setting != before
    SiteIdentity.objects.create(locale=home_pages["en"].locale, site_name="Free them")
    after_snippet = generation()
    assert after_snippet != after_setting
    prisoner = Prisoner.objects.create(translation_key=uuid.uuid4())
    after_record = generation()
    Letter.objects.create(
        prisoner=prisoner,
        first_name="Anna",
        country="FR",
        message="Courage",
        language="en",
        email="anna@example.org",
    )
    assert generation() == after_record


@pytest.mark.parametrize("who", ["anonymous", "editor", "preview"])
def test_a_fragment_is_shared_only_between_anonymous_visitors(db, who):
    from django.contrib.auth.models import AnonymousUser

    template = Template(
        "{% load render_cache %}{% remember_fragment 'greeting' lang %}{{ word }}"
        "{% endremember_fragment %}"
    )
    request = RequestFactory().get("/")
    request.user = AnonymousUser() if who != "editor" else SuperuserFactory()
    request.is_preview = who == "preview"
    first = template.render(Context({"request": request, "lang": "en", "word": "hello"}))
    second = template.render(Context({"request": request, "lang": "en", "word": "bonjour"}))
    assert first == "hello"
    assert second == ("hello" if who == "anonymous" else "bonjour")
