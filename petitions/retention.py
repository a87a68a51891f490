"""How long signers' personal data are kept: the one retention rule.

A petition keeps its signers' names, emails, postcodes and comments while it is
open, and for `retention_months` after it closes (PETITIONS_RETENTION_MONTHS,
six months, when the petition sets none). Then `petitions.retention_tasks` erases
them. The sign form and the confirmation email tell signers when (`erasure_notice`).
No model is imported here, so pages and emails can ask without import cycles.
"""

import calendar
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import conf


def add_months(day, months):
    """`day` plus `months` calendar months; the 31st becomes the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def retention_months(petition):
    if petition.retention_months is not None:
        return petition.retention_months
    return conf.get("PETITIONS_RETENTION_MONTHS")


def erasure_date(petition):
    """The day the signers' personal data are erased; None while the petition is open."""
    if petition.is_open or petition.closed_at is None:
        return None
    closed_on = timezone.localdate(petition.closed_at)
    return add_months(closed_on, retention_months(petition))


def erasure_notice(petition):
    """What signers are told, in the active language: a date once the petition has closed,
    the period after closing while it is open."""
    day = erasure_date(petition)
    if day is not None:
        return _(
            "Your name, email address, postcode and comment will be erased on %(date)s. "
            "The count and your country stay."
        ) % {"date": date_format(day, "DATE_FORMAT")}
    months = retention_months(petition)
    return ngettext(
        "Your name, email address, postcode and comment will be erased %(months)s month "
        "after the petition closes. The count and your country stay.",
        "Your name, email address, postcode and comment will be erased %(months)s months "
        "after the petition closes. The count and your country stay.",
        months,
    ) % {"months": months}
