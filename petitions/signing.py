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
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from campaign_site import mail
from campaign_site.abuse import ClientMeta, normalize_email, rate_limited
from campaign_site.localization import localized_page
from campaign_site.models import email_sender, site_identity
from campaign_site.render_cache import remember

from . import conf, intake
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
from .retention import erasure_notice

logger = logging.getLogger(__name__)

__all__ = [
    "Outcome",
    "accept",
    "SigningResult",
    "SignatureSource",
    "confirm",
    "erase_person",
    "erase_petition_signers",
    "invalidate",
    "RATE_LIMITED_MESSAGE",
    "refused_attempt_limited",
    "restore",
    "send_confirmation",
    "send_due_emails",
    "sign",
    "store_accepted",
]


class Outcome(StrEnum):
    SIGNED = "signed"  # a new signature; a confirmation email is on its way unless confirmed
    # Taken by `accept`: stored by the worker within about a second, the email then
    # (or, if this email had signed, what `_answer_repeat_signer` decides).
    ACCEPTED = "accepted"
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
        return self.outcome in (Outcome.SIGNED, Outcome.ALREADY_SIGNED, Outcome.ACCEPTED)

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
#: What every way of signing answers an address past its limits.
RATE_LIMITED_MESSAGE = _(
    "Too many signatures were sent from here in a short time. Please try again later."
)


def _ip_limited(meta):
    """Count this attempt against the client address; every attempt counts, valid or not."""
    if not meta:
        return False
    return rate_limited(meta, RATE_LIMIT_GROUP, ip_rates=conf.get("PETITIONS_IP_RATES"))


def refused_attempt_limited(meta):
    """Count a sign attempt the caller refused before `accept` or `sign` saw it (its
    origin, its proof of work, its form or token, a honeypot) against the client address,
    by the rule above: every attempt counts. True when the address is over its limits,
    so the caller answers "too many" (429) instead of its own refusal."""
    return _ip_limited(meta)


def _limited(meta, email_normalized):
    """A valid submission: counted against its address and its mailbox in one go (one
    round trip to Redis)."""
    return rate_limited(
        meta or ClientMeta(),
        RATE_LIMIT_GROUP,
        ip_rates=conf.get("PETITIONS_IP_RATES") if meta else (),
        email=email_normalized,
        email_rate=conf.get("PETITIONS_EMAIL_RATE"),
    )


# --- the tally -----------------------------------------------------------------


#: Attempts at a shard of one's own before waiting for a held one.
TALLY_ATTEMPTS = 3


def _adjust_tally(petition_id, changes):
    """Apply {(country, confirmed): delta} to the tally, inside the caller's transaction.

    Each change goes to a row of that country and confirmation that no other
    transaction holds (SKIP LOCKED), or to a new one when all are held
    (SignatureTally): concurrent signers never wait for each other's commit. Where the
    database cannot skip locked rows (SQLite, whose writers take turns anyway), to the
    first row. Rows are touched in a fixed order, so that two transactions that do
    wait never wait on each other's rows in opposite orders.
    """
    normalised = Counter()
    for (country, confirmed), delta in changes.items():
        normalised[(str(country or ""), bool(confirmed))] += delta
    for (country, confirmed), delta in sorted(normalised.items()):
        if delta:
            _add_to_tally(petition_id, country, confirmed, delta)


def _add_to_tally(petition_id, country, confirmed, delta):
    rows = SignatureTally.objects.filter(
        petition_id=petition_id, country=country, confirmed=confirmed
    )
    increment = {"count": F("count") + delta}
    skip_locked = connection.features.has_select_for_update_skip_locked
    for _attempt in range(TALLY_ATTEMPTS):
        first = rows.order_by("shard")
        if skip_locked:
            first = first.select_for_update(skip_locked=True)
        if SignatureTally.objects.filter(pk__in=first.values("pk")[:1]).update(**increment):
            return
        # No row yet, or every row held by a transaction still running: one more.
        last = rows.aggregate(last=Max("shard"))["last"]
        shard = 0 if last is None else last + 1
        try:
            with transaction.atomic():
                SignatureTally.objects.create(
                    petition_id=petition_id,
                    country=country,
                    confirmed=confirmed,
                    shard=shard,
                    count=delta,
                )
            return
        except IntegrityError:
            continue  # another transaction added that shard meanwhile
    # Still nothing: wait for the first row, as every signature did before shards.
    rows.filter(pk__in=rows.order_by("shard").values("pk")[:1]).update(**increment)


