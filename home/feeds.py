"""RSS 2.0 and Atom feeds of each language's news, served by the news index page.

/en/news/rss/ and /en/news/atom/ (and /fr/…, /hy/…): the feed's language is the
index page's, every link is absolute, and tags become categories.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from campaign_site.models import site_identity
from home.news_tags import set_display_tags

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index):
        self.request = request
        return index

    def site(self):
        from campaign_site.routing import site_for_request  # imported with the models

        return site_for_request(self.request)

    def site_name(self, index):
        """The organisation's name in the feed's language (the translated site identity)."""
        return site_identity(index.locale.language_code, site=self.site()).name

    def title(self, index):
        site_name = self.site_name(index)
        return f"{index.title} · {site_name}" if site_name else index.title

    # Atom (RFC 4287 §4.1.1) requires an author for the feed unless every entry
    # has one; the organisation publishes the news, so it is the feed's author.
    # An item's own author, when editors give one, still names that entry's.
    def author_name(self, index):
        return self.site_name(index) or self.request.get_host()

    def author_link(self, index):
        site = self.site()
        return site.root_url + "/" if site else self.request.build_absolute_uri("/")

    def link(self, index):
        return index.get_full_url(self.request)

    def feed_url(self, index):
        return index.get_full_url(self.request) + index.reverse_subpage(self.route_name)

    route_name = "rss"

    def description(self, index):
        return index.search_description or _("News from the campaign")

    def items(self, index):
        items = list(index.news_items().prefetch_related("tags")[:FEED_LENGTH])
        return set_display_tags(items, index.locale)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [tag.name for tag in item.display_tags]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    route_name = "atom"

    def subtitle(self, index):
        return self.description(index)
