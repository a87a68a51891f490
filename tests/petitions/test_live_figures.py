"""Live figures: a cached page stays at most a minute old, its count at most ten seconds."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.models import HomePage
from tests.factories import publish_translation_of
from tests.headers import directives, max_staleness
from tests.petitions.factories import add_signatures, make_petition

pytestmark = pytest.mark.django_db


def count_url(page):
    return reverse("petitions_count", kwargs={"key": page.translation_key})


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_count_is_at_most_ten_seconds_old_in_any_cache(client, petition_page):
    for url in (count_url(petition_page), f"/api/widgets/petitions/{petition_page.pk}"):
        cache_control = client.get(url)["Cache-Control"]
        found = directives(cache_control)
        assert "public" in found, url
        assert max_staleness(cache_control) <= 10, url
        # A browser counts the cache's Age: its copy is never older than the cache's limit.
        assert found["max-age"] <= 10, url


def test_the_count_speaks_the_pages_language_with_its_latest_signers(client, petition_page):
    add_signatures(petition_page.petition, 1, country="AM")
    add_signatures(petition_page.petition, 1200, confirmed=False)
    petition_page.petition.count_unconfirmed = True
    petition_page.petition.save()

    data = client.get(count_url(petition_page), {"lang": "fr"}).json()
    assert data["total_signatures"] == 1201
    assert data["display"]["total_signatures"] == "1\N{NO-BREAK SPACE}201"
    assert data["percent"] == min(100, round(100 * 1201 / data["goal"]))
    armenian = [signer for signer in data["recent_signers"] if signer["country"] == "Arménie"]
    assert [set(signer) for signer in armenian] == [{"first_name", "country"}]
    body = str(data)
    assert "@example.org" not in body and "Privatesurname" not in body

    english = client.get(count_url(petition_page), {"lang": "xx"}).json()
    assert english["display"]["total_signatures"] == "1,201"


def test_no_signers_where_the_page_hides_them(client, petition_page):
    add_signatures(petition_page.petition, 1)
    petition_page.show_recent_signers = False
    petition_page.save_revision().publish()
    data = client.get(count_url(petition_page)).json()
    assert "recent_signers" not in data
    assert data["total_signatures"] == 1


def test_the_page_widget_and_home_card_read_the_live_count(client, home_pages):
    page = make_petition(home_pages["en"])
    add_signatures(page.petition, 3)
    french = publish_translation_of(page, "fr", title="Libérez-les")
    home = HomePage.objects.get(pk=home_pages["fr"].pk)
    home.main_petition = page
    home.save_revision().publish()

    for url, script_expected in (
        (french.url, True),
        (f"/embed/petition/{french.pk}/?lang=fr", True),
        (home.url, True),
    ):
        document = soup(client.get(url))
        live = document.select_one("[data-live-url]")
        assert live is not None, url
        assert live["data-live-url"] == f"{count_url(page)}?lang=fr", url
        total = live.select_one('[data-live="total"]')
        assert total["data-value"] == "3" and total.get_text() == "3", url
        assert live.select_one('progress[data-live="progress"]') is not None, url
        scripts = [script.get("src", "") for script in document.select("script")]
        assert any(src.endswith("petitions/live.js") for src in scripts) is script_expected, url

    # The latest signers box is there (hidden while empty) for the script to fill.
    empty = make_petition(home_pages["en"])
    box = soup(client.get(empty.url)).select_one("[data-live-signers]")
    assert box.has_attr("hidden")
    assert "{name}" in box["data-signer-format"] and "{country}" in box["data-signer-format"]


def test_cached_pages_are_at_most_a_minute_old(home_pages, settings):
    page = make_petition(home_pages["en"])
    cache_control = Client().get(page.url)["Cache-Control"]
    assert max_staleness(cache_control) <= 60 == settings.CAMPAIGN_PAGE_CACHE_SECONDS


def test_the_count_costs_two_queries_however_many_signed(client, petition_page):
    """Every open tab asks every ten seconds: its cost must not grow with the petition.
    The petition's settings are kept between requests; the count and the latest
    signers are read each time."""
    url = count_url(petition_page)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"lang": "fr"}).status_code == 200
        return len(captured)

    add_signatures(petition_page.petition, 2)
    queries()  # keeps the petition's settings
    few = queries()
    add_signatures(petition_page.petition, 60, country="AM")
    assert queries() == few <= 2
