"""SQL queries of the shared furniture's page types, kept answers warm:
at most 12 each, and the same after 20 more prisoners, news items and signatures.

What pages keep (campaign_site.render_cache, campaign_site.routing) must never show
what an editor has just hidden: the last test hides a person the search has found.
"""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage, NewsIndexPage, NewsPage
from petitions.models import PetitionPage
from prisoners.models import PrisonerIndexPage, PrisonerPage
from prisoners.visibility import Consent, Visibility
from tests.petitions.factories import add_signatures
from tests.prisoners.factories import PrisonerPageFactory

from .factories import NewsPageFactory
from .test_home_page import campaign, fill_home, person  # noqa: F401

MAX_QUERIES = 12


def first(model):
    return model.objects.live().filter(locale__language_code="en").order_by("path").first()


def page_urls():
    index = first(NewsIndexPage)
    return {
        "home": first(HomePage).url,
        "news index": index.url,
        "news": first(NewsPage).url,
        "news feed": index.url + "rss/",
        "search": "/en/search/?q=news",
        "French search, no result": "/fr/search/?q=prisonniers",
        "sitemap": "/sitemap.xml",
    }


def count(client, url):
    client.get(url)  # renditions, kept answers
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def grow(by=20):
    index = first(NewsIndexPage)
    for number in range(by):
        NewsPageFactory(
            parent=index, title=f"Prisoners news {number}", image=wagtail_factories.ImageFactory()
        )
    prisoners = first(PrisonerIndexPage)
    for number in range(by):
        PrisonerPageFactory(parent=prisoners, title=f"Sample Grown {number}")
    add_signatures(first(PetitionPage).specific.petition, by)


@pytest.fixture
def site(home_pages, news_indexes, campaign):  # noqa: F811
    """A site with every section: a petition, people, news with pictures."""
    prisoners = [person(campaign, f"Sample Person {n}") for n in range(3)]
    for number in range(3):
        NewsPageFactory(
            parent=news_indexes["en"],
            title=f"Prisoners news {number}",
            image=wagtail_factories.ImageFactory(),
        )
    fill_home(home_pages["en"], petition=campaign["petition"], prisoners=prisoners)
    add_signatures(campaign["petition"].petition, 3)


def test_each_page_type_costs_at_most_12_queries_however_much_content(client, site):
    urls = page_urls()
    before = {name: count(client, url) for name, url in urls.items()}
    grow()
    after = {name: count(client, url) for name, url in urls.items()}

    assert after == before
    assert max(before.values()) <= MAX_QUERIES, before


def test_a_person_hidden_after_a_search_is_found_no_more(client, site):
    profile = PrisonerPageFactory(parent=first(PrisonerIndexPage), title="Sample Findable")
    url = "/en/search/?q=Findable"
    for _visit in range(2):  # the second search runs in the kept scope
        assert "Sample Findable" in client.get(url).content.decode()
    assert profile.url in client.get("/sitemap.xml").content.decode()

    page = PrisonerPage.objects.get(pk=profile.pk)
    page.consent, page.visibility = Consent.REFUSED, Visibility.COUNTED
    page.save_revision().publish()

    assert "Sample Findable" not in client.get(url).content.decode()
    assert page.url not in client.get("/sitemap.xml").content.decode()
