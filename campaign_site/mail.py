"""Every email leaves from the task worker, and none is lost quietly.

Each feature registers its kinds of email once (`register`): a function that sends
the email about one object, raising when the mail server fails, and one that tells
editors whom it is for. `send_later(kind, pk)` queues it (after the current
transaction commits). When the worker's attempt fails (refused, or no answer within
EMAIL_TIMEOUT), the email is recorded as undelivered and tried again later, further
apart each time (RETRY_DELAYS); after the last attempt it waits for an editor, who
sees every undelivered email under Reports and sends it again from there.

Nothing personal is stored or logged here: the record names the kind and the
object, and the error's type and SMTP code, never an address or a message.

Code outside the project writes emails too (Wagtail's password reset, its moderation
notices to editors). EMAIL_BACKEND is `QueueBackend`: whatever is sent with Django's
mail functions outside a kind is kept as a `QueuedEmail` (the only place an email's
text and addresses wait, all staff's own, until it is sent) and goes the same way.
The worker hands every email to EMAIL_DELIVERY_BACKEND (SMTP in production).

Undelivered emails are not kept for ever (`forget_expired`, run by the daily retention
job, `manage.py petitions_apply_retention`): one still undelivered
CAMPAIGN_UNDELIVERED_EMAIL_DAYS after it was queued or first failed is deleted, with its
text and addresses; one whose content expires sooner (a password reset link, after
PASSWORD_RESET_TIMEOUT: `valid_for`) is never sent after that and deleted by the same job.
"""

import base64
import contextlib
import contextvars
import dataclasses
import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

logger = logging.getLogger(__name__)

#: Waits between the worker's attempts; after the last one, an editor decides.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
)


@dataclasses.dataclass(frozen=True)
class EmailKind:
    name: str
    label: str
    #: send(pk): send the email about object `pk`; False when there is nothing to send
    #: (the person confirmed, was erased...); raises when the mail server fails.
    send: object
    #: recipient(pk): the address, for editors; None once the object is gone.
    recipient: object
    #: Editors need this permission to see these emails and send them again.
    permission: str


_kinds = {}


def register(name, *, label, send, recipient, permission):
    _kinds[name] = EmailKind(name, label, send, recipient, permission)


def kind(name):
    return _kinds[name]


def kinds():
    return list(_kinds.values())


def send_later(kind_name, pk):
    """Queue the email `kind_name` about object `pk` once the transaction commits."""
    kind(kind_name)  # an unknown kind fails here, in the caller's request, not in the worker
    transaction.on_commit(lambda: deliver_email.enqueue(kind_name, str(pk)))


def send_with_transaction(kind_name, pk):
    """Queue the email `kind_name` about object `pk` in the current transaction, when
    the task queue is in the same database: the email is stored with the change it is
    about, or not at all, and its commit is the change's (one fewer per signature).
    A queue elsewhere (the tests' immediate backend) gets it after the commit."""
    from django_tasks_db import DatabaseBackend

    kind(kind_name)
    backend = deliver_email.get_backend()
    if isinstance(backend, DatabaseBackend) and transaction.get_connection().in_atomic_block:
        deliver_email.enqueue(kind_name, str(pk))
    else:
        send_later(kind_name, pk)


def send_many_with_transaction(kind_name, pks):
    """`send_with_transaction` for many objects at once: with the task queue in this
    database, their tasks are stored with one INSERT, in the current transaction (what
    the queue's own `enqueue` stores, a row at a time). Elsewhere, one at a time."""
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.compat import normalize_json
    from django_tasks_db.models import DBTaskResult, get_date_max

    kind(kind_name)
    pks = [str(pk) for pk in pks]
    backend = deliver_email.get_backend()
    if not (isinstance(backend, DatabaseBackend) and transaction.get_connection().in_atomic_block):
        for pk in pks:
            send_later(kind_name, pk)
        return
    task = deliver_email
    DBTaskResult.objects.bulk_create(
        DBTaskResult(
            id=backend._get_id(),  # noqa: SLF001 - the id the queue would give
            args_kwargs=normalize_json({"args": [kind_name, pk], "kwargs": {}}),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            # What the queue's pre_save signal (which bulk_create skips) sets for "now".
            run_after=task.run_after or get_date_max(),
            backend_name=backend.alias,
        )
        for pk in pks
    )