# --- signing -------------------------------------------------------------------


def validate(petition, data, *, source, form=None):
    """Validate `data` with the shared form; (cleaned data, errors).

    `form`: the caller's own bound SignatureForm (the page's or the widget's) for this
    petition, built with the rules of `source`; its validation is used instead of
    building and running the same form a second time.
    """
    imported = source == SignatureSource.IMPORT
    rules = {"require_country": not imported, "keep_optional": imported}
    if form is None:
        form = SignatureForm(data=data, petition=petition, **rules)
    elif not (
        isinstance(form, SignatureForm)
        and form.is_bound
        and form.built_for == (petition.pk, rules["require_country"], rules["keep_optional"])
    ):
        raise ValueError("The form given was not built for this petition and source.")
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
    form=None,
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
    `form` is the caller's bound SignatureForm holding `data`, validated once (see
    `validate`).

    The signature, its tally and its confirmation email (queued for the worker) are
    stored in one transaction: all three or none.
    """
    refusal, signature = _checked_signature(
        petition,
        data,
        source=source,
        language=language,
        meta=meta,
        partner_ref=partner_ref,
        form=form,
        consent_texts=consent_texts,
        confirmed=confirmed,
        created_at=created_at,
        import_batch=import_batch,
    )
    if refusal:
        return refusal
    return _store_one(signature.petition, signature, notify=notify)


def _checked_signature(
    petition,
    data,
    *,
    source,
    language,
    meta,
    partner_ref="",
    form=None,
    consent_texts=None,
    confirmed=False,
    created_at=None,
    import_batch=None,
):
    """The one gate of `sign` and `accept`: (a refusal, None), or (None, the unsaved
    Signature to store).

    Refused: a closed petition; data the form rejects; past the rate limits, where every
    attempt counts against the client address, and a valid one against its mailbox too
    (one round trip). Imports are not limited.
    """
    petition = resolve_petition(petition)
    if not petition.is_open:
        return SigningResult(Outcome.CLOSED, petition), None
    limited = source != SignatureSource.IMPORT
    with translation.override(language):
        cleaned, errors = validate(petition, data, source=source, form=form)
        if errors:
            if limited and _ip_limited(meta):
                return SigningResult(Outcome.RATE_LIMITED, petition), None
            return SigningResult(Outcome.INVALID, petition, errors=errors), None
        wording = consent_texts or default_consent_texts()
    if limited and _limited(meta, normalize_email(cleaned["email"])):
        return SigningResult(Outcome.RATE_LIMITED, petition), None
    return None, build_signature(
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


def _store_one(petition, signature, *, notify):
    """Store one signature now: (SIGNED or ALREADY_SIGNED) SigningResult."""
    confirmed = signature.confirmed_at is not None
    try:
        with transaction.atomic():
            signature.save(force_insert=True)
            if notify and not confirmed:
                mail.send_with_transaction(CONFIRMATION_EMAIL, signature.pk)
            # Last: every signer of a country updates one tally row, which stays locked
            # until the commit; nothing else waits behind it.
            _adjust_tally(petition.pk, {(signature.country, confirmed): 1})
    except IntegrityError:
        signature.pk = None
        _answer_repeat_signer(petition, signature.email_normalized, notify=notify)
        return SigningResult(Outcome.ALREADY_SIGNED, petition)
    return SigningResult(Outcome.SIGNED, petition, signature=signature)


def accept(petition, data, *, source, language, meta, partner_ref="", form=None):
    """Sign from a public form (the page, the widget), built for a crowd.

    What must be answered now is checked now: the petition is open, the data valid
    (`form`, as `sign` takes it), the address and the mailbox under their rate limits
    (one round trip). The signature is then handed to the worker (`petitions.intake`,
    one XADD): Outcome.ACCEPTED, stored within about a second by `store_accepted` with
    its tally and confirmation email. Without that stream (no Redis, or Redis down)
    it is stored at once, as `sign` does: SIGNED or ALREADY_SIGNED.

    Callers answer ACCEPTED, SIGNED and ALREADY_SIGNED alike ("check your inbox"), so
    nobody learns from the form whether an address has signed.
    """
    refusal, signature = _checked_signature(
        petition,
        data,
        source=source,
        language=language,
        meta=meta,
        partner_ref=partner_ref,
        form=form,
    )
    if refusal:
        return refusal
    if intake.append(signature):
        return SigningResult(Outcome.ACCEPTED, signature.petition)
    return _store_one(signature.petition, signature, notify=True)


def store_accepted(signatures):
    """Store the unsaved signatures `accept` handed to the worker, in one transaction:
    the new ones with one INSERT, the tally once per petition and country, their
    confirmation emails queued with one INSERT. Returns the signatures stored.

    A signature whose mailbox has signed that petition (before, or earlier in the
    batch) is counted once: nothing is stored, and the signer gets the confirmation
    link again if `_answer_repeat_signer` says so. So storing a batch twice (a worker
    that died before it acknowledged) stores, counts and emails nothing the second time.
    A signature that cannot be stored (its petition deleted meanwhile) is dropped.
    """
    first = {}
    for signature in signatures:
        first.setdefault((signature.petition_id, signature.email_normalized), signature)
    with transaction.atomic():
        stored = _insert_new(list(first.values()))
        mail.send_many_with_transaction(CONFIRMATION_EMAIL, [s.pk for s in stored])
        # Last: the tally rows stay locked until the commit (as in _store_one).
        _apply_changes(Counter((s.petition_id, s.country, False) for s in stored))
    # Repeat signers after the commit: their queries never hold the tally's locks.
    new = {(s.petition_id, s.email_normalized) for s in stored}
    for petition_id, email_normalized in sorted(first.keys() - new):
        _answer_repeat_signer(petition_id, email_normalized, notify=True)
    return stored


def _insert_new(signatures):
    """INSERT those of `signatures` whose (petition, mailbox) has not signed; the stored.

    One SELECT and one INSERT; when another transaction stored one of them meanwhile
    (the database refuses the INSERT), one at a time."""
    # A petition deleted since (one nobody had signed yet): its signers cannot be stored.
    # Checked first, as the database checks references only when the batch commits.
    petitions = set(
        Petition.objects.filter(pk__in={s.petition_id for s in signatures}).values_list(
            "pk", flat=True
        )
    )
    signatures = [s for s in signatures if s.petition_id in petitions]
    if not signatures:
        return []
    by_petition = {}
    for signature in signatures:
        by_petition.setdefault(signature.petition_id, []).append(signature.email_normalized)
    signed = Q()
    for petition_id, emails in by_petition.items():
        signed |= Q(petition_id=petition_id, email_normalized__in=emails)
    existing = set(Signature.objects.filter(signed).values_list("petition_id", "email_normalized"))
    fresh = [s for s in signatures if (s.petition_id, s.email_normalized) not in existing]
    try:
        with transaction.atomic():
            Signature.objects.bulk_create(fresh)
        return fresh
    except IntegrityError:
        pass
    stored = []
    for signature in fresh:
        signature.pk = None
        try:
            with transaction.atomic():
                signature.save(force_insert=True)
        except IntegrityError:
            continue
        stored.append(signature)
    return stored


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


def _answer_repeat_signer(petition, email_normalized, *, notify):
    """Someone signs again with a mailbox that has signed `petition` (a Petition or its pk).

    The form told them, as it tells everyone, that an email is on its way, so one is: the
    confirmation link again while the signature is unconfirmed, else a note that it already
    counts. Either at most once an hour (`PETITIONS_RESEND_AFTER_MINUTES`), so a flood of
    repeats sends nothing more. Nothing goes to an invalidated or erased signature.
    """
    if not notify:
        return
    minutes = conf.get("PETITIONS_RESEND_AFTER_MINUTES")
    threshold = timezone.now() - timedelta(minutes=minutes)
    signed = Signature.objects.filter(
        petition=petition,
        email_normalized=email_normalized,
        invalidated_at__isnull=True,
        erased_at__isnull=True,
    )
    pending = signed.filter(confirmed_at__isnull=True, confirmation_sent_at__lt=threshold)
    for pk in pending.values_list("pk", flat=True):
        # Claim the resend first, so simultaneous attempts send one email, not several.
        claimed = Signature.objects.filter(pk=pk, confirmation_sent_at__lt=threshold).update(
            confirmation_sent_at=timezone.now()
        )
        if claimed:
            mail.send_later(CONFIRMATION_EMAIL, pk)
    for pk in signed.filter(confirmed_at__isnull=False).values_list("pk", flat=True):
        # cache.add claims atomically (Redis SET NX, or the database cache when Redis is down).
        if cache.add(f"petitions:already-counted:{pk}", True, timeout=minutes * 60):
            mail.send_later(ALREADY_COUNTED_EMAIL, pk)


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


#: The kinds of email petitions send (campaign_site.mail): the worker sends them,
#: retries them, and lists those it could not send for editors.
CONFIRMATION_EMAIL = "petitions.confirmation"
REMINDER_EMAIL = "petitions.reminder"
ALREADY_COUNTED_EMAIL = "petitions.already_counted"


def _petition_link(petition, language):
    """(title, public URL) of the petition's page in `language` (or the best other), for
    emails; ("title", "") without a public page. Finding the translation the public may
    see was half of each email's cost: kept until the content changes (render_cache)."""

    def build():
        # A plain Page (title, URL) is all an email needs: loading every translation's
        # body cost a third of a signature.
        page = localized_page(petition.page, Locale.objects.filter(language_code=language).first())
        return (page.title, page.full_url) if page else (petition.title, "")

    return remember("petition-email-link", build, vary=(petition.pk, language))


