"""The signing service: every change to signatures and counts goes through here.

The petition page uses it now; the embedded widget, the partner API and the
CSV import call the same functions, so no rule is written twice:

    from campaign_site.abuse import ClientMeta
    from petitions.signing import sign
    result = sign(page_or_petition, data, source=SignatureSource.PAGE, language="fr",
                  meta=ClientMeta.from_request(request))
    result.outcome  # Outcome.SIGNED, ALREADY_SIGNED, INVALID, RATE_LIMITED, CLOSED

Rate limits and email normalisation are the site's one anti-abuse module's
(campaign_site.abuse), with the rates of petitions.conf.

Counting is exact: a signature and its tally row change in one transaction,
and the database's unique constraint on (petition, normalised email) decides
between concurrent duplicates. Emails leave after the transaction commits.
"""

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Locale

from campaign_site.abuse import ClientMeta, normalize_email, rate_limited
from campaign_site.localization import localized_page

from . import conf
from .confirmation import make_confirmation_token
from .forms import SignatureForm, default_consent_texts
from .models import (
    Erasure,
    Petition,
    PetitionPage,
    Signature,
    SignatureImport,
    SignatureSource,
    SignatureTally,
)

logger = logging.getLogger(__name__)

__all__ = [
    "Outcome",
    "SigningResult",
    "SignatureSource",
    "confirm",
    "erase_person",
    "invalidate",
    "restore",
    "send_confirmation",
    "send_due_emails",
    "sign",
]


class Outcome(StrEnum):
    SIGNED = "signed"  # a new signature; a confirmation email is on its way unless confirmed
    ALREADY_SIGNED = "already_signed"  # this email has signed: nothing counted
    INVALID = "invalid"  # see result.errors
    RATE_LIMITED = "rate_limited"  # too many attempts from this address or for this email
    CLOSED = "closed"  # the petition is closed or won


@dataclass
class SigningResult:
    outcome: Outcome
    petition: Petition
    signature: Signature | None = None
    # {"field": ["message", …]}; "__all__" for errors about the whole submission.
    errors: dict = field(default_factory=dict)

    @property
    def ok(self):
        return self.outcome in (Outcome.SIGNED, Outcome.ALREADY_SIGNED)

    @property
    def needs_confirmation(self):
        return self.signature is not None and self.signature.confirmed_at is None


def resolve_petition(petition_or_page):
    if isinstance(petition_or_page, Petition):
        return petition_or_page
    if isinstance(petition_or_page, PetitionPage):
        return petition_or_page.petition
    raise TypeError(f"Expected a Petition or PetitionPage, got {type(petition_or_page)!r}")


# --- rate limits ---------------------------------------------------------------

RATE_LIMIT_GROUP = "petitions.sign"


def _ip_limited(meta):
    """Count this attempt against the client address; every attempt counts, valid or not."""
    if not meta:
        return False
    return rate_limited(meta, RATE_LIMIT_GROUP, ip_rates=conf.get("PETITIONS_IP_RATES"))


def _email_limited(email_normalized):
    """Count a valid submission against its mailbox, wherever it comes from."""
    return rate_limited(
        ClientMeta(),
        RATE_LIMIT_GROUP,
        email=email_normalized,
        email_rate=conf.get("PETITIONS_EMAIL_RATE"),
    )


# --- the tally -----------------------------------------------------------------


def _adjust_tally(petition_id, changes):
    """Apply {(country, confirmed): delta} to the tally, inside the caller's transaction.

    Rows are touched in a fixed order so that two transactions never wait on
    each other's rows in opposite orders.
    """
    normalised = Counter()
    for (country, confirmed), delta in changes.items():
        normalised[(str(country or ""), bool(confirmed))] += delta
    for (country, confirmed), delta in sorted(normalised.items()):
        if not delta:
            continue
        rows = SignatureTally.objects.filter(
            petition_id=petition_id, country=country, confirmed=confirmed
        )
        if rows.update(count=F("count") + delta):
            continue
        try:
            with transaction.atomic():
                SignatureTally.objects.create(
                    petition_id=petition_id, country=country, confirmed=confirmed, count=delta
                )
        except IntegrityError:
            # Another transaction created the row meanwhile; it is committed now.
            rows.update(count=F("count") + delta)


