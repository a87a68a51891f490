"""The partner API and widgets: what partners can read and do, and what they never see."""

import itertools
import json

import pytest
import wagtail_factories
from django.test import Client

from petitions.models import Partner, Signature, SignatureSource
from prisoners.visibility import Consent, Visibility
from tests.factories import file_stem
from tests.headers import csp_directives
from tests.petitions.factories import form_post, make_petition, signer
from tests.prisoners.factories import PrisonerIndexPageFactory, PrisonerPageFactory

pytestmark = pytest.mark.django_db

_addresses = itertools.count(1)


@pytest.fixture
def client():
    """Each test client has its own address, so rate limits never carry over."""
    return Client(
        REMOTE_ADDR=f"10.77.{next(_addresses) // 250}.{next(_addresses) % 250 + 1}",
        headers={"origin": "http://testserver"},
    )


@pytest.fixture
def petition(home_pages):
    return make_petition(home_pages["en"], title="Free the prisoners of war")


@pytest.fixture
def partner(db):
    return Partner.objects.create(
        name="Diaspora news",
        website="https://partner.example",
        allowed_origins="https://partner.example",
    )


@pytest.fixture
def profiles(home_pages):
    """One profile at each visibility level, the restricted ones with recognisable photos."""
    index = PrisonerIndexPageFactory(parent=home_pages["en"])
    photos = {
        level: wagtail_factories.ImageFactory(
            title=f"photo-{level}", file__filename=f"photo-of-{level}.jpg"
        )
        for level in ("full", "name-only", "counted")
    }
    return {
        "index": index,
        "photos": photos,
        "full": PrisonerPageFactory(
            parent=index, title="Public Person", photo=photos["full"], biography=[]
        ),
        "name-only": PrisonerPageFactory(
            parent=index,
            title="Named Person",
            photo=photos["name-only"],
            consent=Consent.NAME_ONLY,
            visibility=Visibility.NAME_ONLY,
            search_description="Private description of a named person",
        ),
        "counted": PrisonerPageFactory(
            parent=index,
            title="Hidden Person",
            photo=photos["counted"],
            consent=Consent.REFUSED,
            visibility=Visibility.COUNTED,
        ),
    }


def api_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


# --- Wagtail's content API (/api/v2/) ---------------------------------------------------


def test_content_api_lists_public_pages_and_never_a_hidden_profile(client, profiles, petition):
    listing = api_json(client, "/api/v2/pages/", limit=20)
    titles = {item["title"] for item in listing["items"]}

    assert {"Public Person", "Named Person", petition.title} <= titles
    assert "Hidden Person" not in titles
    assert client.get(f"/api/v2/pages/{profiles['counted'].pk}/").status_code == 404
    assert api_json(client, "/api/v2/pages/", search="Hidden")["items"] == []
    # Even naming it in a filter reveals nothing but that there is no such page.
    response = client.get("/api/v2/pages/", {"translation_of": profiles["counted"].pk})
    assert response.json() == {"message": "translation_of page doesn't exist"}


def test_content_api_has_locale_and_translation_filters(client, home_pages):
    french = api_json(client, "/api/v2/pages/", locale="fr")
    assert [item["id"] for item in french["items"]] == [home_pages["fr"].pk]
    translations = api_json(client, "/api/v2/pages/", translation_of=home_pages["en"].pk)
    assert {item["id"] for item in translations["items"]} == {
        home_pages["fr"].pk,
        home_pages["hy"].pk,
    }


def test_content_api_prisoner_card_follows_the_visibility_rule(client, profiles):
    full = api_json(client, f"/api/v2/pages/{profiles['full'].pk}/", fields="card")
    named = api_json(client, f"/api/v2/pages/{profiles['name-only'].pk}/", fields="card")

    assert full["card"]["category"] == "pow"
    assert full["card"]["days_in_captivity"] > 1000
    assert file_stem(profiles["photos"]["full"]) in full["card"]["photo_url"]
    assert named["card"]["name"] == "Named Person"
    assert named["card"]["photo_url"] is None
    assert "search_description" not in named["meta"]
    assert "Private description" not in json.dumps(named)


