"""Prisoner settings, each with a default; override any of them in Django settings."""

from django.conf import settings

DEFAULTS = {
    # Page types a prisoner index may be created under ("app_label.ModelName"), or
    # None for any: the app does not know which page types the site composes.
    "PRISONERS_INDEX_PARENT_PAGE_TYPES": None,
    # The sponsorship form must be at least this old when sent (bots post at once)
    # and at most this old (a page left open over a weekend still works).
    "PRISONERS_SPONSOR_FORM_MIN_SECONDS": 3,
    "PRISONERS_SPONSOR_FORM_MAX_AGE": 3 * 24 * 3600,
    # django-ratelimit rates ("count/period"): per client address (one or more
    # windows) and per email address.
    "PRISONERS_SPONSOR_IP_RATES": ("10/h",),
    "PRISONERS_SPONSOR_EMAIL_RATE": "5/d",
    # Letters of support: the same kind of rules as sponsorships, a little looser
    # (a visitor may write to several people in one visit).
    "PRISONERS_LETTER_FORM_MIN_SECONDS": 3,
    "PRISONERS_LETTER_FORM_MAX_AGE": 7 * 24 * 3600,
    "PRISONERS_LETTER_IP_RATES": ("10/h", "30/d"),
    "PRISONERS_LETTER_EMAIL_RATE": "10/d",
    # The Django Group emailed about each new sponsorship application (its active
    # members with an email address); with nobody in it, the superusers are.
    "PRISONERS_SPONSORSHIP_REVIEWERS_GROUP": "Sponsorship reviewers",
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
