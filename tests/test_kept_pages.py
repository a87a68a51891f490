"""Pages kept whole (render_cache.kept_page): the home page, and the petition page but
for what it draws afresh for each visitor (the count, the sign form's token)."""

import re
import time
from unittest import mock

import pytest
from django.test import Client

from campaign_site import render_cache
from campaign_site.abuse import TOKEN_FIELD, form_token_problem
from petitions.forms import form_token_scope
from tests.factories import SuperuserFactory
from tests.petitions.factories import add_signatures, make_petition, translate

pytestmark = pytest.mark.django_db

PETITION_TEMPLATE = "petitions/petition_page.html"


def rendered(response):
    return [template.name for template in response.templates]


def token_of(response):
    return re.search(rf'name="{TOKEN_FIELD}" value="([^"]+)"', response.content.decode()).group(1)


@pytest.fixture
def client():
    return Client(REMOTE_ADDR="10.77.0.1", headers={"origin": "http://testserver"})


def test_the_home_page_is_kept_whole_until_the_content_changes(client, home_pages):
    first = client.get("/en/")
    kept = client.get("/en/")
    assert "home/home_page.html" in rendered(first)
    assert rendered(kept) == []  # no template drawn: the kept page as it was
    assert kept.content == first.content
    assert kept["Cache-Control"] == first["Cache-Control"]
    assert kept["Content-Type"] == first["Content-Type"]
    assert kept["Vary"] == first["Vary"]
    assert rendered(client.get("/fr/")) != []  # each language its own

    home_pages["en"].headline = "Bring them home now"
    home_pages["en"].save_revision().publish()
    changed = client.get("/en/")
    assert "Bring them home now" in changed.content.decode()


def test_editors_and_previews_get_the_page_drawn_for_them(client, home_pages):
    client.get("/en/")
    editor = Client()
    editor.force_login(SuperuserFactory())
    assert "home/home_page.html" in rendered(editor.get("/en/"))
    assert rendered(client.get("/en/")) == []


def test_a_preview_of_a_draft_is_never_kept_for_visitors(client, home_pages):
    """Wagtail previews through `serve`; without a signed-in editor on the request (a
    preview made by code), only the preview flag keeps a draft from the live page's key."""
    home = home_pages["en"]
    home.headline = "A draft nobody published"
    preview = home.make_preview_request()
    assert "A draft nobody published" in preview.content.decode()
    assert "A draft nobody published" not in client.get("/en/").content.decode()


def test_a_kept_petition_page_draws_its_count_and_a_fresh_token_for_every_visitor(
    client, home_pages
):
    page = make_petition(home_pages["en"])
    first = client.get(page.url)
    add_signatures(page.petition, 3)  # visitors' rows retire nothing kept
    a_minute_later = time.time() + 60  # a token tells the second it was issued
    with mock.patch("time.time", return_value=a_minute_later):
        second = client.get(page.url)

    assert PETITION_TEMPLATE in rendered(first)
    assert PETITION_TEMPLATE not in rendered(second)
    body = second.content.decode()
    assert "\x00" not in body
    assert 'data-live="total" data-value="3">3</span></strong> signatures' in body
    assert "Release every prisoner." in body and "Decision maker 2" in body
    assert token_of(second) != token_of(first)
    scope = form_token_scope(page.petition)
    with mock.patch("time.time", return_value=a_minute_later):
        assert form_token_problem(token_of(second), scope, min_seconds=0) is None


def test_what_follows_the_count_is_drawn_again_as_soon_as_the_count_moves(client, home_pages):
    page = make_petition(home_pages["en"], show_recent_signers=True)

    def og_image(body):
        return re.search(r'property="og:image" content="([^"]+)"', body).group(1)

    client.get(page.url)
    before = client.get(page.url).content.decode()
    add_signatures(page.petition, 2, country="AM")
    after = client.get(page.url).content.decode()

    assert 'data-live="total" data-value="0">0</span>' in before
    assert 'data-live="total" data-value="2">2</span>' in after
    assert "<td>Armenia</td>" not in before and "<td>Armenia</td>" in after
    assert re.search(r"<li>Anna\w+ \(Armenia\)</li>", after)
    assert og_image(after) != og_image(before)  # the share card shows the count


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_kept_petition_page_is_the_page_drawn_in_full(client, home_pages, language):
    page = make_petition(home_pages["en"])
    add_signatures(page.petition, 2, country="AM")
    if language != "en":
        page = translate(page, language, title="Libérez les prisonniers")

    def without_token(response):
        return re.sub(rf'(name="{TOKEN_FIELD}" value=")[^"]+', r"\1", response.content.decode())

    drawn = client.get(page.url)
    kept = client.get(page.url)
    assert PETITION_TEMPLATE in rendered(drawn) and PETITION_TEMPLATE not in rendered(kept)
    assert without_token(kept) == without_token(drawn)
    country = {"en": "Armenia", "fr": "Arménie"}[language]  # the live parts' language
    assert f"<td>{country}</td>" in without_token(kept)


def test_what_a_kept_page_holds_never_reaches_other_renders(client, home_pages):
    page = make_petition(home_pages["en"])
    client.get(page.url)
    client.get(page.url)
    for url in (f"{page.url}thanks/?r=signed", f"/embed/petition/{page.pk}/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "\x00" not in response.content.decode()
    widget = client.get(f"/embed/petition/{page.pk}/").content.decode()
    assert f'name="{TOKEN_FIELD}" value="' in widget


def test_a_process_that_has_not_compiled_the_live_parts_draws_the_page_in_full(
    client, home_pages, monkeypatch
):
    page = make_petition(home_pages["en"])
    client.get(page.url)
    monkeypatch.setattr(render_cache, "live_nodes", {})
    response = client.get(page.url)
    assert PETITION_TEMPLATE in rendered(response)
    assert "\x00" not in response.content.decode()


def test_a_closed_petition_is_kept_without_a_form(client, home_pages):
    page = make_petition(home_pages["en"])
    client.get(page.url)
    petition = page.petition
    petition.status = "closed"
    petition.save()  # retires what was kept (petitions.signal_handlers)
    body = client.get(page.url).content.decode()
    assert "This petition is closed" in body
    assert TOKEN_FIELD not in body
