"""Undelivered emails: retried further apart each time, then listed for editors, who send
them again; each editor sees only the emails their permissions allow, and no address is
kept once a person is erased."""

from datetime import timedelta
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campaign_site import mail as campaign_mail
from campaign_site.models import UndeliveredEmail
from petitions import signing
from petitions.models import Signature
from tests.factories import SuperuserFactory, UserFactory
from tests.petitions.factories import make_petition, signer

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/undelivered-emails/"


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


@pytest.fixture
def broken_mail(settings):
    settings.EMAIL_BACKEND = "tests.test_undelivered_emails.BrokenBackend"
    return settings


@pytest.fixture
def undelivered(home_pages, broken_mail, django_capture_on_commit_callbacks):
    """A signature whose confirmation email failed (the immediate backend: no retry)."""
    page = make_petition(home_pages["en"])
    with django_capture_on_commit_callbacks(execute=True):
        result = signing.sign(page, signer(email="lost@example.org"), source="page", language="en")
    broken_mail.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return result.signature


def editor_with(*permissions):
    user = UserFactory()
    group = Group.objects.create(name=f"group-{user.username}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *(
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in (name.split(".") for name in permissions)
        ),
    )
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def test_each_failure_waits_longer_then_editors_decide(home_pages, broken_mail):
    page = make_petition(home_pages["en"])
    signature = signing.sign(page, signer(), source="page", language="en", notify=False).signature
    deferred = []

    class Task:
        def __init__(self, run_after):
            self.run_after = run_after

        def enqueue(self, *args, **kwargs):
            deferred.append(self.run_after)

    task = campaign_mail.deliver_email
    backend = mock.Mock(supports_defer=True)
    with (
        mock.patch.object(type(task), "get_backend", return_value=backend),
        mock.patch.object(type(task), "using", lambda self, run_after: Task(run_after)),
    ):
        for _attempt in range(len(campaign_mail.RETRY_DELAYS) + 1):
            task.call("petitions.confirmation", str(signature.pk), retry=bool(deferred))

    record = UndeliveredEmail.objects.get()
    assert record.attempts == len(campaign_mail.RETRY_DELAYS) + 1
    assert record.next_attempt_at is None  # no more attempts: an editor decides
    waits = [later - earlier for earlier, later in zip(deferred, deferred[1:], strict=False)]
    assert all(b > a for a, b in zip(waits, waits[1:], strict=False)), "waits grow"
    assert len(deferred) == len(campaign_mail.RETRY_DELAYS)
    assert "mail server down" in record.error and "@" not in record.error


def test_editors_see_undelivered_emails_and_send_them_again(
    undelivered, django_capture_on_commit_callbacks
):
    record = UndeliveredEmail.objects.get()
    assert record.kind == "petitions.confirmation"
    assert undelivered.confirmation_sent_at is None

    editor = Client()
    editor.force_login(SuperuserFactory())
    page = BeautifulSoup(editor.get(REPORT).content, "html.parser")
    row = page.select_one("tbody tr").get_text(" ", strip=True)
    assert "Petition: confirmation link" in row and "lost@example.org" in row
    assert "ConnectionRefusedError" in row
    assert page.find("a", href=REPORT) or "Undelivered emails" in page.get_text()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("campaign_undelivered_email_resend", args=[record.pk]), follow=True
        )
    assert response.status_code == 200
    assert [message.to for message in mail.outbox] == [["lost@example.org"]]
    assert not UndeliveredEmail.objects.exists()
    assert Signature.objects.get(pk=undelivered.pk).confirmation_sent_at is not None


def test_only_editors_allowed_to_see_signers_see_their_emails(undelivered):
    nobody = editor_with()
    assert nobody.get(REPORT).status_code in (302, 403)
    record = UndeliveredEmail.objects.get()
    refused = nobody.post(reverse("campaign_undelivered_email_resend", args=[record.pk]))
    assert refused.status_code == 404
    assert mail.outbox == []

    sponsorships_only = editor_with("prisoners.change_sponsorship")
    listing = sponsorships_only.get(REPORT)
    assert listing.status_code == 200
    assert "lost@example.org" not in listing.content.decode()

    signers = editor_with("petitions.view_signature")
    assert "lost@example.org" in signers.get(REPORT).content.decode()


