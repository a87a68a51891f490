"""The demo: the seed's figures, clearly fictional sample people, two sample sponsors."""

import pytest

from prisoners.models import (
    Category,
    DetentionEvent,
    PrisonerIndexPage,
    PrisonerPage,
    Sponsorship,
    Status,
)
from prisoners.visibility import Visibility

from .conftest import soup

pytestmark = pytest.mark.django_db


def test_demo_builds_the_index_with_the_seeds_figures(client, demo):
    index = PrisonerIndexPage.objects.get(locale__language_code="en")
    assert index.show_in_menus and index.live
    assert (index.reported_held, index.reported_prisoners_of_war) == (23, 9)
    assert (index.reported_civilians, index.reported_political_leaders) == (6, 8)
    assert (index.reported_sentence_min, index.reported_sentence_max) == (4, 20)
    assert index.disappeared_count == 80 and index.disappeared_at_least
    assert "Sponsor an Armenian POW or the complete group" in index.disappeared_source_title

    figures = soup(client.get("/en/prisoners/")).select_one(".figures").get_text(" ", strip=True)
    for expected in ("People held 23", "Prisoner of war 9", "Civilian 6", "Political leader 8"):
        assert expected in figures
    assert "4 to 20 years" in figures and "at least 80" in figures
    nav = soup(client.get("/en/")).select_one("nav.main-nav")
    assert "/en/prisoners/" in [a["href"] for a in nav.find_all("a")]


def test_demo_people_are_fictional_and_cover_every_case(client, demo):
    people = PrisonerPage.objects.filter(locale__language_code="en")
    assert people.count() >= 5
    assert all(person.is_sample for person in people)
    assert {person.category for person in people} == set(Category.values)
    assert {person.status for person in people} == set(Status.values)
    assert {person.visibility for person in people} == set(Visibility.values)

    cards = soup(client.get("/en/prisoners/")).select(".profile-card")
    assert cards and all(
        card.select_one(".sample-badge").get_text() == "Sample data: a fictional person"
        for card in cards
    )
    hidden = people.get(prisoner__visibility=Visibility.COUNTED)
    assert client.get(hidden.url).status_code == 404


def test_demo_sponsors_are_samples_and_approved(demo):
    sponsors = Sponsorship.objects.all()
    assert sponsors.count() == 2
    assert {sponsor.sponsor_type for sponsor in sponsors} == {"municipality", "ngo"}
    assert all(s.is_sample and s.status == "approved" and s.consent_to_list for s in sponsors)
    assert sponsors.filter(prisoner_key__isnull=True).count() == 1  # the whole group


@pytest.mark.parametrize(("language", "title"), [("fr", "Prisonniers"), ("hy", "Գերիներ")])
def test_demo_index_and_profiles_are_translated(client, demo, language, title):
    response = client.get(f"/{language}/prisoners/")
    assert response.status_code == 200
    document = soup(response)
    assert document.h1.get_text(strip=True) == title
    links = [card.h3.a["href"] for card in document.select(".profile-card")]
    assert links and all(link.startswith(f"/{language}/prisoners/") for link in links)
    assert client.get(links[0]).status_code == 200


def test_demo_is_idempotent(demo, load_demo):
    counts = (PrisonerPage.objects.count(), Sponsorship.objects.count())
    events = list(DetentionEvent.objects.order_by("pk").values_list("pk", flat=True))
    load_demo()
    assert (PrisonerPage.objects.count(), Sponsorship.objects.count()) == counts
    # The ICRC visits and transfers are the same rows: nothing changed, nothing rewritten.
    assert list(DetentionEvent.objects.order_by("pk").values_list("pk", flat=True)) == events


def test_demo_shows_the_legal_file_and_keeps_health_private(client, demo):
    text = soup(client.get("/hy/prisoners/sample-aram-sampleyan/")).main.get_text(" ", strip=True)
    # The place of detention is the record's, as the source page names it (not translated).
    assert "99999/21" in text and "Sample prison (fictional)" in text
    assert "10 մարտի, 2021 թ." in text  # an ICRC visit, in Armenian
    assert "կարմիր խաչի նամակ" in text  # the family contact, published with consent
    english = soup(client.get("/en/prisoners/sample-aram-sampleyan/")).main.get_text(" ")
    assert "Sample remand centre" in english
    assert "health concern" not in english.lower()  # private by default
    ani = soup(client.get("/en/prisoners/sample-ani-exampleyan/")).main.get_text(" ")
    assert "April 5, 2022" in ani  # the ICRC visit shows
    assert "Sept. 30, 2023" not in ani  # the family contact is private
