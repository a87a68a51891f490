"""The under-attack switch: a proof of work (ALTCHA) on the sign and sponsorship forms and
the sign API, off by default, without cookies (issue 13, point 7)."""

import altcha
import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from campaign_site import abuse
from campaign_site.models import UnderAttackSettings
from petitions.models import Partner, Signature
from prisoners.models import Sponsorship
from tests.petitions.factories import form_post, make_petition, signer
from tests.prisoners.factories import PrisonerIndexPageFactory

OWN = {"origin": "http://testserver"}


@pytest.fixture(autouse=True)
def cheap_work(settings):
    settings.CAMPAIGN_PROOF_OF_WORK_COST = 10


@pytest.fixture
def petition(home_pages):
    return make_petition(home_pages["en"])


@pytest.fixture
def switch_on(home_pages):
    settings = UnderAttackSettings.for_site(Site.objects.get(is_default_site=True))
    settings.proof_of_work = True
    settings.save()
    return settings


def browser(n):
    return Client(REMOTE_ADDR=f"10.55.0.{n}", headers=OWN)


def solved(client):
    """What the widget sends: the challenge from our endpoint, solved."""
    response = client.get("/api/widgets/challenge")
    assert response.status_code == 200
    challenge = altcha.Challenge.from_dict(response.json())
    return altcha.Payload(challenge, altcha.solve_challenge(challenge)).to_base64()


def test_off_by_default_nothing_changes(petition):
    page = browser(1).get(petition.url)
    assert b"altcha-widget" not in page.content
    response = browser(1).post(f"/en/petitions/sign/{petition.pk}/", form_post(petition))
    assert response.status_code == 303


def test_the_challenge_is_fresh_signed_and_never_cached(home_pages):
    client = browser(2)
    first, second = client.get("/api/widgets/challenge"), client.get("/api/widgets/challenge")
    assert "no-store" in first["Cache-Control"]
    assert first.json()["parameters"]["nonce"] != second.json()["parameters"]["nonce"]
    assert first.json()["signature"]
    assert not first.cookies


def test_the_page_form_needs_the_work_once_switched_on(petition, switch_on):
    client = browser(3)
    page = client.get(petition.url).content.decode()
    assert "<altcha-widget" in page
    assert "/static/vendor/altcha/altcha.min.js" in page  # served from our origin

    without = client.post(f"/en/petitions/sign/{petition.pk}/", form_post(petition))
    assert without.status_code == 400
    assert "short check" in without.content.decode()
    assert not Signature.objects.exists()

    payload = solved(client)
    data = form_post(petition, **{abuse.PROOF_OF_WORK_FIELD: payload})
    assert client.post(f"/en/petitions/sign/{petition.pk}/", data).status_code == 303
    assert Signature.objects.count() == 1

    again = form_post(petition, **{abuse.PROOF_OF_WORK_FIELD: payload})
    reused = client.post(f"/en/petitions/sign/{petition.pk}/", again)
    assert reused.status_code == 400
    assert "already used" in reused.content.decode()


def test_a_forged_solution_is_refused(petition, switch_on):
    client = browser(4)
    payload = solved(client)
    decoded = altcha.Payload.from_base64(payload)
    decoded.challenge.parameters.cost = 1  # cheaper work than we asked for
    data = form_post(petition, **{abuse.PROOF_OF_WORK_FIELD: decoded.to_base64()})
    response = client.post(f"/en/petitions/sign/{petition.pk}/", data)
    assert response.status_code == 400
    assert "check failed" in response.content.decode()


def test_the_widget_form_asks_for_it_too(petition, switch_on):
    client = browser(5)
    url = f"/embed/petition/{petition.pk}/"
    assert b"<altcha-widget" in client.get(url).content
    assert client.post(url, form_post(petition)).status_code == 400
    data = form_post(petition, **{abuse.PROOF_OF_WORK_FIELD: solved(client)})
    assert client.post(url, data).status_code == 200
    assert Signature.objects.count() == 1


def test_the_sign_api_asks_browsers_but_not_a_partners_server(petition, switch_on):
    client = browser(6)
    url = f"/api/widgets/petitions/{petition.pk}/signatures?lang=fr"
    refused = client.post(url, signer(), content_type="application/json")
    assert refused.status_code == 400
    assert refused.json()["outcome"] == "proof_of_work"
    assert "envois automatisés" in refused.json()["message"]

    signed = client.post(url, signer(altcha=solved(client)), content_type="application/json")
    assert signed.status_code == 201

    secret = Partner.objects.create(name="Partner").new_secret()
    server = Client(REMOTE_ADDR="10.55.0.7", headers={"authorization": f"Bearer {secret}"})
    assert server.post(url, signer(), content_type="application/json").status_code == 201


def test_the_sponsorship_form_asks_for_it(home_pages, switch_on, settings):
    settings.PRISONERS_SPONSOR_FORM_MIN_SECONDS = 0
    index = PrisonerIndexPageFactory(parent=home_pages["en"])
    client = browser(8)
    url = f"/en/prisoners/sponsor/{index.translation_key}/"
    page = client.get(url)
    assert b"<altcha-widget" in page.content
    token = page.context["token"]
    data = {
        abuse.TOKEN_FIELD: token,
        "sponsor_type": "municipality",
        "name": "City of Exampleville",
        "country": "FR",
        "city": "Lyon",
        "contact_person": "Anna",
        "email": "anna@example.org",
    }
    refused = client.post(url, data)
    assert refused.status_code == 400
    assert "short check" in refused.content.decode()
    assert client.post(url, {**data, abuse.PROOF_OF_WORK_FIELD: solved(client)}).status_code == 302
    assert Sponsorship.objects.count() == 1


def test_an_editor_turns_it_on_in_the_admin_and_the_next_signer_is_asked(petition, admin_client):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["campaign_site", "underattacksettings", site.pk])
    assert "proof of work" in admin_client.get(url).content.decode()
    browser(9).get(petition.url)  # what the switch changes was kept before it moved

    assert admin_client.post(url, {"proof_of_work": "on"}).status_code == 302

    assert UnderAttackSettings.for_site(site).proof_of_work
    assert b"<altcha-widget" in browser(9).get(petition.url).content
    refused = browser(9).post(f"/en/petitions/sign/{petition.pk}/", form_post(petition))
    assert refused.status_code == 400
    assert not Signature.objects.exists()
