"""Editors in the admin: publishing a petition, signatures, exports, invalidation, erasure,
imports, the delivery log, the delivery pack, the dashboard, and who may do what."""

import csv
import io
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from petitions.models import (
    Delivery,
    Erasure,
    Partner,
    Petition,
    PetitionPage,
    PetitionStatus,
    Signature,
    SignatureImport,
)
from petitions.signing import sign
from tests.factories import UserFactory

from .factories import add_signatures, make_petition, signer, translate

pytestmark = pytest.mark.django_db

SIGNATURES = "/admin/petitions/signatures/"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def editor(client, *codenames):
    """A logged-in editor with admin access and exactly these petitions permissions."""
    user = UserFactory()
    group = Group.objects.create(name=f"group-{user.username}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="petitions", codename__in=codenames),
    )
    user.groups.add(group)
    client.force_login(user)
    return user


def streamed(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def assert_refused(response, url):
    """Wagtail turns a refusal into the dashboard with a message, and no signer on it."""
    assert response.redirect_chain == [("/admin/", 302)], url
    assert response.status_code == 200, url
    notices = [str(message).strip() for message in response.context["messages"]]
    assert notices == ["Sorry, you do not have permission to access this area."], url
    page = soup(response)
    assert page.title.get_text(strip=True) == "Dashboard - Wagtail", url
    assert "Sorry, you do not have permission" in page.select_one(".messages").get_text()
    for signer_email in ("alice@example.org", "bedros@example.org", "chloe@example.org"):
        assert signer_email not in response.content.decode(), url


@pytest.fixture
def signed(petition_page):
    """A petition with three signers: two confirmed (FR, AM), one unconfirmed from a widget."""
    petition = petition_page.petition
    first = sign(
        petition,
        signer(first_name="Alice", last_name="=HYPERLINK(1)", email="alice@example.org"),
        source="import",
        language="en",
        confirmed=True,
        notify=False,
    ).signature
    second = sign(
        petition,
        signer(first_name="Bedros", email="bedros@example.org", country="AM", named_consent=True),
        source="import",
        language="hy",
        confirmed=True,
        notify=False,
    ).signature
    third = sign(
        petition,
        signer(first_name="Chloe", email="chloe@example.org"),
        source="widget",
        language="fr",
        notify=False,
    ).signature
    return petition_page, [first, second, third]


def test_an_editor_creates_and_publishes_a_petition(admin_client, home_pages):
    home = home_pages["en"]
    data = nested_form_data(
        {
            "title": "Free the hostages",
            "slug": "free-the-hostages",
            "lead": "Bring them home now.",
            "demands": streamfield([("demand", "Release them all.")]),
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Held since the ceasefire [1].</p>")),
                    (
                        "references",
                        {
                            "heading": "References",
                            "references": streamfield(
                                [("item", {"text": "Ceasefire statement", "url": "", "date": ""})]
                            ),
                        },
                    ),
                ]
            ),
            "decision_makers": inline_formset(
                [{"name": "A Minister", "role": "Minister", "organisation": "State", "photo": ""}],
                min=1,
            ),
            "subjects": inline_formset([]),
            "organiser_name": "Campaign",
            "organiser_url": "",
            "organiser_contact": "",
            "launch_date": "",
            "thank_you_text": rich_text(""),
            "status": "open",
            "outcome": rich_text(""),
            "goal": "0",
            "offline_count": "120",
            "offline_note": "on paper",
            "count_unconfirmed": "on",
            "show_recent_signers": "on",
            "seo_title": "",
            "search_description": "",
            "share_image": "",
            "action-publish": "publish",
        }
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=["petitions", "petitionpage", home.pk]), data
    )

    assert response.status_code == 302, soup(response).select(".error-message")
    page = PetitionPage.objects.get(slug="free-the-hostages")
    assert page.live
    assert page.decision_makers.get().name == "A Minister"
    petition = Petition.objects.get(translation_key=page.translation_key)
    assert petition.offline_count == 120 and petition.count_unconfirmed
    assert petition.page_id == page.pk
    public = soup(admin_client.get(page.url))
    assert "120 signatures" in public.select_one("#petition-count").get_text(" ", strip=True)
    assert public.select_one('sup.citation a[href="#ref-1"]') is not None

    # The settings are the shared petition's, set on the page: a draft keeps them for
    # later, and the editor shows them again; publishing applies them.
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    person = page.decision_makers.get()
    data.pop("action-publish")
    data.update(
        nested_form_data(
            {
                "decision_makers": inline_formset(
                    [
                        {
                            "id": person.pk,
                            "name": "A Minister",
                            "role": "",
                            "organisation": "",
                            "photo": "",
                        }
                    ],
                    initial=1,
                    min=1,
                ),
            }
        )
    )
    data.update({"status": "closed", "offline_count": "7"})
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302, soup(response).select(".error-message")
    petition.refresh_from_db()
    assert petition.status == "open" and petition.offline_count == 120
    form = soup(admin_client.get(edit_url))
    assert form.select_one('select[name="status"] option[selected]')["value"] == "closed"
    assert form.select_one('input[name="offline_count"]')["value"] == "7"

    response = admin_client.post(edit_url, {**data, "action-publish": "publish"})
    assert response.status_code == 302, soup(response).select(".error-message")
    petition.refresh_from_db()
    assert petition.status == "closed" and petition.offline_count == 7


