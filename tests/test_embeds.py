"""The embedding infrastructure every widget relies on."""

import gzip

import pytest

from campaign_site.embeds import LOADER_PATH
from tests.headers import csp_directives

pytestmark = pytest.mark.django_db


def test_loader_is_tiny_and_cached_for_a_day(client):
    response = client.get("/embed.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "max-age=86400" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    assert len(gzip.compress(LOADER_PATH.read_bytes(), compresslevel=9)) < 3 * 1024


def test_ordinary_pages_refuse_to_be_framed(client, home_pages):
    response = client.get("/en/")
    assert response["X-Frame-Options"] == "DENY"
    assert csp_directives(response)["frame-ancestors"] == "'none'"


def test_unknown_widget_kind_is_not_found(client, home_pages):
    assert client.get(f"/embed/nothing/{home_pages['en'].pk}/").status_code == 404


def test_oembed_refuses_formats_other_than_json(client, home_pages):
    response = client.get("/oembed", {"url": "http://localhost/en/", "format": "xml"})
    assert response.status_code == 501


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/en/",  # a page, but not an embeddable one
        "http://localhost/en/no-such-page/",
        "http://localhost/de/",
        "javascript:alert(1)",
        "",
    ],
)
def test_oembed_answers_404_for_anything_not_embeddable(client, home_pages, url):
    response = client.get("/oembed", {"url": url})
    assert response.status_code == 404
