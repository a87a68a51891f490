"""Prisoner profiles, the index that lists and counts them, and sponsorships.

What the public may see of a profile is decided in one place,
`prisoners.visibility`; read its docstring before adding a way out.
Facts shared by every language (dates, statuses, categories, consent,
visibility, the photo) live once per person on `Prisoner`, which every
translation of a profile points at; sponsorships are keyed on a profile's
`translation_key` so they count the same in every language.

    index_page.py        PrisonerIndexPage: the list, its figures, the group's sponsors
    prisoner.py          Prisoner: one person's facts, shared by every language, and its
                         dated rows (DetentionEvent: ICRC visits, transfers)
    profile_page.py      PrisonerPage: one person's profile in one language
    profile_children.py  a profile's timeline and sources
    querysets.py         queries over profiles (visibility, sponsors, language)
    sponsorship.py       Sponsorship, keyed on translation keys
    letter.py            Letter: a visitor's letter of support to one person
    moderation.py        Moderated: what letters and sponsorships share (status, decision)
"""

from ..cards import CARD_PHOTO
from ..context import PROFILE_PHOTO
from ..facts import CAPTIVITY_ENDED, STILL_HELD, Answer, Category, Status, searchable_text
from .index_page import PrisonerIndexPage
from .letter import Letter, LetterQuerySet
from .prisoner import FACTS, DetentionEvent, Prisoner
from .profile_children import ProfileSource, TimelineEvent
from .profile_page import PrisonerPage
from .querysets import PrisonerPageManager, PrisonerPageQuerySet
from .sponsorship import (
    Sponsorship,
    SponsorshipQuerySet,
    SponsorType,
    default_language,
    language_choices,
)

__all__ = [
    "CAPTIVITY_ENDED",
    "CARD_PHOTO",
    "DetentionEvent",
    "FACTS",
    "PROFILE_PHOTO",
    "STILL_HELD",
    "Answer",
    "Category",
    "Letter",
    "LetterQuerySet",
    "PrisonerIndexPage",
    "Prisoner",
    "PrisonerPage",
    "PrisonerPageManager",
    "PrisonerPageQuerySet",
    "ProfileSource",
    "SponsorType",
    "Sponsorship",
    "SponsorshipQuerySet",
    "Status",
    "TimelineEvent",
    "default_language",
    "language_choices",
    "searchable_text",
]
