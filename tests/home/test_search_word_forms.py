"""Search finds other forms of a word: stemmed in English and French, by prefix in Armenian.

Run on SQLite (FTS5 with the porter tokenizer) and on PostgreSQL (english and
french text-search configurations) by the suite's two database runs.
"""

import pytest

from .conftest import soup
from .test_search import bilingual_news, result_titles  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def armenian_news(bilingual_news, translate):  # noqa: F811
    return translate(bilingual_news["en"], "hy", title="ԵԽԽՎ-ն կոչ է անում ազատել բանտարկյալներին")


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        ("en", "prisoner", "PACE calls for the release of prisoners"),
        ("en", "prisoners", "PACE calls for the release of prisoners"),
        ("en", "calling", "PACE calls for the release of prisoners"),
        ("fr", "prisonnier", "L'APCE demande la libération des prisonniers"),
        ("fr", "demandes", "L'APCE demande la libération des prisonniers"),
        ("hy", "բանտարկյալ", "ԵԽԽՎ-ն կոչ է անում ազատել բանտարկյալներին"),
    ],
)
def test_other_forms_of_a_word_find_the_page(client, armenian_news, language, query, title):
    found = result_titles(soup(client.get(f"/{language}/search/", {"q": query})))
    assert found == [title]


def test_word_forms_stay_in_their_language(client, armenian_news):
    assert result_titles(soup(client.get("/hy/search/", {"q": "prisoner"}))) == []
    assert result_titles(soup(client.get("/en/search/", {"q": "prisonnier"}))) == []


def test_unrelated_words_still_find_nothing(client, armenian_news):
    assert result_titles(soup(client.get("/en/search/", {"q": "prism"}))) == []
    assert result_titles(soup(client.get("/fr/search/", {"q": "prison"}))) == []


def test_no_results_suggests_the_words_of_our_titles(client, armenian_news):
    document = soup(client.get("/en/search/", {"q": "relase"}))

    assert result_titles(document) == []
    suggestions = document.select(".search-suggestions a")
    assert suggestions[0].get_text() == "release"
    assert suggestions[0]["href"] == "/en/search/?q=release"
    french = soup(client.get("/fr/search/", {"q": "libérasion"}))
    assert french.select_one(".search-suggestions a").get_text() == "libération"


def test_a_long_query_with_no_results_corrects_only_its_first_words(
    client, armenian_news, monkeypatch
):
    """Every different query misses the cache: its cost must not grow with its length."""
    import difflib

    from home import views

    calls = []
    real = difflib.get_close_matches
    monkeypatch.setattr(
        views.difflib,
        "get_close_matches",
        lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs),
    )
    response = client.get("/en/search/", {"q": " ".join(["zzqx"] * 200)})
    assert response.status_code == 200
    assert len(calls) <= views.SUGGESTION_WORDS + 1  # the words, then the titles once