# --- signing -------------------------------------------------------------------


def validate(petition, data, *, source):
    """Validate `data` with the shared form; (cleaned data, errors)."""
    form = SignatureForm(
        data=data, petition=petition, require_country=source != SignatureSource.IMPORT
    )
    if form.is_valid():
        return form.cleaned_data, {}
    return None, {
        name: [str(message) for message in messages] for name, messages in form.errors.items()
    }


def sign(
    petition,
    data,
    *,
    source,
    language,
    meta=None,
    partner_ref="",
    confirmed=False,
    notify=True,
    created_at=None,
    import_batch=None,
    consent_texts=None,
):
    """Sign `petition` (a Petition or any translation of its page) with `data`.

    `data` maps the fields of `petitions.forms.SignatureForm` (first_name,
    last_name, email, country, and postcode, comment, contact_consent,
    named_consent when relevant) to raw or cleaned values; it is validated here.
    `source` is a `SignatureSource`; `language` the signer's language code (emails are
    sent in it); `meta` the `campaign_site.abuse.ClientMeta` whose IP is rate-limited (imports pass
    none and are not limited); `partner_ref` attributes the signature to a
    partner. `confirmed=True` stores it as confirmed (imports of confirmed
    signers) and `notify=False` sends no email. `consent_texts` overrides the
    consent wordings stored with the signature, for callers that showed their own.
    """
    petition = resolve_petition(petition)
    if not petition.is_open:
        return SigningResult(Outcome.CLOSED, petition)
    if source != SignatureSource.IMPORT and _ip_limited(meta):
        return SigningResult(Outcome.RATE_LIMITED, petition)

    with translation.override(language):
        cleaned, errors = validate(petition, data, source=source)
        if errors:
            return SigningResult(Outcome.INVALID, petition, errors=errors)
        wording = consent_texts or default_consent_texts()

    email_normalized = normalize_email(cleaned["email"])
    if source != SignatureSource.IMPORT and _email_limited(email_normalized):
        return SigningResult(Outcome.RATE_LIMITED, petition)

    signature = build_signature(
        petition,
        cleaned,
        source=source,
        language=language,
        partner_ref=partner_ref,
        confirmed=confirmed,
        created_at=created_at,
        import_batch=import_batch,
        consent_texts=wording,
    )
    try:
        with transaction.atomic():
            signature.save(force_insert=True)
            _adjust_tally(petition.pk, {(signature.country, confirmed): 1})
    except IntegrityError:
        signature.pk = None
        _resend_if_unconfirmed(petition, email_normalized, notify=notify)
        return SigningResult(Outcome.ALREADY_SIGNED, petition)

    if notify and not confirmed:
        transaction.on_commit(lambda: confirmation_task.enqueue(signature.pk))
    return SigningResult(Outcome.SIGNED, petition, signature=signature)


def build_signature(
    petition,
    cleaned,
    *,
    source,
    language,
    partner_ref="",
    confirmed=False,
    created_at=None,
    import_batch=None,
    consent_texts,
):
    """An unsaved Signature from validated data."""
    now = timezone.now()
    return Signature(
        petition=petition,
        first_name=cleaned["first_name"].strip(),
        last_name=cleaned["last_name"].strip(),
        email=cleaned["email"],
        email_normalized=normalize_email(cleaned["email"]),
        country=cleaned.get("country") or "",
        postcode=(cleaned.get("postcode") or "").strip(),
        comment=(cleaned.get("comment") or "").strip(),
        contact_consent=bool(cleaned.get("contact_consent")),
        named_consent=bool(cleaned.get("named_consent")),
        contact_consent_text=consent_texts["contact_consent_text"],
        named_consent_text=consent_texts["named_consent_text"],
        language=language,
        source=source,
        partner_ref=partner_ref or "",
        import_batch=import_batch,
        created_at=created_at or now,
        confirmed_at=now if confirmed else None,
    )


