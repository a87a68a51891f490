"""News, search and the sitemap with the other apps' pages: petitions and prisoner profiles.

Profiles that are not public (counted but not shown) never appear, and a name-only
profile never lends its photo to a card.
"""

import pytest
import wagtail_factories
from defusedxml import ElementTree
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import NewsPage, NewsPageRelatedPage
from prisoners.visibility import Consent, Visibility
from tests.factories import file_stem
from tests.petitions.factories import make_petition
from tests.petitions.factories import translate as translate_petition
from tests.prisoners.factories import PrisonerIndexPageFactory, PrisonerPageFactory

from .conftest import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(home_pages, news_indexes, translate):
    """A petition, and profiles at every visibility level, all mentioning "Goris"."""
    portrait = wagtail_factories.ImageFactory(
        title="Portrait", file__filename="portrait-of-a-person.jpg"
    )
    prisoners = PrisonerIndexPageFactory(parent=home_pages["en"])
    translate(prisoners, "fr", title="Prisonniers")

    def person(title, **fields):
        return PrisonerPageFactory(parent=prisoners, title=title, **{"photo": portrait, **fields})

    # Its own photo: one also used by a restricted profile would be private (prisoners.photos).
    full_portrait = wagtail_factories.ImageFactory(title="Full portrait")
    full = person("Sample Full Goris", photo=full_portrait)
    name_only = person(
        "Sample Nameonly Goris", consent=Consent.NAME_ONLY, visibility=Visibility.NAME_ONLY
    )
    hidden = person("Sample Hidden Goris", consent=Consent.REFUSED, visibility=Visibility.COUNTED)
    petition = make_petition(home_pages["en"], title="Free the people of Goris", slug="goris")
    draft_petition = make_petition(home_pages["en"], title="Draft Goris petition", slug="draft")
    draft_petition.unpublish()
    return {
        "portrait": portrait,
        "full_portrait": full_portrait,
        "full": full,
        "full_fr": translate(full, "fr", title="Exemple Complet Goris"),
        "name_only": name_only,
        "hidden": hidden,
        "hidden_fr": translate(hidden, "fr", title="Exemple Caché Goris"),
        "petition": petition,
        "petition_fr": translate_petition(petition, "fr", title="Libérez les gens de Goris"),
        "draft_petition": draft_petition,
    }


def result_titles(response):
    return [title.get_text(strip=True) for title in soup(response).select(".search-result__title")]


def test_search_finds_petitions_and_public_profiles_but_never_hidden_ones(client, campaign):
    response = client.get("/en/search/", {"q": "Goris"})

    assert sorted(result_titles(response)) == [
        "Free the people of Goris",
        "Sample Full Goris",
        "Sample Nameonly Goris",
    ]
    kinds = [a.get_text(" ", strip=True) for a in soup(response).select(".result-types a")]
    assert kinds == ["All (3)", "Petitions (1)", "Prisoners (2)"]
    only_prisoners = client.get("/en/search/", {"q": "Goris", "type": "prisoners"})
    assert sorted(result_titles(only_prisoners)) == ["Sample Full Goris", "Sample Nameonly Goris"]
    # The name-only profile's result shows no photo; no result ever shows the hidden person.
    html = response.content.decode()
    assert "Hidden" not in html
    assert html.count(file_stem(campaign["full_portrait"])) == 1
    assert file_stem(campaign["portrait"]) not in html


def test_search_in_french_finds_french_translations(client, campaign):
    response = client.get("/fr/search/", {"q": "Goris"})

    assert sorted(result_titles(response)) == [
        "Exemple Complet Goris",
        "Libérez les gens de Goris",
    ]
    assert "Caché" not in response.content.decode()


def test_a_hidden_profile_that_reached_the_search_index_is_still_never_shown(client, campaign):
    """If the index ever holds a hidden profile (a missed signal, an old index), search
    still applies the visibility rule."""
    backend = get_search_backend()
    for page in (campaign["hidden"], campaign["hidden_fr"]):
        backend.add(page)
    assert campaign["hidden"].pk in [
        page.pk for page in backend.search("Hidden", type(campaign["hidden"]).objects.all())
    ], "the test needs the hidden profile in the search index"

    for language, query in (("en", "Hidden"), ("fr", "Caché")):
        response = client.get(f"/{language}/search/", {"q": query})
        assert result_titles(response) == []
        assert soup(response).select_one(".result-count").get_text(" ", strip=True).startswith("0 ")


