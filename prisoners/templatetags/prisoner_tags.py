"""Wording of the days in captivity, with the plural rules of each language."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import ngettext

from prisoners.facts import CAPTIVITY_ENDED, Status

register = template.Library()


def days_phrase(status, days):
    """“1 day in captivity”, “1,234 days in captivity”… or None without a capture date."""
    if days is None:
        return None
    number = number_format(days, force_grouping=True)
    if status == Status.DISAPPEARED:
        text = ngettext("missing for %(count)s day", "missing for %(count)s days", days)
    elif status in CAPTIVITY_ENDED:
        text = ngettext("held for %(count)s day", "held for %(count)s days", days)
    else:
        text = ngettext("%(count)s day in captivity", "%(count)s days in captivity", days)
    return text % {"count": number}


@register.simple_tag
def days_in_captivity(profile):
    return days_phrase(profile.status, profile.days_in_captivity)


@register.simple_tag
def years_phrase(years):
    if years is None:
        return ""
    return ngettext("%(count)s year", "%(count)s years", years) % {
        "count": number_format(years, force_grouping=True)
    }
