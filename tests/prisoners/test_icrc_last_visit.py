"""The last known ICRC visit has one source: the latest ICRC-visit row (DetentionEvent).

The profile, the open data's `icrc_last_visit_on` column, the person's file and the
record agree; a date set in the old field became a row (migration prisoners 0011);
the visibility rule and "a revision keeps only changed facts" are unchanged."""

import datetime
import importlib
import json

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from prisoners.models import DetentionEvent, Prisoner, PrisonerPage, Status
from prisoners.visibility import Consent

from .conftest import soup
from .test_profile_facts import facts_form, profile_text, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(make_prisoner, translate):
    page = make_prisoner(title="Aram Example", slug="aram", status=Status.SENTENCED)
    return {"en": page, "fr": translate(page, "fr", title="Aram Exemple")}


VISITS = [
    ("icrc_visit", {"date": "2023-06-01"}),
    ("transfer", {"date": "2024-01-05", "from_place": "Remand Alpha", "to_place": "Prison Beta"}),
    ("icrc_visit", {"date": "2021-03-10"}),
]


def open_data_row(client):
    rows = json.loads(client.get("/open-data/prisoners.json").content)["prisoners"]
    return next(row for row in rows if row["name"] == "Aram Example")


def test_the_latest_visit_row_is_the_last_visit_everywhere(admin_client, person, client):
    publish(admin_client, person["en"], facts_form(person["en"], events=VISITS))
    assert Prisoner.objects.get().icrc_last_visit_on == datetime.date(2023, 6, 1)
    assert "last known visit: June 1, 2023" in profile_text(client, "en")
    assert "1 juin 2023" in profile_text(client, "fr")
    row = open_data_row(client)
    assert row["icrc_last_visit_on"] == "2023-06-01"
    assert row["icrc_visits"] == ["2021-03-10", "2023-06-01"]
    response = admin_client.get(reverse("prisoners_person_file", args=[person["en"].pk]))
    text = soup(response).get_text(" ", strip=True)
    assert "Last known ICRC visit June 1, 2023" in text

    # Without visit rows, there is no last visit anywhere.
    page = PrisonerPage.objects.get(pk=person["en"].pk)
    publish(admin_client, page, facts_form(page, events=[VISITS[1]]))
    assert Prisoner.objects.get().icrc_last_visit_on is None
    assert "last known visit" not in profile_text(client, "en")
    assert open_data_row(client)["icrc_last_visit_on"] is None


def test_the_old_field_is_no_longer_an_input(admin_client, person):
    """Posting the old field changes nothing: the rows decide."""
    publish(
        admin_client,
        person["en"],
        facts_form(person["en"], events=VISITS, icrc_last_visit_on="2025-01-01"),
    )
    assert Prisoner.objects.get().icrc_last_visit_on == datetime.date(2023, 6, 1)


def test_a_draft_preview_follows_its_rows_and_its_revision_keeps_only_changes(admin_client, person):
    page = person["en"]
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    draft = facts_form(page, events=VISITS)
    del draft["action-publish"]
    assert admin_client.post(url, draft).status_code == 302
    revision = PrisonerPage.objects.get(pk=page.pk).get_latest_revision()
    assert "icrc_last_visit_on" not in revision.content["prisoner_facts"]
    assert "detention_events" in revision.content["prisoner_facts"]
    assert revision.as_object().icrc_last_visit_on == datetime.date(2023, 6, 1)
    assert Prisoner.objects.get().icrc_last_visit_on is None  # a draft applies nothing

    publish(admin_client, PrisonerPage.objects.get(pk=page.pk), facts_form(page, events=VISITS))
    page = PrisonerPage.objects.get(pk=page.pk)
    data = facts_form(page, events=VISITS)
    del data["action-publish"]
    assert admin_client.post(url, data).status_code == 302
    assert (
        PrisonerPage.objects.get(pk=page.pk).get_latest_revision().content["prisoner_facts"] == {}
    )


def test_name_only_and_hidden_people_show_no_visit(admin_client, person, client):
    """The last visit follows the visits' rule: full profiles only."""
    publish(admin_client, person["en"], facts_form(person["en"], events=VISITS))
    record = Prisoner.objects.get()
    record.consent = Consent.NAME_ONLY
    record.save()
    row = open_data_row(client)
    assert row["visibility"] == "name-only"
    assert row["icrc_last_visit_on"] is None and row["icrc_visits"] is None
    text = profile_text(Client(), "en")
    assert "June 1, 2023" not in text and "March 10, 2021" not in text
    assert "Registered by the ICRC" in text
    record.consent = Consent.REFUSED
    record.save()
    assert Client().get("/en/prisoners/aram/").status_code == 404
    assert "2023-06-01" not in Client().get("/open-data/prisoners.json").content.decode()


def test_the_migration_turns_the_old_field_into_a_row(make_prisoner):
    migration = importlib.import_module("prisoners.migrations.0011_icrc_last_visit_from_rows")
    only_field = make_prisoner(title="Only Field", slug="only-field").prisoner
    Prisoner.objects.filter(pk=only_field.pk).update(icrc_last_visit_on=datetime.date(2022, 5, 4))
    both = make_prisoner(title="Both", slug="both").prisoner
    both.detention_events = [
        {"kind": "transfer", "date": datetime.date(2020, 1, 1)},
        {"kind": "icrc_visit", "date": datetime.date(2024, 2, 2)},
    ]
    both.save()
    Prisoner.objects.filter(pk=both.pk).update(icrc_last_visit_on=datetime.date(2021, 1, 1))
    same = make_prisoner(title="Same", slug="same").prisoner
    same.detention_events = [{"kind": "icrc_visit", "date": datetime.date(2023, 3, 3)}]
    same.save()
    none = make_prisoner(title="None", slug="none").prisoner

    migration.old_field_to_rows(apps, None)
    migration.old_field_to_rows(apps, None)  # twice changes nothing more

    def visits(record):
        rows = DetentionEvent.objects.filter(prisoner=record).order_by("sort_order")
        return [(row.kind, row.date) for row in rows]

    assert visits(only_field) == [("icrc_visit", datetime.date(2022, 5, 4))]
    assert visits(both) == [
        ("transfer", datetime.date(2020, 1, 1)),
        ("icrc_visit", datetime.date(2024, 2, 2)),
        ("icrc_visit", datetime.date(2021, 1, 1)),
    ]
    assert visits(same) == [("icrc_visit", datetime.date(2023, 3, 3))]
    assert visits(none) == []
    last = dict(Prisoner.objects.values_list("name", "icrc_last_visit_on"))
    assert last == {
        "Only Field": datetime.date(2022, 5, 4),
        "Both": datetime.date(2024, 2, 2),
        "Same": datetime.date(2023, 3, 3),
        "None": None,
    }
