"""Fields for Wagtail's content API (/api/v2/), built on the one visibility rule."""

from rest_framework import serializers

from .cards import card_data
from .facts import needs_sponsor
from .visibility import public_profile


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
