"""The base's one rule for what the public may see, and its one "in another language" helper.

Whatever app defines a page type, its `publicly_listed_pages()` applies
wherever pages are listed; the translation chosen for a reader is one the
reader may see, else the page itself.
"""

import pytest
from django.test import RequestFactory
from wagtail.models import Locale, Page, Site

from campaign_site.localization import localized_objects, localized_page, localized_pages
from campaign_site.models import campaign_site_settings
from campaign_site.pages import hidden_page_ids, public_pages, public_specific_pages
from home.models import CampaignSettings, NewsTag
from prisoners.models import PrisonerPage
from prisoners.visibility import Consent, Visibility

from .factories import publish_translation_of
from .home.factories import NewsTagFactory
from .prisoners.factories import PrisonerIndexPageFactory, PrisonerPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_pages):
    return PrisonerIndexPageFactory(parent=home_pages["en"])


@pytest.fixture
def shown_and_hidden(index):
    return (
        PrisonerPageFactory(parent=index, title="Shown Person"),
        PrisonerPageFactory(
            parent=index,
            title="Hidden Person",
            consent=Consent.REFUSED,
            visibility=Visibility.COUNTED,
        ),
    )


def test_a_page_types_own_rule_applies_to_every_listing(shown_and_hidden):
    shown, hidden = shown_and_hidden

    listed = set(public_pages(Page.objects.all()).values_list("pk", flat=True))
    assert shown.pk in listed and hidden.pk not in listed
    assert hidden_page_ids(Page.objects.all()) == [hidden.pk]

    specific = public_specific_pages([shown.pk, hidden.pk])
    assert list(specific) == [shown.pk]
    assert type(specific[shown.pk]) is PrisonerPage


def test_the_translation_in_the_readers_language_else_the_page_itself(index, home_pages):
    french = publish_translation_of(index, "fr", title="Prisonniers")
    locale_fr = Locale.objects.get(language_code="fr")

    # A page, a page id (a foreign key's _id), a Locale, its id or its language code.
    for page in (index, Page.objects.get(pk=index.pk), index.pk):
        for locale in (locale_fr, locale_fr.pk, "fr"):
            assert localized_page(page, locale).pk == french.pk
    # No Armenian translation: the page itself.
    assert localized_page(index, "hy").pk == index.pk

    french.unpublish()
    assert localized_page(index, "fr").pk == index.pk
    index.unpublish()
    assert localized_page(index.pk, "fr") is None


def test_a_translation_the_public_may_not_see_is_never_chosen(index, shown_and_hidden):
    shown, hidden = shown_and_hidden
    publish_translation_of(index, "fr")
    publish_translation_of(hidden, "fr")

    assert localized_page(hidden, "fr") is None
    assert [page.pk for page in localized_pages([hidden, shown, shown], "fr")] == [shown.pk]


def test_snippets_in_the_readers_language_keep_their_order(home_pages):
    first, untranslated = NewsTagFactory(name="Courts"), NewsTagFactory(name="Releases")
    french = first.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.name = "Tribunaux"
    french.save()

    assert localized_objects([untranslated, first], french.locale) == [untranslated, french]
    assert localized_objects(NewsTag.objects.none(), french.locale) == []


def test_the_base_finds_the_campaign_settings_the_composing_app_registered(home_pages):
    request = RequestFactory().get("/en/", SERVER_NAME="localhost")
    found = campaign_site_settings(request)

    assert isinstance(found, CampaignSettings)
    assert found.site == Site.objects.get(is_default_site=True)