def test_the_listing_filters_and_searches_signatures(admin_client, signed):
    page, (alice, bedros, chloe) = signed
    petition = page.petition

    def names(query):
        response = admin_client.get(f"{SIGNATURES}?{query}")
        assert response.status_code == 200
        return {a.get_text(strip=True) for a in soup(response).select("td.title .title-wrapper a")}

    everyone = names(f"petition={petition.pk}")
    assert everyone == {str(alice), str(bedros), str(chloe)}
    assert len(names(f"petition={petition.pk}&confirmed=true")) == 2
    assert len(names(f"petition={petition.pk}&confirmed=false")) == 1
    assert len(names("source=widget")) == 1
    assert len(names("country=AM")) == 1
    assert len(names("q=bedros%40example")) == 1
    assert len(names("created_at_from=2000-01-01&created_at_to=2000-01-02")) == 0


def test_exports_need_the_export_permission(client, signed):
    editor(client, "view_signature")
    listing = client.get(SIGNATURES)
    assert listing.status_code == 200
    assert "Download CSV" not in listing.content.decode()
    for url in (
        f"{SIGNATURES}?export=csv",
        f"{SIGNATURES}?export=xlsx",
        reverse("petitions_delivery_pack", args=[signed[0].petition.pk]),
    ):
        assert_refused(client.get(url, follow=True), url)

    editor(client, "view_signature", "export_signature")
    assert "Download CSV" in client.get(SIGNATURES).content.decode()
    assert client.get(f"{SIGNATURES}?export=csv").status_code == 200


def test_without_view_permission_no_personal_data(client, signed):
    editor(client)
    assert_refused(client.get(SIGNATURES, follow=True), SIGNATURES)


def test_the_signature_chooser_names_no_signer_without_view_permission(client, signed):
    """Wagtail gives every snippet a chooser any admin user may open."""
    _page, signatures = signed
    chooser = "/admin/snippets/choose/petitions/signature/"
    urls = [chooser, f"{chooser}results/?q=Alice", f"{chooser}chosen/{signatures[0].pk}/"]
    editor(client)
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        for name in ("Alice", "Bedros", "Chloe"):
            assert name not in response.content.decode(), url
    editor(client, "view_signature")
    assert "Alice" in client.get(f"{chooser}chosen/{signatures[0].pk}/").content.decode()


def _delivery(page):
    person = page.decision_makers.first()
    return Delivery.objects.create(
        petition=page.petition,
        decision_maker_key=person.translation_key,
        decision_maker_name=person.name,
        channel="email",
    )


