"""Fields of Wagtail's content API (/api/v2/) that a decoupled front end can render alone.

Wagtail gives a rich-text field in its stored form (`<a linktype="page" id="3">`), an
image as a bare id and a StreamField's images as ids too. Page types declare these
instead, so every page type's content arrives as the page shows it:

    api_fields = [
        APIField("introduction", serializer=RichTextHTMLField()),
        APIField("hero_image", serializer=ImageRenditionsField()),
        APIField("timeline", serializer=TypedBlocksField()),
    ]
"""

from rest_framework import serializers
from wagtail.rich_text import expand_db_html

from .blocks import image_api_representation, typed_blocks


class RichTextHTMLField(serializers.Field):
    """A RichTextField as HTML with real links and embeds ("" when empty)."""

    def to_representation(self, value):
        return expand_db_html(value) if value else ""


class ImageRenditionsField(serializers.Field):
    """An image as `{"id", "alt", "renditions": {"medium", "large"}}` with absolute URLs."""

    def to_representation(self, image):
        return image_api_representation(image, self.context)


class TypedBlocksField(serializers.Field):
    """A StreamField as typed blocks (campaign_site.blocks.typed_blocks)."""

    def to_representation(self, value):
        return typed_blocks(value, self.context)
