"""A visitor finds a news item by searching in French and reads it, in a real browser."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from home.models import HomePage, HomePageFeaturedPrisoner, NewsPageRelatedPage
from tests.factories import publish_translation_of
from tests.home.factories import NewsIndexPageFactory, NewsPageFactory, NewsTagFactory
from tests.petitions.factories import make_petition
from tests.prisoners.factories import PrisonerIndexPageFactory, PrisonerPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def campaign(home_pages):
    """A French home page with every section, a news index and news in French."""
    english_home = home_pages["en"]
    petition = make_petition(english_home, title="Free all Armenian prisoners", slug="petition")
    publish_translation_of(petition, "fr", title="Libérez tous les prisonniers arméniens")
    prisoners = PrisonerIndexPageFactory(parent=english_home, disappeared_count=80)
    publish_translation_of(prisoners, "fr", title="Prisonniers")
    profile = PrisonerPageFactory(parent=prisoners, title="Sample Person", is_sample=True)
    publish_translation_of(profile, "fr", title="Personne fictive")

    index = NewsIndexPageFactory(parent=english_home)
    publish_translation_of(index, "fr", title="Actualités")
    tag = NewsTagFactory(name="Council of Europe", slug="council-of-europe")
    french_tag = tag.copy_for_translation(home_pages["fr"].locale)
    french_tag.name = "Conseil de l'Europe"
    french_tag.save()
    for day in range(1, 4):
        NewsPageFactory(parent=index, title=f"Other news {day}", date=datetime.date(2021, 5, day))
    item = NewsPageFactory(
        parent=index,
        title="PACE calls for the release of Armenian prisoners",
        slug="pace-call",
        date=datetime.date(2021, 4, 22),
        body=[
            ("paragraph", "<p>PACE called for their release without delay [1].</p>"),
            ("references", {"heading": "References", "references": [{"text": "PACE"}]}),
        ],
    )
    item.tags.set([tag])
    item.related_pages = [NewsPageRelatedPage(target=petition)]
    item.save_revision().publish()
    french = publish_translation_of(
        item,
        "fr",
        title="L'APCE demande la libération des prisonniers arméniens",
        lead="L'Assemblée parlementaire du Conseil de l'Europe demande leur libération.",
        body=[
            ("paragraph", "<p>L'APCE a demandé leur libération sans délai [1].</p>"),
            ("references", {"heading": "Références", "references": [{"text": "APCE"}]}),
        ],
    )

    for code in ("en", "fr"):
        home = HomePage.objects.get(pk=home_pages[code].pk)
        home.main_petition = petition
        home.featured_prisoners = [HomePageFeaturedPrisoner(prisoner=profile)]
        home.timeline = [
            (
                "event",
                {
                    "date": datetime.date(2020, 11, 10),
                    "precision": "day",
                    "title": "Déclaration de cessez-le-feu",
                    "text": "<p>L'échange de tous les prisonniers de guerre.</p>",
                },
            )
        ]
        home.partners = [("partner", {"name": "Covcas Center", "url": "", "logo": None})]
        home.save_revision().publish()
    return {"french_item": french}


def test_a_visitor_finds_a_news_item_by_searching_in_french_and_reads_it(
    live_server, campaign, page, accessibility
):
    page.goto(f"{live_server.url}/fr/")
    expect(page.get_by_role("heading", level=2, name="La campagne en chiffres")).to_be_visible()
    accessibility(page)

    page.get_by_text("Menu", exact=True).click()
    search = page.get_by_role("search").first
    search.get_by_role("searchbox", name="Rechercher sur le site").fill("libération")
    search.get_by_role("button", name="Rechercher").click()

    expect(page).to_have_url(re.compile(r"/fr/search/\?q=lib%C3%A9ration$"))
    # French stemming may also find other pages the run has left ("libérer", "libéré"):
    # the heading counts what is listed, in French typography, and the item is among them.
    expect(page.get_by_role("status").first).to_have_text(
        re.compile(r"^\s*\d+\s+résultats?\s+pour\s+«\s*libération\s*»\s*$")
    )
    count = int(page.get_by_role("status").first.inner_text().split()[0])
    expect(page.locator("li.search-result")).to_have_count(count)
    accessibility(page)

    page.get_by_role("link", name="L'APCE demande la libération des prisonniers arméniens").click()

    expect(page).to_have_url(f"{live_server.url}{campaign['french_item'].url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "L'APCE demande la libération des prisonniers arméniens"
    )
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    accessibility(page)

    # The numbered reference takes the reader to the source, and back.
    page.get_by_role("link", name="[1]").click()
    expect(page).to_have_url(re.compile(r"#ref-1$"))
    page.locator("#ref-1 a.backlink").click()
    expect(page).to_have_url(re.compile(r"#cite-1$"))

    # From the item, its tag leads to the French list of news with that tag.
    page.get_by_role("link", name="Conseil de l'Europe").click()
    expect(page).to_have_url(re.compile(r"/fr/news/\?tag=council-of-europe$"))
    expect(page.locator(".news-list .card")).to_have_count(1)
    accessibility(page)


def test_french_news_index_fits_a_phone(live_server, campaign, page, accessibility):
    page.goto(f"{live_server.url}/fr/news/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Actualités")
    # Only what has been translated into French is listed in French.
    expect(page.locator(".news-list .card__title")).to_have_text(
        ["L'APCE demande la libération des prisonniers arméniens"]
    )
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 390
    accessibility(page)
