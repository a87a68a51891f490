"""One sitemap for every language tree, each URL listing its translations (hreflang).

Wagtail's own sitemap lists the descendants of the site's root page, which is
the English home page: the French and Armenian trees are its siblings and
would be missing. This one lists every language tree of the site and adds
`<xhtml:link rel="alternate" hreflang=…>` for each translation in the sitemap,
so every pair of alternates points both ways. Pages keep the last word on what
they publish through `get_sitemap_urls()` (a hidden prisoner profile returns
nothing), and only pages a visitor may see are considered (`campaign_site.pages.public_pages`).
"""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from campaign_site.pages import public_pages, public_specific_pages
from campaign_site.render_cache import remember
from campaign_site.routing import site_for_request


class MultilingualSitemap(Sitemap):
    def get_urls(self, page=1, site=None, protocol=None):
        """Kept until an editor changes something (campaign_site.render_cache): the
        same for every visitor, and 1 to 20 queries to build (one per page type)."""
        wagtail_site = site_for_request(self.request)

        def build():
            urls = super(MultilingualSitemap, self).get_urls(page, site, protocol)
            return urls, getattr(self, "latest_lastmod", None)

        domain = site.domain if site is not None else ""
        vary = (wagtail_site.pk if wagtail_site else None, domain, protocol, page)
        urls, self.latest_lastmod = remember("sitemap", build, vary=vary)
        return urls

    def language_roots(self):
        site = self.get_wagtail_site()
        return site.root_page.get_translations(inclusive=True).live()

    def items(self):
        trees = Q()
        for root in self.language_roots():
            trees |= Q(path__startswith=root.path)
        if not trees:
            return []
        ordered_ids = list(
            public_pages(Page.objects.filter(trees)).order_by("path").values_list("pk", flat=True)
        )
        # Specific pages through each type's public queryset: visibility rules
        # apply again, with what they need annotated (one query per page type).
        pages = public_specific_pages(ordered_ids)
        return [pages[pk] for pk in ordered_ids if pk in pages]

    def _urls(self, page, protocol, domain):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        entries = []
        by_translation = defaultdict(list)
        for item in self.paginator.page(page).object_list:
            item_urls = item.get_sitemap_urls(self.request)
            if not item_urls:
                continue
            entries.append((item, item_urls))
            by_translation[item.translation_key].append(
                {"lang_code": languages[item.locale_id], "location": item_urls[0]["location"]}
            )

        urls = []
        last_mods = set()
        for item, item_urls in entries:
            alternates = by_translation[item.translation_key]
            for url_info in item_urls:
                if len(alternates) > 1:
                    url_info = {**url_info, "alternates": alternates}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
