"""The demo petition from the seed, and translation through wagtail-localize keeping one counter."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Site
from wagtail_localize.models import TranslationSource

from campaign_site.localization import publish_translation
from petitions.demo import petition_data
from petitions.models import Petition, PetitionPage
from petitions.signing import sign

from .factories import add_signatures, make_petition, signer

pytestmark = pytest.mark.django_db


def test_demo_builds_the_seed_petition_and_can_run_again(client, demo, load_demo):
    page = PetitionPage.objects.get(locale__language_code="en")
    keys = list(page.decision_makers.values_list("translation_key", flat=True))

    assert page.title == "Free ALL Armenian POWs and hostages held illegally in Azerbaijan"
    assert page.show_in_menus and page.live
    assert page.organiser_name == "British Armenian humanitarian group"
    assert [person.name for person in page.decision_makers.all()] == [
        person["name"]["en"] for person in petition_data()["decision_makers"]
    ]
    assert len(page.demands) == 3
    references = [block for block in page.body if block.block_type == "references"]
    assert len(references[0].value["references"]) == 8
    assert all(not ref["url"] for ref in references[0].value["references"])

    document = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    counter = document.select_one(".petition-counter").get_text(" ", strip=True)
    assert "42,424 signatures" in counter
    assert "Next goal: 50,000" in counter
    # At launch nobody has signed online: the note says where the count comes from,
    # instead of "including 42,424 gathered elsewhere", which reads as no support here.
    assert "Including" not in counter
    assert "Gathered so far on the petition platform where this petition started" in counter
    # Every marker [1]–[8] in the text links to its reference.
    for number in range(1, 9):
        assert document.select_one(f'sup.citation a[href="#ref-{number}"]') is not None
    # The menu shows the editors' short label, not the petition's full title.
    assert [a.get_text() for a in document.select(".main-nav a")][0] == "Sign"
    assert page.menu_label == "Sign" and page.hero_image.title.startswith("Sample image")

    load_demo()
    # One page per language, one shared petition and counter, however often it runs.
    assert PetitionPage.objects.count() == 3 and Petition.objects.count() == 1
    page.refresh_from_db()
    assert list(page.decision_makers.values_list("translation_key", flat=True)) == keys


def test_translated_through_wagtail_localize_with_one_counter(
    client, home_pages, django_capture_on_commit_callbacks
):
    page = make_petition(home_pages["en"], title="Free the prisoners", offline_count=10)
    with django_capture_on_commit_callbacks(execute=True):
        missing = publish_translation(
            page,
            "fr",
            {
                "Free the prisoners": "Libérez les prisonniers",
                "Bring them home.": "Ramenez-les à la maison.",
                "Release every prisoner.": "Libérez chaque prisonnier.",
                "Decision maker 1": "Décideur 1",
                "Minister": "Ministre",
            },
        )
    assert "Campaign group" in missing  # untranslated strings stay in English
    assert TranslationSource.objects.filter(object_id=page.translation_key).exists()
    french = PetitionPage.objects.get(locale=Locale.objects.get(language_code="fr"))
    assert french.live
    # The session's live server (another connection, outside this test's transaction)
    # may have cached the site's root paths from an empty database; start afresh.
    Site.clear_site_root_paths_cache()

    add_signatures(page.petition, 2)
    sign(french, signer(), source="page", language="fr", confirmed=True, notify=False)

    document = BeautifulSoup(client.get(french.url).content.decode(), "html.parser")
    assert document.h1.get_text() == "Libérez les prisonniers"
    assert document.select_one(".decision-maker__role").get_text(strip=True) == "Ministre, State"
    assert "13 signatures" in document.select_one("#petition-count").get_text(" ", strip=True)
    english = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    assert "13 signatures" in english.select_one("#petition-count").get_text(" ", strip=True)
    # The decision makers of both languages are the same people (same translation keys).
    assert set(french.decision_makers.values_list("translation_key", flat=True)) == set(
        page.decision_makers.values_list("translation_key", flat=True)
    )
