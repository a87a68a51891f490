"""The HTTP cache policy: what a shared cache may keep, and what a publish purges."""

import gzip

import pytest
from django.test import Client

from tests import async_views, frontend_cache
from tests.factories import SuperuserFactory
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
        assert f"s-maxage={settings.CAMPAIGN_PAGE_CACHE_SECONDS}" in cache_control
        assert "stale-if-error" in cache_control
        assert not response.cookies, url
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
    response = Client().post(f"/en/petitions/sign/{page.pk}/", form_post(page))
    assert "public" not in response["Cache-Control"]


def test_health_is_never_cached():
    response = async_views.get(Client(), "/health/?format=json")
    assert "public" not in response["Cache-Control"]


def test_publishing_purges_the_page_its_listings_and_the_sitemap(home_pages, recorder):
    index = NewsIndexPageFactory(parent=home_pages["en"])
    recorder.clear()
    news = NewsPageFactory(parent=index, title="Released today")
    news.save_revision().publish()

    purged = set(recorder)
    root = "http://localhost"
    assert f"{root}{news.url}" in purged
    assert f"{root}{index.url}" in purged
    assert f"{root}/en/" in purged
    assert f"{root}/sitemap.xml" in purged
    # The page in every language (one slug in every language).
    assert f"{root}{news.url.replace('/en/', '/fr/', 1)}" in purged
