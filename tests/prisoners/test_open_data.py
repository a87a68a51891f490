"""Open data: the public profiles as CSV and JSON, one documented schema, a licence."""

import csv
import datetime
import io
import json

import pytest

from prisoners.open_data import FIELDS, SCHEMA_VERSION
from prisoners.visibility import Consent, Visibility

from .factories import SponsorshipFactory

pytestmark = pytest.mark.django_db

COLUMNS = [name for name, _kind, _description in FIELDS]


@pytest.fixture
def published(make_prisoner, translate):
    full = make_prisoner(
        title="Aram Example",
        slug="aram",
        name_native="Արամ Օրինակ",
        other_spellings="Aram Exampleian\nAram Primer",
        born_on=datetime.date(1999, 5, 14),
        home_town="Exampleville",
        captured_on=datetime.date(2020, 11, 3),
        sentence_years=6,
    )
    translate(full, "hy", title="Արամ Օրինակյան")
    make_prisoner(
        title="=HYPERLINK(evil)",
        slug="formula",
        consent=Consent.PUBLIC_RECORD,
        visibility=Visibility.NAME_ONLY,
        home_town="Hidden Town",
    )
    make_prisoner(title="Not Shown", slug="hidden", consent=Consent.REFUSED, visibility=0)
    SponsorshipFactory(
        campaign_key=full.get_parent().translation_key, prisoner_key=full.translation_key
    )
    return full


