"""Sponsors apply, editors decide, applicants hear back in their language."""

from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from campaign_site import abuse
from prisoners import conf
from prisoners.forms import HONEYPOT_FIELD
from prisoners.models import Sponsorship
from prisoners.visibility import Consent, Visibility

from .conftest import soup
from .factories import SponsorshipFactory, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def aram(make_prisoner, translate):
    page = make_prisoner(title="Aram Example", slug="aram")
    translate(page, "fr", title="Aram Exemple")
    translate(page, "hy", title="Արամ Օրինակ")
    return page


def sponsor_url(page, language="en"):
    return f"/{language}" + reverse("prisoners_sponsor", kwargs={"key": page.translation_key})[3:]


def application(**overrides):
    data = {
        "sponsor_type": "municipality",
        "name": "City of Exampleville",
        "country": "FR",
        "city": "Exampleville",
        "contact_person": "Claire Martin",
        "email": "mairie@example.org",
        "website": "https://exampleville.example.org",
        "statement": "Exampleville stands with Aram.",
        "consent_to_list": "on",
        abuse.TOKEN_FIELD: abuse.issue_form_token("sponsor"),
        HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def form_values(document):
    """The values a browser would send for the admin's edit form."""
    form = document.find("form", attrs={"data-edit-form": True})
    values = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "file"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True)
            values[name] = chosen["value"] if chosen else ""
        elif field.name == "textarea":
            values[name] = field.get_text().removeprefix("\n")
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                values[name] = field.get("value", "on")
        elif field.get("type") == "radio":
            if field.has_attr("checked"):
                values[name] = field["value"]
        else:
            values[name] = field.get("value", "")
    return values


@pytest.fixture
def decide(admin_client, django_capture_on_commit_callbacks):
    """decide(sponsorship, status=…, …): an editor saves the admin form; emails go on commit."""

    def run(sponsorship, **changes):
        url = reverse("sponsorships:edit", args=[sponsorship.pk])
        data = form_values(soup(admin_client.get(url)))
        data.update(changes)
        with django_capture_on_commit_callbacks(execute=True):
            return admin_client.post(url, data)

    return run


@pytest.fixture
def visitor():
    """A browser that is not logged in (the `client` fixture is the editor's once logged in)."""
    return Client()


# --- Applying ------------------------------------------------------------------------


def test_the_form_is_in_the_visitors_language_without_csrf_cookie(client, aram):
    response = client.get(sponsor_url(aram, "fr"))
    assert response.status_code == 200
    assert "csrftoken" not in response.cookies
    document = soup(response)
    assert document.h1.get_text(strip=True) == "Parrainer Aram Exemple"
    assert document.find("legend").get_text(strip=True) == "Vous êtes"
    assert document.find("input", attrs={"name": abuse.TOKEN_FIELD})["value"]
    assert document.find("input", attrs={"name": HONEYPOT_FIELD})["tabindex"] == "-1"
    assert document.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_a_municipality_applies_with_a_proof_document(client, aram, forms_open):
    response = client.post(sponsor_url(aram, "fr"), application(proof=pdf_upload()), follow=True)

    assert response.redirect_chain[-1][0].endswith("/thanks/")
    assert "Votre demande de parrainage de Aram Exemple a bien été reçue." in (
        soup(response).main.get_text(" ", strip=True)
    )
    sponsorship = Sponsorship.objects.get()
    assert sponsorship.status == Sponsorship.Status.PENDING
    assert sponsorship.prisoner_key == aram.translation_key
    assert sponsorship.campaign_key == aram.get_parent().translation_key
    assert sponsorship.language == "fr"
    assert sponsorship.consent_to_list
    # The proof is kept outside MEDIA_ROOT, under a random name.
    stored = Path(sponsorship.proof.path)
    assert stored.read_bytes().startswith(b"%PDF-")
    assert Path(settings.MEDIA_ROOT) not in stored.parents
    assert "resolution" not in stored.name
    assert mail.outbox == []  # nothing is sent before a decision


