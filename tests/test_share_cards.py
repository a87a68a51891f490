"""Share cards: og:image drawn per page and language, never for a private person."""

import io

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext_lazy
from PIL import Image

from campaign_site import share_cards
from campaign_site.models import SiteIdentity
from campaign_site.share_cards import ShareCard, milestone
from prisoners.visibility import Consent, Visibility
from tests.factories import publish_translation_of
from tests.headers import max_staleness
from tests.petitions.factories import make_petition
from tests.prisoners.factories import PrisonerIndexPageFactory, PrisonerPageFactory

LANGUAGES = ("en", "fr", "hy")


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    document = BeautifulSoup(response.content.decode(), "html.parser")
    return {
        meta.get("property") or meta.get("name"): meta["content"]
        for meta in document.find_all("meta")
        if meta.get("property") or meta.get("name")
    }


def fetch_card(client, og_image):
    path = og_image.removeprefix("http://testserver")
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"] == "image/png"
    return response, Image.open(io.BytesIO(b"".join(response)))


@pytest.fixture
def identities(home_pages):
    names = {"en": "Free Armenian POWs", "fr": "Libérez les prisonniers arméniens"}
    english = SiteIdentity.objects.create(locale=home_pages["en"].locale, site_name=names["en"])
    for code in ("fr", "hy"):
        copy = english.copy_for_translation(home_pages[code].locale)
        copy.site_name = names.get(code, "Ազատություն հայ գերիներին")
        copy.save()
    return names


@pytest.fixture
def petitions(home_pages):
    english = make_petition(home_pages["en"], title="Free the prisoners")
    return {
        "en": english,
        "fr": publish_translation_of(english, "fr", title="Libérez les prisonniers"),
        "hy": publish_translation_of(english, "hy", title="Ազատություն գերիներին"),
    }


@pytest.fixture
def profiles(home_pages):
    index = PrisonerIndexPageFactory(parent=home_pages["en"])
    for code in ("fr", "hy"):
        publish_translation_of(index, code, title=f"Prisoners {code}")

    def make(**fields):
        english = PrisonerPageFactory(parent=index, title="Vigen Euljekjian", **fields)
        pages = {"en": english}
        for code in ("fr", "hy"):
            pages[code] = publish_translation_of(english, code)
        return pages

    return make


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_petition_and_full_profile_have_a_1200_pixel_card(
    client, identities, petitions, profiles, language, settings
):
    profile = profiles()
    for page in (None, petitions[language], profile[language]):
        url = f"/{language}/" if page is None else page.url
        meta = head(client, url)
        assert meta["og:image:width"] == "1200"
        assert meta["og:image:height"] == "630"
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["og:locale"] == {"en": "en_GB", "fr": "fr_FR", "hy": "hy_AM"}[language]
        response, image = fetch_card(client, meta["og:image"])
        assert image.size == (1200, 630)
        assert "public" in response["Cache-Control"]
        # Shared caches keep a card no longer than the page it shows: a photo made
        # private leaves caches with its profile.
        assert max_staleness(response["Cache-Control"]) == settings.CAMPAIGN_PAGE_CACHE_SECONDS


def test_home_open_graph_title_is_the_site_name_in_the_page_language(client, identities):
    assert head(client, "/fr/")["og:title"] == "Libérez les prisonniers arméniens"
    assert head(client, "/en/")["og:title"] == "Free Armenian POWs"


@pytest.mark.parametrize(
    "fields",
    [
        {"visibility": Visibility.NAME_ONLY},
        {"consent": Consent.NAME_ONLY},
        {"visibility": Visibility.COUNTED},
    ],
    ids=["name-only", "name-only-by-consent", "hidden"],
)
def test_no_card_for_a_person_not_fully_public(client, profiles, fields):
    photo = wagtail_factories.ImageFactory(file__width=800, file__height=1000)
    profile = profiles(photo=photo, share_image=photo, **fields)
    for page in profile.values():
        assert page.specific.share_card() is None
        response = client.get(page.url)
        if fields.get("visibility") == Visibility.COUNTED:
            assert response.status_code == 404
            continue
        meta = head(client, page.url)
        assert "og:image" not in meta
        assert meta["twitter:card"] == "summary"


def test_a_card_is_withdrawn_when_its_person_is_made_private(client, profiles):
    profile = profiles()
    card_url = head(client, profile["fr"].url)["og:image"]
    fetch_card(client, card_url)
    stored = share_cards.storage()
    assert stored.listdir(f"{profile['fr'].pk}/fr")[1]

    english = profile["en"]
    english.visibility = Visibility.NAME_ONLY
    english.save_revision().publish()

    assert client.get(card_url.removeprefix("http://testserver")).status_code == 404
    assert (
        not stored.exists(f"{profile['fr'].pk}/fr")
        or not stored.listdir(f"{profile['fr'].pk}/fr")[1]
    )


