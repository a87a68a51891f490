"""Email retention (campaign_site.mail.forget_expired, run by the daily retention job):
an undelivered email is deleted after CAMPAIGN_UNDELIVERED_EMAIL_DAYS, a password reset
as soon as its link has expired; never is an address or a text logged."""

import logging
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from campaign_site import mail as campaign_mail
from campaign_site.models import QueuedEmail, UndeliveredEmail
from petitions import signing
from petitions.models import Signature
from petitions.retention_tasks import run_retention
from tests.factories import SuperuserFactory
from tests.petitions.factories import make_petition, signer

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_down(settings):
    settings.EMAIL_BACKEND = "campaign_site.mail.QueueBackend"
    settings.EMAIL_DELIVERY_BACKEND = "tests.test_undelivered_emails.BrokenBackend"
    return settings


def request_password_reset(django_capture_on_commit_callbacks):
    SuperuserFactory(username="editor", email="editor@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/admin/password_reset/", {"email": "editor@example.org"})
    assert response.status_code == 302


def test_a_password_reset_goes_when_its_link_expires(
    mail_down, django_capture_on_commit_callbacks, caplog
):
    mail_down.PASSWORD_RESET_TIMEOUT = 3600
    request_password_reset(django_capture_on_commit_callbacks)
    queued = QueuedEmail.objects.get()
    assert "editor@example.org" in queued.message["to"]
    assert UndeliveredEmail.objects.filter(kind=campaign_mail.MESSAGE_EMAIL).exists()
    expected = queued.created_at + timedelta(seconds=3600)
    assert abs(queued.expires_at - expected) < timedelta(seconds=5)

    assert run_retention(queued.expires_at - timedelta(minutes=1))["emails_forgotten"] == 0
    assert QueuedEmail.objects.exists()
    with caplog.at_level(logging.DEBUG):
        done = run_retention(queued.expires_at + timedelta(seconds=1))
    assert done["emails_forgotten"] == 1
    assert not QueuedEmail.objects.exists() and not UndeliveredEmail.objects.exists()
    assert "editor@example.org" not in caplog.text
    assert "reset" not in caplog.text.lower()


def test_an_expired_reset_is_never_sent_even_when_an_editor_resends_it(
    mail_down, django_capture_on_commit_callbacks
):
    mail_down.PASSWORD_RESET_TIMEOUT = 3600
    request_password_reset(django_capture_on_commit_callbacks)
    QueuedEmail.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    record = UndeliveredEmail.objects.get()
    mail_down.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        campaign_mail.resend(record)
    assert mail.outbox == []
    assert not QueuedEmail.objects.exists() and not UndeliveredEmail.objects.exists()


def test_other_queued_emails_wait_the_settings_period(
    mail_down, django_capture_on_commit_callbacks
):
    mail_down.CAMPAIGN_UNDELIVERED_EMAIL_DAYS = 3
    with django_capture_on_commit_callbacks(execute=True):
        EmailMessage("Page submitted", "Text", None, ["moderator@example.org"]).send()
    queued = QueuedEmail.objects.get()
    assert queued.expires_at is None
    assert run_retention(queued.created_at + timedelta(days=2, hours=23))["emails_forgotten"] == 0
    assert QueuedEmail.objects.exists() and UndeliveredEmail.objects.exists()
    assert run_retention(queued.created_at + timedelta(days=3))["emails_forgotten"] == 1
    assert not QueuedEmail.objects.exists() and not UndeliveredEmail.objects.exists()


def test_a_queued_email_the_worker_never_tried_goes_too(settings):
    settings.CAMPAIGN_UNDELIVERED_EMAIL_DAYS = 14
    old = QueuedEmail.objects.create(message={"to": ["old@example.org"]})
    QueuedEmail.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=15))
    fresh = QueuedEmail.objects.create(message={"to": ["fresh@example.org"]})
    assert campaign_mail.forget_expired() == 1
    assert list(QueuedEmail.objects.all()) == [fresh]


def test_an_undelivered_confirmation_is_forgotten_the_signature_stays(
    home_pages, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.test_undelivered_emails.BrokenBackend"
    page = make_petition(home_pages["en"])
    with django_capture_on_commit_callbacks(execute=True):
        signing.sign(page, signer(email="lost@example.org"), source="page", language="en")
    record = UndeliveredEmail.objects.get()
    later = record.first_failed_at + timedelta(days=14)
    out = StringIO()
    call_command("petitions_apply_retention", "--dry-run", stdout=out)
    assert "Would delete 0 undelivered" in out.getvalue()
    assert run_retention(later - timedelta(minutes=1), dry_run=True)["emails_forgotten"] == 0
    assert run_retention(later, dry_run=True)["emails_forgotten"] == 1
    assert UndeliveredEmail.objects.exists()  # a dry run changes nothing
    assert run_retention(later)["emails_forgotten"] == 1
    assert not UndeliveredEmail.objects.exists()
    assert Signature.objects.filter(email="lost@example.org").exists()
