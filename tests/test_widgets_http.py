"""The widgets API and oEmbed as HTTP: HEAD, statuses in the schema, hosts that are ours."""

import itertools

import pytest
from django.test import Client

from tests.petitions.factories import make_petition

pytestmark = pytest.mark.django_db

_addresses = itertools.count(1)


@pytest.fixture
def client():
    return Client(REMOTE_ADDR=f"10.78.0.{next(_addresses) % 250 + 1}")


@pytest.fixture
def petition(home_pages):
    return make_petition(home_pages["en"], title="Free the prisoners of war")


@pytest.mark.parametrize(
    "url", ["/api/widgets/petitions/{id}", "/api/widgets/figures/", "/api/widgets/prisoners/"]
)
def test_head_works_wherever_get_does(client, petition, url):
    url = url.format(id=petition.pk)
    got = client.get(url)
    head = client.head(url)

    assert got.status_code in (200, 404)
    assert head.status_code == got.status_code
    assert head["Content-Type"] == got["Content-Type"]
    assert head["Content-Length"] == str(len(got.content))
    assert head.content == b""


def test_head_of_a_missing_petition_is_a_404_and_of_signing_a_405(client, petition):
    assert client.head("/api/widgets/petitions/999999").status_code == 404
    refused = client.head(f"/api/widgets/petitions/{petition.pk}/signatures")
    assert refused.status_code == 405
    assert "POST" in refused["Allow"]


def test_head_of_the_loader_count_and_oembed(client, petition):
    assert client.head("/embed.js").status_code == 200
    assert client.head(
        f"/petitions/{petition.petition.translation_key}/count.json"
    ).status_code in (
        200,
        404,
    )
    oembed = client.head("/oembed", {"url": "http://localhost" + petition.url})
    assert oembed.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "http://elsewhere.example{path}",
        "https://localhost.evil.example{path}",
        "//elsewhere.example{path}",
    ],
)
def test_oembed_answers_404_for_a_url_on_another_host(client, petition, url):
    assert client.get("/oembed", {"url": "http://localhost" + petition.url}).status_code == 200
    response = client.get("/oembed", {"url": url.format(path=petition.url)})
    assert response.status_code == 404


def test_oembed_accepts_the_host_the_request_came_to(client, petition):
    response = client.get("/oembed", {"url": "http://testserver" + petition.url})
    assert response.status_code == 200


def test_every_status_the_widgets_api_answers_is_in_its_schema(client, petition):
    from openapi_spec_validator import validate

    schema = client.get("/api/widgets/openapi.json").json()
    validate(schema)
    calls = [
        ("get", "/api/widgets/petitions/{page_id}", f"/api/widgets/petitions/{petition.pk}", {}),
        ("get", "/api/widgets/petitions/{page_id}", "/api/widgets/petitions/999999", {}),
        ("get", "/api/widgets/prisoners/{page_id}", "/api/widgets/prisoners/999999", {}),
        ("get", "/api/widgets/prisoners/", "/api/widgets/prisoners/", {"page": "two"}),
        ("get", "/api/widgets/figures/", "/api/widgets/figures/", {}),
    ]
    for method, documented, url, params in calls:
        response = getattr(client, method)(url, params)
        responses = schema["paths"][documented][method]["responses"]
        assert str(response.status_code) in responses, (url, response.status_code)

    signing = f"/api/widgets/petitions/{petition.pk}/signatures"
    for body in ("{not json", '{"first_name": 3}', "{}"):
        response = client.post(signing, body, content_type="application/json")
        responses = schema["paths"]["/api/widgets/petitions/{page_id}/signatures"]["post"]
        assert str(response.status_code) in responses["responses"], (body, response.status_code)
    complete = {"first_name": "A", "last_name": "B", "email": "a@example.org", "country": "FR"}
    missing = client.post(
        "/api/widgets/petitions/999999/signatures", complete, content_type="application/json"
    )
    assert missing.status_code == 404

    etag = client.get(f"/api/widgets/petitions/{petition.pk}")["ETag"]
    not_modified = client.get(
        f"/api/widgets/petitions/{petition.pk}", headers={"If-None-Match": etag}
    )
    assert not_modified.status_code == 304
    assert "304" in schema["paths"]["/api/widgets/petitions/{page_id}"]["get"]["responses"]
