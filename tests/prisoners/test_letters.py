"""Letters of support: visitors write, editors moderate, families get a printable pack."""

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry

from campaign_site import abuse
from prisoners.figures import compute_figures
from prisoners.forms import LETTER_FORM_SCOPE
from prisoners.models import Letter
from prisoners.visibility import Consent, Visibility
from tests import frontend_cache
from tests.factories import UserFactory

from .conftest import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def letters_open(settings):
    settings.PRISONERS_LETTER_FORM_MIN_SECONDS = 0
    cache.clear()


@pytest.fixture
def aram(make_prisoner, translate):
    page = make_prisoner(title="Aram Example", slug="aram")
    translate(page, "fr", title="Aram Exemple")
    return page


@pytest.fixture
def hidden(make_prisoner):
    return make_prisoner(
        title="Hidden Person", slug="hidden", consent=Consent.REFUSED, visibility=Visibility.COUNTED
    )


def letter_url(page, language="en"):
    return f"/{language}" + reverse("prisoners_letter", kwargs={"key": page.translation_key})[3:]


def letter_data(**overrides):
    data = {
        "first_name": "Marie",
        "country": "FR",
        "message": "We think of you every day.",
        "language": "fr",
        "email": "marie@example.org",
        abuse.TOKEN_FIELD: abuse.issue_form_token(LETTER_FORM_SCOPE),
        abuse.HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return data


def make_letter(page, **fields):
    values = {
        "prisoner": page.prisoner,
        "first_name": "Marie",
        "country": "FR",
        "message": "Courage, Aram.",
        "language": "fr",
        "email": "private-writer@example.org",
    }
    values.update(fields)
    return Letter.objects.create(**values)


# --- writing --------------------------------------------------------------------------


def test_the_profile_offers_the_form_in_the_visitors_language(client, aram):
    document = soup(client.get("/fr/prisoners/aram/"))
    form = document.find("form", class_="letter-form")
    assert form["action"] == letter_url(aram, "fr")
    assert form.find("input", attrs={"name": abuse.TOKEN_FIELD})["value"]
    assert (
        document.find("label", attrs={"for": "letter_first_name"})
        .get_text(strip=True)
        .startswith("Votre prénom")
    )


def test_a_visitor_writes_a_letter(client, aram, letters_open):
    response = client.post(letter_url(aram), letter_data(), follow=True)
    assert response.redirect_chain[-1][0].endswith("/thanks/")
    assert "Your letter to Aram Example has been received." in response.content.decode()
    letter = Letter.objects.get()
    assert (letter.prisoner, letter.status) == (aram.prisoner, Letter.Status.PENDING)
    assert (letter.first_name, letter.country.code, letter.language) == ("Marie", "FR", "fr")


def test_a_refused_letter_keeps_what_was_typed_with_localized_errors(client, aram, letters_open):
    response = client.post(
        letter_url(aram, "fr"), letter_data(email="not-an-email", message="   Bonjour   x")
    )
    assert response.status_code == 200
    document = soup(response)
    assert "Saisissez une adresse e-mail" in document.find(id="letter_email_error").get_text()
    assert document.find("textarea", attrs={"name": "message"}).get_text().strip() == "Bonjour   x"
    assert document.find("input", attrs={"name": "first_name"})["value"] == "Marie"
    assert document.find("input", attrs={"name": "email"})["aria-describedby"].startswith(
        "letter_email_error"
    )
    assert not Letter.objects.exists()


def test_an_empty_letter_is_refused(client, aram, letters_open):
    response = client.post(letter_url(aram), letter_data(message="    ", first_name=""))
    document = soup(response)
    assert document.find(id="letter_message_error").get_text(strip=True) == "Write your message."
    first_name_error = document.find(id="letter_first_name_error")
    assert first_name_error.get_text(strip=True) == "Enter your first name."
    assert not Letter.objects.exists()


def test_a_letter_too_long_is_refused(client, aram, letters_open):
    response = client.post(letter_url(aram), letter_data(message="x" * 1501))
    assert "too long" in soup(response).find(id="letter_message_error").get_text()
    assert not Letter.objects.exists()


def test_bots_filling_the_honeypot_are_thanked_and_nothing_is_kept(client, aram, letters_open):
    response = client.post(letter_url(aram), letter_data(**{abuse.HONEYPOT_FIELD: "spam"}))
    assert response.status_code == 302
    assert not Letter.objects.exists()


def test_a_form_sent_at_once_or_with_a_foreign_token_is_refused(client, aram, settings):
    settings.PRISONERS_LETTER_FORM_MIN_SECONDS = 60
    response = client.post(letter_url(aram), letter_data())
    assert "Please check your answers" in soup(response).find(class_="error-summary").get_text()
    settings.PRISONERS_LETTER_FORM_MIN_SECONDS = 0
    response = client.post(
        letter_url(aram), letter_data(**{abuse.TOKEN_FIELD: abuse.issue_form_token("sponsor")})
    )
    assert soup(response).find(class_="error-summary")
    assert not Letter.objects.exists()


def test_letters_are_rate_limited_per_address(client, aram, letters_open, settings):
    settings.PRISONERS_LETTER_IP_RATES = ("2/h",)
    for number in range(2):
        assert (
            client.post(letter_url(aram), letter_data(email=f"w{number}@example.org")).status_code
            == 302
        )
    response = client.post(letter_url(aram), letter_data(email="w9@example.org"))
    assert response.status_code == 429
    assert soup(response).find("input", attrs={"name": "email"})["value"] == "w9@example.org"
    assert Letter.objects.count() == 2


def test_a_name_only_profile_takes_letters_too(client, make_prisoner, letters_open):
    named = make_prisoner(
        title="Named Only", slug="named", consent=Consent.NAME_ONLY, visibility=Visibility.NAME_ONLY
    )
    assert soup(client.get("/en/prisoners/named/")).find("form", class_="letter-form")
    assert client.post(letter_url(named), letter_data()).status_code == 302
    assert Letter.objects.get().prisoner == named.prisoner


def test_nobody_writes_to_a_hidden_person(client, hidden, letters_open):
    assert client.get(letter_url(hidden)).status_code == 404
    assert client.post(letter_url(hidden), letter_data()).status_code == 404
    assert not Letter.objects.exists()


# --- moderation ---------------------------------------------------------------------------


def test_an_editor_approves_and_rejects_in_bulk(admin_client, aram):
    letters = [make_letter(aram, first_name=f"Writer{number}") for number in range(3)]
    ids = "&".join(f"id={letter.pk}" for letter in letters[:2])
    url = reverse("wagtail_bulk_action", args=["prisoners", "letter", "approve_letters"])
    assert admin_client.get(f"{url}?{ids}").status_code == 200
    response = admin_client.post(f"{url}?{ids}")
    assert response.status_code == 302
    statuses = dict(Letter.objects.values_list("first_name", "status"))
    assert statuses == {"Writer0": "approved", "Writer1": "approved", "Writer2": "pending"}

    url = reverse("wagtail_bulk_action", args=["prisoners", "letter", "reject_letters"])
    response = admin_client.post(f"{url}?id={letters[2].pk}", {"reason": ""})
    assert response.status_code == 200  # a reason is required
    admin_client.post(f"{url}?id={letters[2].pk}", {"reason": "Insults"})
    letters[2].refresh_from_db()
    assert (letters[2].status, letters[2].rejection_reason) == ("rejected", "Insults")
    assert letters[2].decided_by.username == "editor"


def test_an_editor_decides_one_letter_on_its_page(admin_client, aram):
    letter = make_letter(aram)
    url = reverse("prisoners_letters:edit", args=[letter.pk])
    page = admin_client.get(url)
    assert page.status_code == 200 and "private-writer@example.org" in page.content.decode()
    data = {
        "status": "rejected",
        "rejection_reason": "",
        "first_name": "Marie",
        "country": "FR",
        "message": "Courage, Aram.",
        "language": "fr",
    }
    assert admin_client.post(url, data).status_code == 200  # no reason, no rejection
    letter.refresh_from_db()
    assert letter.status == "pending"
    admin_client.post(url, {**data, "status": "approved"})
    letter.refresh_from_db()
    assert letter.status == "approved" and letter.decided_at is not None


@pytest.fixture
def moderator(db):
    """An editor who moderates (and deletes) letters but may not see hidden people."""
    user = UserFactory(username="moderator")
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="prisoners",
            codename__in=["change_letter", "view_letter", "delete_letter"],
        ),
        Permission.objects.get(codename="access_admin"),
    )
    client = Client()
    client.force_login(user)
    return client


