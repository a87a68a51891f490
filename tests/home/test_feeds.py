"""RSS and Atom feeds per language, read with a real XML parser."""

import datetime

import pytest
from defusedxml import ElementTree
from wagtail.models import PageViewRestriction

from .conftest import soup

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def french_news(news_indexes, make_news, translate, pace_tag):
    older = make_news(title="Interim measures", date=datetime.date(2021, 4, 6))
    newer = make_news(
        title="PACE call",
        date=datetime.date(2021, 4, 22),
        author="Campaign team",
        lead="PACE asks for the release of the prisoners.",
        tags=[pace_tag],
    )
    english_only = make_news(title="Only in English", date=datetime.date(2021, 5, 1))
    return {
        "older": translate(older, "fr", title="Mesures provisoires"),
        "newer": translate(
            newer, "fr", title="Appel de l'APCE", lead="L'APCE demande leur libération."
        ),
        "english_only": english_only,
    }


def test_french_rss_feed(client, french_news):
    response = client.get("/fr/news/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Actualités · Campaign"
    assert channel.findtext("link") == "http://localhost/fr/news/"
    assert channel.findtext("language") == "fr"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Appel de l'APCE", "Mesures provisoires"]
    first = items[0]
    assert first.findtext("link") == "http://localhost/fr/news/" + french_news["newer"].slug + "/"
    assert first.findtext("guid") == first.findtext("link")
    assert first.findtext("description") == "L'APCE demande leur libération."
    assert first.findtext("pubDate") == "Thu, 22 Apr 2021 00:00:00 +0000"
    assert [category.text for category in first.findall("category")] == ["Conseil de l'Europe"]


def test_english_atom_feed(client, french_news):
    response = client.get("/en/news/atom/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Only in English",
        "PACE call",
        "Interim measures",
    ]
    pace = entries[1]
    assert pace.find(f"{ATOM}link").get("href").startswith("http://localhost/en/news/")
    assert pace.findtext(f"{ATOM}published") == "2021-04-22T00:00:00+00:00"
    assert pace.findtext(f"{ATOM}author/{ATOM}name") == "Campaign team"
    assert [category.get("term") for category in pace.findall(f"{ATOM}category")] == [
        "Council of Europe"
    ]
    self_link = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link[0].get("href") == "http://localhost/en/news/atom/"


def test_feeds_leave_out_drafts_and_private_items(client, news_indexes, make_news):
    make_news(title="Public")
    make_news(title="Draft").unpublish()
    private = make_news(title="Private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    channel = ElementTree.fromstring(client.get("/en/news/rss/").content).find("channel")

    assert [item.findtext("title") for item in channel.findall("item")] == ["Public"]


def test_pages_advertise_their_language_feeds(client, french_news):
    for url in ("/fr/news/", french_news["newer"].url):
        document = soup(client.get(url))
        feeds = {
            link["type"]: link["href"]
            for link in document.select('head link[rel="alternate"][type]')
        }
        assert feeds["application/rss+xml"].endswith("/fr/news/rss/")
        assert feeds["application/atom+xml"].endswith("/fr/news/atom/")


def test_atom_feed_names_the_organisation_as_its_author(client, french_news):
    feed = ElementTree.fromstring(client.get("/fr/news/atom/").content)

    # RFC 4287 §4.1.1: a feed has an author unless every entry has one, and
    # most entries here have none.
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Campaign"
    assert feed.findtext(f"{ATOM}author/{ATOM}uri") == "http://localhost/"
    for entry in feed.findall(f"{ATOM}entry"):
        assert entry.findtext(f"{ATOM}id") and entry.findtext(f"{ATOM}updated")
