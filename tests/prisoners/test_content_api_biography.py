"""A profile's biography in the content API follows the one visibility rule."""

import json

import pytest

from prisoners.visibility import Consent, Visibility

pytestmark = pytest.mark.django_db

BIOGRAPHY = json.dumps([{"type": "paragraph", "value": "<p>A teacher from Exampleville.</p>"}])


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    return response.status_code, (response.json() if response.status_code == 200 else None)


def test_full_profile_biography_is_typed_blocks(client, make_prisoner):
    page = make_prisoner(title="Public Person", biography=BIOGRAPHY)
    status, data = detail(client, page)
    assert status == 200
    assert data["biography"] == [
        {
            "type": "paragraph",
            "id": page.biography[0].id,
            "value": "<p>A teacher from Exampleville.</p>",
        }
    ]


def test_name_only_and_hidden_profiles_give_no_biography(client, make_prisoner):
    named = make_prisoner(
        title="Named Person",
        biography=BIOGRAPHY,
        consent=Consent.NAME_ONLY,
        visibility=Visibility.NAME_ONLY,
    )
    hidden = make_prisoner(
        title="Hidden Person",
        biography=BIOGRAPHY,
        consent=Consent.REFUSED,
        visibility=Visibility.COUNTED,
    )

    status, data = detail(client, named)
    assert status == 200
    assert data["biography"] is None
    assert "Exampleville" not in json.dumps(data)
    assert detail(client, hidden)[0] == 404
    listing = client.get("/api/v2/pages/", {"type": "prisoners.PrisonerPage", "fields": "*"})
    assert "Exampleville" not in listing.content.decode()


def test_a_full_profile_detail_has_what_its_page_shows(client, make_prisoner):
    import wagtail_factories

    from prisoners.models import ProfileSource, TimelineEvent

    page = make_prisoner(
        title="Public Person",
        biography=BIOGRAPHY,
        photo=wagtail_factories.ImageFactory(title="Portrait"),
        home_town="Stepanakert",
        occupation="Teacher",
        detention_place="Baku pre-trial detention centre",
        court="Baku Military Court",
        health_concerns="Needs a cardiologist.",
    )
    TimelineEvent.objects.create(
        page=page, locale=page.locale, date="2020-11-03", event="Captured near Hin Tagher"
    )
    ProfileSource.objects.create(
        page=page, locale=page.locale, title="Court record", url="https://example.org/record"
    )

    status, data = detail(client, page)
    assert status == 200
    profile = data["profile"]
    assert profile["visibility"] == "full"
    assert profile["name"] == "Public Person"
    assert profile["category_label"] == "Prisoner of war"
    assert profile["captured_on"] == "2020-11-03"
    assert profile["detention_place"] == "Baku pre-trial detention centre"
    assert profile["court"] == "Baku Military Court"
    assert profile["home_town"] == "Stepanakert"
    assert profile["timeline"] == [
        {"date": "2020-11-03", "event": "Captured near Hin Tagher", "source_url": ""}
    ]
    assert profile["sources"] == [
        {"title": "Court record", "url": "https://example.org/record", "date": None}
    ]
    assert profile["photo"]["renditions"]["medium"]["url"].startswith("http://")
    assert "sponsor_count" not in profile and data["card"]["sponsor_count"] == 0
    # Private by default: the family did not agree to publish the health concerns.
    assert profile["health_concerns"] == ""
    assert "cardiologist" not in json.dumps(data)
    # A listing is for cards: a profile's details only come one page at a time.
    listing = client.get("/api/v2/pages/", {"type": "prisoners.PrisonerPage", "fields": "*"})
    assert listing.status_code == 200
    assert "profile" not in listing.json()["items"][0]


def test_a_name_only_profile_detail_has_only_the_facts_of_the_detention(client, make_prisoner):
    import wagtail_factories

    from prisoners.models import TimelineEvent

    page = make_prisoner(
        title="Named Person",
        biography=BIOGRAPHY,
        photo=wagtail_factories.ImageFactory(title="Portrait"),
        home_town="Secrettown",
        occupation="Orchard keeper",
        court="Baku Military Court",
        consent=Consent.NAME_ONLY,
        visibility=Visibility.NAME_ONLY,
    )
    TimelineEvent.objects.create(
        page=page, locale=page.locale, date="2020-11-03", event="Seen in a private video"
    )

    status, data = detail(client, page)
    assert status == 200
    profile = data["profile"]
    assert profile["visibility"] == "name-only"
    assert profile["name"] == "Named Person" and profile["court"] == "Baku Military Court"
    assert profile["photo"] is None and profile["home_town"] == ""
    assert profile["timeline"] == [] and profile["sources"] == []
    text = json.dumps(data)
    for secret in ("Secrettown", "Orchard keeper", "private video", "Exampleville"):
        assert secret not in text


def test_visits_and_transfers_reach_the_api_on_full_profiles_only(client, make_prisoner):
    """The record's dated rows (dates as ISO strings), by the one visibility rule."""
    import datetime

    events = [
        {"kind": "icrc_visit", "date": datetime.date(2021, 3, 10)},
        {
            "kind": "transfer",
            "date": datetime.date(2022, 1, 1),
            "from_place": "Baku pre-trial detention centre",
            "to_place": "Umbaki colony",
        },
    ]
    shown = make_prisoner(title="Shown Person", slug="shown")
    named = make_prisoner(
        title="Named Person",
        slug="named",
        consent=Consent.NAME_ONLY,
        visibility=Visibility.NAME_ONLY,
    )
    for page in (shown, named):
        page.prisoner.detention_events = events
        page.prisoner.save()

    profile = detail(client, shown)[1]["profile"]
    assert profile["icrc_visits"] == ["2021-03-10"]
    assert profile["icrc_last_visit_on"] == "2021-03-10"
    [transfer] = profile["transfers"]
    assert transfer["date"] == "2022-01-01" and transfer["to_place"] == "Umbaki colony"

    text = json.dumps(detail(client, named)[1])
    assert "2021-03-10" not in text and "Umbaki" not in text
