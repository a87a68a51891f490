"""Under attack: the self-hosted ALTCHA widget solves its proof of work in a real browser,
under the site's Content-Security-Policy, and the signature goes through."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from campaign_site.models import UnderAttackSettings
from petitions.models import Signature
from tests.petitions.factories import make_petition

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fast(settings):
    settings.PETITIONS_FORM_MIN_SECONDS = 0
    settings.CAMPAIGN_PROOF_OF_WORK_COST = 100


def test_the_widget_solves_the_challenge_and_signing_passes(
    live_server, home_pages, page, accessibility
):
    petition = make_petition(home_pages["en"])
    switch = UnderAttackSettings.for_site(Site.objects.get(is_default_site=True))
    switch.proof_of_work = True
    switch.save()
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    third_party = []
    page.on(
        "request",
        lambda request: (
            third_party.append(request.url)
            if not request.url.startswith((live_server.url, "data:", "blob:"))
            else None
        ),
    )

    page.goto(f"{live_server.url}{petition.url}")
    page.get_by_role("textbox", name="First name").fill("Lusine")
    page.get_by_role("textbox", name="Last name").fill("Privatesurname")
    page.get_by_role("textbox", name="Email address").fill("lusine@example.org")
    page.get_by_role("combobox", name="Country").select_option("FR")
    # auto="onfocus": the work started when the visitor reached the form, and is done by now.
    widget = page.locator("altcha-widget .altcha")
    expect(widget).to_have_attribute("data-state", "verified", timeout=30_000)
    expect(page.get_by_text("Verified")).to_be_visible()
    expect(page.locator("input[name=altcha]")).to_have_value(re.compile(r"^ey"))
    page.get_by_role("button", name="Sign the petition").click()

    expect(page.get_by_role("heading", name="Thank you for signing")).to_be_visible()
    assert Signature.objects.count() == 1
    assert blocked == []
    assert third_party == []


def test_a_page_served_before_the_switch_gets_the_check_when_it_is_refused(
    live_server, home_pages, page
):
    petition = make_petition(home_pages["en"])
    page.goto(f"{live_server.url}{petition.url}")  # as a cache kept it: no widget yet
    switch = UnderAttackSettings.for_site(Site.objects.get(is_default_site=True))
    switch.proof_of_work = True
    switch.save()

    page.get_by_role("textbox", name="First name").fill("Lusine")
    page.get_by_role("textbox", name="Last name").fill("Privatesurname")
    page.get_by_role("textbox", name="Email address").fill("lusine@example.org")
    page.get_by_role("combobox", name="Country").select_option("FR")
    page.get_by_role("button", name="Sign the petition").click()

    expect(page.get_by_role("alert")).to_contain_text("short check")
    expect(page.get_by_role("textbox", name="First name")).to_have_value("Lusine")
    expect(page.get_by_role("checkbox", name=re.compile("not a robot"))).to_be_visible(
        timeout=30_000
    )
    page.get_by_text("I'm not a robot", exact=True).click()  # the label: the box is drawn over
    expect(page.locator("altcha-widget .altcha")).to_have_attribute(
        "data-state", "verified", timeout=30_000
    )
    page.get_by_role("button", name="Sign the petition").click()
    expect(page.get_by_role("heading", name="Thank you for signing")).to_be_visible()
    assert Signature.objects.count() == 1
