"""News tags as a reader sees them: in the reader's language, one per slug, by name.

Shared by the news pages and their feeds (which the news index serves), so it
sits apart from both.
"""

from campaign_site.localization import localized_objects


def one_per_slug_by_name(tags):
    """What a reader sees of `tags`: one tag per slug, sorted by name."""
    shown = {tag.slug: tag for tag in tags}
    return sorted(shown.values(), key=lambda tag: tag.name.casefold())


def set_display_tags(news_items, locale):
    """Set `display_tags` on each news item (tags prefetched): its tags in `locale`, a tag
    not yet translated under its own name. One query for all the items."""
    tags = list({tag.pk: tag for item in news_items for tag in item.tags.all()}.values())
    local = dict(zip((tag.pk for tag in tags), localized_objects(tags, locale), strict=True))
    for item in news_items:
        item.display_tags = one_per_slug_by_name(local[tag.pk] for tag in item.tags.all())
    return news_items
