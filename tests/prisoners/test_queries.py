"""The index and a profile cost a fixed number of queries, however many people and sponsors."""

import itertools

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prisoners.models import Category, Status
from prisoners.visibility import Consent, Visibility

from .conftest import soup
from .factories import SponsorshipFactory

pytestmark = pytest.mark.django_db

CATEGORIES = itertools.cycle([c.value for c in Category])
STATUSES = itertools.cycle([Status.HELD, Status.SENTENCED, Status.DISAPPEARED])
LEVELS = itertools.cycle(
    [
        (Consent.GIVEN, Visibility.FULL),
        (Consent.GIVEN, Visibility.FULL),
        (Consent.NAME_ONLY, Visibility.NAME_ONLY),
        (Consent.REFUSED, Visibility.COUNTED),
    ]
)


def add_people(make_prisoner, count, images, start=0):
    pages = []
    for number in range(start, start + count):
        consent, visibility = next(LEVELS)
        page = make_prisoner(
            title=f"Person {number:04d}",
            slug=f"person-{number}",
            category=next(CATEGORIES),
            status=next(STATUSES),
            consent=consent,
            visibility=visibility,
            photo=images[number % len(images)],
        )
        pages.append(page)
        if number % 3 == 0:
            SponsorshipFactory(
                campaign_key=page.get_parent().translation_key, prisoner_key=page.translation_key
            )
    return pages


def queries_for(client, url):
    # Renditions and the site's settings are made on the first view; the settings' save
    # retires what pages keep (campaign_site.render_cache), which the second view keeps
    # again. Count the usual one.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context), response


URLS = [
    "/en/prisoners/",
    "/fr/prisoners/",
    "/en/prisoners/?category=pow&status=held",
    "/en/prisoners/?q=person",
    "/en/prisoners/?page=2",
]


def test_the_index_renders_with_the_same_queries_for_5_and_500_people(
    client, make_prisoner, prisoner_indexes
):
    images = [wagtail_factories.ImageFactory(title=f"Photo {n}") for n in range(12)]
    add_people(make_prisoner, 5, images)
    few = {url: queries_for(client, url) for url in URLS}

    add_people(make_prisoner, 495, images, start=5)
    many = {url: queries_for(client, url) for url in URLS}

    for url in URLS:
        assert many[url][0] == few[url][0], url
    # The page really shows the larger list, with photos and sponsor counts.
    document = soup(many["/en/prisoners/"][1])
    assert document.select_one(".profile-count").get_text(strip=True) == "375 people"
    assert len(document.select(".profile-card")) == 24
    assert document.select(".profile-card img")
    assert "500 people have a profile here" in document.get_text(" ", strip=True)
    print({url: count for url, (count, _response) in many.items()})  # noqa: T201


def test_a_profile_renders_with_the_same_queries_for_1_and_30_sponsors(
    client, make_prisoner, photo
):
    page = make_prisoner(title="Aram Example", slug="aram", photo=photo)
    parent_key = page.get_parent().translation_key
    SponsorshipFactory(campaign_key=parent_key, prisoner_key=page.translation_key)
    few, _response = queries_for(client, "/en/prisoners/aram/")
    SponsorshipFactory.create_batch(29, campaign_key=parent_key, prisoner_key=page.translation_key)
    many, response = queries_for(client, "/en/prisoners/aram/")
    assert many == few
    assert len(soup(response).select(".sponsor")) == 30
