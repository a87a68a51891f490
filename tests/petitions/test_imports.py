"""Imports from other platforms: countries by any usual name, every column accounted for,
the file's date format chosen by the editor, and a preview before anything is stored."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from petitions.admin.imports import pending_folder
from petitions.imports import DateOrder, find_country, parse_when
from petitions.models import Signature, SignatureImport
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/petitions/imports/add/"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("United States", "US"),
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("us", "US"),
        ("États-Unis", "US"),
        ("etats-unis d'amerique", "US"),
        ("ԱՄՆ", "US"),
        ("UK", "GB"),
        ("Great Britain", "GB"),
        ("england", "GB"),
        ("Royaume-Uni", "GB"),
        ("Մեծ Բրիտանիա", "GB"),
        ("Arménie", "AM"),
        ("Հայաստան", "AM"),
        ("ARM", "AM"),
        ("Allemagne", "DE"),
        ("Czech Republic", "CZ"),
        ("Turkey", "TR"),
        ("  the netherlands ", "NL"),
        ("", ""),
        ("Atlantis", None),
    ],
)
def test_countries_are_found_by_name_in_three_languages_code_or_common_variant(written, code):
    assert find_country(written) == code


def test_the_date_format_decides_how_ambiguous_dates_read():
    assert parse_when("03/04/2021", DateOrder.DAY_FIRST).date() == date(2021, 4, 3)
    assert parse_when("03/04/2021", DateOrder.MONTH_FIRST).date() == date(2021, 3, 4)
    assert parse_when("12/31/2020 18:30", DateOrder.MONTH_FIRST).hour == 18
    for order in DateOrder:
        assert parse_when("2021-04-03", order).date() == date(2021, 4, 3)
        assert parse_when("2021-04-03T09:15:00Z", order).date() == date(2021, 4, 3)
    with pytest.raises(ValueError):
        parse_when("03/04/2021", DateOrder.ISO)
    with pytest.raises(ValueError):
        parse_when("12/31/2020", DateOrder.DAY_FIRST)
    with pytest.raises(ValueError):
        parse_when("2999-01-01", DateOrder.ISO)


US_FILE = (
    "Name,Email,Country,Postal Code,Comment,Date,Phone,Referrer\n"
    "Ani Hakobyan,ani@example.org,United States,90210,Bring them home,03/04/2021,555-0100,fb\n"
    "Jean Dupont,jean@example.org,UK,SW1A 1AA,,12/31/2020,,\n"
    "Far Away,far@example.org,Atlantis,,,01/02/2021,,\n"
)


def preview(client, petition, content, **fields):
    upload = SimpleUploadedFile("us-platform.csv", content.encode(), "text/csv")
    data = {"petition": petition.pk, "consent_note": "Keep me posted", "file": upload, **fields}
    return client.post(ADD, data)


def test_the_preview_shows_columns_and_rows_and_stores_nothing(admin_client, petition_page):
    petition = petition_page.petition
    response = preview(admin_client, petition, US_FILE, date_order="mdy")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert not SignatureImport.objects.exists() and not Signature.objects.exists()

    read = [li.get_text(strip=True) for li in page.select(".import-columns li")]
    assert "Postal Code → postcode" in read and "Comment → comment" in read
    assert "Date → date signed" in read
    ignored = [li.get_text(strip=True) for li in page.select(".import-ignored li")]
    assert ignored == ["Phone", "Referrer"]
    rows = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in page.select(".import-rows tbody tr")
    ]
    assert rows[0][:7] == [
        "2",
        "Ani Hakobyan",
        "ani@example.org",
        "United States of America",
        "March 4, 2021",
        "90210",
        "Bring them home",
    ]
    assert rows[1][3:5] == ["United Kingdom", "Dec. 31, 2020"]
    assert "Will be rejected" in rows[2][-1] and "country" in rows[2][-1]

    # The same file read day first: the editor changes the format without uploading again.
    token = page.select_one("input[name=pending]")["value"]
    again = admin_client.post(
        ADD,
        {
            "petition": petition.pk,
            "consent_note": "Keep me posted",
            "pending": token,
            "file_name": "us-platform.csv",
            "date_order": "dmy",
            "preview": "",
        },
    )
    cells = BeautifulSoup(again.content, "html.parser").select(".import-rows tbody tr")
    assert cells[0].find_all("td")[4].get_text(strip=True) == "April 3, 2021"
    assert "Will be rejected" in cells[1].get_text()  # there is no 31st month
    assert not Signature.objects.exists()


def test_the_import_keeps_every_mapped_column_and_logs_the_ignored_ones(
    admin_client, petition_page
):
    petition = petition_page.petition
    assert not petition.ask_postcode and not petition.ask_comment
    page = BeautifulSoup(
        preview(admin_client, petition, US_FILE, date_order="mdy").content, "html.parser"
    )
    token = page.select_one("input[name=pending]")["value"]
    assert list(pending_folder().glob("*.csv"))
    fields = {
        "petition": petition.pk,
        "consent_note": "Keep me posted",
        "pending": token,
        "file_name": "us-platform.csv",
        "date_order": "mdy",
        "treat_as_confirmed": "on",
        "import": "",
    }

    # Another editor cannot import (or read) someone else's pending file.
    someone_else = Client()
    someone_else.force_login(UserFactory(is_superuser=True))
    refused = someone_else.post(ADD, fields)
    assert refused.status_code == 200 and "no longer here" in refused.content.decode()

    response = admin_client.post(ADD, fields)
    assert response.status_code == 302
    batch = SignatureImport.objects.get()
    assert (batch.rows_total, batch.rows_added, batch.rows_rejected) == (3, 2, 1)
    assert batch.columns_ignored == ["Phone", "Referrer"]
    assert {"column": "Postal Code", "field": "postcode"} in batch.columns_mapped
    assert batch.date_order == "mdy"
    ani = Signature.objects.get(email_normalized="ani@example.org")
    assert (ani.country, ani.postcode, ani.comment) == ("US", "90210", "Bring them home")
    assert ani.created_at.date() == date(2021, 3, 4)
    assert Signature.objects.get(email_normalized="jean@example.org").country == "GB"
    assert not list(pending_folder().glob("*.csv"))  # the file is gone once imported

    log = admin_client.get(reverse("petitions_signatureimport:inspect", args=[batch.pk]))
    text = BeautifulSoup(log.content, "html.parser").get_text(" ", strip=True)
    assert "Phone, Referrer" in text
    assert "Postal Code → postcode" in text
    assert "Month first" in text
    assert "ani@example.org" not in text


def test_a_preview_nobody_imports_is_deleted_by_the_daily_run_and_never_read_after_a_day(
    admin_client, petition_page, capsys
):
    """The waiting file holds signers' names and emails: it goes after a day even when no
    other upload comes to sweep it, and an old preview can no longer be imported."""
    import os
    import time

    from django.core.management import call_command

    from petitions.imports import PENDING_MAX_AGE
    from petitions.retention_tasks import run_retention

    petition = petition_page.petition
    page = BeautifulSoup(
        preview(admin_client, petition, US_FILE, date_order="mdy").content, "html.parser"
    )
    token = page.select_one("input[name=pending]")["value"]
    (waiting,) = pending_folder().glob("*.csv")

    assert run_retention()["imports_forgotten"] == 0  # a fresh preview waits
    assert waiting.exists()
    day_old = time.time() - PENDING_MAX_AGE - 60
    os.utime(waiting, (day_old, day_old))

    fields = {
        "petition": petition.pk,
        "consent_note": "Keep me posted",
        "pending": token,
        "file_name": "us-platform.csv",
        "date_order": "mdy",
        "import": "",
    }
    refused = admin_client.post(ADD, fields)
    assert "no longer here" in refused.content.decode()
    assert not Signature.objects.exists()

    call_command("petitions_apply_retention", "--dry-run")
    assert "Would delete 1 uploaded import file(s)" in capsys.readouterr().out
    assert waiting.exists()
    assert run_retention()["imports_forgotten"] == 1
    assert not waiting.exists()