def test_errors_are_localized_and_what_was_typed_is_kept(client, aram, forms_open):
    response = client.post(
        sponsor_url(aram, "fr"),
        application(city="", email="not-an-email", sponsor_type=None, proof=pdf_upload()),
    )
    assert response.status_code == 200
    assert not Sponsorship.objects.exists()
    document = soup(response)
    summary = document.select_one(".error-summary")
    assert summary["role"] == "alert"
    text = summary.get_text(" ", strip=True)
    assert "Saisissez la ville." in text
    assert "Saisissez une adresse e-mail comme nom@example.org." in text
    assert "Choisissez le type de parrain." in text
    # French typography: a non-breaking space before the colon (tests/test_language_quality.py).
    assert "Vous êtes\u00a0: Choisissez le type de parrain." in text
    # The file input is the one thing a browser cannot refill: say so.
    assert "choisissez-le à nouveau" in text
    assert document.find("input", attrs={"name": "name"})["value"] == "City of Exampleville"
    assert document.find("input", attrs={"name": "email"})["value"] == "not-an-email"
    assert document.find("textarea", attrs={"name": "statement"}).get_text().strip() == (
        "Exampleville stands with Aram."
    )
    email_input = document.find("input", attrs={"name": "email"})
    assert email_input["aria-invalid"] == "true"
    assert "id_email_error" in email_input["aria-describedby"]
    assert document.find(id="id_email_error") is not None
    # Summary links lead to the fields.
    links = [a["href"] for a in summary.find_all("a")]
    assert "#id_city" in links and "#sponsor-type" in links


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: pdf_upload(body=b"GIF89a not a pdf"), "The proof document must be a PDF file."),
        (lambda: pdf_upload(name="resolution.exe"), "The proof document must be a PDF file."),
        (
            lambda: pdf_upload(content_type="text/html"),
            "The proof document must be a PDF file.",
        ),
        (lambda: pdf_upload(size=5 * 1024 * 1024 + 1), "The file is too large (5.0\xa0MB)."),
    ],
    ids=["not-pdf-bytes", "not-pdf-name", "not-pdf-type", "too-large"],
)
def test_the_proof_must_be_a_small_pdf(client, aram, forms_open, upload, message):
    response = client.post(sponsor_url(aram), application(proof=upload()))
    assert response.status_code == 200
    assert message in soup(response).select_one(".error-summary").get_text(" ", strip=True)
    assert not Sponsorship.objects.exists()


def test_the_honeypot_pretends_success_and_keeps_nothing(client, aram, forms_open):
    response = client.post(sponsor_url(aram), application(**{HONEYPOT_FIELD: "spam"}))
    assert response.status_code == 302 and response["Location"].endswith("/thanks/")
    assert not Sponsorship.objects.exists()


def test_a_form_sent_too_fast_is_shown_again_with_its_values(client, aram):
    assert conf.get("PRISONERS_SPONSOR_FORM_MIN_SECONDS") > 0
    response = client.post(sponsor_url(aram), application())
    assert response.status_code == 200
    document = soup(response)
    assert "Please check your answers, then send the form again." in document.get_text()
    assert document.find("input", attrs={"name": "name"})["value"] == "City of Exampleville"
    assert not Sponsorship.objects.exists()


@pytest.mark.parametrize(
    "token",
    ["", "forged", signing.TimestampSigner(salt="other").sign_object({"form": "sponsor"})],
    ids=["missing", "forged", "other-salt"],
)
def test_a_missing_or_forged_token_is_refused(client, aram, forms_open, token):
    response = client.post(sponsor_url(aram), application(**{abuse.TOKEN_FIELD: token}))
    assert response.status_code == 200
    assert "This form was open for a long time" in soup(response).get_text()
    assert not Sponsorship.objects.exists()


def test_an_email_address_can_apply_only_a_few_times_a_day(client, aram, forms_open):
    for _ in range(5):
        assert client.post(sponsor_url(aram), application()).status_code == 302
    response = client.post(sponsor_url(aram), application())
    assert response.status_code == 429
    assert "Too many applications" in soup(response).get_text()
    assert Sponsorship.objects.count() == 5


def test_sponsoring_the_whole_group(client, prisoner_indexes, forms_open):
    index = prisoner_indexes["en"]
    document = soup(client.get("/en/prisoners/"))
    link = document.select_one(".group-sponsorship a.button")["href"]
    assert link == sponsor_url(index)
    response = client.post(link, application(name="Sample NGO", sponsor_type="ngo"))
    assert response.status_code == 302
    sponsorship = Sponsorship.objects.get()
    assert sponsorship.prisoner_key is None and sponsorship.is_for_group
    assert sponsorship.campaign_key == index.translation_key


