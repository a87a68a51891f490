"""Petition settings, each with a default; override any of them in Django settings."""

from django.conf import settings

DEFAULTS = {
    # A form must be at least this old when sent (bots post at once) and at most
    # this old (pages may be served from a cache, so be generous).
    "PETITIONS_FORM_MIN_SECONDS": 2,
    "PETITIONS_FORM_MAX_AGE": 7 * 24 * 3600,
    # How long a confirmation link works.
    "PETITIONS_CONFIRMATION_MAX_AGE": 60 * 24 * 3600,
    # django-ratelimit rates ("count/period", period s, m, h or d, e.g. "30/10m").
    # Per IP, several windows; a stall at an event shares one IP, so stay generous.
    "PETITIONS_IP_RATES": ("30/10m", "300/d"),
    "PETITIONS_EMAIL_RATE": "5/h",
    # One reminder to unconfirmed signers, this many hours after the confirmation
    # email, and only for signatures younger than PETITIONS_REMINDER_MAX_AGE_DAYS.
    "PETITIONS_REMINDER_AFTER_HOURS": 24,
    "PETITIONS_REMINDER_MAX_AGE_DAYS": 14,
    # A signer who signs again while unconfirmed gets the confirmation email again,
    # at most once in this many minutes (so nobody can flood an inbox).
    "PETITIONS_RESEND_AFTER_MINUTES": 60,
    # The page form and the widget hand signatures to Redis, stored in batches by
    # `manage.py petitions_store_signatures` (petitions.intake), when the default cache is
    # Redis; False: each is stored in the signer's request (as without Redis).
    "PETITIONS_ACCEPT_IN_BATCHES": True,
    # How many of the latest signers the page shows.
    "PETITIONS_RECENT_SIGNERS": 10,
    # Where editors may create petition pages ("app_label.ModelName" page types);
    # None: anywhere. The site composing this app names its own home page type.
    "PETITIONS_PARENT_PAGE_TYPES": None,
    # The page type ("app_label.ModelName") of an index of the people the campaign
    # fights for, linked from the petition page in the visitor's language; None: no link.
    "PETITIONS_PEOPLE_INDEX_PAGE_TYPE": None,
    # The page types ("app_label.ModelName") editors may name as the people a petition
    # is for; their cards show on the petition and the petition on their pages. Empty:
    # petitions name nobody. The site composing this app names its profile page type.
    "PETITIONS_SUBJECT_PAGE_TYPES": (),
    # Signers' personal data (names, emails, postcodes, comments) are erased this many
    # months after a petition closes, unless the petition sets its own period; editors
    # are warned this many days before.
    "PETITIONS_RETENTION_MONTHS": 6,
    "PETITIONS_RETENTION_WARNING_DAYS": 30,
    # The PDF delivery pack lists at most this many named signers (laying out a name
    # takes about a millisecond); the printable page lists them all.
    "PETITIONS_PACK_PDF_MAX_NAMES": 5000,
    # Where uploaded import files wait between their preview and the import (never
    # served by URL); None: the folder `<MEDIA_ROOT>-private/` beside MEDIA_ROOT.
    "PETITIONS_PRIVATE_ROOT": None,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