def test_json_document_has_schema_licence_figures_and_profiles(client, published):
    response = client.get("/open-data/prisoners.json", headers={"origin": "https://anyone.example"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] in ("*", "https://anyone.example")
    assert "Access-Control-Allow-Credentials" not in response
    assert response["X-Schema-Version"] == SCHEMA_VERSION
    assert 'rel="license"' in response["Link"] and 'rel="describedby"' in response["Link"]
    data = json.loads(response.content)

    assert data["schema_version"] == SCHEMA_VERSION
    assert data["schema"] == "http://testserver/open-data/prisoners.schema.json"
    assert data["licence"] == {
        "id": "CC-BY-4.0",
        "name": "Creative Commons Attribution 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert data["attribution"] == "Test campaign"
    assert data["language"] == "en"
    assert data["source"] == "http://localhost/en/prisoners/"
    assert data["figures"]["profiles"] == 3
    assert data["figures"]["held"] == 3

    rows = {row["name"]: row for row in data["prisoners"]}
    assert set(rows) == {"Aram Example", "=HYPERLINK(evil)"}
    aram = rows["Aram Example"]
    assert list(aram) == COLUMNS  # every column, in schema order
    assert aram["id"] == str(published.translation_key)
    assert aram["url"] == "http://localhost/en/prisoners/aram/"
    assert aram["other_spellings"] == ["Aram Exampleian", "Aram Primer"]
    assert aram["visibility"] == "full"
    assert aram["captured_on"] == "2020-11-03"
    assert aram["born_on"] == "1999-05-14"
    assert aram["sponsor_count"] == 1
    assert aram["is_sample"] is False
    assert rows["=HYPERLINK(evil)"]["home_town"] is None
    assert rows["=HYPERLINK(evil)"]["born_on"] is None


def test_the_same_person_has_the_same_id_in_every_language(client, published):
    english = json.loads(client.get("/open-data/prisoners.json").content)
    armenian = json.loads(client.get("/open-data/prisoners.json?lang=hy").content)
    assert armenian["language"] == "hy"
    by_id = {row["id"]: row for row in armenian["prisoners"]}
    row = by_id[str(published.translation_key)]
    assert row["name"] == "Արամ Օրինակյան"
    assert row["language"] == "hy"
    assert row["url"] == "http://localhost/hy/prisoners/aram/"
    # Not yet translated into Armenian: listed in English rather than left out.
    assert {row["id"] for row in english["prisoners"]} == set(by_id)


def test_csv_has_the_documented_columns_and_is_safe_in_spreadsheets(client, published):
    response = client.get("/open-data/prisoners.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert list(rows[0]) == COLUMNS
    by_name = {row["name"]: row for row in rows}
    assert by_name["Aram Example"]["other_spellings"] == "Aram Exampleian | Aram Primer"
    assert by_name["Aram Example"]["is_sample"] == "false"
    # A cell that a spreadsheet would run as a formula is neutralised.
    assert "'=HYPERLINK(evil)" in by_name
    assert by_name["'=HYPERLINK(evil)"]["home_town"] == ""


def test_the_schema_documents_every_column(client):
    schema = json.loads(client.get("/open-data/prisoners.schema.json").content)
    assert schema["version"] == SCHEMA_VERSION
    assert schema["primaryKey"] == "id"
    assert [field["name"] for field in schema["fields"]] == COLUMNS
    assert all(field["description"] for field in schema["fields"])


def test_the_schema_reads_list_cells_as_the_csv_writes_them(client, published):
    """A Table Schema reader splits `other_spellings` back into the JSON's list."""
    schema = json.loads(client.get("/open-data/prisoners.schema.json").content)
    fields = {field["name"]: field for field in schema["fields"]}
    json_rows = json.loads(client.get("/open-data/prisoners.json").content)["prisoners"]
    csv_text = client.get("/open-data/prisoners.csv").content.decode("utf-8").lstrip("\ufeff")
    csv_rows = {row["id"]: row for row in csv.DictReader(io.StringIO(csv_text))}

    # 1.0 called the column an array of JSON; 1.1 made it a list (1.2 added columns).
    assert tuple(map(int, SCHEMA_VERSION.split("."))) >= (1, 1)
    for name, field in fields.items():
        assert field["type"] in ("string", "date", "integer", "boolean", "list"), name
        for row in json_rows:
            cell = csv_rows[row["id"]][name]
            if field["type"] == "list":
                assert field["itemType"] in ("string", "date")
                split = cell.split(field["delimiter"]) if cell else []
                assert split == (row[name] or []), name


def test_no_licence_no_open_data(client, published, prisoner_indexes):
    index = prisoner_indexes["en"]
    index.data_licence = ""
    index.save_revision().publish()
    assert client.get("/open-data/prisoners.json").status_code == 404
    assert client.get("/open-data/prisoners.csv").status_code == 404
    assert "Open data" not in client.get("/en/prisoners/").content.decode()


def test_unknown_language_is_a_404(client, published):
    assert client.get("/open-data/prisoners.json?lang=de").status_code == 404


def test_the_index_links_to_the_files_and_names_the_licence(client, published):
    from .conftest import soup

    section = soup(client.get("/fr/prisoners/")).select_one(".open-data")
    links = {a.get_text(strip=True): a["href"] for a in section.find_all("a")}
    assert links["CSV"] == "/open-data/prisoners.csv?lang=fr"
    assert links["JSON"] == "/open-data/prisoners.json?lang=fr"
    assert "CC-BY-4.0" in section.get_text()


@pytest.mark.parametrize("name", ["prisoners.json", "prisoners.csv", "prisoners.schema.json"])
def test_head_answers_as_get_does_without_the_body(client, published, name):
    got = client.get(f"/open-data/{name}")
    head = client.head(f"/open-data/{name}")

    assert head.status_code == got.status_code == 200
    assert head["Content-Type"] == got["Content-Type"]
    assert head.content == b""


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_building_the_file_costs_the_same_queries_however_many_people(client, make_prisoner, fmt):
    """Open data is kept between requests, but every editor's change rebuilds it: the build
    itself (measured with nothing kept) must not ask once per person or per dated row."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from prisoners.models import DetentionEvent
    from prisoners.models.prisoner import DetentionEventKind

    def add(first, last):
        for number in range(first, last):
            person = make_prisoner(title=f"Person {number}", slug=f"person-{number}")
            for day in (1, 2):
                DetentionEvent.objects.create(
                    prisoner=person.prisoner,
                    kind=DetentionEventKind.ICRC_VISIT,
                    date=datetime.date(2022, 1, day),
                )

    def cold_queries():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/open-data/prisoners.{fmt}").status_code == 200
        return len(captured)

    add(0, 2)
    cold_queries()  # settings rows Wagtail creates on a first view
    few = cold_queries()
    add(2, 12)
    assert cold_queries() == few
