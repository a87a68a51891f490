"""Profile facts of the legal file and of the detention (issue 15, point 2).

The appeal, the application to the European Court of Human Rights (Rule 39), the last
contact with the family, the health concerns, the ICRC visits and the transfers live on
the shared record (`Prisoner`, its `DetentionEvent` rows), are set on the source page's
Facts tab and apply on publish, in every language at once. The public sees them through
the one visibility rule: a full profile shows them, except the family contact and health,
which are private until an editor marks them public; name-only and hidden show none.
"""

import csv
import datetime
import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.search.backends import get_search_backend
from wagtail.test.utils.form_data import nested_form_data, streamfield

from prisoners.models import DetentionEvent, Prisoner, PrisonerPage, Status
from prisoners.open_data import SCHEMA_VERSION
from prisoners.visibility import Consent, Visibility

from .conftest import soup
from .test_prisoner_record import edit_form

pytestmark = pytest.mark.django_db

HEALTH = "Untreated diabetes, reported by a released cellmate"


@pytest.fixture
def person(make_prisoner, translate):
    page = make_prisoner(title="Aram Example", slug="aram", status=Status.SENTENCED)
    return {
        "en": page,
        "fr": translate(page, "fr", title="Aram Exemple"),
        "hy": translate(page, "hy", title="Արամ Օրինակ"),
    }


def facts_form(page, events=(), **facts):
    """The editor's form with the new facts filled in (and `facts` over them)."""
    data = edit_form(page)
    data.update(
        nested_form_data(
            {
                "appeal_court": "Baku Court of Appeal",
                "appeal_lodged_on": "2021-07-20",
                "appeal_outcome": "upheld",
                "appeal_decided_on": "2021-12-14",
                "echr_application": "12345/21",
                "echr_lodged_on": "2021-02-15",
                "echr_interim_measure": "on",
                "echr_interim_measure_on": "2021-02-18",
                "echr_compliance": "does-not-comply",
                "family_contact_on": "2024-02-12",
                "family_contact_channel": "icrc",
                "health_concerns": HEALTH,
                "health_noted_on": "2024-02-11",
                "detention_events": streamfield(list(events)),
            }
        )
    )
    data.update(facts)
    return data


EVENTS = [
    ("transfer", {"date": "2020-12-02", "from_place": "Remand Alpha", "to_place": "Prison Beta"}),
    ("icrc_visit", {"date": "2021-03-10"}),
]


def publish(admin_client, page, data):
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, soup(response).select(".error-message, .help-critical")
    return response


def profile_text(client, language, slug="aram"):
    response = client.get(f"/{language}/prisoners/{slug}/")
    assert response.status_code == 200
    return soup(response).main.get_text(" ", strip=True)


def open_data_rows(client, language="en"):
    data = json.loads(client.get(f"/open-data/prisoners.json?lang={language}").content)
    return {row["name"]: row for row in data["prisoners"]}


def test_an_editor_sets_the_facts_and_every_language_shows_them(admin_client, person, client):
    publish(admin_client, person["en"], facts_form(person["en"], events=EVENTS))

    record = Prisoner.objects.get()
    assert record.echr_application == "12345/21"
    assert record.echr_interim_measure is True
    assert record.appeal_outcome == "upheld"
    assert record.family_contact_public is False and record.health_public is False
    rows = list(record.events.order_by("sort_order").values_list("kind", "date", "to_place"))
    assert rows == [
        ("transfer", datetime.date(2020, 12, 2), "Prison Beta"),
        ("icrc_visit", datetime.date(2021, 3, 10), ""),
    ]

    expected = {
        "en": ["Application no. 12345/21", "Feb. 18, 2021", "March 10, 2021", "Sentence upheld"],
        "fr": ["Requête n°\u00a012345/21", "18 février 2021", "10 mars 2021", "Peine confirmée"],
        "hy": ["Գանգատ № 12345/21", "18 փետրվարի, 2021 թ.", "10 մարտի, 2021 թ."],
    }
    for language, phrases in expected.items():
        text = profile_text(client, language)
        for phrase in [*phrases, "Remand Alpha", "Prison Beta"]:
            assert phrase in text, (language, phrase)
        assert HEALTH not in text and "2024" not in text, language  # private by default


