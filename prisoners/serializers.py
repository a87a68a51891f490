"""Fields for Wagtail's content API (/api/v2/), built on the one visibility rule."""

import dataclasses
import datetime

from rest_framework import serializers

from campaign_site.blocks import image_api_representation

from .cards import card_data
from .facts import needs_sponsor
from .visibility import public_profile, visible_fields


class PublicCardField(serializers.Field):
    """A prisoner page as its public card: what the visibility rule lets out, nothing else."""

    def to_representation(self, page):
        profile = public_profile(page, with_children=False)
        if profile is None:
            return None
        if profile.sponsor_count is None:  # a detail view: not annotated by the listing
            profile.sponsor_count = page.sponsorships().approved().count()
        profile.needs_sponsor = needs_sponsor(profile)
        return card_data(self.context["request"], profile)


class PublicBiographyField(serializers.Field):
    """The biography as typed blocks (campaign_site.blocks), when the visibility rule shows it.

    A "name only" profile's biography is null, as on its page; a hidden profile
    is not in the API at all (campaign_site.api).
    """

    def to_representation(self, page):
        if "biography" not in visible_fields(page):
            return None
        return page.biography.stream_block.get_api_representation(page.biography, self.context)


#: What the `profile` field leaves to other fields or to nobody: the page itself,
#: the biography (its own field), the sponsors' count (the card's, counted there), and
#: what is for the page's <head> only.
PROFILE_LEFT_OUT = {
    "page",
    "url",
    "biography",
    "sponsor_count",
    "share_image",
    "search_description",
}


def _json_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_value(item) for key, item in value.items()}
    return value


class PublicProfileField(serializers.Field):
    """Everything a profile page shows but its biography, as the visibility rule lets it
    out (`prisoners.visibility.public_profile`): every fact, with its label in the page's
    language; for a full profile the photo (renditions), personal details, legal file,
    ICRC visits, transfers, timeline and sources; the family contact and health only when
    the editors marked them public. A field the public may not see is null or empty.
    """

    def to_representation(self, page):
        profile = public_profile(page)
        if profile is None:
            return None
        shown = {}
        for item in dataclasses.fields(profile):
            name = item.name
            if name in PROFILE_LEFT_OUT:
                continue
            value = getattr(profile, name)
            if name == "visibility":
                value = "full" if profile.is_full else "name-only"
            elif name == "photo":
                value = image_api_representation(value, self.context)
            elif name == "timeline":
                value = [
                    {"date": event.date, "event": event.event, "source_url": event.source_url}
                    for event in value
                ]
            elif name == "sources":
                value = [
                    {"title": source.title, "url": source.url, "date": source.date}
                    for source in value
                ]
            elif name.endswith("_label"):
                value = str(value) if value else ""
            shown[name] = _json_value(value)
        return shown
