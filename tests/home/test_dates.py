"""Dates on pages read as each language writes them (formats: tests/test_language_quality.py)."""

import datetime

import pytest

from .conftest import soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected"),
    [("hy", "3 նոյեմբերի, 2020 թ."), ("fr", "3 novembre 2020"), ("en", "Nov. 3, 2020")],
)
def test_a_news_item_shows_its_date_in_the_reader_language(
    client, make_news, translate, language, expected
):
    item = make_news(title="Hearing", slug="hearing", date=datetime.date(2020, 11, 3))
    if language != "en":
        item = translate(item, language, title=f"Hearing ({language})")

    document = soup(client.get(item.url))

    time = document.find("time", attrs={"datetime": "2020-11-03"})
    assert time.get_text(strip=True) == expected