def test_a_hidden_persons_letters_need_the_sensitive_permission(
    moderator, make_prisoner, aram, hidden
):
    named = make_prisoner(
        title="Named Only", slug="named", consent=Consent.NAME_ONLY, visibility=Visibility.NAME_ONLY
    )
    shown = make_letter(aram, first_name="Visible", status="approved")
    secret = make_letter(hidden, first_name="Secret", status="approved")
    make_letter(named, first_name="Discreet", status="approved")
    listing = moderator.get(reverse("prisoners_letters:list")).content.decode()
    assert "Visible" in listing and "Secret" not in listing and "Hidden Person" not in listing
    assert "Discreet" not in listing and "Named Only" not in listing
    assert moderator.get(reverse("prisoners_letters:edit", args=[secret.pk])).status_code in (
        302,
        403,
    )
    assert moderator.get(reverse("prisoners_letters:edit", args=[shown.pk])).status_code == 200
    assert (
        moderator.get(reverse("prisoners_letter_pack", args=[hidden.prisoner.pk])).status_code
        == 404
    )
    packs = moderator.get(reverse("prisoners_letter_packs")).content.decode()
    assert "Aram Example" in packs and "Hidden Person" not in packs
    # Every screen about one letter names the person it is written to.
    for url in [
        reverse("wagtail_bulk_action", args=["prisoners", "letter", action]) + f"?id={secret.pk}"
        for action in ("approve_letters", "reject_letters", "delete")
    ] + [
        reverse(f"prisoners_letters:{view}", args=[secret.pk])
        for view in ("delete", "history", "usage")
    ]:
        response = moderator.get(url)
        assert response.status_code in (200, 302, 403, 404), url
        body = response.content.decode()
        assert "Hidden Person" not in body and "Secret" not in body, url
    bulk = reverse("wagtail_bulk_action", args=["prisoners", "letter", "reject_letters"])
    moderator.post(f"{bulk}?id={secret.pk}", {"reason": "x"})
    secret.refresh_from_db()
    assert secret.status == "approved"


