"""Retention: signers' personal data are erased a set time after a petition closes, with
counts, countries and dates kept; signers are told when, editors are warned first."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry

from petitions.models import Erasure, Petition, PetitionStatus, Signature
from petitions.retention import add_months, erasure_date, erasure_notice
from petitions.retention_tasks import ERASE_ACTION, retention_task, run_retention
from petitions.signing import sign
from tests.factories import UserFactory

from .factories import add_signatures, make_petition, signer, translate

pytestmark = pytest.mark.django_db


def close(petition, *, days_ago, months=None):
    """Close `petition` as if it had closed `days_ago` days ago."""
    petition.status = PetitionStatus.CLOSED
    petition.retention_months = months
    petition.save()
    Petition.objects.filter(pk=petition.pk).update(
        closed_at=timezone.now() - timedelta(days=days_ago)
    )
    petition.refresh_from_db()
    return petition


def test_months_are_calendar_months():
    assert add_months(date(2026, 1, 15), 6) == date(2026, 7, 15)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 1), 1) == date(2027, 1, 1)
    assert add_months(date(2026, 3, 10), 0) == date(2026, 3, 10)


def test_closing_starts_the_period_and_reopening_stops_it(petition_page, settings):
    petition = petition_page.petition
    assert petition.closed_at is None and erasure_date(petition) is None
    petition.status = PetitionStatus.WON
    petition.save()
    assert petition.closed_at is not None
    assert erasure_date(petition) == add_months(timezone.localdate(petition.closed_at), 6)
    settings.PETITIONS_RETENTION_MONTHS = 12
    assert erasure_date(petition) == add_months(timezone.localdate(petition.closed_at), 12)
    petition.status = PetitionStatus.OPEN
    petition.save()
    assert petition.closed_at is None


def test_editors_set_the_period_on_the_page_for_every_translation(petition_page):
    petition_page.retention_months = 3
    petition_page.save_revision().publish()
    assert Petition.objects.get(pk=petition_page.petition.pk).retention_months == 3


def test_the_sign_form_says_when_data_are_erased_in_the_visitors_language(client, petition_page):
    french = translate(petition_page, "fr", title="Libérez les prisonniers")
    english = BeautifulSoup(client.get(petition_page.url).content, "html.parser")
    notice = english.select_one(".sign-form .retention-notice").get_text(strip=True)
    assert "erased 6 months after the petition closes" in notice
    french_page = BeautifulSoup(client.get(french.url).content, "html.parser")
    notice_fr = french_page.select_one(".sign-form .retention-notice").get_text(strip=True)
    assert "effacés 6 mois après la clôture de la pétition" in notice_fr

    petition = petition_page.petition
    petition.retention_months = 1
    petition.save()
    english = BeautifulSoup(client.get(petition_page.url).content, "html.parser")
    assert "1 month after" in english.select_one(".retention-notice").get_text()


def test_the_confirmation_email_says_when_and_a_closed_petition_gives_a_date(
    petition_page, mail_on_commit
):
    translate(petition_page, "hy", title="Ազատություն գերիներին")
    with mail_on_commit():
        sign(petition_page, signer(), source="page", language="hy")
    message = mail.outbox[0]
    assert "խնդրագրի փակվելուց 6 ամիս անց" in message.body
    assert "խնդրագրի փակվելուց 6 ամիս անց" in message.alternatives[0][0]

    petition = close(petition_page.petition, days_ago=10, months=2)
    day = erasure_date(petition)
    with translation.override("fr"):
        assert erasure_notice(petition) == (
            "Vos nom, adresse e-mail, code postal et commentaire seront effacés le "
            f"{date_format(day, 'DATE_FORMAT')}. Le décompte et votre pays restent."
        )


def editor_with(*codenames, email):
    user = UserFactory(email=email)
    group = Group.objects.create(name=f"group-{user.username}")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="petitions", codename__in=codenames)
    )
    user.groups.add(group)
    return user


def test_data_are_erased_when_the_period_is_over_and_counts_stay(home_pages, settings):
    expired = make_petition(home_pages["en"], title="Expired").petition
    recent = make_petition(home_pages["en"], title="Recent").petition
    still_open = make_petition(home_pages["en"], title="Open").petition
    for petition in (expired, recent, still_open):
        add_signatures(petition, 2, country="AM")
        sign(
            petition,
            signer(postcode="75001", comment="Free them", named_consent=True),
            source="import",
            language="fr",
            confirmed=True,
        )
    close(expired, days_ago=200)  # six months are over
    close(recent, days_ago=30)
    counts_before = expired.counts()
    dates_before = sorted(expired.signatures.values_list("created_at", flat=True))

    done = run_retention()
    assert done["erased"] == {expired.pk: 3}
    kept = expired.signatures.all()
    assert kept.count() == 3
    assert set(kept.values_list("first_name", "last_name", "email", "postcode", "comment")) == {
        ("", "", "", "", "")
    }
    assert not kept.filter(named_consent=True).exists()
    assert sorted(kept.values_list("created_at", flat=True)) == dates_before
    assert sorted(kept.values_list("country", flat=True)) == ["AM", "AM", "FR"]
    assert expired.counts() == counts_before
    for other in (recent, still_open):
        assert not other.signatures.filter(erased_at__isnull=False).exists()

    erasure = Erasure.objects.get()
    assert erasure.petition == expired and erasure.signatures_erased == 3
    assert erasure.erased_by is None and "Retention period over" in erasure.reference
    entry = ModelLogEntry.objects.get(action=ERASE_ACTION)
    assert entry.object_id == str(expired.pk) and entry.data["signatures_erased"] == 3
    expired.refresh_from_db()
    assert expired.personal_data_erased_at is not None

    assert run_retention()["erased"] == {}  # once only
    assert Erasure.objects.count() == 1

    # Reopened, it gathers new signers; closed again, their data go in turn.
    expired.status = PetitionStatus.OPEN
    expired.save()
    assert expired.personal_data_erased_at is None and expired.closed_at is None
    add_signatures(expired, 1)
    close(expired, days_ago=200)
    assert run_retention()["erased"] == {expired.pk: 1}
    assert not expired.signatures.exclude(email="").exists()


def test_editors_are_warned_a_month_before_once(
    home_pages, admin_client, admin_user, django_capture_on_commit_callbacks
):
    admin_user.email = "admin@example.org"
    admin_user.save()
    exporter = editor_with("export_signature", email="exporter@example.org")
    editor_with("view_signature", email="viewer@example.org")
    petition = make_petition(home_pages["en"], title="Closing soon").petition
    add_signatures(petition, 1)
    close(petition, days_ago=170)  # erased in about two weeks

    with django_capture_on_commit_callbacks(execute=True):  # sent by the worker
        done = run_retention()
    assert done == {
        "warned": [petition.pk],
        "erased": {},
        "emails_forgotten": 0,
        "imports_forgotten": 0,
    }
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["admin@example.org", exporter.email]
    day = erasure_date(petition)
    assert f"will be erased on {date_format(day, 'DATE_FORMAT')}" in mail.outbox[0].subject
    assert (
        "Closing soon" in mail.outbox[0].body and "6 months after it closed" in mail.outbox[0].body
    )
    assert Signature.objects.filter(erased_at__isnull=True).count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        run_retention()
    assert len(mail.outbox) == 2  # warned once

    dashboard = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")
    panel = dashboard.select_one("#petitions-retention-content, #petitions-retention")
    assert panel is not None and "Closing soon" in dashboard.get_text()
    assert date_format(day, "DATE_FORMAT") in dashboard.get_text()


def test_an_undelivered_warning_is_retried_listed_and_moot_once_erased(
    home_pages, admin_user, settings, django_capture_on_commit_callbacks
):
    from campaign_site import mail as campaign_mail
    from campaign_site.models import UndeliveredEmail

    admin_user.email = "admin@example.org"
    admin_user.save()
    petition = make_petition(home_pages["en"], title="Closing soon").petition
    add_signatures(petition, 1)
    close(petition, days_ago=170)
    settings.EMAIL_BACKEND = "tests.test_undelivered_emails.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        run_retention()
    record = UndeliveredEmail.objects.get()
    assert record.kind == "petitions.retention_warning" and "@" not in record.object_id
    label = campaign_mail.kind(record.kind)
    assert label.recipient(record.object_id) == "admin@example.org"

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        campaign_mail.resend(record)
    assert [message.to for message in mail.outbox] == [["admin@example.org"]]
    assert not UndeliveredEmail.objects.exists()

    # Once the data are gone, a late retry has nothing to warn about.
    close(petition, days_ago=200)
    run_retention()
    assert campaign_mail.deliver_email.call(record.kind, record.object_id) is False
    assert len(mail.outbox) == 1


def test_the_command_and_the_task_apply_the_rule(home_pages, capsys):
    petition = make_petition(home_pages["en"]).petition
    add_signatures(petition, 2)
    close(petition, days_ago=40, months=1)

    call_command("petitions_apply_retention", "--dry-run")
    assert "Would erase the personal data of 2 signature(s)" in capsys.readouterr().out
    assert not Signature.objects.filter(erased_at__isnull=False).exists()

    result = retention_task.enqueue()
    assert result.return_value == {
        "warned": [],
        "erased": {str(petition.pk): 2},
        "emails_forgotten": 0,
        "imports_forgotten": 0,
    }
    assert Signature.objects.filter(erased_at__isnull=False).count() == 2


def test_partners_forms_read_the_notice_in_the_widgets_api(client, petition_page):
    """A partner signing through the API shows its signers what the page's form says."""
    translate(petition_page, "fr", title="Libérez les prisonniers")
    url = f"/api/widgets/petitions/{petition_page.pk}"
    labels = client.get(url, {"lang": "fr"}).json()["labels"]
    assert "effacés 6 mois après la clôture de la pétition" in labels["retention_notice"]

    petition = close(petition_page.petition, days_ago=10, months=2)
    with translation.override("en"):
        day = date_format(erasure_date(petition), "DATE_FORMAT")
    labels = client.get(url, {"lang": "en"}).json()["labels"]
    assert f"will be erased on {day}" in labels["retention_notice"]
    schema = client.get("/api/widgets/openapi.json").json()
    assert "retention_notice" in schema["components"]["schemas"]["Labels"]["properties"]