def send_confirmation(signature_pk, *, reminder=False):
    """Email the confirmation link in the signer's language.

    True if sent, False when there is nothing to send (confirmed, invalidated or
    erased since); raises when the mail server fails, for the worker to retry.
    """
    signature = (
        Signature.objects.select_related("petition")  # the page only when not kept
        .filter(pk=signature_pk, confirmed_at=None, erased_at=None, invalidated_at=None)
        .first()
    )
    if signature is None:
        return False
    title, url = _petition_link(signature.petition, signature.language)
    with translation.override(signature.language):
        context = {
            "signature": signature,
            "first_name": signature.first_name,
            "petition_title": title,
            "petition_url": url,
            "confirm_url": confirmation_url(signature),
            "reminder": reminder,
            "retention_notice": erasure_notice(signature.petition),
            "site_name": site_identity(signature.language).name,
        }
        subject = render_to_string("petitions/email/confirm_subject.txt", context).strip()
        text = render_to_string("petitions/email/confirm.txt", context)
        html = render_to_string("petitions/email/confirm.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(line.strip() for line in subject.splitlines()),
        body=text,
        from_email=email_sender(signature.language),
        to=[signature.email],
    )
    message.attach_alternative(html, "text/html")
    message.send()
    stamp = {"reminder_sent_at" if reminder else "confirmation_sent_at": timezone.now()}
    Signature.objects.filter(pk=signature.pk).update(**stamp)
    return True


