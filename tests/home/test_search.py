"""Site search: one results page per language, with counts and pagination."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from .conftest import soup

pytestmark = pytest.mark.django_db


def result_titles(document):
    return [title.get_text(strip=True) for title in document.select(".search-result__title")]


@pytest.fixture
def bilingual_news(news_indexes, make_news, translate):
    english = make_news(
        title="PACE calls for the release of prisoners",
        lead="The Parliamentary Assembly of the Council of Europe asks for their release.",
        body=[("paragraph", "<p>Without delay, said the Assembly.</p>")],
    )
    french = translate(
        english,
        "fr",
        title="L'APCE demande la libération des prisonniers",
        lead="L'Assemblée parlementaire du Conseil de l'Europe demande leur libération.",
        body=[("paragraph", "<p>Sans délai, a déclaré l'Assemblée parlementaire.</p>")],
    )
    return {"en": english, "fr": french}


def test_searching_in_french_finds_the_french_news_item(client, bilingual_news):
    response = client.get("/fr/search/", {"q": "libération"})

    assert response.status_code == 200
    document = soup(response)
    assert document.html["lang"] == "fr"
    assert result_titles(document) == ["L'APCE demande la libération des prisonniers"]
    link = document.select_one(".search-result__title a")["href"]
    assert link == bilingual_news["fr"].url
    assert document.select_one(".result-count").get_text(" ", strip=True) == (
        "1 résultat pour «\u00a0libération\u00a0»"
    )
    # Words from the body are searched too.
    body_hit = soup(client.get("/fr/search/", {"q": "délai"}))
    assert result_titles(body_hit) == ["L'APCE demande la libération des prisonniers"]


def test_each_language_searches_its_own_pages(client, bilingual_news):
    # The English item matches "Assembly"; the French one "Assemblée": never the other's.
    assert result_titles(soup(client.get("/en/search/", {"q": "Assembly"}))) == [
        "PACE calls for the release of prisoners"
    ]
    assert result_titles(soup(client.get("/fr/search/", {"q": "Assembly"}))) == []
    assert result_titles(soup(client.get("/hy/search/", {"q": "Assemblée"}))) == []


def test_counts_by_kind_and_pagination(client, news_indexes, make_news):
    for day in range(1, 13):
        make_news(
            title=f"Sentence {day}", lead="A sham trial in Baku.", date=datetime.date(2021, 7, day)
        )

    first = soup(client.get("/en/search/", {"q": "sham trial"}))
    second = soup(client.get("/en/search/", {"q": "sham trial", "page": "2"}))

    assert first.select_one(".result-count").get_text(" ", strip=True) == (
        "12 results for “sham trial”"
    )
    kinds = {a.get_text(" ", strip=True): a["href"] for a in first.select(".result-types a")}
    assert kinds["All (12)"] == "?q=sham%20trial"
    assert kinds["News (12)"] == "?q=sham%20trial&type=news"
    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert first.select_one('.pagination a[rel="next"]')["href"] == "?q=sham+trial&page=2"
    assert second.select_one("ol.search-results")["start"] == "11"
    # Search pages are for visitors, not for search engines.
    assert first.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"


def test_drafts_and_private_pages_are_never_found(client, news_indexes, make_news):
    make_news(title="Published verdict")
    make_news(title="Draft verdict").unpublish()
    private = make_news(title="Private verdict")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    assert result_titles(soup(client.get("/en/search/", {"q": "verdict"}))) == ["Published verdict"]


def test_a_page_made_private_leaves_the_results_at_once(client, news_indexes, make_news):
    """What search may list is kept until an editor changes something: making a page
    private is such a change."""
    make_news(title="Public verdict")
    secret = make_news(title="Soon private verdict")
    assert len(result_titles(soup(client.get("/en/search/", {"q": "verdict"})))) == 2
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert result_titles(soup(client.get("/en/search/", {"q": "verdict"}))) == ["Public verdict"]


def test_empty_and_unmatched_searches(client, bilingual_news):
    empty = soup(client.get("/fr/search/"))
    assert empty.select(".search-result") == []
    assert empty.select_one(".result-count") is None
    assert empty.h1.get_text(strip=True) == "Rechercher sur le site"

    nothing = soup(client.get("/hy/search/", {"q": "zzzzzz"}))
    assert nothing.select_one(".result-count").get_text(" ", strip=True) == (
        "«zzzzzz» հարցմամբ գտնվեց 0 արդյունք"
    )
    assert "ոչինչ չի համապատասխանում" in nothing.select_one("main").get_text()


def test_header_search_form_targets_the_current_language(client, home_pages):
    form = soup(client.get("/hy/")).select_one("form.site-search")
    assert form["action"] == "/hy/search/"
    assert form["method"] == "get"
    label = form.find("label", attrs={"for": "site-search-q"})
    assert label.get_text(strip=True) == "Որոնում կայքում"


def test_language_switcher_repeats_the_search_in_another_language(client, home_pages):
    document = soup(client.get("/fr/search/", {"q": "libération"}))
    links = {a["hreflang"]: a["href"] for a in document.select(".language-switcher a")}

    assert links == {
        "en": "/en/search/?q=lib%C3%A9ration",
        "fr": "/fr/search/?q=lib%C3%A9ration",
        "hy": "/hy/search/?q=lib%C3%A9ration",
    }
    # Search pages are not announced as translations of each other.
    assert document.select('link[rel="alternate"][hreflang]') == []


def test_too_many_searches_from_one_address_are_refused_in_the_visitors_language(
    client, bilingual_news, settings, django_assert_max_num_queries
):
    settings.CAMPAIGN_SEARCH_IP_RATES = ("2/m",)
    # An empty search runs nothing, so it is not counted.
    assert [client.get("/fr/search/").status_code for _ in range(3)] == [200, 200, 200]
    assert client.get("/fr/search/", {"q": "libération"}).status_code == 200
    assert client.get("/fr/search/", {"q": "délai"}).status_code == 200

    with django_assert_max_num_queries(6):  # the page around it; no search is run
        response = client.get("/fr/search/", {"q": "prisonniers"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "public" not in response.get("Cache-Control", "")  # no cache in front keeps it
    document = soup(response)
    assert document.html["lang"] == "fr"
    assert "Veuillez patienter" in document.select_one("[role=alert]").get_text()
    assert document.select_one("#search-q")["value"] == "prisonniers"
    assert result_titles(document) == []
    assert document.select_one(".result-count") is None
    # Another address searches on.
    other = client.get("/fr/search/", {"q": "libération"}, REMOTE_ADDR="10.88.0.1")
    assert other.status_code == 200


def test_no_results_suggestions_reload_no_titles_for_each_new_query(client, bilingual_news):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/en/search/", {"q": "relase"})
    with CaptureQueriesContext(connection) as queries:
        document = soup(client.get("/en/search/", {"q": "prisonrs"}))
    assert document.select_one(".search-suggestions a").get_text() == "prisoners"
    sql = [query["sql"] for query in queries]
    assert not [text for text in sql if "first_published_at" in text and "LIMIT 2000" in text]
