"""Emails about sponsorships: to applicants in the language they applied in, and to
the group that reviews applications.

Each one (the receipt, the reviewers' email, the decision) leaves from the task worker
(campaign_site.mail), which retries it and lists it for editors when it cannot be sent.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from campaign_site import mail
from campaign_site.models import email_sender, site_identity

from . import conf
from .certificates import certificate_url
from .models import Sponsorship


def decision_email(sponsorship):
    """(subject, body) of the email telling the applicant about the decision."""
    with translation.override(sponsorship.language):
        target = sponsorship.prisoner_page(locale=sponsorship.language)
        index = sponsorship.index_page(locale=sponsorship.language)
        shown_on = target or index
        context = {
            "sponsorship": sponsorship,
            "approved": sponsorship.status == Sponsorship.Status.APPROVED,
            "prisoner_name": target.title if target else None,
            "url": shown_on.get_full_url() if shown_on and shown_on.live else "",
            "listed": sponsorship.consent_to_list,
            "site_name": site_identity(sponsorship.language).name,
        }
        if context["approved"]:
            context["certificate_url"] = certificate_url(sponsorship)
        subject = render_to_string("prisoners/email/decision_subject.txt", context)
        body = render_to_string("prisoners/email/decision_body.txt", context)
    return " ".join(subject.split()), body


DECISION_EMAIL = "prisoners.sponsorship_decision"


def send_decision(sponsorship_pk):
    """Email the decision as it stands now; False when there is none (back to pending)."""
    sponsorship = Sponsorship.objects.filter(pk=sponsorship_pk).first()
    if sponsorship is None or sponsorship.status == Sponsorship.Status.PENDING:
        return False
    subject, body = decision_email(sponsorship)
    send_mail(subject, body, email_sender(sponsorship.language), [sponsorship.email])
    return True


mail.register(
    DECISION_EMAIL,
    label=_("Sponsorship: decision"),
    send=lambda pk: send_decision(int(pk)),
    recipient=lambda pk: _applicant_address(pk),
    permission="prisoners.change_sponsorship",
)


def notify_applicant(sponsorship):
    """Queue the email of the decision (approved or rejected) to the applicant."""
    if sponsorship.status == Sponsorship.Status.PENDING:
        return
    mail.send_later(DECISION_EMAIL, sponsorship.pk)


def _render(template, context):
    subject = render_to_string(f"prisoners/email/{template}_subject.txt", context)
    body = render_to_string(f"prisoners/email/{template}_body.txt", context)
    return " ".join(subject.split()), body


def receipt_email(sponsorship):
    """(subject, body) of the receipt sent to the applicant when the application arrives."""
    with translation.override(sponsorship.language):
        target = sponsorship.prisoner_page(locale=sponsorship.language)
        return _render(
            "receipt",
            {
                "sponsorship": sponsorship,
                "prisoner_name": target.title if target else None,
                "site_name": site_identity(sponsorship.language).name,
            },
        )


def review_url(sponsorship):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "sponsorships:edit", args=[sponsorship.pk]
    )


def reviewers():
    """Addresses of the reviewers: the active members of the group named by
    PRISONERS_SPONSORSHIP_REVIEWERS_GROUP, else (no such group, or nobody in it)
    the active superusers, so that no application waits unseen."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    members = users.filter(groups__name=conf.get("PRISONERS_SPONSORSHIP_REVIEWERS_GROUP"))
    chosen = members if members.exists() else users.filter(is_superuser=True)
    return sorted(set(chosen.values_list("email", flat=True)))


def reviewers_email(sponsorship):
    """(subject, body) telling reviewers a new application waits, with the review link.
    In the site's default language; no contact details, only what is needed to decide."""
    with translation.override(settings.LANGUAGE_CODE):
        return _render(
            "review",
            {
                "sponsorship": sponsorship,
                "target": sponsorship.target_display(),
                "review_url": review_url(sponsorship),
            },
        )


RECEIPT_EMAIL = "prisoners.sponsorship_receipt"
REVIEW_EMAIL = "prisoners.sponsorship_review"


def send_receipt(sponsorship_pk):
    """Email the applicant that the application arrived; False once it is gone."""
    sponsorship = Sponsorship.objects.filter(pk=sponsorship_pk).first()
    if sponsorship is None:
        return False
    subject, body = receipt_email(sponsorship)
    send_mail(subject, body, email_sender(sponsorship.language), [sponsorship.email])
    return True


def send_review(sponsorship_pk):
    """Email the reviewers that an application waits; False when nobody can be told
    or the application is gone."""
    sponsorship = Sponsorship.objects.filter(pk=sponsorship_pk).first()
    addresses = reviewers()
    if sponsorship is None or not addresses:
        return False
    subject, body = reviewers_email(sponsorship)
    send_mail(subject, body, email_sender(settings.LANGUAGE_CODE), addresses)
    return True


def _applicant_address(pk):
    return Sponsorship.objects.filter(pk=int(pk)).values_list("email", flat=True).first()


mail.register(
    RECEIPT_EMAIL,
    label=_("Sponsorship: receipt"),
    send=lambda pk: send_receipt(int(pk)),
    recipient=_applicant_address,
    permission="prisoners.change_sponsorship",
)
mail.register(
    REVIEW_EMAIL,
    label=_("Sponsorship: new application, to the reviewers"),
    send=lambda pk: send_review(int(pk)),
    recipient=lambda pk: (
        ", ".join(reviewers()) if Sponsorship.objects.filter(pk=int(pk)).exists() else None
    ),
    permission="prisoners.change_sponsorship",
)


def application_received(sponsorship):
    """Queue the receipt and the reviewers' email once the application is saved."""
    mail.send_later(RECEIPT_EMAIL, sponsorship.pk)
    mail.send_later(REVIEW_EMAIL, sponsorship.pk)


# Only for tasks queued by an earlier version of the site, still waiting in the
# database queue: they go the one way every email goes now.
@task(priority=50)
def application_emails_task(sponsorship_pk):
    if not Sponsorship.objects.filter(pk=sponsorship_pk).exists():
        return False
    mail.send_later(RECEIPT_EMAIL, sponsorship_pk)
    mail.send_later(REVIEW_EMAIL, sponsorship_pk)
    return True
