"""Emails to sponsorship applicants, in the language they applied in."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

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
        }
        subject = render_to_string("prisoners/email/decision_subject.txt", context)
        body = render_to_string("prisoners/email/decision_body.txt", context)
    return " ".join(subject.split()), body


def notify_applicant(sponsorship):
    """Email the decision (approved or rejected) to the applicant."""
    if sponsorship.status == Sponsorship.Status.PENDING:
        return
    subject, body = decision_email(sponsorship)
    send_mail(subject, body, None, [sponsorship.email])
