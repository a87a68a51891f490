"""One rule decides what the public sees of a person, and every way out obeys it.

The ways out: the index, the profile URL (in every language), site search and
the search index, the sitemap, OpenGraph tags and share images, image
renditions, the CSV and JSON exports, the sponsorship form, and the rule's own
helpers that other apps call (home.cards, search, the future API).
"""

import csv
import io
import json

import pytest
import wagtail_factories
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from campaign_site.pages import public_pages
from prisoners.models import PrisonerPage
from prisoners.visibility import (
    FULL_FIELDS,
    NAME_ONLY_FIELDS,
    Consent,
    Visibility,
    public_profile,
    visible_fields,
)

from .conftest import soup

pytestmark = pytest.mark.django_db

BIOGRAPHY = [("paragraph", "<p>Zarmanazan worked in the orchards of his village.</p>")]


@pytest.fixture
def people(make_prisoner, photo):
    """One person at each visibility level, all with a photo, a biography and personal details.

    The full profile has a photo of its own: one used by a hidden profile too is
    private (prisoners.photos).
    """
    common = {
        "photo": photo,
        "biography": BIOGRAPHY,
        "home_town": "Secrettown",
        "occupation": "Orchard keeper",
        "search_description": "Editor's private-ish summary",
    }
    return {
        "full": make_prisoner(
            title="Fullname Visible",
            slug="full",
            **{**common, "photo": wagtail_factories.ImageFactory(title="Full portrait")},
        ),
        "name": make_prisoner(
            title="Namonly Person",
            slug="name-only",
            consent=Consent.NAME_ONLY,
            visibility=Visibility.NAME_ONLY,
            **common,
        ),
        "hidden": make_prisoner(
            title="Hiddenname Counted",
            slug="hidden",
            consent=Consent.REFUSED,
            visibility=Visibility.COUNTED,
            **common,
        ),
    }


@pytest.fixture
def name_only_and_hidden(make_prisoner, photo):
    """The same without the full profile, so no response may contain the photo at all."""
    common = {"photo": photo, "biography": BIOGRAPHY, "home_town": "Secrettown"}
    return {
        "name": make_prisoner(
            title="Namonly Person",
            slug="name-only",
            consent=Consent.NAME_ONLY,
            visibility=Visibility.NAME_ONLY,
            **common,
        ),
        "hidden": make_prisoner(
            title="Hiddenname Counted",
            slug="hidden",
            consent=Consent.REFUSED,
            visibility=Visibility.COUNTED,
            **common,
        ),
    }


# --- The rule itself ----------------------------------------------------------


def test_the_rule_lists_fields_per_level():
    assert visible_fields(Visibility.COUNTED) == frozenset()
    assert {"name", "category", "status", "days_in_captivity"} <= NAME_ONLY_FIELDS
    assert not {"photo", "biography", "home_town", "born_on", "timeline", "sources"} & (
        NAME_ONLY_FIELDS
    )
    assert NAME_ONLY_FIELDS < FULL_FIELDS


def test_public_profile_blanks_what_the_level_hides(people):
    full = public_profile(people["full"])
    assert full.photo is not None and full.home_town == "Secrettown" and full.biography

    name_only = public_profile(people["name"])
    assert name_only.name == "Namonly Person"
    assert name_only.photo is None
    assert not name_only.biography
    assert name_only.home_town == "" and name_only.occupation == ""
    assert name_only.timeline == [] and name_only.sources == []
    assert name_only.days_in_captivity is not None

    assert public_profile(people["hidden"]) is None


def test_publicly_listed_is_live_public_and_allowed(client, people, make_prisoner):
    draft = make_prisoner(title="Draft Person", slug="draft")
    draft.unpublish()
    private = make_prisoner(title="Private Person", slug="private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="family-only"
    )
    listed = set(PrisonerPage.objects.publicly_listed().values_list("title", flat=True))
    assert listed == {"Fullname Visible", "Namonly Person"}
    # Visitors see the same people on the index, and no one else.
    cards = soup(client.get("/en/prisoners/")).select(".profile-card")
    assert {card.h3.get_text(strip=True) for card in cards} == listed