def _resend_if_unconfirmed(petition, email_normalized, *, notify):
    """Someone signs again before confirming: send the link again, at most once an hour."""
    if not notify:
        return
    threshold = timezone.now() - timedelta(minutes=conf.get("PETITIONS_RESEND_AFTER_MINUTES"))
    pending = Signature.objects.filter(
        petition=petition,
        email_normalized=email_normalized,
        confirmed_at__isnull=True,
        invalidated_at__isnull=True,
        erased_at__isnull=True,
        confirmation_sent_at__lt=threshold,
    )
    for pk in pending.values_list("pk", flat=True):
        # Claim the resend first, so simultaneous attempts send one email, not several.
        claimed = Signature.objects.filter(pk=pk, confirmation_sent_at__lt=threshold).update(
            confirmation_sent_at=timezone.now()
        )
        if claimed:
            transaction.on_commit(lambda pk=pk: confirmation_task.enqueue(pk))


# --- confirmation ----------------------------------------------------------------


def confirm(signature_pk):
    """Confirm a signature; True if this call confirmed it, False if it already was.

    Raises Signature.DoesNotExist for an unknown or erased signature.
    """
    with transaction.atomic():
        signature = Signature.objects.select_for_update().get(pk=signature_pk, erased_at=None)
        if signature.confirmed_at is not None:
            return False
        signature.confirmed_at = timezone.now()
        signature.save(update_fields=["confirmed_at"])
        if signature.is_valid:
            _adjust_tally(
                signature.petition_id,
                {(signature.country, False): -1, (signature.country, True): 1},
            )
    return True


def confirmation_url(signature):
    with translation.override(signature.language):
        path = reverse("petitions_confirm", kwargs={"token": make_confirmation_token(signature)})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_confirmation(signature_pk, *, reminder=False):
    """Email the confirmation link in the signer's language. True if sent."""
    signature = (
        Signature.objects.select_related("petition__page")
        .filter(pk=signature_pk, confirmed_at=None, erased_at=None, invalidated_at=None)
        .first()
    )
    if signature is None:
        return False
    # A plain Page (title, URL) is all an email needs: loading every translation's body
    # cost a third of a signature.
    page = localized_page(
        signature.petition.page, Locale.objects.filter(language_code=signature.language).first()
    )
    with translation.override(signature.language):
        context = {
            "signature": signature,
            "first_name": signature.first_name,
            "petition_title": page.title if page else signature.petition.title,
            "petition_url": page.full_url if page else "",
            "confirm_url": confirmation_url(signature),
            "reminder": reminder,
        }
        subject = render_to_string("petitions/email/confirm_subject.txt", context).strip()
        text = render_to_string("petitions/email/confirm.txt", context)
        html = render_to_string("petitions/email/confirm.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(line.strip() for line in subject.splitlines()),
        body=text,
        to=[signature.email],
    )
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:  # noqa: BLE001 - never lose a signature over a mail server
        logger.exception("Could not send the confirmation email of signature %s", signature.pk)
        return False
    stamp = {"reminder_sent_at" if reminder else "confirmation_sent_at": timezone.now()}
    Signature.objects.filter(pk=signature.pk).update(**stamp)
    return True


# A signer waits for this email: it goes ahead of Wagtail's indexing and purges
# (default priority 0) however long that queue grows after an editor's publish.
@task(priority=50)
def confirmation_task(signature_pk):
    """The confirmation email as a background task (django-tasks, as Wagtail 8 uses).

    With the default immediate backend it leaves at once, after the signature's
    transaction commits; with a queue backend in TASKS, a worker sends it and the
    signer's request no longer waits for the mail server.
    """
    return send_confirmation(signature_pk)


