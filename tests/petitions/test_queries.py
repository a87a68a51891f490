"""The petition page's query count does not grow with signers, countries or decision makers."""

import difflib

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from petitions.models import Delivery, DeliveryChannel, PetitionDecisionMaker

from .factories import add_signatures, make_petition

pytestmark = pytest.mark.django_db


def build(home, *, signers, countries, decision_makers, slug):
    page = make_petition(home, decision_makers=0, slug=slug)
    photo = wagtail_factories.ImageFactory()
    page.decision_makers = [
        PetitionDecisionMaker(name=f"Person {n}", role="Minister", photo=photo)
        for n in range(decision_makers)
    ]
    page.save_revision().publish()
    petition = page.petition
    for n in range(countries):
        add_signatures(petition, signers // countries, country=["FR", "AM", "DE", "US", "GB"][n])
    for person in page.decision_makers.all():
        Delivery.objects.create(
            petition=petition,
            decision_maker_key=person.translation_key,
            decision_maker_name=person.name,
            channel=DeliveryChannel.EMAIL,
        )
    return page


def queries_for(client, url):
    """The queries of the page in the steady state (renditions made, caches warm).

    The fewest of three views: with xdist on one Redis, another worker's
    cache.clear() empties this worker's cache too, and a cold cache costs queries.
    """
    client.get(url)  # the first view creates image renditions
    runs = []
    for _attempt in range(3):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200
        runs.append([query["sql"] for query in context.captured_queries])
    return min(runs, key=len)


def test_query_count_is_the_same_at_two_sizes(client, home_pages):
    small = build(home_pages["en"], signers=2, countries=1, decision_makers=1, slug="small")
    large = build(home_pages["en"], signers=60, countries=5, decision_makers=12, slug="large")

    small_queries = queries_for(client, small.url)
    large_queries = queries_for(client, large.url)

    assert len(small_queries) == len(large_queries), "\n".join(
        difflib.unified_diff(small_queries, large_queries, lineterm="")
    )
    assert len(large_queries) <= 30, f"{len(large_queries)} queries for one petition page"
    # The thank-you state costs the same; the under-attack switch only the sign form reads
    # is kept (campaign_site.abuse.under_attack), so it costs no query either.
    assert not [sql for sql in large_queries if "underattacksettings" in sql]
    thanks_queries = queries_for(client, f"{large.url}thanks/?r=signed")
    assert len(thanks_queries) == len(large_queries), "\n".join(
        difflib.unified_diff(large_queries, thanks_queries, lineterm="")
    )