def send_already_counted(signature_pk):
    """Tell a confirmed signer, in their language, that signing again changed nothing.

    True if sent, False when there is nothing to tell (erased or invalidated since)."""
    signature = (
        Signature.objects.select_related("petition")
        .filter(pk=signature_pk, erased_at=None, invalidated_at=None)
        .exclude(confirmed_at=None)
        .first()
    )
    if signature is None:
        return False
    title, url = _petition_link(signature.petition, signature.language)
    with translation.override(signature.language):
        context = {
            "first_name": signature.first_name,
            "petition_title": title,
            "petition_url": url,
            "site_name": site_identity(signature.language).name,
        }
        subject = render_to_string("petitions/email/already_counted_subject.txt", context)
        text = render_to_string("petitions/email/already_counted.txt", context)
    EmailMultiAlternatives(
        subject=" ".join(line.strip() for line in subject.splitlines() if line.strip()),
        body=text,
        from_email=email_sender(signature.language),
        to=[signature.email],
    ).send()
    return True


def _signer_address(signature_pk):
    return (
        Signature.objects.filter(pk=signature_pk, erased_at=None)
        .values_list("email", flat=True)
        .first()
    )


mail.register(
    CONFIRMATION_EMAIL,
    label=_("Petition: confirmation link"),
    send=lambda pk: send_confirmation(int(pk)),
    recipient=lambda pk: _signer_address(int(pk)),
    permission="petitions.view_signature",
)
mail.register(
    ALREADY_COUNTED_EMAIL,
    label=_("Petition: signature already counted"),
    send=lambda pk: send_already_counted(int(pk)),
    recipient=lambda pk: _signer_address(int(pk)),
    permission="petitions.view_signature",
)
mail.register(
    REMINDER_EMAIL,
    label=_("Petition: reminder to confirm"),
    send=lambda pk: send_confirmation(int(pk), reminder=True),
    recipient=lambda pk: _signer_address(int(pk)),
    permission="petitions.view_signature",
)