def send_due_emails(now=None, *, dry_run=False):
    """For cron: confirmation emails that failed to leave, and one reminder a day later.

    Each signature is claimed with a conditional UPDATE before its email is sent,
    so two runs at once never send it twice, and nobody ever gets a second reminder.
    Returns {"confirmations": n, "reminders": n}.
    """
    now = now or timezone.now()
    unconfirmed = Signature.objects.filter(
        confirmed_at=None,
        erased_at=None,
        invalidated_at=None,
        petition__status="open",
        source__in=[SignatureSource.PAGE, SignatureSource.WIDGET, SignatureSource.API],
        created_at__gte=now - timedelta(days=conf.get("PETITIONS_REMINDER_MAX_AGE_DAYS")),
    )
    sent = {"confirmations": 0, "reminders": 0}

    # The first email never left (mail server down): try again after ten minutes.
    failed = unconfirmed.filter(
        confirmation_sent_at=None, created_at__lte=now - timedelta(minutes=10)
    )
    for pk in failed.values_list("pk", flat=True):
        if dry_run or send_confirmation(pk):
            sent["confirmations"] += 1

    due = unconfirmed.filter(
        reminder_sent_at=None,
        confirmation_sent_at__lte=now - timedelta(hours=conf.get("PETITIONS_REMINDER_AFTER_HOURS")),
    )
    for pk in due.values_list("pk", flat=True):
        if dry_run:
            sent["reminders"] += 1
            continue
        claimed = Signature.objects.filter(pk=pk, reminder_sent_at=None).update(
            reminder_sent_at=now
        )
        if claimed and send_confirmation(pk, reminder=True):
            sent["reminders"] += 1
    return sent


# --- editors' actions --------------------------------------------------------------


def invalidate(signatures, *, reason, user=None):
    """Invalidate signatures (a queryset or list): they stop counting and are kept.

    Returns how many were valid before.
    """
    pks = sorted(signature.pk for signature in signatures)
    with transaction.atomic():
        rows = list(
            Signature.objects.select_for_update()
            .filter(pk__in=pks, invalidated_at=None)
            .order_by("pk")
        )
        changes = {}
        for row in rows:
            key = (row.petition_id, row.country, row.confirmed_at is not None)
            changes[key] = changes.get(key, 0) - 1
        Signature.objects.filter(pk__in=[row.pk for row in rows]).update(
            invalidated_at=timezone.now(), invalidated_reason=reason[:255], invalidated_by=user
        )
        _apply_changes(changes)
    return len(rows)


def restore(signatures, *, user=None):
    """Count invalidated signatures again. Returns how many were restored."""
    pks = sorted(signature.pk for signature in signatures)
    with transaction.atomic():
        rows = list(
            Signature.objects.select_for_update()
            .filter(pk__in=pks, invalidated_at__isnull=False)
            .order_by("pk")
        )
        changes = {}
        for row in rows:
            key = (row.petition_id, row.country, row.confirmed_at is not None)
            changes[key] = changes.get(key, 0) + 1
        Signature.objects.filter(pk__in=[row.pk for row in rows]).update(
            invalidated_at=None, invalidated_reason="", invalidated_by=None
        )
        _apply_changes(changes)
    return len(rows)


def _apply_changes(changes):
    by_petition = {}
    for (petition_id, country, confirmed), delta in changes.items():
        by_petition.setdefault(petition_id, Counter())[(country, confirmed)] += delta
    for petition_id in sorted(by_petition):
        _adjust_tally(petition_id, by_petition[petition_id])


def find_person(email):
    """Signatures given with `email`, on every petition."""
    return Signature.objects.filter(email_normalized=normalize_email(email)).exclude(
        email_normalized=""
    )


def erase_person(email, *, user=None, reference=""):
    """Erase a person's data from all their signatures, on every petition.

    Names, email, postcode, comment and consents are wiped; the signatures stay
    as anonymous rows (country, date, confirmation), so the counts do not move.
    Returns the `Erasure` record, which says how many, never whose.
    """
    with transaction.atomic():
        pks = list(find_person(email).select_for_update().values_list("pk", flat=True))
        Signature.objects.filter(pk__in=pks).update(
            first_name="",
            last_name="",
            email="",
            email_normalized="",
            postcode="",
            comment="",
            contact_consent=False,
            named_consent=False,
            erased_at=timezone.now(),
        )
        return Erasure.objects.create(
            erased_by=user, reference=reference, signatures_erased=len(pks)
        )