# --- Deciding -------------------------------------------------------------------------


def test_an_editor_approves_and_the_applicant_is_emailed_in_their_language(
    visitor, admin_client, aram, forms_open, decide
):
    client = visitor
    client.post(sponsor_url(aram, "fr"), application())
    sponsorship = Sponsorship.objects.get()

    listing = soup(admin_client.get(reverse("sponsorships:index")))
    assert "City of Exampleville" in listing.get_text()

    response = decide(sponsorship, status="approved")
    assert response.status_code == 302

    sponsorship.refresh_from_db()
    assert sponsorship.status == "approved"
    assert sponsorship.decided_by.username == "editor"
    assert sponsorship.decided_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mairie@example.org"]
    assert message.subject == "Votre parrainage de Aram Exemple est approuvé"
    assert "Bonjour Claire Martin," in message.body
    assert "http://localhost/fr/prisoners/aram/" in message.body

    # The sponsor appears on the profile in every language, with the statement.
    for language in ("en", "fr", "hy"):
        profile = soup(client.get(f"/{language}/prisoners/aram/"))
        sponsor = profile.select_one(".sponsor")
        assert sponsor.select_one(".sponsor__name").get_text(strip=True) == "City of Exampleville"
        assert "Exampleville stands with Aram." in sponsor.get_text()
    # And it counts once on the cards of every language.
    card = soup(client.get("/fr/prisoners/")).select_one(".profile-card")
    assert "1 parrain" in card.get_text(" ", strip=True)
    assert card.select_one(".needs-sponsor") is None

    # Saving again without a new decision sends nothing more.
    decide(sponsorship, city="Exampleville-sur-Mer")
    assert len(mail.outbox) == 1


def test_rejecting_needs_a_reason_which_is_sent(visitor, aram, forms_open, decide):
    client = visitor
    with_language = {"HTTP_ACCEPT_LANGUAGE": "hy"}
    client.post(sponsor_url(aram, "hy"), application(), **with_language)
    sponsorship = Sponsorship.objects.get()
    assert sponsorship.language == "hy"

    response = decide(sponsorship, status="rejected", rejection_reason="")
    assert response.status_code == 200
    assert "Give the reason: it is sent to the applicant." in response.content.decode()
    assert mail.outbox == []

    decide(
        sponsorship,
        status="rejected",
        rejection_reason="We could not confirm the council's resolution.",
    )
    sponsorship.refresh_from_db()
    assert sponsorship.status == "rejected"
    message = mail.outbox[0]
    assert message.subject == "Ձեր հովանավորության դիմումը չի ընդունվել"
    assert "We could not confirm the council's resolution." in message.body
    assert "Պատճառը՝" in message.body
    assert soup(client.get("/en/prisoners/aram/")).select(".sponsor") == []


def test_an_unlisted_sponsor_is_counted_but_not_named(client, make_prisoner):
    page = make_prisoner(title="Quiet Support", slug="quiet")
    SponsorshipFactory(
        campaign_key=page.get_parent().translation_key,
        prisoner_key=page.translation_key,
        consent_to_list=False,
        name="Secret Council",
    )
    html = client.get("/en/prisoners/quiet/").content.decode()
    assert "Secret Council" not in html
    assert "The sponsors of this person prefer not to be named." in html
    assert "1 sponsor" in html


def test_group_sponsors_appear_on_the_wall(client, prisoner_indexes):
    index = prisoner_indexes["en"]
    SponsorshipFactory(campaign_key=index.translation_key, prisoner_key=None, name="Group Friend")
    SponsorshipFactory(
        campaign_key=index.translation_key, prisoner_key=None, name="Waiting NGO", status="pending"
    )
    wall = soup(client.get("/fr/prisoners/")).select_one(".group-sponsorship")
    text = wall.get_text(" ", strip=True)
    assert "Group Friend" in text and "Waiting NGO" not in text
    assert "1 parrain soutient le groupe entier." in text


