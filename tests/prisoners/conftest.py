"""Fixtures for prisoner profiles: an index in three languages and ways to fill it."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core.cache import cache

from tests.factories import publish_translation_of

from .factories import PrisonerIndexPageFactory, PrisonerPageFactory


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def prisoner_indexes(home_pages):
    """The English prisoner index with published French and Armenian translations."""
    index = PrisonerIndexPageFactory(parent=home_pages["en"], show_in_menus=True)
    return {
        "en": index,
        "fr": publish_translation_of(index, "fr", title="Prisonniers"),
        "hy": publish_translation_of(index, "hy", title="Գերիներ"),
    }


@pytest.fixture
def prisoner_index(prisoner_indexes):
    return prisoner_indexes["en"]


@pytest.fixture
def make_prisoner(prisoner_indexes):
    """make_prisoner(**fields) → a published English profile (full, consented, by default)."""

    def make(**fields):
        return PrisonerPageFactory(parent=prisoner_indexes["en"], **fields)

    return make


@pytest.fixture
def photo(db):
    """An image with a recognisable file name, to look for in every response."""
    return wagtail_factories.ImageFactory(
        title="Portrait", file__filename="secret-portrait.jpg", file__width=800, file__height=1000
    )


@pytest.fixture
def forms_open(settings):
    """Public forms accept an immediate submission, and rate limits start from zero."""
    settings.PRISONERS_SPONSOR_FORM_MIN_SECONDS = 0
    cache.clear()
    yield
    cache.clear()