def test_consent_caps_the_visibility_even_if_a_form_is_bypassed(make_prisoner):
    page = make_prisoner(consent=Consent.REFUSED, visibility=Visibility.FULL)
    page.refresh_from_db()
    assert page.visibility == Visibility.COUNTED


def test_lists_of_pages_of_any_type_leave_hidden_profiles_out(people, prisoner_index):
    # home.cards (news cards, search, sitemap, the content API) asks the prisoners app
    # through its one rule, `PrisonerPage.publicly_listed_pages()`.
    titles = set(public_pages(Page.objects.all()).values_list("title", flat=True))
    assert "Hiddenname Counted" not in titles
    assert {"Fullname Visible", "Namonly Person", "Prisoners"} <= titles


# --- Index ------------------------------------------------------------------------


def test_index_lists_allowed_people_and_hides_the_photo_of_name_only(client, people):
    document = soup(client.get("/en/prisoners/"))
    cards = {card.h3.get_text(strip=True): card for card in document.select(".profile-card")}

    assert set(cards) == {"Fullname Visible", "Namonly Person"}
    assert cards["Fullname Visible"].find("img") is not None
    assert cards["Namonly Person"].find("img") is None
    # The hidden person still counts in the figures.
    assert "3 people have a profile here" in document.get_text(" ", strip=True)


# --- Profile URL ---------------------------------------------------------------------


def test_counted_profile_is_a_404_in_every_language(client, people, translate):
    hidden = people["hidden"]
    translate(hidden, "fr", title="Nom caché")
    for url in ("/en/prisoners/hidden/", "/fr/prisoners/hidden/"):
        assert client.get(url).status_code == 404


def test_name_only_profile_shows_no_photo_biography_or_personal_details(client, people):
    response = client.get("/en/prisoners/name-only/")
    assert response.status_code == 200
    html = response.content.decode()
    document = soup(response)
    assert document.h1.get_text(strip=True) == "Namonly Person"
    assert document.select("main img") == []
    for secret in ("Zarmanazan", "Secrettown", "Orchard keeper", "secret-portrait"):
        assert secret not in html
    # The editor's description is replaced by the public facts in <meta> and OpenGraph.
    assert "Editor's private-ish summary" not in html
    assert document.find("meta", property="og:description")["content"].startswith(
        "Namonly Person: Prisoner of war, sentenced."
    )


def test_full_profile_shows_photo_and_biography(client, people):
    response = client.get("/en/prisoners/full/")
    document = soup(response)
    assert "Zarmanazan" in response.content.decode()
    assert document.select_one(".profile__photo img")["alt"] == "Fullname Visible"
    # Link previews show the profile's card, drawn with the photo (campaign_site.share_cards).
    card = document.find("meta", property="og:image")["content"]
    assert card.startswith("http://testserver/share-cards/")
    assert client.get(card.removeprefix("http://testserver")).status_code == 200


def test_restricting_one_translation_hides_every_translation_at_once(
    client, make_prisoner, translate
):
    page = make_prisoner(title="Aram Example", slug="aram")
    french = translate(page, "fr", title="Aram Exemple")
    assert client.get("/fr/prisoners/aram/").status_code == 200

    # The English page is made private; nobody syncs or publishes the French one.
    page.visibility = Visibility.COUNTED
    page.save_revision().publish()
    french.refresh_from_db()
    assert french.visibility == Visibility.COUNTED
    assert french.prisoner_id == page.prisoner_id

    assert client.get("/fr/prisoners/aram/").status_code == 404
    assert client.get("/en/prisoners/aram/").status_code == 404
    assert "Aram Exemple" not in client.get("/fr/prisoners/").content.decode()


