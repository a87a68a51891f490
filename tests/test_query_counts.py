"""Petitions, prisoners, their widgets and the APIs cost a few queries once warm, however
many people and signatures there are; and what they keep never outlives a person's
visibility (campaign_site.render_cache)."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from petitions.models import PetitionDecisionMaker, PetitionPage, PetitionStatus, PetitionSubject
from prisoners.models import Sponsorship
from prisoners.visibility import Visibility
from tests.petitions.factories import add_signatures, make_petition
from tests.prisoners.factories import (
    PrisonerIndexPageFactory,
    PrisonerPageFactory,
    SponsorshipFactory,
)

pytestmark = pytest.mark.django_db

#: What each page type may cost, warm, on top of Wagtail's routing and the base template
#: (both kept between requests by their own commits). The APIs, widgets and open data
#: have neither: the whole answer is theirs.
LIMIT = 12


@pytest.fixture
def campaign(home_pages):
    index = PrisonerIndexPageFactory(parent=home_pages["en"], show_in_menus=True)
    photo = wagtail_factories.ImageFactory(title="Portrait")
    people = [
        PrisonerPageFactory(parent=index, title=f"Person {n}", slug=f"person-{n}", photo=photo)
        for n in range(3)
    ]
    petition = make_petition(home_pages["en"], slug="free-them")
    page = PetitionPage.objects.get(pk=petition.pk)
    page.subjects = [PetitionSubject(subject=person) for person in people]
    page.decision_makers = [
        PetitionDecisionMaker(name=f"Minister {n}", role="Minister", photo=photo) for n in range(2)
    ]
    page.save_revision().publish()
    add_signatures(page.petition, 5)
    return {"index": index, "people": people, "petition": page, "photo": photo}


def urls(campaign):
    petition, person, index = campaign["petition"], campaign["people"][0], campaign["index"]
    key = petition.petition.translation_key
    return {
        "petition": petition.url,
        "petition thanks": f"{petition.url}thanks/?r=signed",
        "petition widget": f"/embed/petition/{petition.pk}/",
        "prisoner index": index.url,
        "prisoner index filtered": f"{index.url}?status=sentenced",
        "prisoner": person.url,
        "prisoner widget": f"/embed/prisoner/{person.pk}/",
        "prisoners widget": f"/embed/prisoners/{index.pk}/?lang=fr",
        "API pages": "/api/v2/pages/",
        "API petitions": "/api/v2/pages/?type=petitions.PetitionPage&fields=*",
        "API page": f"/api/v2/pages/{person.pk}/",
        "API figures": "/api/widgets/figures/",
        "widgets API petition": f"/api/widgets/petitions/{petition.pk}",
        "widgets API prisoners": "/api/widgets/prisoners/",
        "widgets API prisoner": f"/api/widgets/prisoners/{person.pk}",
        "count.json": f"/petitions/{key}/count.json",
        "open data": "/open-data/prisoners.json",
    }


def queries(client, url):
    """The queries of `url` once warm: renditions made, the site's settings created (which
    retires what was kept), then kept again. The fewest of two views (another test worker
    on the same Redis may clear the cache)."""
    client.get(url)
    client.get(url)
    counts = []
    for _attempt in range(2):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        counts.append([query["sql"] for query in context.captured_queries])
    return min(counts, key=len)


def test_every_page_type_costs_the_same_few_queries_with_more_people_and_signatures(
    client, campaign
):
    before = {name: queries(client, url) for name, url in urls(campaign).items()}

    for n in range(20):
        PrisonerPageFactory(
            parent=campaign["index"], title=f"More {n}", slug=f"more-{n}", photo=campaign["photo"]
        )
    add_signatures(campaign["petition"].petition, 20, country="AM")
    after = {name: queries(client, url) for name, url in urls(campaign).items()}

    counts = {name: (len(before[name]), len(after[name])) for name in before}
    print(counts)  # noqa: T201
    grew = {name: count for name, count in counts.items() if count[1] != count[0]}
    assert not grew, grew
    own = {
        name: after[name]
        for name in after
        if not name.startswith(("petition", "prisoner")) or "widget" in name
    }
    too_many = {name: len(sql) for name, sql in own.items() if len(sql) > LIMIT}
    assert not too_many, too_many
    # The widgets' and APIs' answers are kept whole: a handful of queries at most.
    for name in ("API pages", "API petitions", "API page", "API figures", "open data"):
        assert len(after[name]) == 0, (name, after[name])
    assert len(after["prisoners widget"]) <= 2, after["prisoners widget"]


def test_a_person_made_hidden_leaves_everything_kept_at_once(client, campaign):
    person = campaign["people"][0]
    seen = urls(campaign)
    showing = [
        "petition",
        "prisoner index",
        "prisoners widget",
        "API pages",
        "widgets API prisoners",
        "open data",
    ]
    for name in showing:
        client.get(seen[name])  # kept
        assert "Person 0" in client.get(seen[name]).content.decode(), name

    # The shared record, as a fact's save or a publish changes it (prisoners.signals).
    record = person.prisoner_record
    record.visibility = Visibility.COUNTED
    record.save()

    for name in showing:
        assert "Person 0" not in client.get(seen[name]).content.decode(), name
    for name in ("prisoner", "prisoner widget", "API page", "widgets API prisoner"):
        assert client.get(seen[name]).status_code == 404, name
    assert "Person 1" in client.get(seen["petition"]).content.decode()


def test_an_editors_decision_on_a_petition_or_a_sponsor_retires_what_was_kept(client, campaign):
    page = campaign["petition"]
    api = f"/api/widgets/petitions/{page.pk}"
    assert client.get(api).json()["status"] == "open"
    petition = page.petition
    petition.status = PetitionStatus.CLOSED
    petition.save()  # as publishing the source page does (petitions.signal_handlers)
    assert client.get(api).json()["status"] == "closed"

    person = campaign["people"][1]
    applied = SponsorshipFactory(
        campaign_key=campaign["index"].translation_key,
        prisoner_key=person.translation_key,
        name="Town of Example",
        status=Sponsorship.Status.PENDING,
    )
    client.get(person.url)
    assert "Town of Example" not in client.get(person.url).content.decode()
    applied.status = Sponsorship.Status.APPROVED
    applied.save()
    assert "Town of Example" in client.get(person.url).content.decode()


def test_made_up_widget_parameters_are_answered_but_not_kept(client, campaign):
    """Only what the index keeps is kept: made-up parameters or values would each take
    a key in Redis."""
    from tests.factories import cache_key_count

    client.get("/api/widgets/prisoners/")
    client.get("/api/widgets/prisoners/?status=nonsense")  # furniture kept once
    keys = cache_key_count()
    for number in range(10):
        response = client.get(f"/api/widgets/prisoners/?x={number}&status=nonsense{number}")
        assert response.status_code == 200
    assert cache_key_count() == keys
    client.get("/api/widgets/prisoners/?status=held")  # a real filter is kept
    assert cache_key_count() == keys + 1


def test_made_up_widget_languages_and_themes_are_answered_but_not_kept(client, campaign):
    from tests.factories import cache_key_count

    client.get("/api/widgets/prisoners/?lang=fr")
    keys = cache_key_count()
    for number in range(10):
        for query in (f"lang=x{number}", f"theme=x{number}", f"lang=fr&theme=x{number}"):
            assert client.get(f"/api/widgets/prisoners/?{query}").status_code == 200
    assert cache_key_count() == keys
    client.get("/api/widgets/prisoners/?lang=fr&theme=dark")  # a real theme is kept
    assert cache_key_count() == keys + 1