def test_the_petition_card_changes_when_the_count_crosses_a_milestone(client, petitions):
    page = petitions["en"]
    petition = page.specific.petition
    first = head(client, page.url)["og:image"]

    petition.offline_count = 1204
    petition.save()
    at_1204 = head(client, page.url)["og:image"]
    petition.offline_count = 1290
    petition.save()
    at_1290 = head(client, page.url)["og:image"]
    petition.offline_count = 1300
    petition.save()
    at_1300 = head(client, page.url)["og:image"]

    assert first != at_1204
    assert at_1204 == at_1290  # both are "1,200 and more": the same card
    assert at_1290 != at_1300
    # An older address leads to the current card.
    old = client.get(first.removeprefix("http://testserver"))
    assert old.status_code == 302
    assert old["Location"] == at_1300.removeprefix("http://testserver")


def test_a_card_is_drawn_once_then_served_from_storage(client, petitions, monkeypatch):
    card_url = head(client, petitions["hy"].url)["og:image"]
    fetch_card(client, card_url)
    monkeypatch.setattr(share_cards, "draw", lambda card: pytest.fail("drawn twice"))
    fetch_card(client, card_url)


def test_an_unknown_or_forged_card_address_is_not_found(client, petitions):
    page = petitions["fr"]
    assert client.get(f"/share-cards/{page.pk}/en/abc.png").status_code == 404
    assert client.get(f"/share-cards/{page.pk}/xx/abc.png").status_code == 404
    assert client.get("/share-cards/999999/fr/abc.png").status_code == 404
    assert client.get(f"/share-cards/{10**30}/fr/abc.png").status_code == 404


def test_a_share_image_chosen_by_an_editor_wins_over_the_card(client, petitions):
    page = petitions["en"]
    page.share_image = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
    page.save_revision().publish()
    assert "/media/images/" in head(client, page.url)["og:image"]


def test_milestones_round_down_to_two_significant_figures():
    assert [milestone(n) for n in (0, 7, 99, 100, 427, 4_249, 42_424, 157_000)] == [
        0,
        7,
        99,
        100,
        420,
        4_200,
        42_000,
        150_000,
    ]


def test_the_key_ignores_the_live_figure_but_not_the_milestone_or_language():
    card = ShareCard(title="T", figure="1,204 signatures", progress=0.4, milestone=1200)
    same = ShareCard(title="T", figure="1,290 signatures", progress=0.43, milestone=1200)
    assert card.key("en") == same.key("en")
    assert card.key("en") != card.key("fr")
    assert card.key("en") != ShareCard(title="T", milestone=1300).key("en")


def test_armenian_and_latin_are_drawn_with_fonts_that_have_their_letters():
    runs = share_cards._runs("Ազատություն 42 424 POWs")
    assert runs == [(True, "Ազատություն "), (False, "42 424 POWs")]
    armenian = share_cards._font(True, True, 40)
    # Noto Sans has no Armenian letters: the run must not fall back to empty boxes.
    assert armenian.getbbox("Ա") != share_cards._font(False, True, 40).getbbox("Ա")


def test_the_home_card_is_drawn_over_its_hero_picture(client, home_pages):
    plain_url = head(client, "/en/")["og:image"]
    _response, plain = fetch_card(client, plain_url)

    home = home_pages["en"]
    home.hero_image = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
    home.save_revision().publish()
    hero_url = head(client, "/en/")["og:image"]
    _response, over_hero = fetch_card(client, hero_url)

    assert hero_url != plain_url
    assert over_hero.size == (1200, 630)
    # Words stay on a dark ground: the picture only shows through.
    assert over_hero.getpixel((20, 20)) != plain.getpixel((20, 20))
    assert sum(over_hero.getpixel((20, 20))) < sum(plain.getpixel((20, 20))) + 120


def test_a_full_profile_card_shows_the_photo(client, profiles):
    photo = wagtail_factories.ImageFactory(file__width=800, file__height=1000)
    with_photo = profiles(photo=photo)["fr"].specific.share_card()
    without = profiles()["fr"].specific.share_card()

    assert with_photo.portrait == photo
    assert with_photo.key("fr") != without.key("fr")
    drawn = Image.open(io.BytesIO(share_cards.draw(with_photo)))
    assert drawn.getpixel((1100, 100)) != drawn.getpixel((20, 100))


def test_the_key_is_made_in_the_language_the_card_was_made_in():
    """Lazy labels are read when the card is made: the card view makes keys in another language."""
    with translation.override("fr"):
        card = ShareCard(title="T", kicker=gettext_lazy("Sentenced"))
        in_french = card.key("fr")
    with translation.override("en"):
        assert card.key("fr") == in_french
    assert card.kicker == "Condamné"
