"""Prisoner profiles, the index that lists and counts them, and sponsorships.

What the public may see of a profile is decided in one place,
`prisoners.visibility`; read its docstring before adding a way out.
Facts shared by every language (dates, statuses, categories, visibility) are
synchronised fields; sponsorships are keyed on a profile's `translation_key`
so they count the same in every language.

    index_page.py        PrisonerIndexPage: the list, its figures, the group's sponsors
    profile_page.py      PrisonerPage: one person
    profile_children.py  a profile's timeline and sources
    querysets.py         queries over profiles (visibility, sponsors, language)
    sponsorship.py       Sponsorship, keyed on translation keys
"""

from ..cards import CARD_PHOTO
from ..context import PROFILE_PHOTO
from ..facts import CAPTIVITY_ENDED, STILL_HELD, Answer, Category, Status, searchable_text
from .index_page import PrisonerIndexPage
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
    "PROFILE_PHOTO",
    "STILL_HELD",
    "Answer",
    "Category",
    "PrisonerIndexPage",
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