@pytest.mark.parametrize(
    "model, permission, make_row",
    [
        ("erasure", "erase_signature", lambda page: Erasure.objects.create(signatures_erased=1)),
        (
            "signatureimport",
            "import_signature",
            lambda page: SignatureImport.objects.create(petition=page.petition, file_name="a.csv"),
        ),
        ("partner", "view_partner", lambda page: Partner.objects.create(name="Friends abroad")),
        ("delivery", "view_delivery", _delivery),
    ],
)
def test_the_other_petitions_choosers_list_only_what_the_user_may_see(
    client, petition_page, model, permission, make_row
):
    """An erasure's reference or an import's file name may name a person."""
    row = make_row(petition_page)
    chooser = f"/admin/snippets/choose/petitions/{model}/"
    chosen = f"{chooser}chosen/{row.pk}/"
    chosen_multiple = f"{chooser}chosen-multiple/?id={row.pk}"

    editor(client)
    for url in (chooser, f"{chooser}results/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert chosen not in response.content.decode(), url
    assert client.get(chosen).status_code == 404
    assert client.get(chosen_multiple).json()["result"] == []

    editor(client, permission)
    for url in (chooser, f"{chooser}results/"):
        assert chosen in client.get(url).content.decode(), url
    assert client.get(chosen).json()["result"]["id"] == str(row.pk)
    assert len(client.get(chosen_multiple).json()["result"]) == 1


def test_csv_and_xlsx_exports_hold_the_signatures_without_formulas(admin_client, signed):
    page, _signatures = signed
    response = admin_client.get(f"{SIGNATURES}?petition={page.petition.pk}&export=csv")
    rows = list(csv.DictReader(io.StringIO(streamed(response).decode())))
    assert len(rows) == 3
    alice = next(row for row in rows if row["Email"] == "alice@example.org")
    assert alice["Last name"] == "'=HYPERLINK(1)"
    assert alice["Source"] == "import"

    response = admin_client.get(f"{SIGNATURES}?petition={page.petition.pk}&export=xlsx")
    sheet = load_workbook(io.BytesIO(streamed(response))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 4
    assert not any(str(value).startswith("=") for row in values for value in row if value)


def test_invalidating_one_signature_needs_a_reason_and_can_be_undone(admin_client, signed):
    page, (alice, _bedros, _chloe) = signed
    petition = page.petition
    url = reverse("petitions_signature:edit", args=[alice.pk])
    assert petition.counts().online == 2

    response = admin_client.post(url, {"reason": ""})
    assert "Give the reason" in response.content.decode()
    assert petition.counts().online == 2

    admin_client.post(url, {"reason": "test signature", "invalidate": ""})
    alice.refresh_from_db()
    assert alice.invalidated_reason == "test signature"
    assert petition.counts().online == 1

    admin_client.post(url, {"restore": ""})
    assert petition.counts().online == 2


def test_bulk_invalidation_with_a_reason(admin_client, signed):
    page, signatures = signed
    ids = "&".join(f"id={signature.pk}" for signature in signatures[:2])
    url = f"/admin/bulk/petitions/signature/invalidate/?{ids}&next={SIGNATURES}"
    confirm = admin_client.get(url)
    assert confirm.status_code == 200
    assert "These 2 signatures will stop counting" in confirm.content.decode()

    response = admin_client.post(url, {"reason": "bot wave"})
    assert response.status_code == 302
    assert Signature.objects.filter(invalidated_reason="bot wave").count() == 2
    assert page.petition.counts().online == 0
    # The listing offers invalidate and restore, never delete.
    footer = soup(admin_client.get(SIGNATURES)).select_one(".bulk-actions-buttons")
    labels = [a.get_text(strip=True) for a in footer.select("a")]
    assert labels == ["Invalidate", "Restore"]

    admin_client.post(f"/admin/bulk/petitions/signature/restore/?{ids}&next={SIGNATURES}")
    assert page.petition.counts().online == 2


def test_bulk_invalidation_needs_the_change_permission(client, signed):
    editor(client, "view_signature")
    _page, signatures = signed
    url = f"/admin/bulk/petitions/signature/invalidate/?id={signatures[0].pk}"
    client.post(url, {"reason": "not allowed"})
    assert not Signature.objects.filter(invalidated_at__isnull=False).exists()


def test_signatures_cannot_be_added_edited_or_deleted_generically(admin_client, signed):
    _page, signatures = signed
    assert admin_client.get(f"{SIGNATURES}add/").status_code in (302, 403)
    assert admin_client.post(f"{SIGNATURES}delete/{signatures[0].pk}/").status_code in (302, 403)
    assert Signature.objects.count() == 3


def test_erasure_of_a_person_across_petitions(client, home_pages):
    first = make_petition(home_pages["en"]).petition
    second = make_petition(home_pages["en"]).petition
    for petition in (first, second):
        sign(
            petition,
            signer(email="Forget.Me@example.org", last_name="Forgotten"),
            source="import",
            language="en",
            confirmed=True,
            notify=False,
        )
    add_signatures(first, 1)

    editor(client, "view_signature")
    assert client.get("/admin/petitions/erasures/add/").status_code in (302, 403)

    editor(client, "erase_signature")
    preview = client.post(
        "/admin/petitions/erasures/add/",
        {"email": "forget.me@example.org", "reference": "REQ-12"},
    )
    text = preview.content.decode()
    assert "2 signatures will be erased" in text
    assert Signature.objects.filter(last_name="Forgotten").count() == 2  # nothing erased yet

    done = client.post(
        "/admin/petitions/erasures/add/",
        {"email": "forget.me@example.org", "reference": "REQ-12", "confirmed": "True"},
    )
    assert done.status_code == 302
    assert not Signature.objects.filter(last_name="Forgotten").exists()
    erasure = Erasure.objects.get()
    assert erasure.signatures_erased == 2 and erasure.reference == "REQ-12"
    assert first.counts().online == 2 and second.counts().online == 1
    log = client.get("/admin/petitions/erasures/").content.decode()
    assert "REQ-12" in log and "forget.me" not in log.lower()


CSV_FILE = (
    "\ufeffFirst name;Last name;E-mail;Country;Signed at;Consent\n"
    "Ani;Hakobyan;ani@example.org;Armenia;2021-02-01;yes\n"
    "Ani;Hakobyan;ANI@example.org;AM;2021-02-02;no\n"  # the same person again in the file
    "Existing;Signer;existing@example.org;FR;;\n"  # signed online already
    "Bad;Email;not-an-email;FR;;\n"
    "Far;Away;far@example.org;Atlantis;;\n"
    "Jean;Dupont;jean@example.org;France;01/03/2021;\n"
)


def test_csv_import_deduplicates_and_logs_each_row(client, petition_page):
    petition = petition_page.petition
    sign(petition, signer(email="existing@example.org"), source="page", language="en", notify=False)

    editor(client, "view_signature")
    assert client.get("/admin/petitions/imports/add/").status_code in (302, 403)

    user = editor(client, "import_signature")
    upload = SimpleUploadedFile("change-org.csv", CSV_FILE.encode("utf-8"), "text/csv")
    fields = {
        "petition": petition.pk,
        "date_order": "dmy",
        "treat_as_confirmed": "on",
        "consent_note": "Keep me informed (Change.org)",
    }
    preview = client.post("/admin/petitions/imports/add/", {**fields, "file": upload})
    assert preview.status_code == 200 and not SignatureImport.objects.exists()
    pending = soup(preview).select_one("input[name=pending]")["value"]
    response = client.post(
        "/admin/petitions/imports/add/",
        {**fields, "pending": pending, "file_name": "change-org.csv", "import": ""},
    )
    assert response.status_code == 302
    batch = SignatureImport.objects.get()
    assert (batch.rows_total, batch.rows_added, batch.rows_merged, batch.rows_rejected) == (
        6,
        2,
        2,
        2,
    )
    assert batch.imported_by == user and batch.file_name == "change-org.csv"
    assert [item["row"] for item in batch.rejections] == [5, 6]
    assert "not-an-email" not in str(batch.rejections)
    ani = Signature.objects.get(email_normalized="ani@example.org")
    assert ani.source == "import" and ani.country == "AM" and ani.contact_consent
    assert ani.created_at.date().isoformat() == "2021-02-01"
    assert ani.contact_consent_text == "Keep me informed (Change.org)"
    assert Signature.objects.get(email_normalized="jean@example.org").created_at.month == 3
    assert petition.counts().online == 2  # the online signer is not confirmed yet
    assert mail.outbox == []  # imported signers are never emailed

    detail = client.get(response["Location"]).content.decode()
    assert "Row 5" in detail and "Row 6" in detail
    log = client.get("/admin/petitions/imports/").content.decode()
    assert "change-org.csv" in log


def test_an_unreadable_file_is_refused_as_a_whole(client, petition_page):
    editor(client, "import_signature")
    upload = SimpleUploadedFile("x.csv", b"name,phone\nA,1\n", "text/csv")
    response = client.post(
        "/admin/petitions/imports/add/",
        {"petition": petition_page.petition.pk, "file": upload, "consent_note": "n/a"},
    )
    assert response.status_code == 200
    assert "no email column" in response.content.decode()
    assert not SignatureImport.objects.exists()


def test_a_delivery_is_logged_and_shown_publicly_in_every_language(client, petition_page):
    french = translate(petition_page, "fr", title="Libérez les prisonniers")
    person = petition_page.decision_makers.first()
    petition = petition_page.petition

    editor(client, "view_delivery")
    assert client.get("/admin/petitions/deliveries/add/").status_code in (302, 403)

    editor(client, "add_delivery", "view_delivery", "change_delivery")
    form = client.get("/admin/petitions/deliveries/add/")
    assert "Decision maker 1" in form.content.decode()
    response = client.post(
        "/admin/petitions/deliveries/add/",
        {
            "decision_maker": f"{petition.pk}:{person.translation_key}",
            "delivered_on": "2024-05-03",
            "channel": "email",
            "note": "Sent with the count.",
            "response_status": "acknowledged",
            "response_date": "2024-05-10",
            "response_text": "We have received your petition.",
        },
    )
    assert response.status_code == 302, soup(response).select(".error-message")
    delivery = Delivery.objects.get()
    assert delivery.decision_maker_name == "Decision maker 1"

    english = soup(client.get(petition_page.url))
    entry = english.select_one(".decision-maker .deliveries li").get_text(" ", strip=True)
    assert "Delivered on May 3, 2024 (Email)" in entry
    assert "Response: Acknowledged" in entry and "We have received your petition." in entry
    entry_fr = soup(client.get(french.url)).select_one(".deliveries li").get_text(" ", strip=True)
    assert "Remise le 3 mai 2024" in entry_fr and "Accusé de réception" in entry_fr


def test_the_delivery_pack_lists_counts_and_only_consenting_names(admin_client, signed):
    page, (_alice, bedros, _chloe) = signed
    response = admin_client.get(reverse("petitions_delivery_pack", args=[page.petition.pk]))
    document = soup(response)
    text = document.get_text(" ", strip=True)
    assert document.h1.get_text() == page.title
    assert "2 signatures" in text
    names = [li.get_text(strip=True) for li in document.select(".signers li")]
    assert names == [f"Bedros {bedros.last_name} (Armenia)"]
    assert "alice@example.org" not in text and "Alice" not in text
    assert "Decision maker 1" in text
    rows = [[td.get_text() for td in row.find_all("td")] for row in document.select("tbody tr")]
    assert sorted(rows) == [["Armenia", "1"], ["France", "1"]]


def test_the_dashboard_shows_open_petitions_with_their_last_day(admin_client, home_pages):
    page = make_petition(home_pages["en"], title="Dashboard petition", offline_count=100)
    add_signatures(page.petition, 3)
    closed = make_petition(home_pages["en"], title="Closed petition")
    add_signatures(closed.petition, 1)
    closed.status = PetitionStatus.CLOSED
    closed.save_revision().publish()

    panel = soup(admin_client.get("/admin/")).select_one("#petitions-section")
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in panel.select("tbody tr")
    ]
    assert len(rows) == 1
    assert rows[0][0].startswith("Dashboard petition")
    assert rows[0][1:] == ["103", "3"]


def test_petition_pages_get_admin_buttons(admin_client, petition_page):
    listing = admin_client.get(
        reverse("wagtailadmin_explore", args=[petition_page.get_parent().pk])
    ).content.decode()
    assert f"{SIGNATURES}?petition={petition_page.petition.pk}" in listing
    assert re.search(r"/admin/petitions/pack/\d+/", listing)