# --- imports from another platform ------------------------------------------------

IMPORT_CHUNK = 500


def import_signatures(petition, rows, *, user=None, file_name="", treat_as_confirmed=True):
    """Add signatures gathered on another platform, deduplicated by email.

    `rows` yields `petitions.imports.ImportRow`s. Each row is validated with the
    same rules as a signature from the page (country may be missing); a row
    whose email already signed, here or earlier in the file, is merged into that
    signature (counted once); a row that fails is rejected with its reason.
    Chunks commit one by one, each with the import record's progress, so online
    signing never waits long and the record always says what was stored.
    Returns the `SignatureImport` record.
    """
    petition = resolve_petition(petition)
    batch = SignatureImport.objects.create(
        petition=petition,
        file_name=file_name[:255],
        imported_by=user,
        treat_as_confirmed=treat_as_confirmed,
    )
    labels = {name: str(field.label) for name, field in SignatureForm.base_fields.items()}
    seen = set()
    accepted = []

    def reject(number, reason):
        batch.rows_rejected += 1
        batch.rejections.append({"row": number, "reason": str(reason)})

    for row in rows:
        batch.rows_total += 1
        if row.error:
            reject(row.number, row.error)
            continue
        cleaned, errors = validate(petition, row.data, source=SignatureSource.IMPORT)
        if errors:
            reject(
                row.number,
                "; ".join(
                    f"{labels.get(name, '')}: {' '.join(messages)}".lstrip(": ")
                    for name, messages in errors.items()
                ),
            )
            continue
        key = normalize_email(cleaned["email"])
        if key in seen:
            batch.rows_merged += 1
            continue
        seen.add(key)
        accepted.append(
            build_signature(
                petition,
                cleaned,
                source=SignatureSource.IMPORT,
                language=row.language,
                confirmed=treat_as_confirmed,
                created_at=row.created_at,
                import_batch=batch,
                consent_texts=row.consent_texts,
            )
        )

    batch.save()
    for start in range(0, len(accepted), IMPORT_CHUNK):
        _store_chunk(petition, accepted[start : start + IMPORT_CHUNK], batch)
    return batch


def _store_chunk(petition, chunk, batch):
    """Store the new signatures of one chunk, and the import's progress with them."""
    existing = set(
        Signature.objects.filter(
            petition=petition, email_normalized__in=[s.email_normalized for s in chunk]
        ).values_list("email_normalized", flat=True)
    )
    fresh = [signature for signature in chunk if signature.email_normalized not in existing]
    try:
        with transaction.atomic():
            Signature.objects.bulk_create(fresh)
            _adjust_tally(
                petition.pk,
                Counter((s.country, s.confirmed_at is not None) for s in fresh),
            )
            SignatureImport.objects.filter(pk=batch.pk).update(
                rows_added=F("rows_added") + len(fresh),
                rows_merged=F("rows_merged") + len(chunk) - len(fresh),
            )
        batch.rows_added += len(fresh)
        batch.rows_merged += len(chunk) - len(fresh)
        return
    except IntegrityError:
        pass
    # Someone signed online with one of these emails meanwhile: one at a time.
    added = 0
    for signature in fresh:
        signature.pk = None
        try:
            with transaction.atomic():
                signature.save(force_insert=True)
                _adjust_tally(
                    petition.pk, {(signature.country, signature.confirmed_at is not None): 1}
                )
            added += 1
        except IntegrityError:
            continue
    SignatureImport.objects.filter(pk=batch.pk).update(
        rows_added=F("rows_added") + added, rows_merged=F("rows_merged") + len(chunk) - added
    )
    batch.rows_added += added
    batch.rows_merged += len(chunk) - added
