"""Prisoner profiles and sponsorship in a real browser, checked with axe (WCAG 2.2 AA)."""

import re
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from prisoners.models import Sponsorship
from prisoners.visibility import Consent, Visibility
from tests.browser.wagtail_admin import fill_date, publish_from_the_editor, sign_in_as_editor
from tests.factories import publish_translation_of
from tests.prisoners.factories import (
    PrisonerIndexPageFactory,
    PrisonerPageFactory,
    SponsorshipFactory,
    make_pdf,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def campaign(home_pages):
    index = PrisonerIndexPageFactory(
        parent=home_pages["en"],
        show_in_menus=True,
        reported_held=23,
        disappeared_count=80,
        disappeared_source_title="The campaign's page",
    )
    publish_translation_of(index, "fr", title="Prisonniers")
    photo = wagtail_factories.ImageFactory(title="Portrait of Aram")
    aram = PrisonerPageFactory(
        parent=index,
        title="Aram Example",
        slug="aram",
        photo=photo,
        photo_credit="Family archive",
        biography=[("paragraph", "<p>Aram studied history before the war.</p>")],
    )
    publish_translation_of(aram, "fr", title="Aram Exemple")
    PrisonerPageFactory(
        parent=index,
        title="Ani Civilian",
        slug="ani",
        category="civilian",
        status="held",
        sentence_years=None,
    )
    PrisonerPageFactory(
        parent=index,
        title="Named Only",
        slug="named",
        category="civilian",
        consent=Consent.NAME_ONLY,
        visibility=Visibility.NAME_ONLY,
    )
    SponsorshipFactory(
        campaign_key=index.translation_key,
        prisoner_key=aram.translation_key,
        name="Town of Sampleford",
        statement="We stand with Aram.",
    )
    return {"index": index, "aram": aram}


@pytest.fixture
def forms_open(settings):
    settings.PRISONERS_SPONSOR_FORM_MIN_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


def test_a_visitor_filters_the_index_and_reads_a_profile(
    live_server, campaign, page, accessibility
):
    page.goto(f"{live_server.url}/en/prisoners/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Prisoners")
    expect(page.locator(".profile-card")).to_have_count(3)
    expect(page.get_by_role("img", name="People held, by category")).to_be_visible()
    accessibility(page)

    search = page.get_by_role("search", name="Find a person")
    search.get_by_label("Category").select_option(label="Civilian")
    search.get_by_role("button", name="Show").click()

    expect(page).to_have_url(re.compile(r"category=civilian"))
    expect(page.locator(".profile-card")).to_have_count(2)
    expect(page.get_by_role("status")).to_have_text("2 people")
    named_card = page.locator(".profile-card", has_text="Named Only")
    expect(named_card.locator("img")).to_have_count(0)
    accessibility(page)

    search = page.get_by_role("search", name="Find a person")
    search.get_by_label("Category").select_option(value="")
    search.get_by_label("Name").fill("aram")
    search.get_by_role("button", name="Show").click()
    expect(page.locator(".profile-card")).to_have_count(1)

    page.get_by_role("link", name="Aram Example").click()
    expect(page).to_have_url(re.compile(r"/en/prisoners/aram/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Aram Example")
    expect(page.get_by_role("img", name="Aram Example")).to_be_visible()
    expect(page.get_by_text("Aram studied history before the war.")).to_be_visible()
    expect(page.get_by_text("We stand with Aram.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^\d[\d,]* days in captivity$"))).to_be_visible()
    accessibility(page)


def test_a_municipality_applies_to_sponsor_a_prisoner(
    live_server, campaign, page, accessibility, forms_open, tmp_path
):
    page.goto(f"{live_server.url}/fr/prisoners/aram/")
    page.get_by_role("link", name="Parrainer ce prisonnier").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Parrainer Aram Exemple")
    accessibility(page)

    # Sent empty: errors are listed, linked to their fields, and accessible.
    page.get_by_role("button", name="Envoyer la demande").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Choisissez le type de parrain.")
    expect(summary).to_contain_text("Saisissez la ville.")
    expect(page.get_by_label("Adresse e-mail")).to_have_attribute("aria-invalid", "true")
    accessibility(page)

    page.get_by_label("Commune").check()
    page.get_by_label("Nom du parrain").fill("Ville d'Exempleville")
    page.get_by_label("Pays").select_option("FR")
    page.get_by_label("Ville", exact=False).first.fill("Exempleville")
    page.get_by_label("Personne à contacter").fill("Claire Martin")
    page.get_by_label("Adresse e-mail").fill("mairie@example.org")
    proof = tmp_path / "deliberation.pdf"
    proof.write_bytes(make_pdf())
    page.get_by_label("Justificatif (facultatif)").set_input_files(str(proof))
    page.get_by_label("Déclaration publique (facultatif)").fill("Exempleville soutient Aram.")
    page.get_by_label(re.compile("Afficher notre nom")).check()
    page.get_by_role("button", name="Envoyer la demande").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Merci")
    expect(page.get_by_role("status")).to_contain_text("a bien été reçue")
    sponsorship = Sponsorship.objects.get(email="mairie@example.org")
    assert sponsorship.status == "pending" and sponsorship.language == "fr"
    assert sponsorship.city == "Exempleville"
    assert sponsorship.proof
    accessibility(page)

    # The receipt, in French.
    receipt = next(message for message in mail.outbox if message.to == ["mairie@example.org"])
    assert "Nous avons reçu" in receipt.subject and "Aram Exemple" in receipt.subject

    # An editor approves it; the decision email links to the certificate.
    sign_in_as_editor(page, live_server)
    page.goto(f"{live_server.url}/admin/sponsorships/edit/{sponsorship.pk}/")
    page.locator("#id_status").select_option("approved")
    page.get_by_role("button", name=re.compile("^Save")).first.click()
    expect(page.locator(".messages")).to_be_visible()
    decision = mail.outbox[-1]
    assert decision.to == ["mairie@example.org"] and "approuvé" in decision.subject
    link = re.search(r"https?://\S+/certificate/\S+/", decision.body).group(0)

    # The sponsor opens it (no login) and prints it.
    sponsor_tab = page.context.browser.new_page(locale="en-GB")
    sponsor_tab.goto(live_server.url + urlsplit(link).path)
    expect(sponsor_tab.get_by_role("heading", level=1)).to_have_text("Certificat de parrainage")
    expect(sponsor_tab.locator("main")).to_contain_text("Aram Exemple")
    accessibility(sponsor_tab)
    sponsor_tab.emulate_media(media="print")
    expect(sponsor_tab.locator(".certificate__print-hint")).to_be_hidden()
    assert sponsor_tab.pdf()[:5] == b"%PDF-"
    sponsor_tab.close()


def test_a_released_persons_sponsor_url_explains_why_there_is_no_form(
    live_server, campaign, page, accessibility
):
    released = PrisonerPageFactory(
        parent=campaign["index"],
        title="Freed Person",
        slug="freed",
        status="released",
        released_on="2024-03-01",
    )
    response = page.goto(f"{live_server.url}/en/prisoners/sponsor/{released.translation_key}/")
    assert response.status == 410
    expect(page.get_by_role("heading", level=1)).to_have_text("Sponsorship closed")
    expect(page.get_by_role("status")).to_contain_text("Freed Person has been released")
    expect(page.locator("main form")).to_have_count(0)
    accessibility(page)
    page.get_by_role("link", name=re.compile("Freed Person")).last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Freed Person")


def test_an_editor_releases_a_prisoner_once_and_every_language_says_so(
    live_server, campaign, page, accessibility
):
    """One publish of the English page: French and Armenian pages, widgets API and open data."""
    from prisoners.models import PrisonerPage

    aram = campaign["aram"]
    publish_translation_of(campaign["index"], "hy", title="Գերիներ")
    publish_translation_of(aram, "hy", title="Արամ Օրինակ")

    sign_in_as_editor(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/{aram.pk}/edit/")
    page.get_by_role("tab", name="Facts").click()
    page.select_option("#id_status", "released")
    fill_date(page, page.locator("#id_released_on"), "2024-01-19")
    publish_from_the_editor(page)
    expect(page.locator(".messages")).to_contain_text("published")

    english = PrisonerPage.objects.get(pk=aram.pk)
    assert english.status == "released"
    for language, label in (("fr", "libéré"), ("hy", "ազատ արձակված")):
        page.goto(f"{live_server.url}/{language}/prisoners/aram/")
        expect(page.locator("main")).to_contain_text(re.compile(label, re.I))
        accessibility(page)
        card = page.request.get(
            f"{live_server.url}/api/widgets/prisoners/{aram.pk}?lang={language}"
        ).json()
        assert card["status"] == "released", language
        data = page.request.get(
            f"{live_server.url}/open-data/prisoners.json?lang={language}"
        ).json()
        row = next(row for row in data["prisoners"] if row["id"] == str(aram.translation_key))
        assert (row["status"], row["released_on"]) == ("released", "2024-01-19"), language
