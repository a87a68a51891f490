"""Cards for pages of any app: a title, a link in the reader's language, a picture, a line.

Pages say which of their fields hold those (`card_image_fields`, `card_summary`);
the defaults fit the campaign's page types. Everything is fetched in a fixed
number of queries however many cards there are, and only pages the public may
see become cards (`campaign_site.pages.public_specific_pages`). Home pages, news
and petitions (the people a petition is for) all build their cards here.
"""

from dataclasses import dataclass

from wagtail.images import get_image_model
from wagtail.models import Page

from .localization import localized_pages
from .pages import public_specific_pages

# One 16:9 picture per card, at two sizes for phones and wide screens.
CARD_RENDITIONS = ("fillhead-400x225", "fillhead-800x450")
DEFAULT_CARD_IMAGE_FIELDS = ("photo", "image", "share_image")


@dataclass
class Card:
    page: Page
    title: str
    url: str
    image: object
    summary: str
    kind: str


def card_image_id(page):
    for name in getattr(page, "card_image_fields", DEFAULT_CARD_IMAGE_FIELDS):
        image_id = getattr(page, f"{name}_id", None)
        if image_id:
            return image_id
    return None


def card_summary(page):
    summary = getattr(page, "card_summary", None)
    if callable(summary):
        summary = summary()
    return summary or getattr(page, "lead", "") or page.search_description


def images_with_renditions(image_ids, specs=CARD_RENDITIONS):
    image_ids = {image_id for image_id in image_ids if image_id}
    if not image_ids:
        return {}
    images = get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions(*specs)
    return {image.pk: image for image in images}


def public_cards(pages, locale, request=None):
    """Cards for `pages` in `locale`: localized, visible to the public, with their pictures."""
    chosen = localized_pages(pages, locale)
    # Specific pages through their type's public queryset: the rule's annotations come along.
    specific = public_specific_pages(page.pk for page in chosen)
    shown = [specific[page.pk] for page in chosen if page.pk in specific]
    images = images_with_renditions(card_image_id(page) for page in shown)
    return [
        Card(
            page=page,
            title=page.title,
            url=page.get_url(request),
            image=images.get(card_image_id(page)),
            summary=card_summary(page),
            kind=page._meta.verbose_name,
        )
        for page in shown
    ]