def queued(kind_name):
    """Ids of the objects whose email `kind_name` waits in the task queue or is being
    sent now (as strings); empty when the queue is not in this database."""
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    if not isinstance(deliver_email.get_backend(), DatabaseBackend):
        return set()
    waiting = DBTaskResult.objects.filter(
        task_path=deliver_email.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
        args_kwargs__args__0=kind_name,
    )
    return set(waiting.values_list("args_kwargs__args__1", flat=True))


def describe_error(error):
    """What went wrong, without the server's reply text (which may repeat the address):
    the type and SMTP code, or the connection problem ("timed out", "refused")."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _message in error.recipients.values()})
        return f"{type(error).__name__} {','.join(str(code) for code in codes)}"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{type(error).__name__} {error.smtp_code}"
    reason = str(error)
    return f"{type(error).__name__}: {reason}" if reason else type(error).__name__


def _record_failure(kind_name, pk, error):
    from campaign_site.models import UndeliveredEmail

    now = timezone.now()
    try:
        with transaction.atomic():
            record, _created = UndeliveredEmail.objects.get_or_create(
                kind=kind_name,
                object_id=pk,
                defaults={"first_failed_at": now, "last_failed_at": now},
            )
    except IntegrityError:  # recorded at the same moment by another worker
        record = UndeliveredEmail.objects.get(kind=kind_name, object_id=pk)
    record.attempts += 1
    record.last_failed_at = now
    record.error = describe_error(error)[:255]
    record.next_attempt_at = None
    if record.attempts <= len(RETRY_DELAYS) and deliver_email.get_backend().supports_defer:
        record.next_attempt_at = now + RETRY_DELAYS[record.attempts - 1]
    record.save()
    if record.next_attempt_at:
        deliver_email.using(run_after=record.next_attempt_at).enqueue(kind_name, pk, retry=True)
    return record


# A person waits for these emails (a confirmation link, a decision): they go ahead of
# Wagtail's indexing and purges (priority 0) however long that queue grows.
@task(priority=50)
def deliver_email(kind_name, pk, retry=False):
    """Send one email; on failure, record it and schedule the next attempt."""
    from campaign_site.models import UndeliveredEmail

    pending = UndeliveredEmail.objects.filter(kind=kind_name, object_id=pk)
    if retry and not pending.exists():
        return False  # an editor's resend got there first
    delivering = _delivering.set(True)
    try:
        sent = kind(kind_name).send(pk)
    except Exception as error:  # noqa: BLE001 - any failure of the mail server is retried
        record = _record_failure(kind_name, pk, error)
        # Neither the address nor the message: the error's type says enough.
        logger.warning(
            "Email %s about %s not sent (%s), attempt %s",
            kind_name,
            pk,
            record.error,
            record.attempts,
        )
        return False
    finally:
        _delivering.reset(delivering)
    pending.delete()
    return bool(sent)


def undelivered_email_days():
    return getattr(settings, "CAMPAIGN_UNDELIVERED_EMAIL_DAYS", 14)


def forget_expired(now=None, *, dry_run=False):
    """The one retention rule of emails: delete what can no longer be delivered usefully.

    An email queued, or first failing, more than CAMPAIGN_UNDELIVERED_EMAIL_DAYS ago, and
    a queued email past its `expires_at` (a password reset link). Its record leaves the
    Undelivered emails report, its pending retries find nothing to send. Returns how many
    emails were forgotten; logs only that number.
    """
    from campaign_site.models import QueuedEmail, UndeliveredEmail

    now = now or timezone.now()
    cutoff = now - timedelta(days=undelivered_email_days())
    queued = QueuedEmail.objects.filter(
        models.Q(expires_at__lte=now) | models.Q(created_at__lte=cutoff)
    )
    queued_ids = [str(pk) for pk in queued.values_list("pk", flat=True)]
    undelivered = UndeliveredEmail.objects.filter(
        models.Q(first_failed_at__lte=cutoff)
        | models.Q(kind=MESSAGE_EMAIL, object_id__in=queued_ids)
    )
    forgotten = set(undelivered.values_list("kind", "object_id"))
    forgotten |= {(MESSAGE_EMAIL, pk) for pk in queued_ids}
    if not dry_run:
        with transaction.atomic():
            undelivered.delete()
            # The expired messages, and any whose record was forgotten for its age.
            QueuedEmail.objects.filter(
                pk__in=[int(pk) for kind_name, pk in forgotten if kind_name == MESSAGE_EMAIL]
            ).delete()
        if forgotten:
            logger.info("Forgot %s undelivered or expired email(s)", len(forgotten))
    return len(forgotten)


def resend(record):
    """An editor sends an undelivered email again: queued now, retried as before."""
    record.next_attempt_at = timezone.now()
    record.save(update_fields=["next_attempt_at"])
    send_later(record.kind, record.object_id)


# --- Emails written by code outside the project -------------------------------------

#: True while the worker sends an email of a kind: then it really leaves.
_delivering = contextvars.ContextVar("campaign_mail_delivering", default=False)

#: How long what is queued now stays valid (None: until it is sent or forgotten).
_valid_for = contextvars.ContextVar("campaign_mail_valid_for", default=None)


@contextlib.contextmanager
def valid_for(duration):
    """Emails queued inside expire after `duration` (a timedelta): never sent later,
    deleted by `forget_expired`. The password reset view is wrapped in it."""
    token = _valid_for.set(duration)
    try:
        yield
    finally:
        _valid_for.reset(token)


MESSAGE_EMAIL = "campaign_site.message"


class QueueBackend(BaseEmailBackend):
    """EMAIL_BACKEND: an email sent outside the worker is queued (a `QueuedEmail`),
    one sent by the worker leaves through EMAIL_DELIVERY_BACKEND."""

    def send_messages(self, email_messages):
        if _delivering.get():
            connection = get_connection(
                settings.EMAIL_DELIVERY_BACKEND, fail_silently=self.fail_silently
            )
            if isinstance(connection, QueueBackend):
                raise ImproperlyConfigured("EMAIL_DELIVERY_BACKEND must send, not queue.")
            return connection.send_messages(email_messages)
        from campaign_site.models import QueuedEmail

        queued = 0
        lifetime = _valid_for.get()
        expires_at = timezone.now() + lifetime if lifetime is not None else None
        for message in email_messages:
            if not message.recipients():
                continue
            record = QueuedEmail.objects.create(message=_to_json(message), expires_at=expires_at)
            send_later(MESSAGE_EMAIL, record.pk)
            queued += 1
        return queued


def _to_json(message):
    def encoded(content):
        data = content.encode() if isinstance(content, str) else content
        return base64.b64encode(data).decode("ascii")

    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [list(part) for part in getattr(message, "alternatives", [])],
        "attachments": [
            [name, encoded(content), mimetype]
            for name, content, mimetype in (
                part for part in message.attachments if isinstance(part, tuple)
            )
        ],
    }


def _from_json(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for name, content, mimetype in data["attachments"]:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


def send_queued(pk):
    """Send a queued email and forget it; False when it is gone (sent already)."""
    from campaign_site.models import QueuedEmail

    record = QueuedEmail.objects.filter(pk=int(pk)).first()
    if record is None:
        return False
    if record.expires_at is not None and record.expires_at <= timezone.now():
        record.delete()  # a reset link that no longer works: nothing worth sending
        return False
    _from_json(record.message).send()
    record.delete()
    return True


def _queued_recipients(pk):
    from campaign_site.models import QueuedEmail

    record = QueuedEmail.objects.filter(pk=int(pk)).first()
    return ", ".join(record.message["to"]) if record else None


register(
    MESSAGE_EMAIL,
    label=_("Staff email (password reset, moderation notice)"),
    send=send_queued,
    recipient=_queued_recipients,
    permission="auth.change_user",
)
