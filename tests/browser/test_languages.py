"""On every page type, the language switcher leads to that page's translation."""

import re

import pytest
from playwright.sync_api import expect

from campaign_site.models import site_identity
from home.models import HomePage, NewsIndexPage, NewsPage
from petitions.models import PetitionPage
from prisoners.models import PrisonerIndexPage, PrisonerPage
from prisoners.visibility import Visibility

pytestmark = pytest.mark.django_db(transaction=True)

PAGE_TYPES = [HomePage, NewsIndexPage, NewsPage, PetitionPage, PrisonerIndexPage, PrisonerPage]


def english_page(model):
    pages = model.objects.live().filter(locale__language_code="en")
    if model is PrisonerPage:
        pages = pages.filter(prisoner__visibility=Visibility.FULL)
    return pages.first()


def test_switching_language_keeps_the_visitor_on_the_same_page(live_server, demo, page):
    """One demo build for all page types: load_demo takes seconds, the clicks do not."""
    for model in PAGE_TYPES:
        english = english_page(model)
        assert english is not None, f"the demo has no {model.__name__}"
        translations = {
            translated.locale.language_code: translated
            for translated in english.get_translations(inclusive=True).live()
        }
        assert set(translations) == {"en", "fr", "hy"}, model.__name__

        page.goto(f"{live_server.url}{english.url}")
        # The switcher sits behind the header's Menu button (a <details>), on every screen.
        page.locator("summary.site-menu__button").click()
        switcher = page.get_by_role("navigation", name="Choose a language")
        switcher.get_by_role("link", name="Français").click()
        expect(page).to_have_url(f"{live_server.url}{translations['fr'].url}")
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        expect(page.get_by_role("heading", level=1).first).to_be_visible()

        page.locator("summary.site-menu__button").click()
        page.get_by_role("navigation", name="Choisir une langue").get_by_role(
            "link", name="Հայերեն"
        ).click()
        expect(page).to_have_url(f"{live_server.url}{translations['hy'].url}")
        expect(page.locator("html")).to_have_attribute("lang", "hy")
        # A home page's title is the campaign's tagline and name, in the visitor's language.
        title = site_identity("hy").name if model is HomePage else translations["hy"].title
        expect(page).to_have_title(re.compile(re.escape(title)))
