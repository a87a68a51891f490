"""Prisoner profiles and sponsorship in a real browser, checked with axe (WCAG 2.2 AA)."""

import re

import pytest
import wagtail_factories
from django.core.cache import cache
from playwright.sync_api import expect

from prisoners.models import Sponsorship
from prisoners.visibility import Consent, Visibility
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