def test_content_api_drafts_are_invisible(client, home_pages):
    draft = make_petition(home_pages["en"], title="Draft petition")
    draft.unpublish()
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_content_api_images_only_those_public_pages_show(client, profiles):
    listing = api_json(client, "/api/v2/images/", limit=20)
    titles = {item["title"] for item in listing["items"]}

    assert titles == {"photo-full"}
    for level in ("name-only", "counted"):
        image = profiles["photos"][level]
        assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404


def test_content_api_image_search_finds_public_images_only(client, profiles):
    found = api_json(client, "/api/v2/images/", search="photo")
    assert {item["title"] for item in found["items"]} == {"photo-full"}
    assert api_json(client, "/api/v2/images/", search="nothing-like-it")["items"] == []


def test_content_api_searches_meet_a_per_address_limit_in_json(
    client, profiles, settings, django_assert_max_num_queries
):
    settings.CAMPAIGN_SEARCH_IP_RATES = ("3/m",)
    # Listings without a search are kept and cheap: not counted.
    assert {client.get("/api/v2/pages/").status_code for _ in range(4)} == {200}
    assert client.get("/api/v2/pages/", {"search": "Public"}).status_code == 200
    assert client.get("/api/v2/images/", {"search": "photo"}).status_code == 200
    assert client.get("/api/v2/pages/", {"search": "Named"}).status_code == 200

    with django_assert_max_num_queries(0):  # nothing is searched
        refused = client.get(
            "/api/v2/pages/", {"search": "Person"}, headers={"accept-language": "fr"}
        )
    assert refused.status_code == 429
    assert refused["Content-Type"].startswith("application/json")
    assert refused["Retry-After"] == "60"
    assert "Veuillez patienter" in refused.json()["message"]
    images = client.get("/api/v2/images/", {"search": "photo", "locale": "hy"})
    assert images.status_code == 429
    assert "սպասել" in images.json()["message"]
    assert "public" not in refused.get("Cache-Control", "")


def test_petition_counter_in_the_content_api(client, petition):
    item = api_json(client, f"/api/v2/pages/{petition.pk}/", fields="counter")
    assert item["counter"]["total_signatures"] == 0
    assert item["counter"]["goal"] == 100
    assert item["counter"]["status"] == "open"
    assert [target["name"] for target in item["counter"]["target"]] == [
        "Decision maker 1",
        "Decision maker 2",
    ]


# --- widget endpoints (/api/widgets/) ------------------------------------------------------


def test_petition_summary_is_localized_and_briefly_cacheable(client, petition):
    response = client.get(f"/api/widgets/petitions/{petition.pk}", {"lang": "fr"})

    assert response.status_code == 200
    assert "max-age=5" in response["Cache-Control"]
    assert response["ETag"]
    assert response.json()["labels"]["sign"] == "Signer la pétition"
    again = client.get(
        f"/api/widgets/petitions/{petition.pk}",
        {"lang": "fr"},
        headers={"if-none-match": response["ETag"]},
    )
    assert again.status_code == 304


def test_a_browser_signing_through_the_api_learns_nothing_about_an_address(
    client, petition, django_capture_on_commit_callbacks
):
    """The page form answers every signer alike; so does the API for a browser (the site's
    own origin, which any script can send). Only a partner's server is told."""
    url = f"/api/widgets/petitions/{petition.pk}/signatures"
    data = signer(email="twice@example.org")
    answers = []
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                url, data, content_type="application/json", headers={"origin": "http://testserver"}
            )
        answers.append(
            (response.status_code, response.json()["outcome"], response.json()["message"])
        )
    assert answers[0] == answers[1]
    assert answers[0][:2] == (201, "signed")
    assert Signature.objects.count() == 1


def test_signing_through_the_api_counts_once_and_credits_the_partner(
    client, petition, partner, django_capture_on_commit_callbacks, mailoutbox
):
    data = signer(email="Reader@Example.org", partner=partner.key)
    url = f"/api/widgets/petitions/{petition.pk}/signatures?lang=hy"

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, data, content_type="application/json")
    second = client.post(
        url, dict(data, email="reader@example.org"), content_type="application/json"
    )

    assert first.status_code == 201
    assert first.json()["outcome"] == "signed"
    assert first.json()["total_signatures"] == 0  # counts once confirmed
    # The same answer: a browser learns nothing about the address (see above).
    assert (second.status_code, second.json()["outcome"]) == (201, "signed")
    signature = Signature.objects.get()
    assert signature.source == SignatureSource.API
    assert signature.partner_ref == partner.key
    assert signature.language == "hy"
    assert len(mailoutbox) == 1
    for response in (first, second):
        body = response.content.decode().lower()
        assert "reader@example.org" not in body and data["last_name"].lower() not in body


