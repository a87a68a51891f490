"""Petitions and the people they are for: chosen once, shown on both sides by the one rule.

A petition names profiles on its source page; every translation shows their cards
in its language (hidden people never, name-only ones without photo); each profile
lists the petitions naming it with their count and a call to sign.
"""

import datetime

import pytest
import wagtail_factories
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission

from petitions.models import PetitionPage, PetitionSubject
from prisoners.models import PrisonerPage, TimelineEvent
from prisoners.visibility import Consent, Visibility
from tests.factories import UserFactory, file_stem
from tests.petitions.factories import add_signatures, make_petition
from tests.petitions.factories import translate as translate_petition
from tests.prisoners.factories import (
    PrisonerIndexPageFactory,
    PrisonerPageFactory,
    SponsorshipFactory,
)

from .conftest import soup

pytestmark = pytest.mark.django_db


def name_subjects(petition_page, *people):
    """Editors choose the people on the petition's source page, then publish it."""
    page = PetitionPage.objects.get(pk=petition_page.pk)
    page.subjects = [PetitionSubject(subject=person) for person in people]
    page.save_revision().publish()
    return page


@pytest.fixture
def campaign(home_pages, translate):
    portrait = wagtail_factories.ImageFactory(title="Portrait", file__filename="face-of-one.jpg")
    index = PrisonerIndexPageFactory(parent=home_pages["en"])
    translate(index, "fr", title="Prisonniers")
    translate(index, "hy", title="Գերիներ")

    def person(title, **fields):
        return PrisonerPageFactory(parent=index, title=title, photo=portrait, **fields)

    full = person("Aram Fullprofile")
    name_only = person("Davit Nameonly", consent=Consent.NAME_ONLY, visibility=Visibility.NAME_ONLY)
    hidden = person("Secret Hiddenperson", consent=Consent.REFUSED, visibility=Visibility.COUNTED)
    petition = make_petition(home_pages["en"], title="Free Aram and Davit", slug="free-them")
    petition_fr = translate_petition(petition, "fr", title="Libérez Aram et Davit")
    petition_hy = translate_petition(petition, "hy", title="Ազատություն Արամին")
    name_subjects(petition, full, name_only, hidden)
    return {
        "portrait": portrait,
        "full": full,
        "full_fr": translate(full, "fr", title="Aram Profilcomplet"),
        "full_hy": translate(full, "hy", title="Արամ Ամբողջական"),
        "name_only": name_only,
        "hidden": hidden,
        "hidden_fr": translate(hidden, "fr", title="Secret Caché"),
        "petition": petition,
        "petition_fr": petition_fr,
        "petition_hy": petition_hy,
    }


def card_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".subject-card .card__title a")]


def test_the_petition_shows_public_cards_only_name_only_without_photo(client, campaign):
    response = client.get(campaign["petition"].url)

    assert response.status_code == 200
    assert card_titles(response) == ["Aram Fullprofile", "Davit Nameonly"]
    html = response.content.decode()
    assert "Hiddenperson" not in html
    assert html.count(file_stem(campaign["portrait"])) >= 1
    name_only_card = soup(response).find(id=f"subject-card-{campaign['name_only'].pk}")
    assert name_only_card.find_parent("li").find("img") is None
    full_card = soup(response).find(id=f"subject-card-{campaign['full'].pk}").find_parent("li")
    assert full_card.find("img") is not None


def test_the_choice_is_shared_by_all_translations(client, campaign):
    # A translation's own rows (copied, or added by a translator) are not the choice.
    translated = PetitionPage.objects.get(pk=campaign["petition_fr"].pk)
    PetitionSubject.objects.filter(page=translated).delete()
    PetitionSubject.objects.create(page=translated, subject=campaign["hidden_fr"])

    french = client.get(campaign["petition_fr"].url)
    armenian = client.get(campaign["petition_hy"].url)

    # Each person in the page's language when translated, as written otherwise.
    assert card_titles(french) == ["Aram Profilcomplet", "Davit Nameonly"]
    assert card_titles(armenian) == ["Արամ Ամբողջական", "Davit Nameonly"]
    assert "Caché" not in french.content.decode()
    links = [a["href"] for a in soup(french).select(".subject-card a")]
    assert links[0].startswith("/fr/")