def test_editors_can_enter_a_sponsorship_received_by_post(
    admin_client, aram, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("sponsorships:add"),
            {
                "status": "approved",
                "rejection_reason": "",
                "prisoner": aram.pk,
                "sponsor_type": "region",
                "name": "Example Region",
                "country": "FR",
                "city": "Exampleton",
                "website": "",
                "statement": "",
                "consent_to_list": "on",
                "contact_person": "Paul",
                "email": "region@example.org",
                "language": "fr",
            },
        )
    assert response.status_code == 302, soup(response).select(".error-message")
    sponsorship = Sponsorship.objects.get()
    assert sponsorship.prisoner_key == aram.translation_key
    assert mail.outbox[0].subject == "Votre parrainage de Aram Exemple est approuvé"


# --- The private proof document ---------------------------------------------------------------


def test_only_editors_download_the_proof(visitor, admin_client, aram, forms_open):
    client = visitor
    client.post(sponsor_url(aram), application(proof=pdf_upload()))
    sponsorship = Sponsorship.objects.get()
    url = reverse("prisoners_sponsorship_proof", args=[sponsorship.pk])

    edit_page = admin_client.get(reverse("sponsorships:edit", args=[sponsorship.pk]))
    assert url in edit_page.content.decode()

    response = admin_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")

    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    with pytest.raises(ValueError):
        sponsorship.proof.url  # noqa: B018 - a private file has no public URL


def test_a_name_only_person_can_be_sponsored(client, make_prisoner, forms_open):
    page = make_prisoner(
        title="Named Only", slug="named", consent=Consent.NAME_ONLY, visibility=Visibility.NAME_ONLY
    )
    assert client.post(sponsor_url(page), application()).status_code == 302


def test_the_dashboard_shows_applications_waiting(admin_client, prisoner_index):
    SponsorshipFactory.create_batch(
        2, campaign_key=prisoner_index.translation_key, status="pending"
    )
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "2 sponsorship applications wait for a decision." in html
    assert reverse("sponsorships:index") + "?status=pending" in html


def test_the_language_switcher_keeps_the_visitor_on_the_form(client, aram):
    document = soup(client.get(sponsor_url(aram, "fr")))
    links = {a["hreflang"]: a["href"] for a in document.select(".language-switcher a")}
    assert links["hy"] == sponsor_url(aram, "hy")
    armenian = soup(client.get(links["hy"]))
    assert armenian.h1.get_text(strip=True) == "Հովանավորել Արամ Օրինակ-ին"


def test_deleting_an_application_deletes_its_proof(client, aram, forms_open):
    client.post(sponsor_url(aram), application(proof=pdf_upload()))
    sponsorship = Sponsorship.objects.get()
    stored = Path(sponsorship.proof.path)
    assert stored.exists()
    sponsorship.delete()
    assert not stored.exists()


def test_the_decision_email_leaves_from_the_worker(visitor, aram, forms_open, decide, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    visitor.post(sponsor_url(aram, "fr"), application())
    sponsorship = Sponsorship.objects.get()

    decide(sponsorship, status="approved")
    assert mail.outbox == []  # the editor's request sent nothing itself
    queued = DBTaskResult.objects.filter(task_path__endswith=".deliver_email")
    assert queued.count() == 1

    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    assert [message.to for message in mail.outbox] == [["mairie@example.org"]]


@pytest.mark.parametrize(
    ("status", "reason"), [("released", "has been released"), ("died", "died in custody")]
)
def test_no_form_for_someone_who_cannot_be_sponsored(
    client, make_prisoner, forms_open, status, reason
):
    page = make_prisoner(title="Free Person", slug="free", status=status, released_on="2025-01-10")
    response = client.get(sponsor_url(page))
    assert response.status_code == 410
    document = soup(response)
    assert document.find("form", attrs={"method": "post"}) is None
    assert f"Free Person {reason}" in document.get_text(" ", strip=True)
    assert document.find("a", href=page.url)

    french = soup(client.get(sponsor_url(page, "fr"))).get_text(" ", strip=True)
    assert "ne sont plus acceptées" in french

    assert client.post(sponsor_url(page), application()).status_code == 410
    assert not Sponsorship.objects.exists()


def test_an_application_sends_a_receipt_and_tells_the_reviewers(
    client, aram, forms_open, django_capture_on_commit_callbacks, django_user_model
):
    from django.contrib.auth.models import Group

    reviewers = Group.objects.create(name="Sponsorship reviewers")
    reviewer = django_user_model.objects.create_user("rev", "reviewer@example.org", "x")
    reviewer.groups.add(reviewers)
    django_user_model.objects.create_superuser("boss", "boss@example.org", "x")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sponsor_url(aram, "fr"), application())
    assert response.status_code == 302
    sponsorship = Sponsorship.objects.get()
    receipt, review = mail.outbox
    assert receipt.to == ["mairie@example.org"]
    assert "Aram Exemple" in receipt.subject and "Nous avons reçu" in receipt.subject
    assert "Claire Martin" in receipt.body
    assert review.to == ["reviewer@example.org"]  # the group, not every superuser
    assert "City of Exampleville" in review.subject
    assert reverse("sponsorships:edit", args=[sponsorship.pk]) in review.body
    assert "mairie@example.org" not in review.body


