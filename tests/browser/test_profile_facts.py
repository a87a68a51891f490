"""An editor records an ECHR application, its Rule 39 measure and an ICRC visit; the French
profile shows them (issue 15, point 2)."""

import re

import pytest
from playwright.sync_api import expect

from prisoners.models import Prisoner
from tests.browser.wagtail_admin import fill_date, publish_from_the_editor, sign_in_as_editor
from tests.factories import publish_translation_of
from tests.prisoners.factories import PrisonerIndexPageFactory, PrisonerPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def aram(home_pages):
    index = PrisonerIndexPageFactory(parent=home_pages["en"], show_in_menus=True)
    publish_translation_of(index, "fr", title="Prisonniers")
    aram = PrisonerPageFactory(parent=index, title="Aram Example", slug="aram")
    publish_translation_of(aram, "fr", title="Aram Exemple")
    return aram


def test_an_editor_records_an_echr_application_and_an_icrc_visit(
    live_server, aram, browser, page, accessibility
):
    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    admin = desk.new_page()
    admin.set_default_timeout(10_000)
    sign_in_as_editor(admin, live_server)
    admin.goto(f"{live_server.url}/admin/pages/{aram.pk}/edit/")

    admin.get_by_role("tab", name="Facts").click()
    admin.get_by_label("ECHR application number").fill("12345/21")
    fill_date(admin, admin.get_by_label("ECHR application lodged on"), "2021-02-15")
    admin.get_by_label("interim measure under Rule 39").check()
    fill_date(admin, admin.get_by_label("interim measure indicated on"), "2021-02-18")
    admin.get_by_label("the holding state complies with the interim measure").select_option(
        "does-not-comply"
    )
    events = admin.locator("[data-contentpath='detention_events']")
    events.get_by_role("button", name=re.compile("Insert a block")).first.click()
    admin.get_by_role("option", name="ICRC visit").click()
    fill_date(admin, events.locator("input[name='detention_events-0-value-date']"), "2023-06-01")

    publish_from_the_editor(admin)
    expect(admin.locator(".messages")).to_contain_text("published")
    desk.close()

    record = Prisoner.objects.get()
    assert record.echr_application == "12345/21"
    assert [event["kind"] for event in record.detention_events] == ["icrc_visit"]

    page.goto(f"{live_server.url}/fr/prisoners/aram/")
    facts = page.locator("main")
    expect(facts).to_contain_text("Requête n°\u00a012345/21")
    expect(facts).to_contain_text("Indiquée le 18 février 2021.")
    expect(facts).to_contain_text("Ne se conforme pas")
    expect(page.locator(".icrc-visits")).to_contain_text("1 juin 2023")
    accessibility(page)