def test_private_facts_are_shown_nowhere_public_until_marked(admin_client, person, client):
    publish(admin_client, person["en"], facts_form(person["en"], events=EVENTS))
    key = str(person["en"].translation_key)

    def public_outputs():
        outputs = [
            client.get(f"/{lang}/prisoners/aram/").content.decode() for lang in ["en", "fr", "hy"]
        ]
        outputs += [
            client.get("/open-data/prisoners.json").content.decode(),
            client.get("/open-data/prisoners.csv").content.decode(),
            client.get(f"/api/widgets/prisoners/{person['en'].pk}").content.decode(),
            client.get("/api/widgets/prisoners/").content.decode(),
            client.get(f"/embed/prisoner/{person['en'].pk}/").content.decode(),
            client.get(f"/api/v2/pages/{person['en'].pk}/").content.decode(),
            client.get(
                "/api/v2/pages/", {"type": "prisoners.PrisonerPage", "fields": "*"}
            ).content.decode(),
            client.get("/en/prisoners/").content.decode(),
        ]
        return "\n".join(outputs)

    everything = public_outputs()
    assert "Untreated diabetes" not in everything
    assert "2024-02-12" not in everything and "2024-02-11" not in everything
    assert "Red Cross message" not in everything
    assert "Untreated" not in client.get("/en/search/", {"q": "diabetes"}).content.decode()
    assert list(get_search_backend().search("diabetes", PrisonerPage.objects.all())) == []
    row = open_data_rows(client)["Aram Example"]
    assert row["id"] == key
    assert row["health_concerns"] is None and row["family_contact_on"] is None
    assert row["echr_application"] == "12345/21"  # the public facts are there

    # The editor marks both public: they show on the profile and in the open data.
    publish(
        admin_client,
        person["en"],
        facts_form(person["en"], events=EVENTS, family_contact_public="on", health_public="on"),
    )
    assert HEALTH in profile_text(client, "en")
    text = profile_text(client, "fr")
    assert "12 février 2024" in text and "message croix-rouge (par le cicr)" in text
    assert "11 février 2024" not in text  # health text (and its date) await their translation
    row = open_data_rows(client)["Aram Example"]
    assert row["health_concerns"] == HEALTH
    assert row["family_contact_on"] == "2024-02-12"
    assert row["family_contact_channel"] == "icrc"
    # Still nothing in the search index, nor in the cards of widgets.
    assert list(get_search_backend().search("diabetes", PrisonerPage.objects.all())) == []
    assert (
        "diabetes" not in client.get(f"/api/widgets/prisoners/{person['en'].pk}").content.decode()
    )


@pytest.mark.parametrize(
    ("consent", "level"),
    [(Consent.PUBLIC_RECORD, Visibility.NAME_ONLY), (Consent.REFUSED, Visibility.COUNTED)],
)
def test_name_only_and_hidden_profiles_show_none_of_these_facts(
    admin_client, make_prisoner, client, consent, level
):
    page = make_prisoner(title="Lusine Example", slug="lusine")
    publish(
        admin_client,
        page,
        facts_form(
            page,
            events=EVENTS,
            consent=consent,
            visibility=str(int(level)),
            family_contact_public="on",
            health_public="on",
        ),
    )
    assert Prisoner.objects.get().visibility == level
    response = client.get("/en/prisoners/lusine/")
    rows = open_data_rows(client)
    if level == Visibility.COUNTED:
        assert response.status_code == 404
        assert rows == {}
        return
    text = soup(response).main.get_text(" ", strip=True)
    for hidden in ("12345/21", "Rule 39", "Remand Alpha", "March 10, 2021", "Untreated", "Appeal"):
        assert hidden not in text, hidden
    row = rows["Lusine Example"]
    for name in (
        "appeal_court",
        "appeal_outcome",
        "echr_application",
        "echr_interim_measure",
        "icrc_visits",
        "transfers",
        "family_contact_on",
        "health_concerns",
    ):
        assert row[name] is None, name


def test_the_application_number_must_look_like_the_courts(admin_client, person):
    url = reverse("wagtailadmin_pages:edit", args=[person["en"].pk])
    response = admin_client.post(url, facts_form(person["en"], echr_application="2021-12345"))
    assert response.status_code == 200
    assert "echr_application" in response.context["form"].errors
    assert Prisoner.objects.get().echr_application == ""
    for wrong in ("123456/21", "12345/2021", "12345-21", "no. 12345/21"):
        response = admin_client.post(url, facts_form(person["en"], echr_application=wrong))
        assert "echr_application" in response.context["form"].errors, wrong
    # An interim measure's date without the measure is refused too.
    response = admin_client.post(url, facts_form(person["en"], echr_interim_measure=""))
    assert "echr_interim_measure" in response.context["form"].errors