def test_staff_with_the_sensitive_permission_see_hidden_peoples_letters(admin_client, hidden):
    make_letter(hidden, first_name="Secret", status="approved")
    assert "Secret" in admin_client.get(reverse("prisoners_letters:list")).content.decode()
    pack = admin_client.get(reverse("prisoners_letter_pack", args=[hidden.prisoner.pk]))
    assert pack.status_code == 200 and "Secret" in pack.content.decode()
    # Taking a sensitive person's letters away is recorded, with who and when.
    entry = PageLogEntry.objects.get(page=hidden, action="prisoners.export_sensitive")
    assert entry.user.username == "editor"


# --- display, pack, counts ----------------------------------------------------------


def test_approved_letters_show_on_the_profile_only_when_the_family_agrees(client, aram):
    make_letter(aram, first_name="Marie", message="Courage, Aram.", status="approved")
    make_letter(aram, first_name="Pending", message="Not yet read.")
    make_letter(
        aram, first_name="Rejected", message="Nasty.", status="rejected", rejection_reason="x"
    )

    page = soup(client.get("/en/prisoners/aram/"))
    section = page.find(id="letters")
    assert "1 letter of support has been passed on." in section.get_text(" ", strip=True)
    assert not section.find(class_="letters")  # the family has not agreed

    aram.prisoner.letters_shown = True
    aram.prisoner.save()
    section = soup(client.get("/en/prisoners/aram/")).find(id="letters")
    shown = section.find(class_="letters").get_text(" ", strip=True)
    assert "Courage, Aram." in shown and "Marie, France" in shown
    assert "Not yet read" not in shown and "Nasty" not in shown
    assert "private-writer@example.org" not in str(page) + str(section)


def test_letters_shown_is_a_fact_edited_on_the_source_page(aram):
    aram.letters_shown = True
    aram.save_revision().publish()
    aram.prisoner.refresh_from_db()
    assert aram.prisoner.letters_shown is True


def test_the_pack_collects_approved_letters_with_print_css(admin_client, aram):
    make_letter(aram, first_name="Marie", message="Courage, Aram.", status="approved")
    make_letter(aram, first_name="Pending", message="Not yet read.")
    response = admin_client.get(reverse("prisoners_letter_pack", args=[aram.prisoner.pk]))
    text = response.content.decode()
    assert "Courage, Aram." in text and "Marie, France" in text
    assert "Not yet read" not in text and "private-writer@example.org" not in text
    assert "@media print" in text


def test_the_pack_is_for_editors_only(client, aram):
    assert client.get(reverse("prisoners_letter_pack", args=[aram.prisoner.pk])).status_code == 302


def test_figures_count_approved_letters_hidden_people_included(prisoner_index, aram, hidden):
    make_letter(aram, status="approved")
    make_letter(aram)
    make_letter(hidden, status="approved")
    figures = compute_figures(prisoner_index)
    assert figures.letters == 2
    assert figures.as_dict()["letters_of_support"] == 2


def test_the_index_shows_the_count_of_letters(client, prisoner_index, aram):
    make_letter(aram, status="approved")
    page = soup(client.get(prisoner_index.url))
    box = page.find(class_="figure-box--letters")
    assert box.dd.get_text(strip=True) == "1"


def test_a_decision_purges_the_profile_and_the_index(aram, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.frontend_cache.RecordingBackend"}
    }
    frontend_cache.PURGED.clear()
    letter = make_letter(aram)
    assert not frontend_cache.PURGED  # a pending letter shows nowhere
    letter.status = Letter.Status.APPROVED
    letter.save()
    purged = set(frontend_cache.PURGED)
    frontend_cache.PURGED.clear()
    for language in ("en", "fr"):
        assert f"http://localhost/{language}/prisoners/aram/" in purged, language
        assert f"http://localhost/{language}/prisoners/" in purged, language
