"""How search engines and social networks find the site: sitemap, robots.txt,
canonical URLs, OpenGraph, and the redirects editors manage."""

import pytest
import wagtail_factories
from defusedxml import ElementTree
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from .conftest import soup

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    urlset = ElementTree.fromstring(response.content)
    entries = {}
    for url in urlset.findall(f"{SITEMAP}url"):
        location = url.findtext(f"{SITEMAP}loc")
        assert location not in entries, f"{location} listed twice"
        entries[location] = {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
            if link.get("rel") == "alternate"
        }
    return entries


@pytest.fixture
def translated_site(news_indexes, make_news, translate):
    both = make_news(title="Translated into French", slug="translated")
    translate(both, "fr", title="Traduit en français")
    english_only = make_news(title="English only", slug="english-only")
    draft = make_news(title="Draft", slug="draft")
    draft.unpublish()
    private = make_news(title="Private", slug="private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return {"both": both, "english_only": english_only}


def test_sitemap_lists_every_language_tree_with_reciprocal_hreflang(client, translated_site):
    entries = read_sitemap(client)

    assert set(entries) == {
        "http://localhost/en/",
        "http://localhost/fr/",
        "http://localhost/hy/",
        "http://localhost/en/news/",
        "http://localhost/fr/news/",
        "http://localhost/hy/news/",
        "http://localhost/en/news/translated/",
        "http://localhost/fr/news/translated/",
        "http://localhost/en/news/english-only/",
    }
    assert entries["http://localhost/fr/news/translated/"] == {
        "en": "http://localhost/en/news/translated/",
        "fr": "http://localhost/fr/news/translated/",
    }
    assert entries["http://localhost/hy/"] == {
        "en": "http://localhost/en/",
        "fr": "http://localhost/fr/",
        "hy": "http://localhost/hy/",
    }
    # A page without translations has no alternates to announce.
    assert entries["http://localhost/en/news/english-only/"] == {}

    # Every pair points both ways, and every alternate is itself in the sitemap.
    for location, alternates in entries.items():
        if alternates:
            assert location in alternates.values(), f"{location} does not list itself"
        for language, href in alternates.items():
            assert href in entries, f"{href} ({language}) is not in the sitemap"
            assert entries[href] == alternates, f"{href} and {location} disagree"


def test_unpublishing_a_translation_removes_it_and_its_alternates(client, translated_site):
    french_home_news = translated_site["both"].get_translation(
        translated_site["both"].get_translations().first().locale
    )
    french_home_news.unpublish()

    entries = read_sitemap(client)

    assert "http://localhost/fr/news/translated/" not in entries
    assert entries["http://localhost/en/news/translated/"] == {}


def test_robots_txt_points_to_the_sitemap(client, home_pages):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines


@pytest.mark.parametrize("page_type", ["home", "news_index", "news_item"])
@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_every_page_type_has_canonical_and_share_tags(
    client, news_indexes, make_news, translate, page_type, language
):
    share = wagtail_factories.ImageFactory(title="Vigil", file__width=1600, file__height=1000)
    item = make_news(title="Item", slug="item", image=share)
    if language != "en":
        translate(item, language, title=f"Item ({language})")
    # Share images are synchronised fields: every translation carries the source's.
    index = news_indexes[language]
    for stale in (index, index.get_parent()):
        page = stale.specific_class.objects.get(pk=stale.pk)
        page.share_image = share
        page.save_revision().publish()
    paths = {"home": f"/{language}/", "news_index": f"/{language}/news/"}
    path = paths.get(page_type, f"/{language}/news/item/")

    document = soup(client.get(path))

    assert document.find("link", rel="canonical")["href"] == f"http://localhost{path}"
    assert document.find("meta", property="og:url")["content"] == f"http://localhost{path}"
    og_locale = {"en": "en_GB", "fr": "fr_FR", "hy": "hy_AM"}[language]
    assert document.find("meta", property="og:locale")["content"] == og_locale
    assert document.find("meta", property="og:title")["content"]
    image = document.find("meta", property="og:image")["content"]
    assert image.startswith("http://testserver/media/images/") and ".fill-1200x630" in image
    assert document.find("meta", property="og:image:height")["content"] == "630"
    assert document.find("meta", attrs={"name": "twitter:card"})["content"] == (
        "summary_large_image"
    )


def test_news_item_without_image_uses_the_site_default(client, news_indexes, make_news):
    from wagtail.models import Site

    from home.models import CampaignSettings

    campaign = CampaignSettings.for_site(Site.objects.get(is_default_site=True))
    campaign.default_share_image = wagtail_factories.ImageFactory(title="Default")
    campaign.save()
    item = make_news(title="No picture")

    document = soup(client.get(item.url))

    assert "/media/images/" in document.find("meta", property="og:image")["content"]


def test_redirects_are_managed_in_the_admin(admin_client, client, news_indexes, make_news):
    item = make_news(title="PACE call", slug="pace-call")

    listing = admin_client.get("/admin/redirects/")
    assert listing.status_code == 200
    response = admin_client.post(
        "/admin/redirects/add/",
        {
            "old_path": "/en/2021/04/pace",
            "site": "",
            "is_permanent": "on",
            "redirect_page": item.pk,
            "redirect_link": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Redirect.objects.filter(old_path="/en/2021/04/pace", redirect_page=item).exists()

    visited = client.get("/en/2021/04/pace/")

    assert visited.status_code == 301
    assert visited["Location"] in (item.url, item.full_url)


def test_redirect_from_an_address_without_language(client, news_indexes, make_news):
    item = make_news(slug="pace-call")
    Redirect.objects.create(old_path="/old-campaign-news", redirect_page=item, is_permanent=True)

    visited = client.get("/old-campaign-news")

    assert visited.status_code == 301
    assert visited["Location"] in (item.url, item.full_url)
