"""A visitor writes a letter of support; an editor approves it; it reaches the profile and pack."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from prisoners.models import Letter
from tests.browser.wagtail_admin import sign_in_as_editor
from tests.factories import publish_translation_of
from tests.prisoners.factories import PrisonerIndexPageFactory, PrisonerPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def aram(home_pages, settings):
    settings.PRISONERS_LETTER_FORM_MIN_SECONDS = 0
    cache.clear()
    index = PrisonerIndexPageFactory(parent=home_pages["en"], show_in_menus=True)
    publish_translation_of(index, "fr", title="Prisonniers")
    aram = PrisonerPageFactory(parent=index, title="Aram Example", slug="aram")
    publish_translation_of(aram, "fr", title="Aram Exemple")
    # The family agreed that letters be shown.
    aram.prisoner.letters_shown = True
    aram.prisoner.save()
    return aram


def test_a_letter_goes_from_a_visitor_to_the_profile_and_the_pack(
    live_server, aram, page, accessibility
):
    page.goto(f"{live_server.url}/fr/prisoners/aram/")
    letters = page.locator("#letters")
    expect(letters.get_by_role("heading", level=3)).to_have_text("Écrire à Aram Exemple")
    accessibility(page)

    # Sent empty: refused with the errors listed, on a page that keeps what was typed.
    letters.get_by_label("Votre prénom").fill("Marie")
    letters.get_by_role("button", name="Envoyer ma lettre").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Écrivez votre message.")
    expect(page.get_by_label("Votre prénom")).to_have_value("Marie")
    expect(page.get_by_label(re.compile("^Votre message"))).to_have_attribute(
        "aria-invalid", "true"
    )
    accessibility(page)

    page.get_by_label("Votre pays").select_option("FR")
    page.get_by_label(re.compile("^Votre message")).fill("Courage, Aram. Nous pensons à vous.")
    page.get_by_label(re.compile("^Votre adresse e-mail")).fill("marie@example.org")
    page.get_by_role("button", name="Envoyer ma lettre").click()
    expect(page.get_by_role("status")).to_contain_text("a bien été reçue")
    accessibility(page)
    letter = Letter.objects.get()
    assert (letter.status, letter.language) == ("pending", "fr")

    # Not shown before an editor approves it.
    page.goto(f"{live_server.url}/fr/prisoners/aram/")
    expect(page.locator("#letters")).not_to_contain_text("Nous pensons à vous")

    sign_in_as_editor(page, live_server)
    page.goto(f"{live_server.url}/admin/prisoners/letters/")
    page.get_by_role("link", name="Marie to Aram Example").click()
    page.select_option("#id_status", "approved")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("updated")
    letter.refresh_from_db()
    assert letter.status == "approved"

    page.goto(f"{live_server.url}/admin/prisoners/letter-packs/")
    page.get_by_role("link", name="Aram Example").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Letters of support for Aram Example")
    expect(page.locator("article.letter")).to_contain_text("Nous pensons à vous")
    expect(page.locator("article.letter")).to_contain_text("Marie, France")
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Back to the letter packs")).to_be_hidden()
    page.emulate_media(media="screen")

    page.goto(f"{live_server.url}/fr/prisoners/aram/")
    shown = page.locator("#letters .letters")
    expect(shown).to_contain_text("Courage, Aram. Nous pensons à vous.")
    expect(shown).to_contain_text("Marie, France")
    expect(page.locator("main")).not_to_contain_text("marie@example.org")
    accessibility(page)
