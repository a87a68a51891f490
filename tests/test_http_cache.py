"""The HTTP cache policy: what a shared cache may keep, and what a publish purges."""

import gzip

import pytest
from django.test import Client

from campaign_site.http_cache import purge_pages_and_listings
from home.models import NewsPageRelatedPage
from tests import async_views, frontend_cache
from tests.factories import SuperuserFactory, publish_translation_of
from tests.headers import max_staleness
from tests.home.factories import NewsIndexPageFactory, NewsPageFactory
from tests.petitions.factories import form_post, make_petition


@pytest.fixture
def recorder(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.frontend_cache.RecordingBackend"}
    }
    frontend_cache.PURGED.clear()
    yield frontend_cache.PURGED
    frontend_cache.PURGED.clear()


def test_anonymous_pages_may_be_kept_by_a_shared_cache(home_pages, settings):
    for url in ("/en/", "/fr/", "/hy/", "/en/search/?q=x", "/en/nothing-here/"):
        response = Client().get(url)
        cache_control = response["Cache-Control"]
        assert "public" in cache_control, url
        assert max_staleness(cache_control) == settings.CAMPAIGN_PAGE_CACHE_SECONDS, url
        assert "stale-if-error" in cache_control
        assert not response.cookies, url
        assert "Accept-Language" not in response.get("Vary", ""), url


def test_files_the_same_in_every_language_do_not_vary_on_it(home_pages):
    """One copy in Varnish and in browsers, whatever the visitor's language."""
    petition = make_petition(home_pages["en"])
    for url in (
        "/robots.txt",
        "/favicon.ico",
        f"/petitions/{petition.petition.translation_key}/count.json",
    ):
        response = Client().get(url, headers={"accept-language": "fr"})
        assert response.status_code == 200, url
        assert "Accept-Language" not in response.get("Vary", ""), url


def test_pages_leave_compressed(home_pages):
    response = Client().get("/en/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"<html" in gzip.decompress(response.content)
    assert "Accept-Encoding" in response["Vary"]


def test_the_admin_is_never_shared_nor_compressed(home_pages):
    editor = Client()
    editor.force_login(SuperuserFactory())
    admin = editor.get("/admin/", HTTP_ACCEPT_ENCODING="gzip")
    assert "public" not in admin["Cache-Control"]
    assert "Content-Encoding" not in admin
    page_seen_by_editor = editor.get("/en/")
    assert "private" in page_seen_by_editor["Cache-Control"]


def test_anyone_with_a_session_gets_private_answers(home_pages, settings):
    visitor = Client()
    visitor.cookies[settings.SESSION_COOKIE_NAME] = "opened-a-private-page"
    assert "private" in visitor.get("/en/")["Cache-Control"]


def test_form_answers_are_never_shared(home_pages):
    page = make_petition(home_pages["en"])
    response = Client(headers={"origin": "http://testserver"}).post(
        f"/en/petitions/sign/{page.pk}/", form_post(page)
    )
    assert "public" not in response["Cache-Control"]


def test_health_is_never_cached():
    response = async_views.get(Client(), "/health/?format=json")
    assert "public" not in response["Cache-Control"]


def test_publishing_purges_the_page_its_listings_and_the_sitemap(home_pages, recorder):
    index = NewsIndexPageFactory(parent=home_pages["en"])
    french_index = publish_translation_of(index, "fr", title="Actualités", slug="actualites")
    news = NewsPageFactory(parent=index, title="Released today")
    french = publish_translation_of(news, "fr", title="Libéré", slug="libere-aujourdhui")
    petition = make_petition(home_pages["en"])
    showing = NewsPageFactory(parent=index, title="Sign for them")
    showing.related_pages = [NewsPageRelatedPage(target=petition)]
    showing.save_revision().publish()
    recorder.clear()

    news.save_revision().publish()
    purged = set(recorder)
    root = "http://localhost"
    # The page, in every language, whatever its slug there.
    assert f"{root}{news.url}" in purged
    assert f"{root}{french.url}" in purged and french.url.startswith("/fr/actualites/")
    # The indexes and home pages that list it, with their feeds, tags and pages.
    for listing in (index, french_index, home_pages["en"], home_pages["fr"]):
        assert f"{root}{listing.url}" in purged, listing.url
        assert f"{root}{listing.url}*" in purged, listing.url
    assert f"{root}{index.url}rss/" in purged and f"{root}{index.url}atom/" in purged
    assert f"{root}{french_index.url}rss/" in purged
    # Search in every language, the sitemap, the APIs and widgets.
    assert {f"{root}/en/search/*", f"{root}/fr/search/*", f"{root}/hy/search/*"} <= purged
    assert f"{root}/sitemap.xml" in purged
    assert {f"{root}/api/*", f"{root}/embed/*", f"{root}/oembed*", f"{root}/open-data/*"} <= purged

    # A page that shows another one as a card is purged when that one is published.
    recorder.clear()
    petition.save_revision().publish()
    assert f"{root}{showing.url}" in set(recorder)
    assert f"{root}{news.url}" not in set(recorder)


def test_shared_data_purges_what_a_publish_would_and_the_paths_that_show_it(home_pages, recorder):
    index = NewsIndexPageFactory(parent=home_pages["en"])
    french_index = publish_translation_of(index, "fr", title="Actualités", slug="actualites")
    news = NewsPageFactory(parent=index, title="Released today")
    french = publish_translation_of(news, "fr", title="Libéré", slug="libere-aujourdhui")
    recorder.clear()

    purge_pages_and_listings([news, french], paths=["/open-data/people.json?lang=fr"])
    purged = list(recorder)
    root = "http://localhost"
    assert f"{root}{news.url}" in purged and f"{root}{french.url}" in purged
    assert f"{root}{index.url}*" in purged and f"{root}{french_index.url}*" in purged
    assert {f"{root}/api/*", f"{root}/fr/search/*", f"{root}/sitemap.xml"} <= set(purged)
    assert f"{root}/open-data/people.json?lang=fr" in purged
    assert len(purged) == len(set(purged)), "each URL is purged once"


def test_the_petition_widget_is_kept_like_its_page_but_not_its_answers(home_pages):
    page = make_petition(home_pages["en"])
    url = f"/embed/petition/{page.pk}/"
    read = Client().get(url)
    assert "public" in read["Cache-Control"] and not read.cookies
    answer = Client().post(url, form_post(page))
    assert "public" not in answer["Cache-Control"]
