"""A visitor on a prisoner's profile signs the petition for that person."""

import re
import time

import pytest
from playwright.sync_api import expect

from campaign_site.http_cache import LIVE_FIGURES_SECONDS
from petitions.models import PetitionPage, PetitionSubject
from tests.browser.test_petitions import fill_form
from tests.petitions.factories import make_petition
from tests.prisoners.factories import PrisonerIndexPageFactory, PrisonerPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fast_forms(settings):
    settings.PETITIONS_FORM_MIN_SECONDS = 0


def test_a_visitor_on_a_profile_signs_the_linked_petition_and_sees_the_count_move(
    live_server, home_pages, page, accessibility
):
    index = PrisonerIndexPageFactory(parent=home_pages["en"])
    person = PrisonerPageFactory(parent=index, title="Aram Browsertest")
    petition = make_petition(
        home_pages["en"], title="Free Aram", offline_count=41, count_unconfirmed=True
    )
    petition = PetitionPage.objects.get(pk=petition.pk)
    petition.subjects = [PetitionSubject(subject=person)]
    petition.save_revision().publish()

    page.goto(f"{live_server.url}{person.url}")
    call = page.locator(".petition-call")
    expect(call.locator(".petition-call__count")).to_have_text(
        re.compile(r"^\s*41\s+signatures\s*$")
    )
    accessibility(page)

    call.get_by_role("link", name=re.compile("^Sign the petition")).click()
    expect(page.get_by_role("heading", name="Free Aram", exact=True)).to_be_visible()
    fill_form(page, "aram-supporter@example.org")
    expect(page.get_by_role("heading", name="Thank you for signing")).to_be_visible()

    # The profile's counts may be as old as the live figures (10 s) for everyone: it is
    # kept between visitors (campaign_site.render_cache), as a cache in front keeps it.
    page.goto(f"{live_server.url}{person.url}")
    deadline = time.monotonic() + LIVE_FIGURES_SECONDS + 2
    count = call.locator(".petition-call__count")
    while "42 signatures" not in " ".join(count.inner_text().split()):
        assert time.monotonic() < deadline, "the count did not move within the live figures' age"
        page.wait_for_timeout(1000)
        page.reload()
    expect(call.locator(".petition-call__count")).to_have_text(
        re.compile(r"^\s*42\s+signatures\s*$")
    )
    assert "aram-supporter" not in page.content()