def test_sitemap_lists_public_profiles_and_petitions_only(client, campaign):
    urlset = ElementTree.fromstring(client.get("/sitemap.xml").content)
    locations = {
        url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
        for url in urlset.findall("{http://www.sitemaps.org/schemas/sitemap/0.9}url")
    }

    for key in ("full", "full_fr", "name_only", "petition", "petition_fr"):
        assert campaign[key].full_url in locations, key
    for key in ("hidden", "hidden_fr", "draft_petition"):
        assert campaign[key].full_url not in locations, key


def news_with_related(news_indexes, targets, **fields):
    from .factories import NewsPageFactory

    item = NewsPageFactory(parent=news_indexes["en"], **fields)
    item.related_pages = [NewsPageRelatedPage(target=target) for target in targets]
    item.save_revision().publish()
    return item


def test_related_cards_show_only_what_the_public_may_see(client, news_indexes, campaign):
    item = news_with_related(
        news_indexes,
        [
            campaign["petition"],
            campaign["full"],
            campaign["name_only"],
            campaign["hidden"],
            campaign["draft_petition"],
        ],
    )

    document = soup(client.get(item.url))

    cards = document.select(".related .card")
    assert [card.select_one(".card__title").get_text(strip=True) for card in cards] == [
        "Free the people of Goris",
        "Sample Full Goris",
        "Sample Nameonly Goris",
    ]
    assert [card.select_one(".card__kind").get_text(strip=True) for card in cards] == [
        "Petition",
        "Prisoner profile",
        "Prisoner profile",
    ]
    # Only the full profile lends its photo.
    assert cards[1].find("img") is not None
    assert cards[2].find("img") is None
    assert "Hidden" not in document.get_text()


def test_related_cards_link_to_the_readers_language(client, news_indexes, campaign, translate):
    item = news_with_related(news_indexes, [campaign["petition"], campaign["name_only"]])
    translate(item, "fr", title="Article")

    document = soup(client.get(f"/fr/news/{item.slug}/"))

    links = {a.get_text(strip=True): a["href"] for a in document.select(".related .card a")}
    assert links == {
        "Libérez les gens de Goris": campaign["petition_fr"].url,
        # Not translated yet: the English profile rather than nothing.
        "Sample Nameonly Goris": campaign["name_only"].url,
    }


def test_related_card_queries_do_not_grow(client, news_indexes, campaign):
    few = news_with_related(news_indexes, [campaign["full"], campaign["petition"]], slug="few")
    many = news_with_related(
        news_indexes,
        [
            campaign["full"],
            campaign["name_only"],
            campaign["petition"],
            campaign["hidden"],
            campaign["draft_petition"],
        ],
        slug="many",
    )

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    # A fixed number of queries per page type, whatever the number of cards.
    assert queries(many.url) == queries(few.url)


def test_editor_links_a_news_item_to_a_petition_and_a_profile(admin_client, news_indexes, campaign):
    index = news_indexes["en"]
    form = admin_client.get(f"/admin/pages/add/home/newspage/{index.pk}/").content.decode()
    assert "prisoners.prisonerpage" in form.lower() and "petitions.petitionpage" in form.lower()

    response = admin_client.post(
        f"/admin/pages/add/home/newspage/{index.pk}/",
        nested_form_data(
            {
                "title": "Goris families ask for news",
                "slug": "goris-families",
                "date": "2021-06-15",
                "author": "",
                "lead": "Families have had no news since the capture.",
                "image_caption": "",
                "image_credit": "",
                "body": streamfield([("paragraph", rich_text("<p>No news.</p>"))]),
                "related_pages": inline_formset(
                    [{"target": campaign["petition"].pk}, {"target": campaign["full"].pk}]
                ),
                "action-publish": "publish",
            }
        ),
    )

    assert response.status_code == 302, response.content.decode()[-3000:]
    item = NewsPage.objects.get(slug="goris-families")
    assert [related.target_id for related in item.related_pages.all()] == [
        campaign["petition"].pk,
        campaign["full"].pk,
    ]