@pytest.mark.parametrize(
    ("language", "profile_key", "petition_key", "count_text", "sign_text"),
    [
        ("en", "full", "petition", "3 signatures", "Sign the petition"),
        ("fr", "full_fr", "petition_fr", "3 signatures", "Signer la pétition"),
        ("hy", "full_hy", "petition_hy", "3 ստորագրություն", "Ստորագրել խնդրագիրը"),
    ],
)
def test_the_profile_shows_the_petition_with_its_count_and_a_sign_call(
    client, campaign, language, profile_key, petition_key, count_text, sign_text
):
    add_signatures(campaign["petition"].petition, 3)

    response = client.get(campaign[profile_key].url)

    section = soup(response).select_one(".petitions-for-page")
    assert section is not None
    title = section.select_one(".petition-call__title a")
    assert title.get_text(strip=True) == campaign[petition_key].title
    assert title["href"] == campaign[petition_key].url
    assert section.select_one(".petition-call__count").get_text(" ", strip=True) == count_text
    sign = section.select_one("a.button")
    assert sign.get_text(" ", strip=True).startswith(sign_text)
    assert sign["href"] == f"{campaign[petition_key].url}#sign"


def test_a_name_only_profile_shows_the_petition_and_an_unnamed_one_nothing(client, campaign):
    response = client.get(campaign["name_only"].url)
    assert "Free Aram and Davit" in response.content.decode()

    alone = PrisonerPageFactory(parent=campaign["full"].get_parent(), title="Nobody Named")
    assert soup(client.get(alone.url)).select_one(".petitions-for-page") is None


def test_a_draft_or_closed_petition(client, campaign, home_pages):
    draft = make_petition(home_pages["en"], title="A draft for Aram", slug="draft-for-aram")
    name_subjects(draft, campaign["full"])
    draft.unpublish()
    closed = make_petition(home_pages["en"], title="Closed for Aram", slug="closed-for-aram")
    closed = name_subjects(closed, campaign["full"])
    closed.status = "closed"
    closed.save_revision().publish()

    response = client.get(campaign["full"].url)

    calls = soup(response).select(".petition-call")
    titles = [call.select_one("h3").get_text(strip=True) for call in calls]
    assert "A draft for Aram" not in titles
    assert sorted(titles) == ["Closed for Aram", "Free Aram and Davit"]
    closed_call = calls[titles.index("Closed for Aram")]
    assert closed_call.select_one("a.button") is None


def test_the_profiles_queries_do_not_grow_with_the_people_named(client, campaign, home_pages):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(campaign["full"].url).status_code == 200
        return len(captured)

    # Cold (what an editor's change leaves: nothing kept) and warm (kept parts served).
    cache.clear()
    cold_before, warm_before = queries(), queries()
    others = [
        PrisonerPageFactory(parent=campaign["full"].get_parent(), title=f"Other {n}")
        for n in range(5)
    ]
    name_subjects(campaign["petition"], campaign["full"], *others)
    add_signatures(campaign["petition"].petition, 5)

    cache.clear()
    cold_after, warm_after = queries(), queries()
    # (the first cold visit also creates the settings rows Wagtail makes on a first view)
    assert cold_after <= cold_before
    assert warm_after == warm_before


def page_editor(home):
    """A logged-in editor who may edit every page, and nothing about hidden people."""
    user = UserFactory()
    group = Group.objects.create(name=f"group-{user.username}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=home, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def test_the_admin_file_gathers_profile_petitions_sponsorships_and_timeline(admin_client, campaign):
    person = campaign["full"]
    add_signatures(campaign["petition"].petition, 4)
    SponsorshipFactory(
        campaign_key=person.get_parent().translation_key,
        prisoner_key=person.translation_key,
        name="Town of Lyon",
    )
    page = PrisonerPage.objects.get(pk=person.pk)
    page.timeline = [TimelineEvent(date=datetime.date(2021, 5, 2), event="Moved to Baku")]
    page.save_revision().publish()
    file_url = reverse("prisoners_person_file", args=[person.pk])

    edit_page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[person.pk]))
    response = admin_client.get(file_url)

    assert file_url in edit_page.content.decode()
    assert response.status_code == 200
    html = soup(response)
    petitions = html.find(id="person-file-petitions").find_parent("section")
    assert "Free Aram and Davit" in petitions.get_text()
    assert petitions.select_one("td:last-child").get_text(strip=True) == "4"
    assert "Town of Lyon" in html.find(id="person-file-sponsorships").find_parent().get_text()
    assert "Moved to Baku" in html.find(id="person-file-timeline").find_parent().get_text()
    assert "Արամ Ամբողջական" in response.content.decode()


def test_the_admin_file_of_a_hidden_person_needs_the_sensitive_permission(
    admin_client, campaign, home_pages
):
    hidden_url = reverse("prisoners_person_file", args=[campaign["hidden"].pk])
    public_url = reverse("prisoners_person_file", args=[campaign["full"].pk])
    editor = page_editor(home_pages["en"])

    assert editor.get(public_url).status_code == 200
    # Wagtail's admin answers a refusal with a redirect to the dashboard and a message.
    refused = editor.get(hidden_url)
    assert refused.status_code == 302
    assert refused.url == reverse("wagtailadmin_home")
    assert admin_client.get(hidden_url).status_code == 200
