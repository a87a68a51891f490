"""Applying the retention rule (`petitions.retention`): warn editors, then erase.

When a closed petition's retention period is over, `run_retention` erases its
signers' personal data with the erasure machinery of `petitions.signing`: the
signatures stay as anonymous rows, so counts, countries and dates do not move.
Editors who may export signers are warned by email PETITIONS_RETENTION_WARNING_DAYS
before (from the task worker, campaign_site.mail: retried, listed when undelivered),
and the dashboard lists what is about to go. Each erasure is an `Erasure` record and
an entry in Wagtail's audit log (Reports › Site history).

Run it daily from cron (`manage.py petitions_apply_retention`), or enqueue
`retention_task` on a django-tasks worker. The same run applies the site's email
retention (`campaign_site.mail.forget_expired`: undelivered and expired emails) and
deletes uploaded import files nobody imported within a day
(`petitions.imports.forget_stale_imports`).
"""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks import task
from wagtail.log_actions import log

from campaign_site import mail
from campaign_site.localization import account_language

from . import conf, signing
from .imports import forget_stale_imports
from .models import Petition, PetitionStatus
from .retention import erasure_date, retention_months

logger = logging.getLogger(__name__)

ERASE_ACTION = "petitions.retention_erase"


def pending_petitions():
    """Closed or won petitions whose signers' data are still kept."""
    return Petition.objects.exclude(status=PetitionStatus.OPEN).filter(
        closed_at__isnull=False, personal_data_erased_at=None
    )


def due_soon(today=None):
    """[(petition, erasure date)] of petitions whose data go within the warning period,
    soonest first (the dashboard's list and the warning emails)."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=conf.get("PETITIONS_RETENTION_WARNING_DAYS"))
    rows = [(petition, erasure_date(petition)) for petition in pending_petitions()]
    return sorted(
        ((petition, day) for petition, day in rows if day <= horizon),
        key=lambda row: (row[1], row[0].pk),
    )


def editors_to_warn():
    """Active staff who may export signers (their data are about to go), with an email."""
    permission = Permission.objects.filter(
        content_type__app_label="petitions", codename="export_signature"
    ).first()
    allowed = Q(is_superuser=True)
    if permission is not None:
        allowed |= Q(user_permissions=permission) | Q(groups__permissions=permission)
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return users.filter(allowed).distinct()


WARNING_EMAIL = "petitions.retention_warning"


def _warning_key(petition_pk, user_pk):
    return f"{petition_pk}:{user_pk}"


def _warned(key):
    """(petition, editor) of a warning's key, either None once it no longer applies:
    the data are gone, or the editor may no longer export them."""
    petition_pk, _sep, user_pk = key.partition(":")
    petition = pending_petitions().filter(pk=int(petition_pk)).first()
    user = editors_to_warn().filter(pk=int(user_pk)).select_related("wagtail_userprofile").first()
    return petition, user


def send_warning_email(key):
    """Email one editor that a petition's data go soon; False when that is moot."""
    petition, user = _warned(key)
    if petition is None or user is None:
        return False
    day = erasure_date(petition)
    if day <= timezone.localdate():
        return False  # erased by now, or about to be: too late to warn
    with translation.override(account_language(user)):
        context = {
            "petition": petition,
            "erasure_date": date_format(day, "DATE_FORMAT"),
            "months": retention_months(petition),
        }
        subject = render_to_string("petitions/email/retention_warning_subject.txt", context)
        body = render_to_string("petitions/email/retention_warning.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])
    return True


mail.register(
    WARNING_EMAIL,
    label=_("Petition: signers' data erased soon"),
    send=send_warning_email,
    recipient=lambda key: getattr(_warned(key)[1], "email", None),
    permission="petitions.export_signature",
)


def send_warning(petition, day):
    """Queue the warning that the data of `petition` go on `day` to each editor who
    may export them; how many emails were queued."""
    users = list(editors_to_warn().values_list("pk", flat=True))
    for user_pk in users:
        mail.send_later(WARNING_EMAIL, _warning_key(petition.pk, user_pk))
    return len(users)


def run_retention(now=None, *, dry_run=False):
    """Warn about petitions whose data go soon, erase those whose time has come.

    Returns {"warned": [petition pk], "erased": {petition pk: signatures erased},
    "emails_forgotten": undelivered or expired emails deleted (campaign_site.mail),
    "imports_forgotten": uploaded import files deleted unimported (petitions.imports)}.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    done = {"warned": [], "erased": {}}
    done["emails_forgotten"] = mail.forget_expired(now, dry_run=dry_run)
    done["imports_forgotten"] = forget_stale_imports(now.timestamp(), dry_run=dry_run)
    for petition, day in due_soon(today):
        if day <= today:
            done["erased"][petition.pk] = (
                petition.signatures.filter(erased_at=None).count()
                if dry_run
                else erase_expired(petition, day)
            )
        elif petition.retention_warning_sent_at is None:
            done["warned"].append(petition.pk)
            if not dry_run:
                claimed = Petition.objects.filter(
                    pk=petition.pk, retention_warning_sent_at=None
                ).update(retention_warning_sent_at=now)
                if claimed:
                    send_warning(petition, day)
    return done


def erase_expired(petition, day):
    """Erase `petition`'s signers' personal data now; record and log it. How many."""
    months = retention_months(petition)
    reference = ngettext(
        "Retention period over: closed on %(closed)s, kept %(months)s month",
        "Retention period over: closed on %(closed)s, kept %(months)s months",
        months,
    ) % {"closed": timezone.localdate(petition.closed_at).isoformat(), "months": months}
    erasure = signing.erase_petition_signers(petition, reference=reference[:100])
    Petition.objects.filter(pk=petition.pk).update(personal_data_erased_at=erasure.erased_at)
    log(
        instance=petition,
        action=ERASE_ACTION,
        data={"signatures_erased": erasure.signatures_erased, "due_on": day.isoformat()},
    )
    logger.info(
        "Retention: erased the personal data of %s signatures of petition %s",
        erasure.signatures_erased,
        petition.pk,
    )
    return erasure.signatures_erased


@task()
def retention_task():
    """`run_retention` on a django-tasks worker (cron runs the management command)."""
    done = run_retention()
    return {
        "warned": done["warned"],
        "erased": {str(k): v for k, v in done["erased"].items()},
        "emails_forgotten": done["emails_forgotten"],
        "imports_forgotten": done["imports_forgotten"],
    }