def test_editors_preview_a_hidden_profile_with_a_warning(admin_client, people):
    hidden = people["hidden"]
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[hidden.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The public cannot see this profile" in html
    assert '<meta name="robots" content="noindex">' in html


# --- Search ----------------------------------------------------------------------------


def _search(query, queryset=None):
    return list(get_search_backend().search(query, queryset or Page.objects.live()))


def test_hidden_profiles_are_not_in_the_search_index(people):
    assert _search("Hiddenname") == []
    assert [page.title for page in _search("Fullname")] == ["Fullname Visible"]
    assert [page.title for page in _search("Namonly")] == ["Namonly Person"]


def test_a_name_only_biography_is_not_searchable(people):
    found = {page.title for page in _search("Zarmanazan")}
    assert found == {"Fullname Visible"}


def test_making_a_profile_private_removes_it_from_the_search_index(make_prisoner, translate):
    page = make_prisoner(title="Vanishing Person", slug="vanishing")
    french = translate(page, "fr", title="Personne Disparue")
    assert len(_search("Vanishing")) == 1 and len(_search("Disparue")) == 1

    page.visibility = Visibility.COUNTED
    page.save_revision().publish()

    assert _search("Vanishing") == []
    assert _search("Disparue") == []  # the unsynced translation left the index too
    french.refresh_from_db()
    assert french.live


def test_site_search_never_returns_a_hidden_profile(client, people):
    for query in ("Hiddenname", "Counted", "Secrettown"):
        html = client.get("/en/search/", {"q": query}).content.decode()
        assert "Hiddenname Counted" not in html
        assert "/prisoners/hidden/" not in html
    assert "Namonly Person" in client.get("/en/search/", {"q": "Namonly"}).content.decode()


# --- Sitemap ----------------------------------------------------------------------------


def test_sitemap_leaves_out_hidden_profiles(client, people):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/en/prisoners/full/" in xml
    assert "/en/prisoners/name-only/" in xml
    assert "/prisoners/hidden/" not in xml
    assert people["hidden"].get_sitemap_urls() == []


# --- Images and share images -----------------------------------------------------------------


def test_share_image_only_for_full_profiles(people):
    assert people["full"].get_share_image() == people["full"].photo
    assert people["name"].get_share_image() is None
    assert people["hidden"].get_share_image() is None


def test_no_way_out_links_or_renders_the_photo_of_people_not_fully_shown(
    client, name_only_and_hidden, photo, prisoner_indexes
):
    urls = [
        "/en/prisoners/",
        "/fr/prisoners/",
        "/en/prisoners/name-only/",
        "/en/prisoners/hidden/",
        "/sitemap.xml",
        "/en/search/?q=Namonly",
        "/en/search/?q=Hiddenname",
        "/open-data/prisoners.json",
        "/open-data/prisoners.csv",
        reverse("prisoners_sponsor", kwargs={"key": name_only_and_hidden["name"].translation_key}),
    ]
    for url in urls:
        body = client.get(url).content.decode()
        assert "secret-portrait" not in body, url
        assert "/media/images/" not in body, url
    # Not even generated: no rendition file of this photo exists to be guessed.
    assert not get_image_model().get_rendition_model().objects.filter(image=photo).exists()


# --- Exports -------------------------------------------------------------------------------


def test_exports_include_only_what_the_rule_allows(client, people):
    data = json.loads(client.get("/open-data/prisoners.json").content)
    rows = {row["name"]: row for row in data["prisoners"]}
    assert set(rows) == {"Fullname Visible", "Namonly Person"}
    assert rows["Fullname Visible"]["home_town"] == "Secrettown"
    assert rows["Namonly Person"]["visibility"] == "name-only"
    assert rows["Namonly Person"]["home_town"] is None
    assert rows["Namonly Person"]["occupation"] is None
    # Hidden people still count in the figures the export carries.
    assert data["figures"]["profiles"] == 3

    csv_text = client.get("/open-data/prisoners.csv").content.decode("utf-8-sig")
    assert "Hiddenname" not in csv_text
    csv_rows = {row["name"]: row for row in csv.DictReader(io.StringIO(csv_text))}
    assert set(csv_rows) == {"Fullname Visible", "Namonly Person"}
    assert csv_rows["Fullname Visible"]["home_town"] == "Secrettown"
    assert csv_rows["Namonly Person"]["home_town"] == ""
    assert "Secrettown" not in ",".join(csv_rows["Namonly Person"].values())


# --- Sponsorship form ----------------------------------------------------------------------------


def test_a_hidden_person_cannot_be_sponsored(client, people):
    hidden_url = reverse("prisoners_sponsor", kwargs={"key": people["hidden"].translation_key})
    assert client.get(hidden_url).status_code == 404
    name_url = reverse("prisoners_sponsor", kwargs={"key": people["name"].translation_key})
    assert client.get(name_url).status_code == 200
