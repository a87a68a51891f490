"""The facts of a detention that every part of the app reads the same way.

Categories and statuses, which statuses count as "held", and the one rule of
who can be sponsored. No models here: pages, figures, forms and templates all
import this module, and it imports none of them.
"""

import unicodedata

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    PRISONER_OF_WAR = "pow", _("Prisoner of war")
    CIVILIAN = "civilian", _("Civilian")
    POLITICAL_LEADER = "political-leader", _("Political leader")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    HELD = "held", _("Held, not sentenced")
    SENTENCED = "sentenced", _("Sentenced")
    RELEASED = "released", _("Released or repatriated")
    DISAPPEARED = "disappeared", _("Forcibly disappeared")
    DIED = "died", _("Died in custody")


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Unknown")


class AppealOutcome(models.TextChoices):
    PENDING = "pending", _("Pending")
    UPHELD = "upheld", _("Sentence upheld")
    REDUCED = "reduced", _("Sentence reduced")
    INCREASED = "increased", _("Sentence increased")
    OVERTURNED = "overturned", _("Verdict overturned")
    RETRIAL = "retrial", _("Sent back for a new trial")
    DISMISSED = "dismissed", _("Appeal not admitted")


class Compliance(models.TextChoices):
    """Whether the holding state complies with an interim measure of the ECHR."""

    COMPLIES = "complies", _("Complies")
    DOES_NOT_COMPLY = "does-not-comply", _("Does not comply")
    UNKNOWN = "unknown", _("Unknown")


class ContactChannel(models.TextChoices):
    """How the family last heard from the person."""

    PHONE = "phone", _("Phone call")
    LETTER = "letter", _("Letter")
    VISIT = "visit", _("Family visit")
    VIDEO = "video", _("Video call")
    ICRC = "icrc", _("Red Cross message (via the ICRC)")
    LAWYER = "lawyer", _("Through a lawyer")
    OTHER = "other", _("Other")


class DetentionEventKind(models.TextChoices):
    """The dated rows of a person's record (prisoners.models.prisoner.DetentionEvent)."""

    ICRC_VISIT = "icrc_visit", _("ICRC visit")
    TRANSFER = "transfer", _("Transfer")


#: Statuses of people in acknowledged detention today: "held" in the figures.
STILL_HELD = frozenset({Status.HELD, Status.SENTENCED})
#: Statuses whose captivity has ended; `released_on` then closes the count of days.
CAPTIVITY_ENDED = frozenset({Status.RELEASED, Status.DIED})
#: Statuses for which a person can be sponsored: still held, or missing.
SPONSORABLE_STATUSES = STILL_HELD | {Status.DISAPPEARED}


def can_be_sponsored(status):
    """THE rule of who can be sponsored; pages and public profiles expose it to templates."""
    return status in SPONSORABLE_STATUSES


def needs_sponsor(profile):
    """A person who can be sponsored and has no approved sponsor yet."""
    return can_be_sponsored(profile.status) and not profile.sponsor_count


def searchable_text(*parts):
    """Lower-case, accent-free text, so that “Aram”, “ARAM” and “Arám” find each other.

    Done in Python because SQLite only folds the case of ASCII letters, and
    Armenian has capitals too.
    """
    text = " ".join(part for part in parts if part).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def icrc_visit_dates(events):
    """The dates of the ICRC visits among `events` (rows as dicts), oldest first: THE rule
    of which rows are visits (profile, open data, the content API, the person's file)."""
    return sorted(
        event["date"]
        for event in events
        if event.get("kind") == DetentionEventKind.ICRC_VISIT and event.get("date")
    )


def last_icrc_visit(events):
    """The date of the latest ICRC visit among `events`, or None: "last known ICRC visit"."""
    dates = icrc_visit_dates(events)
    return dates[-1] if dates else None