def send_due_emails(now=None, *, dry_run=False):
    """For cron: queue confirmation emails that never left, and one reminder a day later.

    The worker sends them (campaign_site.mail), retrying failures. Each reminder is
    claimed with a conditional UPDATE before it is queued, so two runs at once never
    queue it twice, and nobody ever gets a second reminder.
    Returns {"confirmations": n, "reminders": n}.
    """
    from campaign_site.models import UndeliveredEmail

    now = now or timezone.now()
    unconfirmed = Signature.objects.filter(
        confirmed_at=None,
        erased_at=None,
        invalidated_at=None,
        petition__status="open",
        source__in=[SignatureSource.PAGE, SignatureSource.WIDGET, SignatureSource.API],
        created_at__gte=now - timedelta(days=conf.get("PETITIONS_REMINDER_MAX_AGE_DAYS")),
    )
    queued = {"confirmations": 0, "reminders": 0}

    # The first email never left, and the worker is neither retrying it nor still to
    # send it (behind on a busy day, or stopped): queued again, it would go twice.
    retrying = UndeliveredEmail.objects.filter(
        kind=CONFIRMATION_EMAIL, next_attempt_at__isnull=False
    ).values_list("object_id", flat=True)
    waiting = {*retrying, *mail.queued(CONFIRMATION_EMAIL)}
    failed = unconfirmed.filter(
        confirmation_sent_at=None, created_at__lte=now - timedelta(minutes=10)
    ).exclude(pk__in=[int(pk) for pk in waiting])
    for pk in failed.values_list("pk", flat=True):
        if not dry_run:
            mail.send_later(CONFIRMATION_EMAIL, pk)
        queued["confirmations"] += 1

    due = unconfirmed.filter(
        reminder_sent_at=None,
        confirmation_sent_at__lte=now - timedelta(hours=conf.get("PETITIONS_REMINDER_AFTER_HOURS")),
    )
    for pk in due.values_list("pk", flat=True):
        if dry_run:
            queued["reminders"] += 1
            continue
        claimed = Signature.objects.filter(pk=pk, reminder_sent_at=None).update(
            reminder_sent_at=now
        )
        if claimed:
            mail.send_later(REMINDER_EMAIL, pk)
            queued["reminders"] += 1
    return queued


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
        erased = _erase_personal_data(find_person(email))
        return Erasure.objects.create(erased_by=user, reference=reference, signatures_erased=erased)


def erase_petition_signers(petition, *, reference=""):
    """Erase the personal data of every signer of `petition` (its retention period is
    over), as `erase_person` does for one person: counts, countries and dates stay.

    Returns the `Erasure` record, which names the petition and says how many.
    """
    petition = resolve_petition(petition)
    with transaction.atomic():
        erased = _erase_personal_data(Signature.objects.filter(petition=petition))
        return Erasure.objects.create(
            petition=petition, reference=reference, signatures_erased=erased
        )


def _erase_personal_data(signatures):
    """Wipe names, email, postcode, comment and consents; the rows and counts stay.

    One UPDATE, not a list of ids: a petition's signers may be more than SQLite
    accepts as query parameters."""
    return signatures.filter(erased_at=None).update(
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


# --- imports from another platform ------------------------------------------------

IMPORT_CHUNK = 500


def import_signatures(
    petition, rows, *, user=None, file_name="", treat_as_confirmed=True, log=None
):
    """Add signatures gathered on another platform, deduplicated by email.

    `rows` yields `petitions.imports.ImportRow`s. Each row is validated with the
    same rules as a signature from the page (country may be missing); a row
    whose email already signed, here or earlier in the file, is merged into that
    signature (counted once); a row that fails is rejected with its reason.
    Chunks commit one by one, each with the import record's progress, so online
    signing never waits long and the record always says what was stored.
    `log` adds to the import record what the file's reader learnt (columns read and
    ignored, date format). Returns the `SignatureImport` record.
    """
    petition = resolve_petition(petition)
    batch = SignatureImport.objects.create(
        petition=petition,
        file_name=file_name[:255],
        imported_by=user,
        treat_as_confirmed=treat_as_confirmed,
        **(log or {}),
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
