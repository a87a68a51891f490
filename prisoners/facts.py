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
