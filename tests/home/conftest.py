"""Fixtures for the home app: a news index in three languages and ways to fill it."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import publish_translation_of

from .factories import NewsIndexPageFactory, NewsPageFactory, NewsTagFactory


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def news_indexes(home_pages):
    """The English news index with published French and Armenian translations."""
    index = NewsIndexPageFactory(parent=home_pages["en"])
    return {
        "en": index,
        "fr": publish_translation_of(index, "fr", title="Actualités"),
        "hy": publish_translation_of(index, "hy", title="Նորություններ"),
    }


@pytest.fixture
def make_news(news_indexes):
    """make_news(**fields) → a published English news item under the English index."""

    def make(**fields):
        tags = fields.pop("tags", [])
        item = NewsPageFactory(parent=news_indexes["en"], **fields)
        if tags:
            item.tags.set(tags)
            item.save_revision().publish()
        return item

    return make


@pytest.fixture
def pace_tag(db):
    """A tag with its French and Armenian translations (same slug, translated name)."""
    from wagtail.models import Locale

    tag = NewsTagFactory(name="Council of Europe", slug="council-of-europe")
    for code, name in (("fr", "Conseil de l'Europe"), ("hy", "Եվրոպայի խորհուրդ")):
        translated = tag.copy_for_translation(Locale.objects.get(language_code=code))
        translated.name = name
        translated.save()
    return tag
