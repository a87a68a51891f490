"""Hostile input answers 4xx with a clear message, never a server error (issue 13, a start)."""

import json
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

NUL_URLS = [
    "/en/search/?q=%00",
    "/en/news/?tag=%00",
    "/en/prisoners/?q=a%00b",
    "/api/v2/pages/?search=%00",
    "/api/v2/pages/?locale=%00",
    "/api/v2/pages/find/?html_path=%00",
    "/oembed?url=http://localhost/en/%00",
    "/api/widgets/prisoners/?q=%00",
]


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("url", NUL_URLS)
def test_a_nul_byte_anywhere_in_the_address_is_refused_clearly(home_pages, visitor, url):
    response = visitor.get(url)
    assert response.status_code == 400
    if url.startswith(("/api/", "/oembed")):
        assert json.loads(response.content)["detail"]
    else:
        assert "character we cannot read" in response.content.decode()


@pytest.mark.parametrize("url", ["/en/", "/robots.txt", "/api/v2/pages/"])
def test_a_nul_byte_in_a_cookie_is_refused_clearly(home_pages, visitor, url):
    # A session key with a NUL reached the session store's query: a server error on
    # PostgreSQL on every URL.
    visitor.cookies["sessionid"] = "abcdefgh\x00ijkl"
    response = visitor.get(url)
    assert response.status_code == 400
    if url.startswith("/api/"):
        assert json.loads(response.content)["detail"]
    else:
        assert "character we cannot read" in response.content.decode()


def test_the_refusal_speaks_the_visitors_language(home_pages, visitor):
    response = visitor.get("/fr/search/?q=%00")
    assert "caractère que nous ne pouvons pas lire" in response.content.decode()


def test_oembed_of_something_that_is_not_a_url_is_not_found(home_pages, visitor):
    assert visitor.get("/oembed?url=http://[::1/en/").status_code == 404


def test_a_bad_query_is_a_server_error_not_an_outage(home_pages, visitor):
    # SQLite reports bad SQL as OperationalError, like a lost connection: only an
    # error that a new connection repeats means the database is down.
    # The home page serves itself (kept whole: render_cache.kept_page).
    with mock.patch(
        "home.models.HomePage.serve", side_effect=OperationalError("near: syntax error")
    ):
        response = visitor.get("/en/")
    assert response.status_code == 500
    assert "Retry-After" not in response
