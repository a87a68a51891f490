"""The one rule that decides what the public may see of a detained person.

Families choose, and editors record, how much of a profile may be published:

* ``FULL``: the whole profile.
* ``NAME_ONLY``: the name and the facts of the detention (category, status,
  capture, place of detention, trial); no photo, no biography, no personal
  details (birth date, home town, occupation), no timeline, no sources.
  The legal file and the conditions of detention (appeal, ECHR application and
  Rule 39, ICRC visits and the last of them, transfers) are on full profiles only;
  the last contact with the family and the health concerns too, and only when an
  editor marked them public for that person (``MARKED_PUBLIC``: private by default).
* ``COUNTED``: the person counts in the figures and nowhere else: the page
  exists for editors, but its URL is a 404 for everyone else.

Every way out of the site goes through this module: the index and its cards,
the profile URL, site search (hidden profiles are not even in the search
index), the sitemap, OpenGraph tags and share images, image renditions,
CSV/JSON exports and the partner API. Use it, never a field directly:

    from prisoners import visibility

    visibility.is_publicly_visible(page)       # THE predicate: may this page be public?
    visibility.publicly_visible(profiles)      # THE queryset filter, same rule
    visibility.publicly_listed(profiles)       # ... of live, unrestricted pages only
    visibility.fully_visible(profiles)         # full profiles: whose photo may be public
    PrisonerPage.objects.publicly_listed()     # the same, as a queryset method
    PrisonerPage.publicly_listed_pages()       # what pages of other types ask (cards, search)
    visibility.public_profile(page)            # a PublicProfile, or None when hidden
    visibility.visible_fields(page)            # the field names the public may see

Visibility and consent are facts of the person, not of a language: they live
once, on the `Prisoner` every translation of a profile points at
(`prisoners.models.prisoner`), and a publish of the source page changes them in
every language at once. Querysets of pages filter on `prisoner__visibility`;
`Prisoner.objects.fully_visible()` lists the people whose photo may be public.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import facts


class Visibility(models.IntegerChoices):
    # Ordered from most private to most open: the rule takes the minimum.
    COUNTED = 0, _("Counted but not shown")
    NAME_ONLY = 1, _("Name only (no photo, no biography)")
    FULL = 2, _("Full profile")


class Consent(models.TextChoices):
    NOT_ASKED = "not-asked", _("Not asked yet")
    PENDING = "pending", _("Asked, no answer yet")
    PUBLIC_RECORD = "public-record", _("Family not reached; the name is already public")
    NAME_ONLY = "name-only", _("The family agrees to the name only")
    GIVEN = "given", _("The family agrees to a full profile")
    REFUSED = "refused", _("The family refuses publication")


#: The most a consent status allows. Anything not listed allows counting only.
CONSENT_ALLOWS = {
    Consent.GIVEN: Visibility.FULL,
    Consent.NAME_ONLY: Visibility.NAME_ONLY,
    Consent.PUBLIC_RECORD: Visibility.NAME_ONLY,
}


def highest_visibility_allowed(consent):
    return CONSENT_ALLOWS.get(consent, Visibility.COUNTED)


def capped(level, consent):
    """`level` lowered to what `consent` allows: what may ever be stored or shown."""
    return min(level, highest_visibility_allowed(consent))


#: What "name only" shows: who the person is and the facts of the detention.
NAME_ONLY_FIELDS = frozenset(
    {
        "name",
        "name_native",
        "other_spellings",
        "category",
        "status",
        "captured_on",
        "capture_place",
        "days_in_captivity",
        "detention_place",
        "acknowledged",
        "icrc_registration",
        "charges",
        "court",
        "sentenced_on",
        "sentence_years",
        "expected_release_on",
        "released_on",
        "sponsors",
    }
)

#: What a full profile adds: the person's face, story and personal details.
FULL_FIELDS = NAME_ONLY_FIELDS | {
    "photo",
    "photo_credit",
    "biography",
    "born_on",
    "age",
    "age_at_capture",
    "home_town",
    "occupation",
    "timeline",
    "sources",
    "search_description",
    "share_image",
    # The legal file and the conditions of detention (issue 15).
    "appeal_court",
    "appeal_lodged_on",
    "appeal_outcome",
    "appeal_decided_on",
    "echr_application",
    "echr_lodged_on",
    "echr_interim_measure",
    "echr_interim_measure_on",
    "echr_compliance",
    "icrc_visits",
    # The latest of those visits (prisoners.models.prisoner.last_icrc_visit).
    "icrc_last_visit_on",
    "transfers",
    # Private by default, see MARKED_PUBLIC.
    "family_contact_on",
    "family_contact_channel",
    "health_concerns",
    "health_noted_on",
}

#: Fields a visibility level shows only when the editor marked them public for that person
#: (a flag of the person's record, false by default): field name -> the flag.
MARKED_PUBLIC = {
    "family_contact_on": "family_contact_public",
    "family_contact_channel": "family_contact_public",
    "health_concerns": "health_public",
    "health_noted_on": "health_public",
}

#: Fields of a profile read from its record's rows (prisoners.models.prisoner.DetentionEvent).
EVENT_FIELDS = frozenset({"icrc_visits", "transfers"})

FIELDS_BY_VISIBILITY = {
    Visibility.COUNTED: frozenset(),
    Visibility.NAME_ONLY: NAME_ONLY_FIELDS,
    Visibility.FULL: FULL_FIELDS,
}


def profile_visibility(profile):
    """The visibility that applies to `profile` (a PrisonerPage), as a Visibility.

    The shared record's, or for an editor's preview the one set on the page.
    """
    return Visibility(profile.visibility)


# --- THE rule: a predicate for one profile, a filter for a queryset ------------


def is_publicly_visible(profile):
    """Whether `profile` may have a public URL at all (name only or full)."""
    return profile_visibility(profile) >= Visibility.NAME_ONLY


def publicly_visible(queryset):
    """The profiles of `queryset` that `is_publicly_visible` lets out (the search index,
    the "needs a sponsor" report), with their shared record fetched in the same query."""
    return queryset.filter(prisoner__visibility__gte=Visibility.NAME_ONLY).select_related(
        "prisoner"
    )


def publicly_listed(queryset):
    """Live, unrestricted profiles of `queryset` the public may see.

    What every public listing starts from: the index, search, the sitemap,
    exports, the API, cards on other pages (`PrisonerPage.publicly_listed_pages()`).
    """
    return publicly_visible(queryset.live().public())


def not_fully_visible(queryset):
    """The profiles of `queryset` that show no photo or share image (not full profiles).

    A page not linked to a record yet counts as not fully visible: the safe side.
    """
    return queryset.exclude(prisoner__visibility=Visibility.FULL)


def fully_visible(queryset):
    """The profiles of `queryset` on a full profile: the only ones whose photo may be public."""
    return queryset.filter(prisoner__visibility=Visibility.FULL)


def visible_fields(profile_or_level, *, level=None):
    """The names of the fields the public may see, for a profile or a Visibility level.

    For a level alone, without the person's flags, the fields private by default
    (MARKED_PUBLIC) are left out: the safe side.
    """
    if isinstance(profile_or_level, int):
        return FIELDS_BY_VISIBILITY[Visibility(profile_or_level)] - MARKED_PUBLIC.keys()
    profile = profile_or_level
    level = profile_visibility(profile) if level is None else Visibility(level)
    return FIELDS_BY_VISIBILITY[level] - {
        name for name, flag in MARKED_PUBLIC.items() if not getattr(profile, flag, False)
    }


@dataclass
class PublicProfile:
    """What the public may see of one profile: every hidden field is None or empty.

    Templates, exports and the API render this, never the page itself, so a
    forgotten `if` in a template cannot leak a hidden photo or biography.
    """

    page: object
    visibility: Visibility
    id: str
    name: str
    url: str | None = None
    language: str = ""
    is_sample: bool = False
    name_native: str = ""
    other_spellings: list = field(default_factory=list)
    category: str = ""
    category_label: str = ""
    status: str = ""
    status_label: str = ""
    captured_on: datetime.date | None = None
    capture_place: str = ""
    days_in_captivity: int | None = None
    detention_place: str = ""
    acknowledged: str = ""
    acknowledged_label: str = ""
    icrc_registration: str = ""
    icrc_registration_label: str = ""
    icrc_last_visit_on: datetime.date | None = None
    charges: str = ""
    court: str = ""
    sentenced_on: datetime.date | None = None
    sentence_years: int | None = None
    expected_release_on: datetime.date | None = None
    released_on: datetime.date | None = None
    photo: object = None
    photo_credit: str = ""
    biography: object = None
    born_on: datetime.date | None = None
    age: int | None = None
    age_at_capture: int | None = None
    home_town: str = ""
    occupation: str = ""
    timeline: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    search_description: str = ""
    share_image: object = None
    sponsor_count: int | None = None
    appeal_court: str = ""
    appeal_lodged_on: datetime.date | None = None
    appeal_outcome: str = ""
    appeal_outcome_label: str = ""
    appeal_decided_on: datetime.date | None = None
    echr_application: str = ""
    echr_lodged_on: datetime.date | None = None
    echr_interim_measure: bool | None = None
    echr_interim_measure_on: datetime.date | None = None
    echr_compliance: str = ""
    echr_compliance_label: str = ""
    #: Dates of the ICRC visits, oldest first.
    icrc_visits: list = field(default_factory=list)
    #: Transfers, oldest first: dicts with "date", "from_place" and "to_place".
    transfers: list = field(default_factory=list)
    family_contact_on: datetime.date | None = None
    family_contact_channel: str = ""
    family_contact_channel_label: str = ""
    health_concerns: str = ""
    health_noted_on: datetime.date | None = None

    @property
    def is_full(self):
        return self.visibility == Visibility.FULL

    @property
    def is_still_held(self):
        return self.status in facts.STILL_HELD

    @property
    def can_be_sponsored(self):
        return facts.can_be_sponsored(self.status)


def public_profile(
    profile, *, today=None, with_children=True, with_events=None, url=None, level=None
):
    """The PublicProfile of `profile` (a PrisonerPage), or None if the public may not see it.

    `with_children=False` skips the biography, timeline and sources (cards and
    exports of many profiles: deferred or related, they would cost a query each), and
    the ICRC visits and transfers unless `with_events` (the open data prefetches them).
    `level` is for editors' previews only: it shows a profile as it would be at that level.
    """
    level = profile_visibility(profile) if level is None else Visibility(level)
    if level < Visibility.NAME_ONLY:
        return None
    with_events = with_children if with_events is None else with_events
    allowed = visible_fields(profile, level=level)
    shown = {}
    for name in allowed:
        if name in {"timeline", "sources", "sponsors", "name", "age", "days_in_captivity"}:
            continue
        if name in EVENT_FIELDS:
            continue
        if name == "biography" and not with_children:
            continue
        shown[name] = getattr(profile, name)
    if "other_spellings" in shown:
        shown["other_spellings"] = profile.other_spelling_list
    labelled = (
        "category",
        "status",
        "acknowledged",
        "icrc_registration",
        "appeal_outcome",
        "echr_compliance",
        "family_contact_channel",
    )
    for name in labelled:
        if name in shown:
            shown[f"{name}_label"] = getattr(profile, f"get_{name}_display")()
    if with_events and allowed >= EVENT_FIELDS:
        events = sorted(
            (event for event in profile.detention_events if event["date"]),
            key=lambda event: event["date"],
        )
        shown["icrc_visits"] = facts.icrc_visit_dates(events)
        shown["transfers"] = [event for event in events if event["kind"] == "transfer"]
    if "age" in allowed:
        shown["age"] = profile.age(today=today)
    if with_children and "timeline" in allowed:
        shown["timeline"] = list(profile.timeline.all())
    if with_children and "sources" in allowed:
        shown["sources"] = list(profile.sources.all())
    return PublicProfile(
        page=profile,
        visibility=level,
        id=str(profile.translation_key),
        name=profile.title,
        url=url,
        language=profile.locale.language_code if profile.locale_id else "",
        is_sample=profile.is_sample,
        days_in_captivity=profile.days_in_captivity(today=today),
        sponsor_count=getattr(profile, "sponsor_count", None),
        **shown,
    )
