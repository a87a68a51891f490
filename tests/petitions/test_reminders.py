"""The reminder command: exactly who receives what, and never a second reminder."""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from petitions import signing
from petitions.models import PetitionStatus, Signature
from petitions.signing import sign

from .factories import make_petition, signer, translate

pytestmark = pytest.mark.django_db


def make(petition, name, *, hours_ago=30, sent_hours_ago=None, language="en", **fields):
    """An unconfirmed signature by `name`, signed `hours_ago`, its email sent `sent_hours_ago`."""
    result = sign(
        petition,
        signer(first_name=name, email=f"{name.lower()}@example.org"),
        source=fields.pop("source", "page"),
        language=language,
        notify=False,
    )
    now = timezone.now()
    sent = hours_ago if sent_hours_ago is None else sent_hours_ago
    Signature.objects.filter(pk=result.signature.pk).update(
        created_at=now - timedelta(hours=hours_ago),
        confirmation_sent_at=None if sent == "never" else now - timedelta(hours=sent),
        **fields,
    )
    return result.signature


def run_command():
    out = StringIO()
    # Cron runs outside any transaction: what it queues is queued at once (and, with the
    # tests' immediate task backend, sent).
    with mock.patch("campaign_site.mail.transaction.on_commit", lambda callback: callback()):
        call_command("petitions_send_reminders", stdout=out)
    return out.getvalue()


def test_exactly_the_due_signers_get_one_reminder_in_their_language(home_pages, admin_user):
    page = make_petition(home_pages["en"])
    translate(page, "fr", title="Libérez les prisonniers")
    closed = make_petition(home_pages["en"], title="Closed one")
    petition = page.petition
    now = timezone.now()

    make(petition, "Due", hours_ago=30)
    make(petition, "Dufrench", hours_ago=26, language="fr")
    make(petition, "Recent", hours_ago=2)  # emailed 2 hours ago: not yet
    make(petition, "Confirmed", hours_ago=30, confirmed_at=now)
    make(petition, "Reminded", hours_ago=50, reminder_sent_at=now - timedelta(hours=20))
    make(petition, "Old", hours_ago=24 * 20)  # older than the reminder window
    make(petition, "Imported", hours_ago=30, source="import")  # never emailed by us
    make(petition, "Neversent", hours_ago=1, sent_hours_ago="never")  # first email failed
    make(petition, "Justnow", hours_ago=0, sent_hours_ago="never")  # its email is on its way
    invalid = make(petition, "Invalid", hours_ago=30)
    signing.invalidate([invalid], reason="bot", user=admin_user)
    erased = make(petition, "Erased", hours_ago=30)
    signing.erase_person(erased.email)
    make(closed.petition, "Closedpetition", hours_ago=30)
    closed.status = PetitionStatus.CLOSED
    closed.save_revision().publish()

    output = run_command()

    received = {(message.to[0].split("@")[0], message.subject) for message in mail.outbox}
    assert received == {
        ("due", "Reminder: please confirm your signature"),
        ("dufrench", "Rappel\u00a0: veuillez confirmer votre signature"),
        ("neversent", "Please confirm your signature"),
    }
    assert "Queued 1 confirmation email(s) and 2 reminder(s) for the task worker." in output
    french = next(m for m in mail.outbox if m.to == ["dufrench@example.org"])
    assert "/fr/petitions/confirm/" in french.body
    assert "C'est le seul rappel que nous envoyons." in french.body

    # Run again, as cron will: nobody gets anything more.
    mail.outbox.clear()
    assert "Queued 0 confirmation email(s) and 0 reminder(s) for the task worker." in run_command()
    assert mail.outbox == []
    # A day later the one who got the late confirmation is reminded once, and that is all.
    Signature.objects.filter(first_name="Neversent").update(
        confirmation_sent_at=timezone.now() - timedelta(hours=25)
    )
    run_command()
    run_command()
    assert [message.to for message in mail.outbox] == [["neversent@example.org"]]


def test_dry_run_sends_nothing(petition_page):
    make(petition_page.petition, "Due", hours_ago=30)
    out = StringIO()
    call_command("petitions_send_reminders", "--dry-run", stdout=out)
    assert (
        "Would queue 0 confirmation email(s) and 1 reminder(s) for the task worker."
        in out.getvalue()
    )
    assert mail.outbox == []
    assert Signature.objects.get().reminder_sent_at is None


def test_a_mail_server_failure_loses_no_signature(petition_page, settings, mail_on_commit):
    settings.EMAIL_BACKEND = "tests.petitions.test_reminders.BrokenBackend"
    with mail_on_commit():
        result = sign(petition_page, signer(), source="page", language="en")
    signature = Signature.objects.get(pk=result.signature.pk)
    assert signature.confirmation_sent_at is None  # the command will try again

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Signature.objects.update(created_at=timezone.now() - timedelta(minutes=11))
    run_command()
    assert len(mail.outbox) == 1
    assert Signature.objects.get().confirmation_sent_at is not None


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
