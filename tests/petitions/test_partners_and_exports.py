"""Partner counts as the public counter counts, and signature exports Excel opens as written."""

import codecs
import csv
import io

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from petitions import signing
from petitions.models import Partner

from .factories import signer

pytestmark = pytest.mark.django_db

SIGNATURES = "/admin/petitions/signatures/"


def test_partners_count_confirmed_valid_signatures_and_show_the_unconfirmed_apart(
    admin_client, petition_page
):
    partner = Partner.objects.create(name="Friends abroad")
    petition = petition_page.petition

    def through_partner(**fields):
        return signing.sign(
            petition,
            signer(**fields),
            source="widget",
            language="en",
            partner_ref=partner.key,
            notify=False,
        ).signature

    confirmed = through_partner()
    signing.confirm(confirmed.pk)
    through_partner()  # waits for its signer's confirmation
    spam = through_partner()
    signing.confirm(spam.pk)
    signing.invalidate([spam], reason="bot wave")

    page = BeautifulSoup(admin_client.get("/admin/petitions/partners/").content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in page.select("thead th")]
    row = next(tr for tr in page.select("tbody tr") if "Friends abroad" in tr.get_text())
    cells = dict(
        zip(headings, (td.get_text(" ", strip=True) for td in row.find_all("td")), strict=True)
    )
    assert cells["Confirmed signatures through its widget"] == "1"
    assert cells["Awaiting confirmation"] == "1"


def test_the_csv_export_starts_with_a_bom_and_both_consents_keep_their_wording(
    admin_client, petition_page
):
    petition = petition_page.petition
    signing.sign(
        petition,
        signer(first_name="Անի", email="ani@example.org", named_consent=True, contact_consent=True),
        source="page",
        language="hy",
        notify=False,
    )
    response = admin_client.get(f"{SIGNATURES}?petition={petition.pk}&export=csv")
    raw = b"".join(response.streaming_content)
    assert raw.startswith(codecs.BOM_UTF8)
    assert raw.count(codecs.BOM_UTF8) == 1
    (row,) = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
    assert row["First name"] == "Անի"
    assert row["Agreed to be named to decision makers"] == "True"
    assert row["Agreed to be contacted"] == "True"
    # The wording the signer saw, in their language, as stored when they signed.
    assert row["Naming consent wording"].startswith("Այո")
    assert row["Contact consent wording"].startswith("Այո")
    assert row["Naming consent wording"] != row["Contact consent wording"]

    response = admin_client.get(f"{SIGNATURES}?petition={petition.pk}&export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    exported = dict(zip(header, values, strict=True))
    assert exported["Naming consent wording"] == row["Naming consent wording"]
    assert exported["Contact consent wording"] == row["Contact consent wording"]