def test_without_reviewers_the_superusers_hear_of_applications(
    client, aram, forms_open, django_capture_on_commit_callbacks, django_user_model
):
    django_user_model.objects.create_superuser("boss", "boss@example.org", "x")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sponsor_url(aram), application())
    assert [message.to for message in mail.outbox] == [["mairie@example.org"], ["boss@example.org"]]


def test_an_approved_sponsor_prints_a_certificate_in_their_language(
    visitor, admin_client, aram, forms_open, decide
):
    import re

    from prisoners.certificates import certificate_token

    visitor.post(sponsor_url(aram, "fr"), application())
    sponsorship = Sponsorship.objects.get()
    # Not before the approval.
    pending_link = reverse(
        "prisoners_sponsor_certificate", kwargs={"token": certificate_token(sponsorship)}
    )
    assert visitor.get(pending_link).status_code == 404
    edit_page = admin_client.get(reverse("sponsorships:edit", args=[sponsorship.pk]))
    certificate_admin_url = reverse("prisoners_sponsorship_certificate", args=[sponsorship.pk])
    assert certificate_admin_url not in edit_page.content.decode()

    decide(sponsorship, status="approved")
    link = re.search(r"https?://\S+/certificate/\S+/", mail.outbox[0].body).group(0)
    assert "/fr/prisoners/sponsor/certificate/" in link

    # Opened from an English browser, it stays in the sponsor's language.
    response = visitor.get(link.replace("/fr/", "/en/", 1))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("private")
    document = soup(response)
    assert document.html["lang"] == "fr"
    assert document.h1.get_text(strip=True) == "Certificat de parrainage"
    text = document.get_text(" ", strip=True)
    assert "City of Exampleville" in text and "Aram Exemple" in text
    assert "mairie@example.org" not in text and "Claire Martin" not in text
    assert document.find("link", href=re.compile(r"certificate\.css"))

    assert visitor.get(link[:-3] + "xx/").status_code == 404  # a forged token

    # Editors open the same certificate from the sponsorship's screen.
    edit_page = admin_client.get(reverse("sponsorships:edit", args=[sponsorship.pk]))
    assert certificate_admin_url in edit_page.content.decode()
    from_admin = soup(admin_client.get(certificate_admin_url))
    assert from_admin.h1.get_text(strip=True) == "Certificat de parrainage"
    assert Client().get(certificate_admin_url).status_code == 302

    # A person hidden since is not named, even to the holder of the link.
    aram.prisoner.visibility = Visibility.COUNTED
    aram.prisoner.save()
    hidden = soup(visitor.get(link)).get_text(" ", strip=True)
    assert "Aram" not in hidden and "City of Exampleville" in hidden


def test_receipts_queued_by_an_older_version_go_through_the_one_mail_queue(
    aram, settings, django_capture_on_commit_callbacks
):
    from campaign_site.models import UndeliveredEmail
    from prisoners.notifications import application_emails_task

    sponsorship = SponsorshipFactory(
        email="late@example.org",
        prisoner_key=aram.translation_key,
        campaign_key=aram.get_parent().translation_key,
    )
    settings.EMAIL_BACKEND = "tests.test_undelivered_emails.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        application_emails_task.enqueue(sponsorship.pk)
    # Nobody reviews (no group, no superuser with an address): only the receipt is due.
    assert list(UndeliveredEmail.objects.values_list("kind", flat=True)) == [
        "prisoners.sponsorship_receipt"
    ]
