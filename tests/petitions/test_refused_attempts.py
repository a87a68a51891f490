"""Every sign attempt counts against the client address, refused or not (petitions.signing):
a flood of bad POSTs meets the same limit as a flood of good ones, on the page, the widget
and the API, and is answered "too many" (429) once past it."""

import itertools

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Site

from campaign_site import abuse
from campaign_site.models import UnderAttackSettings
from petitions.models import Partner, Signature

from .factories import form_post, signer

pytestmark = pytest.mark.django_db

OWN = "http://testserver"
EVIL = "https://evil.example"
TOO_MANY = "Too many signatures were sent from here"
_addresses = itertools.count(1)


@pytest.fixture(autouse=True)
def two_a_minute(settings):
    settings.PETITIONS_IP_RATES = ("2/m",)
    settings.CAMPAIGN_PROOF_OF_WORK_COST = 10


def browser(origin=OWN, **headers):
    n = next(_addresses)
    if origin:
        headers["origin"] = origin
    return Client(REMOTE_ADDR=f"10.77.{n // 250}.{n % 250 + 1}", headers=headers)


def switch_on():
    settings = UnderAttackSettings.for_site(Site.objects.get(is_default_site=True))
    settings.proof_of_work = True
    settings.save()


def typed(page, **fields):
    return form_post(page, signer(first_name="Narek"), **fields)


# Each way a sign POST is refused before signing: (browser, the POST data).
REFUSALS = {
    "invalid form": lambda page: (browser(), typed(page, email="x")),
    "invalid token": lambda page: (browser(), typed(page, **{abuse.TOKEN_FIELD: "forged:token"})),
    "refused origin": lambda page: (browser(EVIL), typed(page)),
    "no origin": lambda page: (browser(None), typed(page)),
}


@pytest.mark.parametrize("refusal", [*REFUSALS, "proof of work missing"])
@pytest.mark.parametrize("where", ["page", "widget"])
def test_refused_sign_posts_count_and_meet_the_limit_keeping_what_was_typed(
    petition_page, refusal, where
):
    if refusal == "proof of work missing":
        switch_on()
        client, data = browser(), typed(petition_page)
    else:
        client, data = REFUSALS[refusal](petition_page)
    url = (
        f"/en/petitions/sign/{petition_page.pk}/"
        if where == "page"
        else f"/embed/petition/{petition_page.pk}/"
    )
    statuses = [client.post(url, data).status_code for _ in range(2)]
    assert 429 not in statuses
    response = client.post(url, data)
    assert response.status_code == 429
    document = BeautifulSoup(response.content.decode(), "html.parser")
    assert TOO_MANY in document.select_one(".error-summary").get_text()
    assert document.select_one("#id_first_name")["value"] == "Narek"
    # Past the limit a good form is refused too: the address is over it, whatever it sends.
    good = client.post(url, form_post(petition_page), headers={"origin": OWN})
    assert good.status_code == 429
    assert not Signature.objects.exists()


def test_the_limit_is_answered_in_json_to_scripts_and_in_the_pages_language(petition_page):
    client = browser()
    url = f"/en/petitions/sign/{petition_page.pk}/"
    data = form_post(petition_page, email="x")
    for _ in range(2):
        client.post(url, data, headers={"accept": "application/json"})
    response = client.post(url, data, headers={"accept": "application/json"})
    assert response.status_code == 429
    assert TOO_MANY in response.json()["errors"]["__all__"][0]["message"]


def test_honeypot_posts_are_answered_signed_but_count(petition_page):
    client = browser()
    url = f"/en/petitions/sign/{petition_page.pk}/"
    spam = form_post(petition_page, **{abuse.HONEYPOT_FIELD: "http://spam.example"})
    # Bots are told they signed, however many times; the address meets the limit all the same.
    assert [client.post(url, spam).status_code for _ in range(3)] == [303, 303, 303]
    assert client.post(url, form_post(petition_page)).status_code == 429
    assert not Signature.objects.exists()


def api_sign(client, page, *, lang="en", **data):
    return client.post(
        f"/api/widgets/petitions/{page.pk}/signatures?lang={lang}",
        {**signer(), **data},
        content_type="application/json",
    )


@pytest.mark.parametrize("refusal", ["refused origin", "no origin", "proof of work missing"])
def test_refused_api_calls_count_and_are_answered_in_json(petition_page, refusal):
    if refusal == "proof of work missing":
        switch_on()
    client = browser({"refused origin": EVIL, "no origin": None}.get(refusal, OWN))
    statuses = [api_sign(client, petition_page).status_code for _ in range(2)]
    assert 429 not in statuses
    response = api_sign(client, petition_page, lang="fr")
    assert response.status_code == 429
    assert response.json()["outcome"] == "rate_limited"
    assert "Trop de signatures" in response.json()["message"]
    assert not Signature.objects.exists()


def test_a_partner_server_with_a_wrong_key_is_told_so_and_not_counted(petition_page):
    # All of a partner's signers share its server's address: a rotated key must not turn
    # its next valid signatures into "too many".
    secret = Partner.objects.create(name="Partner").new_secret()
    server = browser(None)
    wrong = [
        server.post(
            f"/api/widgets/petitions/{petition_page.pk}/signatures?lang=en",
            signer(),
            content_type="application/json",
            headers={"authorization": "Bearer not-the-key"},
        ).status_code
        for _ in range(3)
    ]
    assert wrong == [401, 401, 401]
    right = server.post(
        f"/api/widgets/petitions/{petition_page.pk}/signatures?lang=en",
        signer(),
        content_type="application/json",
        headers={"authorization": f"Bearer {secret}"},
    )
    assert right.status_code in (200, 201), right.content
