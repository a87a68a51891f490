"""Editors in a real browser: the import preview, and a delivery pack for one decision maker."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from petitions.models import Signature, SignatureImport
from tests.petitions.factories import make_petition

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long editor password 42"


@pytest.fixture
def signed_in(live_server, page):
    """An editor signed in through the admin's own login form."""
    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in")).click()
    expect(page.get_by_role("heading", name="Site summary")).to_be_visible()
    return page


US_FILE = (
    "Name,Email,Country,Postal Code,Comment,Date,Phone\n"
    "Ani Hakobyan,ani@example.org,USA,90210,Bring them home,03/04/2021,555-0100\n"
    "Jean Dupont,jean@example.org,Great Britain,,,12/31/2020,\n"
)


def test_an_editor_previews_an_import_then_imports_it(live_server, home_pages, signed_in, tmp_path):
    petition = make_petition(home_pages["en"]).petition
    csv_file = tmp_path / "us-platform.csv"
    csv_file.write_text(US_FILE)
    tab = signed_in
    tab.goto(f"{live_server.url}/admin/petitions/imports/add/?petition={petition.pk}")
    tab.get_by_label("CSV file").set_input_files(str(csv_file))
    tab.get_by_label(re.compile("Month first")).check()
    tab.get_by_label("Consent wording on the other platform").fill("Keep me posted")
    tab.get_by_role("button", name="Preview").click()

    expect(tab.get_by_role("heading", name="Preview of us-platform.csv")).to_be_visible()
    rows = tab.locator(".import-rows tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("United States of America")
    expect(rows.nth(0)).to_contain_text("March 4, 2021")
    expect(rows.nth(1)).to_contain_text("United Kingdom")
    expect(tab.locator(".import-ignored")).to_have_text("Phone")
    assert not Signature.objects.exists()

    # Read as day first, the second row has no 31st month: the preview says so at once.
    tab.get_by_label(re.compile("Day first")).check()
    tab.get_by_role("button", name="Preview").click()
    expect(rows.nth(0)).to_contain_text("April 3, 2021")
    expect(rows.nth(1)).to_contain_text("Will be rejected")

    tab.get_by_label(re.compile("Month first")).check()
    tab.get_by_role("button", name="Import", exact=True).click()
    expect(tab.get_by_text("2 added, 0 merged, 0 rejected.")).to_be_visible()
    expect(tab.get_by_text("Phone", exact=True)).to_be_visible()
    batch = SignatureImport.objects.get()
    assert batch.rows_added == 2 and batch.columns_ignored == ["Phone"]
    assert Signature.objects.get(email_normalized="ani@example.org").postcode == "90210"


def test_a_pack_for_one_decision_maker_in_armenian(
    live_server, home_pages, signed_in, accessibility
):
    from petitions.signing import sign
    from tests.petitions.factories import signer, translate

    english = make_petition(home_pages["en"])
    armenian = translate(english, "hy", title="Ազատե՛ք գերիներին")
    sign(
        english,
        signer(first_name="Bedros", last_name="Avagyan", country="AM", named_consent=True),
        source="import",
        language="hy",
        confirmed=True,
    )
    person = english.decision_makers.order_by("sort_order")[1]
    tab = signed_in
    tab.goto(
        f"{live_server.url}/admin/petitions/pack/{english.petition.pk}/?lang=hy",
    )
    tab.get_by_role("link", name=re.compile(f"{person.name}")).click()

    expect(tab.locator("html")).to_have_attribute("lang", "hy")
    expect(tab.get_by_role("heading", level=1)).to_have_text(armenian.title)
    expect(tab.locator(".addressee")).to_have_text(f"Հասցեատեր՝ {person}")
    expect(tab.locator(".signers li")).to_have_text(["Bedros Avagyan (Հայաստան)"])
    expect(tab.get_by_role("cell", name="Հայաստան")).to_be_visible()
    expect(tab.locator(".decision-makers")).to_have_count(0)
    accessibility(tab)

    pdf_link = tab.get_by_role("link", name="Ներբեռնել PDF ձևաչափով")
    pdf = tab.request.get(f"{live_server.url}{pdf_link.get_attribute('href')}")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-") and b"NotoSansArmenian" in pdf.body()
