"""Fields for Wagtail's content API (/api/v2/), built on the one visibility rule."""

from rest_framework import serializers


class PublicCardField(serializers.Field):
    """A prisoner page as its public card: what the visibility rule lets out, nothing else."""

    def to_representation(self, page):
        from .api import card_data
        from .views import profile_context
        from .visibility import is_publicly_visible

        if not is_publicly_visible(page):
            return None
        request = self.context["request"]
        return card_data(request, profile_context(page, request)["profile"])