def test_an_erased_persons_address_leaves_the_report(undelivered, admin_user):
    signing.erase_person("lost@example.org")
    editor = Client()
    editor.force_login(admin_user)
    body = editor.get(REPORT).content.decode()
    assert "lost@example.org" not in body and "(erased)" in body
    # Sent again, there is nothing to send: the record goes, no email leaves.
    campaign_mail.deliver_email.call(
        "petitions.confirmation", UndeliveredEmail.objects.get().object_id
    )
    assert mail.outbox == [] and not UndeliveredEmail.objects.exists()


def test_cron_reminders_go_through_the_worker(home_pages, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    page = make_petition(home_pages["en"])
    signature = signing.sign(page, signer(), source="page", language="en", notify=False).signature
    Signature.objects.filter(pk=signature.pk).update(
        created_at=timezone.now() - timedelta(hours=30),
        confirmation_sent_at=timezone.now() - timedelta(hours=30),
    )
    with mock.patch("django.db.transaction.on_commit", lambda callback: callback()):
        assert signing.send_due_emails()["reminders"] == 1
    assert mail.outbox == []  # queued for the worker, not sent by cron
    queued = DBTaskResult.objects.get(task_path__endswith=".deliver_email")
    assert queued.args_kwargs["args"] == ["petitions.reminder", str(signature.pk)]


def test_an_email_written_outside_our_kinds_is_queued_and_leaves_whole(
    settings, django_capture_on_commit_callbacks
):
    """What Wagtail or Django write (HTML part, attachment, headers) reaches the mail
    server as written, from the worker; only editors who manage users see it when lost."""
    from django.core.mail import EmailMultiAlternatives

    from campaign_site.models import QueuedEmail

    settings.EMAIL_BACKEND = "campaign_site.mail.QueueBackend"
    settings.EMAIL_DELIVERY_BACKEND = "tests.test_undelivered_emails.BrokenBackend"
    written = EmailMultiAlternatives(
        "Page submitted for moderation",
        "Plain text",
        "site@example.org",
        ["moderator@example.org"],
        cc=["cc@example.org"],
        bcc=["bcc@example.org"],
        reply_to=["reply@example.org"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    written.attach_alternative("<p>HTML</p>", "text/html")
    written.attach("notes.txt", "Ա notes", "text/plain")
    with django_capture_on_commit_callbacks(execute=True):
        assert written.send() == 1
    assert QueuedEmail.objects.count() == 1
    record = UndeliveredEmail.objects.get()
    assert record.kind == "campaign_site.message"
    assert "moderator@example.org" not in sponsors_and_signers().get(REPORT).content.decode()
    assert "moderator@example.org" in editor_with("auth.change_user").get(REPORT).content.decode()

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        campaign_mail.resend(record)
    [sent] = mail.outbox
    assert (sent.subject, sent.body, sent.from_email) == (
        "Page submitted for moderation",
        "Plain text",
        "site@example.org",
    )
    assert (sent.to, sent.cc, sent.bcc, sent.reply_to) == (
        ["moderator@example.org"],
        ["cc@example.org"],
        ["bcc@example.org"],
        ["reply@example.org"],
    )
    assert sent.extra_headers == {"Auto-Submitted": "auto-generated"}
    assert [tuple(part) for part in sent.alternatives] == [("<p>HTML</p>", "text/html")]
    assert [tuple(part) for part in sent.attachments] == [("notes.txt", "Ա notes", "text/plain")]
    assert not QueuedEmail.objects.exists() and not UndeliveredEmail.objects.exists()


def sponsors_and_signers():
    return editor_with("prisoners.change_sponsorship", "petitions.view_signature")


def test_the_sites_code_sends_email_one_way_only():
    """A module that writes an email registers its kind with campaign_site.mail, so the
    email is queued by object, retried and listed (and nothing personal waits in
    QueuedEmail, which is for what Wagtail and Django write)."""
    import re
    from pathlib import Path

    from django.conf import settings

    sending = re.compile(
        r"\b(send_mail|send_mass_mail|mail_admins|mail_managers|EmailMessage|"
        r"EmailMultiAlternatives|get_connection)\b"
    )
    offenders = []
    for app in ("campaign_site", "home", "petitions", "prisoners"):
        for path in (Path(settings.BASE_DIR) / app).rglob("*.py"):
            if "settings" in path.parts or "migrations" in path.parts:
                continue
            source = path.read_text()
            if path.name != "mail.py" and sending.search(source) and "mail.register(" not in source:
                offenders.append(str(path.relative_to(settings.BASE_DIR)))
    assert offenders == []