def test_api_signing_refuses_bad_input_with_localized_errors(client, petition):
    response = client.post(
        f"/api/widgets/petitions/{petition.pk}/signatures?lang=fr",
        signer(email="not-an-email"),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["outcome"] == "invalid"
    assert "email" in response.json()["errors"]
    assert "adresse" in " ".join(response.json()["errors"]["email"]).lower()
    assert not Signature.objects.exists()


def test_restricted_partner_signs_only_from_its_origins(client, petition, partner):
    partner.restrict_signing = True
    partner.save()
    url = f"/api/widgets/petitions/{petition.pk}/signatures"
    data = signer(partner=partner.key)

    refused = client.post(
        url, data, content_type="application/json", headers={"origin": "https://evil.example"}
    )
    accepted = client.post(
        url, data, content_type="application/json", headers={"origin": "https://partner.example"}
    )

    assert refused.status_code == 403
    assert accepted.status_code == 201


def test_prisoner_endpoints_respect_visibility(client, profiles):
    assert client.get(f"/api/widgets/prisoners/{profiles['counted'].pk}").status_code == 404
    named = api_json(client, f"/api/widgets/prisoners/{profiles['name-only'].pk}")
    assert named["photo_url"] is None
    listing = api_json(client, "/api/widgets/prisoners/")
    assert {card["name"] for card in listing["prisoners"]} == {"Public Person", "Named Person"}
    assert "Hidden Person" not in json.dumps(listing)
    assert file_stem(profiles["photos"]["counted"]) not in json.dumps(listing)
    filtered = api_json(client, "/api/widgets/prisoners/", category="civilian")
    assert filtered["prisoners"] == []


def test_campaign_figures_count_everyone_without_showing_anyone(client, profiles, petition):
    figures = api_json(client, "/api/widgets/figures/")
    assert figures["people_held"] == 3
    assert "Hidden Person" not in json.dumps(figures)


def test_openapi_schema_is_valid_and_describes_every_endpoint(client):
    from openapi_spec_validator import validate

    schema = api_json(client, "/api/widgets/openapi.json")
    validate(schema)
    assert set(schema["paths"]) == {
        "/api/widgets/petitions/{page_id}",
        "/api/widgets/petitions/{page_id}/signatures",
        "/api/widgets/prisoners/{page_id}",
        "/api/widgets/prisoners/",
        "/api/widgets/figures/",
        "/api/widgets/challenge",  # the under-attack switch's proof of work
    }
    for path in schema["paths"].values():
        for operation in path.values():
            assert operation.get("summary"), operation
    # Every field of the card is documented, the place of detention included (null when
    # the person's visibility does not show it).
    card = schema["components"]["schemas"]["PrisonerCard"]
    assert "detention_place" in card["required"]
    place = card["properties"]["detention_place"]
    assert {kind["type"] for kind in place["anyOf"]} == {"string", "null"}
    assert place["description"]


# --- CORS ---------------------------------------------------------------------------------


def test_cors_reads_from_anywhere_without_credentials(client, petition):
    response = client.get(
        f"/api/widgets/petitions/{petition.pk}", headers={"origin": "https://anyone.example"}
    )
    assert response["Access-Control-Allow-Origin"] in ("*", "https://anyone.example")
    assert "Access-Control-Allow-Credentials" not in response


def test_cors_lets_only_partners_post(client, petition, partner):
    url = f"/api/widgets/petitions/{petition.pk}/signatures"
    preflight = {
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
    }

    stranger = client.options(url, headers={"origin": "https://stranger.example", **preflight})
    known = client.options(url, headers={"origin": "https://partner.example", **preflight})

    assert "Access-Control-Allow-Origin" not in stranger
    assert known["Access-Control-Allow-Origin"] == "https://partner.example"
    assert "Access-Control-Allow-Credentials" not in known


# --- widgets and oEmbed ------------------------------------------------------------------


def test_petition_widget_may_be_framed_anywhere_and_signs_for_the_partner(
    client, petition, partner, django_capture_on_commit_callbacks
):
    url = f"/embed/petition/{petition.pk}/?lang=fr&partner={partner.key}"
    page = client.get(url)

    assert page.status_code == 200
    assert csp_directives(page)["frame-ancestors"] == "*"
    assert csp_directives(page)["script-src"] == "'self'"  # the rest of the policy stays
    assert "X-Frame-Options" not in page
    assert "Signer la pétition" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        signed = client.post(url, form_post(petition))
    assert signed.status_code == 200
    assert "Merci" in signed.content.decode()
    signature = Signature.objects.get()
    assert (signature.source, signature.partner_ref, signature.language) == (
        SignatureSource.WIDGET,
        partner.key,
        "fr",
    )


def test_restricted_partner_widget_names_its_origins(client, petition, partner):
    partner.restrict_signing = True
    partner.save()
    response = client.get(f"/embed/petition/{petition.pk}/?partner={partner.key}")
    assert csp_directives(response)["frame-ancestors"] == "https://partner.example"


def test_hidden_profile_has_no_widget_and_no_oembed(client, profiles):
    assert client.get(f"/embed/prisoner/{profiles['counted'].pk}/").status_code == 404
    assert client.get(f"/embed/prisoner/{profiles['full'].pk}/").status_code == 200
    hidden_url = "http://localhost" + profiles["counted"].url
    assert client.get("/oembed", {"url": hidden_url}).status_code == 404


def test_oembed_turns_a_petition_url_into_an_iframe(client, petition):
    response = client.get(
        "/oembed", {"url": "http://localhost" + petition.url, "maxwidth": 400, "format": "json"}
    )

    data = response.json()
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["width"] == 400
    assert f'src="http://localhost/embed/petition/{petition.pk}/?lang=en"' in data["html"]
    assert data["html"].startswith("<iframe")


def test_petition_page_advertises_its_oembed_url(client, petition):
    html = client.get(petition.url).content.decode()
    assert 'type="application/json+oembed"' in html


def test_admin_embed_tab_gives_the_snippet(admin_client, petition):
    html = admin_client.get(f"/admin/pages/{petition.pk}/edit/").content.decode()
    assert "/embed.js" in html
    assert f'data-campaign-embed="petition" data-id="{petition.pk}"' in html.replace("&quot;", '"')


def test_admin_partner_listing_counts_its_signatures(admin_client, petition, partner, client):
    client.post(f"/embed/petition/{petition.pk}/?partner={partner.key}", form_post(petition))
    from django.urls import reverse

    html = admin_client.get(reverse("petitions_partner:list")).content.decode()
    assert "Diaspora news" in html
    assert partner.key in html
    row = html[html.index("Diaspora news") :]
    assert ">1<" in row.replace(" ", "").replace("\n", "")


def test_prisoner_cards_in_the_content_api_cost_the_same_for_2_or_12(client, home_pages):
    """The listing's query count must not grow with the number of profiles."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.prisoners.factories import SponsorshipFactory

    index = PrisonerIndexPageFactory(parent=home_pages["en"])
    url = "/api/v2/pages/"
    params = {"type": "prisoners.PrisonerPage", "fields": "card"}

    def make(count):
        for _ in range(count):
            person = PrisonerPageFactory(
                parent=index,
                photo=wagtail_factories.ImageFactory(),
            )
            SponsorshipFactory(
                prisoner_key=person.translation_key, campaign_key=index.translation_key
            )

    def queries():
        client.get(url, params)  # renditions are made on the first request
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
        assert response.status_code == 200
        assert all(item["card"]["sponsor_count"] == 1 for item in response.json()["items"])
        return len(captured.captured_queries)

    make(2)
    few = queries()
    make(10)
    assert queries() == few


def test_the_page_listing_costs_the_same_for_2_or_12_pages(client, home_pages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    index = PrisonerIndexPageFactory(parent=home_pages["en"])

    def queries():
        client.get("/api/v2/pages/")
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/api/v2/pages/")
        assert response.status_code == 200
        assert {item["meta"]["locale"] for item in response.json()["items"]} >= {"en"}
        return len(captured.captured_queries)

    for _ in range(2):
        PrisonerPageFactory(parent=index)
    few = queries()
    for _ in range(10):
        PrisonerPageFactory(parent=index)
    assert queries() == few <= 12