def test_a_revision_keeps_only_the_changed_facts_and_old_drafts_keep_the_rows(admin_client, person):
    page = person["en"]
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    # A draft that changes only the status (no events touched).
    draft = edit_form(page, status=Status.RELEASED, released_on="2024-01-19")
    del draft["action-publish"]
    assert admin_client.post(url, draft).status_code == 302
    old_draft = PrisonerPage.objects.get(pk=page.pk).get_latest_revision()
    assert set(old_draft.content["prisoner_facts"]) == {"status", "released_on"}

    # Then the events and the ECHR facts are published.
    publish(admin_client, page, facts_form(PrisonerPage.objects.get(pk=page.pk), events=EVENTS))
    latest = PrisonerPage.objects.get(pk=page.pk).live_revision
    assert latest.content["prisoner_facts"]["detention_events"][0] == {
        "kind": "transfer",
        "date": "2020-12-02",
        "from_place": "Remand Alpha",
        "to_place": "Prison Beta",
    }
    assert DetentionEvent.objects.count() == 2

    # Publishing the old draft changes its facts, and leaves the rows as they are.
    old_draft.publish()
    record = Prisoner.objects.get()
    assert record.status == Status.RELEASED
    assert record.echr_application == "12345/21"
    assert [event["kind"] for event in record.detention_events] == ["transfer", "icrc_visit"]

    # An edit that changes nothing of the facts keeps nothing of them in the revision.
    page = PrisonerPage.objects.get(pk=page.pk)
    data = facts_form(page, events=EVENTS, status=Status.RELEASED, released_on="2024-01-19")
    del data["action-publish"]
    assert admin_client.post(url, data).status_code == 302
    assert (
        PrisonerPage.objects.get(pk=page.pk).get_latest_revision().content["prisoner_facts"] == {}
    )


def test_removing_the_rows_on_publish_removes_them_in_every_language(admin_client, person, client):
    publish(admin_client, person["en"], facts_form(person["en"], events=EVENTS))
    page = PrisonerPage.objects.get(pk=person["en"].pk)
    publish(admin_client, page, facts_form(page, events=[]))
    assert DetentionEvent.objects.count() == 0
    assert "Remand Alpha" not in profile_text(client, "hy")


def test_the_open_data_matches_its_schema(admin_client, person, client, make_prisoner):
    publish(
        admin_client,
        person["en"],
        facts_form(person["en"], events=EVENTS, family_contact_public="on"),
    )
    make_prisoner(title="Name Only", slug="name-only", consent=Consent.NAME_ONLY, visibility=1)
    schema = json.loads(client.get("/open-data/prisoners.schema.json").content)
    assert schema["version"] == SCHEMA_VERSION == "1.2"
    fields = {field["name"]: field for field in schema["fields"]}
    json_rows = json.loads(client.get("/open-data/prisoners.json").content)["prisoners"]
    csv_text = client.get("/open-data/prisoners.csv").content.decode().lstrip("\ufeff")
    csv_rows = {row["id"]: row for row in csv.DictReader(io.StringIO(csv_text))}

    def valid(kind, value):
        if value is None:
            return True
        return {
            "string": lambda: isinstance(value, str),
            "integer": lambda: isinstance(value, int) and not isinstance(value, bool),
            "boolean": lambda: isinstance(value, bool),
            "date": lambda: bool(datetime.date.fromisoformat(value)),
            "list": lambda: isinstance(value, list),
        }[kind]()

    for row in json_rows:
        assert list(row) == list(fields)
        for name, field in fields.items():
            assert valid(field["type"], row[name]), (name, row[name])
            if field["type"] == "list" and row[name]:
                for item in row[name]:
                    assert valid(field["itemType"], item), (name, item)
                cell = csv_rows[row["id"]][name]
                assert cell.split(field["delimiter"]) == row[name], name

    aram = next(row for row in json_rows if row["name"] == "Aram Example")
    assert aram["icrc_visits"] == ["2021-03-10"]
    assert aram["transfers"] == ["2020-12-02: Remand Alpha → Prison Beta"]
    assert aram["echr_interim_measure"] is True
    assert aram["echr_compliance"] == "does-not-comply"
    assert aram["family_contact_channel"] == "icrc"
    assert aram["health_concerns"] is None


def test_translators_never_receive_private_health_text(person):
    from prisoners.permissions import PublicTextField

    page = PrisonerPage.objects.get(pk=person["en"].pk)
    page.health_concerns = HEALTH
    field = next(f for f in PrisonerPage.translatable_fields if f.field_name == "health_concerns")
    assert isinstance(field, PublicTextField)
    assert not field.is_translated(page)
    page.health_public = True
    assert field.is_translated(page)


def test_a_hidden_person_answers_404_in_every_language_whatever_the_facts(person):
    record = Prisoner.objects.get()
    record.consent = Consent.REFUSED
    record.health_public = True
    record.save()
    for language in ("en", "fr", "hy"):
        assert Client().get(f"/{language}/prisoners/aram/").status_code == 404


def test_the_persons_file_names_the_appeal_and_the_echr_application(admin_client, person):
    publish(admin_client, person["en"], facts_form(person["en"], events=EVENTS))
    response = admin_client.get(reverse("prisoners_person_file", args=[person["en"].pk]))
    text = soup(response).get_text(" ", strip=True)
    assert "Application no. 12345/21" in text
    assert "Sentence upheld" in text
    assert "does not comply" in text
