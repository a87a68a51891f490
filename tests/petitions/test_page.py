"""The public petition page: what it shows, in each language, and signing through it."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.urls import reverse

from campaign_site.abuse import HONEYPOT_FIELD, TOKEN_FIELD, form_token_problem
from campaign_site.render_cache import content_changed
from petitions.forms import form_token_scope
from petitions.models import PetitionStatus, Signature

from .factories import add_signatures, form_post, form_token, make_petition, signer, translate

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def sign_url(page, language="en"):
    return f"/{language}/petitions/sign/{page.pk}/"


@pytest.fixture
def three_languages(petition_page):
    return {
        "en": petition_page,
        "fr": translate(petition_page, "fr", title="Libérez les prisonniers"),
        "hy": translate(petition_page, "hy", title="Ազատություն գերիներին"),
    }


@pytest.mark.parametrize(
    ("language", "title", "count_text", "goal_text"),
    [
        ("en", "Free the prisoners", "1,234 signatures", "Next goal: 2,500"),
        (
            "fr",
            "Libérez les prisonniers",
            "1\xa0234 signatures",
            "Prochain objectif\xa0: 2\xa0500",
        ),
        ("hy", "Ազատություն գերիներին", "1\u00a0234 ստորագրություն", "Հաջորդ նպատակը՝ 2\u00a0500"),
    ],
)
def test_the_page_renders_in_each_language_with_one_shared_count(
    client, three_languages, language, title, count_text, goal_text
):
    petition = three_languages["en"].petition
    petition.offline_count = 1_230
    petition.save()
    add_signatures(petition, 4, language="fr")

    response = client.get(three_languages[language].url)

    assert response.status_code == 200
    document = soup(response)
    assert document.html["lang"] == language
    assert document.h1.get_text(strip=True) == title
    counter = document.select_one(".petition-counter")
    assert count_text in counter.get_text(" ", strip=True)
    assert goal_text in counter.get_text(" ", strip=True)
    progress = counter.find("progress")
    assert progress["value"] == "1234" and progress["max"] == "2500"
    assert progress["aria-labelledby"] == "petition-count petition-goal"


def test_plurals_follow_the_language(client, home_pages):
    page = make_petition(home_pages["en"], offline_count=1)
    assert "1 signature" in soup(client.get(page.url)).select_one("#petition-count").get_text()
    armenian = translate(page, "hy", title="Խնդրագիր")
    text = soup(client.get(armenian.url)).select_one("#petition-count").get_text(" ", strip=True)
    assert text == "1 ստորագրություն"


def test_the_page_shows_demands_body_references_decision_makers_and_organiser(
    client, petition_page
):
    document = soup(client.get(petition_page.url))
    assert [li.get_text() for li in document.select(".petition-demands li")] == [
        "Release every prisoner.",
        "Let observers visit.",
    ]
    assert document.select_one('sup.citation a[href="#ref-1"]') is not None
    assert document.select_one("#ref-1 a.backlink") is not None
    names = [p.get_text() for p in document.select(".decision-maker__name")]
    assert names == ["Decision maker 1", "Decision maker 2"]
    assert "Petition to Decision maker 1 and 1 other" in document.select_one(
        ".petition-hero__to"
    ).get_text(" ", strip=True)
    assert "Campaign group" in document.select_one(".petition-organiser").get_text()


def test_signing_without_javascript_redirects_to_the_thank_you_state(
    client, petition_page, mail_on_commit
):
    data = signer(first_name="Lusine", last_name="Privatesurname", email="lusine@example.org")
    with mail_on_commit():
        response = client.post(sign_url(petition_page), form_post(petition_page, data))

    assert response.status_code == 303
    assert response["Location"] == f"{petition_page.url}thanks/?r=signed#petition-thanks"
    assert "lusine" not in response["Location"].lower()
    assert Signature.objects.get().first_name == "Lusine"
    assert len(mail.outbox) == 1

    thanks = client.get(response["Location"].split("#")[0])
    document = soup(thanks)
    assert document.select_one("#petition-thanks h2").get_text() == "Thank you for signing"
    assert document.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    networks = [a.get_text() for a in document.select(".share-links a")]
    assert networks == ["Email", "WhatsApp", "Telegram", "Facebook", "X"]
    assert document.select_one("#share-url")["value"] == f"http://localhost{petition_page.url}"
    body = thanks.content.decode()
    assert "lusine" not in body.lower() and "privatesurname" not in body.lower()


def test_signing_needs_no_cookie_and_sets_none(petition_page):
    strict = Client(
        enforce_csrf_checks=True, REMOTE_ADDR="10.99.0.1", headers={"origin": "http://testserver"}
    )
    response = strict.post(sign_url(petition_page), form_post(petition_page))
    assert response.status_code == 303
    assert not response.cookies
    assert Signature.objects.count() == 1


def test_errors_are_clear_and_keep_what_was_typed(client, petition_page):
    data = form_post(petition_page, signer(first_name="Mariam", email="mariam@", country=""))
    response = client.post(sign_url(petition_page), data)

    assert response.status_code == 400
    document = soup(response)
    summary = document.select_one(".error-summary")
    assert summary["role"] == "alert"
    links = [a.get_text(" ", strip=True) for a in summary.select("a")]
    assert links == [
        "Email address: Please enter an email address like name@example.org.",
        "Country: Please choose your country.",
    ]
    email = document.select_one("#id_email")
    assert email["value"] == "mariam@"
    assert email["aria-invalid"] == "true"
    assert "id_email-error" in email["aria-describedby"].split()
    assert document.select_one("#id_first_name")["value"] == "Mariam"
    assert not Signature.objects.exists()


def test_a_form_shown_again_draws_on_a_copy_of_the_page_every_signature_shares(
    client, petition_page
):
    """The sign target is kept in the process for every signature; showing the form again
    with errors (HTML or JSON) loads the page's body and context, never onto that one."""
    from petitions.views import sign_target

    shared = sign_target(petition_page.pk)
    assert "body" not in shared.__dict__  # deferred: a signature never needs it
    client.post(sign_url(petition_page), form_post(petition_page, signer(email="x")))
    client.post(
        sign_url(petition_page),
        form_post(petition_page, signer(email="x")),
        headers={"accept": "application/json"},
    )
    assert sign_target(petition_page.pk) is shared
    assert "body" not in shared.__dict__


def test_errors_are_in_the_pages_language(client, three_languages):
    page = three_languages["fr"]
    response = client.post(sign_url(page, "fr"), form_post(page, signer(email="x")))
    text = soup(response).select_one(".error-summary").get_text(" ", strip=True)
    assert "Veuillez" in text


def test_a_stale_or_too_fast_form_is_refused_kindly_and_keeps_the_data(client, petition_page):
    too_fast = form_post(petition_page, signer(first_name="Narek"), age=0)
    response = client.post(sign_url(petition_page), too_fast)
    document = soup(response)
    assert response.status_code == 400
    assert "needs to be sent again" in document.select_one(".error-summary").get_text()
    assert document.select_one("#id_first_name")["value"] == "Narek"
    # The form shown again carries a token that works once the person sends it again.
    fresh = document.find("input", attrs={"name": TOKEN_FIELD})["value"]
    scope = form_token_scope(petition_page.petition)
    assert form_token_problem(fresh, scope, min_seconds=0) is None

    forged = form_post(petition_page, **{TOKEN_FIELD: "forged:token"})
    assert client.post(sign_url(petition_page), forged).status_code == 400
    other = make_petition(petition_page.get_parent().specific)
    wrong = form_post(petition_page, **{TOKEN_FIELD: form_token(other, age=60)})
    assert client.post(sign_url(petition_page), wrong).status_code == 400
    assert not Signature.objects.exists()


def test_the_honeypot_pretends_success_and_stores_nothing(client, petition_page):
    data = form_post(petition_page, **{HONEYPOT_FIELD: "http://spam.example"})
    response = client.post(sign_url(petition_page), data)
    assert response.status_code == 303
    assert not Signature.objects.exists()
    assert not mail.outbox


def test_signing_twice_counts_once_and_tells_nobody_the_address_had_signed(client, petition_page):
    data = signer(email="twice@example.org")
    first = client.post(sign_url(petition_page), form_post(petition_page, data))
    response = client.post(sign_url(petition_page), form_post(petition_page, data))

    # The same "check your inbox" answer: the form must not reveal who has signed.
    assert response["Location"] == first["Location"]
    assert response["Location"].startswith(f"{petition_page.url}thanks/?r=signed")
    page = client.get(response["Location"].split("#")[0])
    assert "You have already signed this petition" not in page.content.decode()
    assert "we have sent you an email" in page.content.decode()
    assert Signature.objects.count() == 1


def test_signing_with_javascript_gets_json_with_the_new_count(home_pages, client):
    page = make_petition(home_pages["en"], count_unconfirmed=True)
    response = client.post(sign_url(page), form_post(page), headers={"accept": "application/json"})
    assert response.status_code == 200
    data = response.json()
    assert data["state"] == "signed"
    assert data["total_signatures"] == 1 and data["goal"] == 100
    assert "Thank you for signing" in data["html"]
    count = BeautifulSoup(data["counter_html"], "html.parser").select_one("#petition-count")
    assert count.get_text(strip=True) == "1signature"
    assert count.select_one("strong").get_text() == "1"

    invalid = client.post(
        sign_url(page), form_post(page, email="bad"), headers={"accept": "application/json"}
    )
    assert invalid.status_code == 400
    assert invalid.json()["state"] == "invalid"
    assert "email" in invalid.json()["errors"]
    assert "error-summary" in invalid.json()["html"]


def test_too_many_attempts_from_one_address_are_refused(client, petition_page, settings):
    settings.PETITIONS_IP_RATES = ("2/m",)
    statuses = [
        client.post(sign_url(petition_page), form_post(petition_page)).status_code for _ in range(3)
    ]
    assert statuses == [303, 303, 429]
    assert Signature.objects.count() == 2


@pytest.mark.parametrize("status", [PetitionStatus.CLOSED, PetitionStatus.WON])
def test_a_closed_or_won_petition_shows_its_outcome_and_no_form(client, home_pages, status):
    page = make_petition(home_pages["en"], status=status, outcome="<p>The prisoners came home.</p>")
    document = soup(client.get(page.url))
    assert document.select_one("form.sign-form") is None
    assert "The prisoners came home." in document.select_one(".petition-outcome").get_text()
    assert document.select_one("progress") is None
    assert client.post(sign_url(page), form_post(page)).status_code == 409
    assert not Signature.objects.exists()


def test_latest_signers_show_first_names_and_countries_only_once_confirmed(client, home_pages):
    page = make_petition(home_pages["en"])
    petition = page.petition
    from petitions.signing import sign

    sign(
        petition,
        signer(first_name="Confirmed", last_name="Hidden", country="AM"),
        source="import",
        language="en",
        confirmed=True,
        notify=False,
    )
    sign(petition, signer(first_name="Pending"), source="page", language="en", notify=False)

    document = soup(client.get(page.url))
    recent = [li.get_text() for li in document.select(".recent-signers li")]
    assert recent == ["Confirmed (Armenia)"]
    body = client.get(page.url).content.decode()
    assert "Hidden" not in body and "Pending" not in body and "@example.org" not in body
    rows = [
        [cell.get_text() for cell in row.find_all("td")]
        for row in document.select(".petition-countries tbody tr")
    ]
    assert rows == [["Armenia", "1"]]

    page.show_recent_signers = False
    page.save_revision().publish()
    assert soup(client.get(page.url)).select_one(".recent-signers") is None


def test_count_json_for_scripts_and_partners(client, petition_page):
    signed = add_signatures(petition_page.petition, 2)
    url = reverse("petitions_count", kwargs={"key": petition_page.translation_key})
    response = client.get(url, headers={"origin": "https://anyone.example"})
    assert response.json() == {
        "total_signatures": 2,
        "online_signatures": 2,
        "offline_signatures": 0,
        "goal": 100,
        "percent": 2,
        "status": "open",
        "is_open": True,
        "display": {"total_signatures": "2", "goal": "100"},
        "recent_signers": [
            {"first_name": signature.first_name, "country": "France"} for signature in signed
        ][::-1],
    }
    # Any site's scripts may read it (django-cors-headers answers for every origin).
    assert response["Access-Control-Allow-Origin"] == "https://anyone.example"
    assert "Access-Control-Allow-Credentials" not in response


def test_confirmation_link_shows_a_button_and_only_the_button_confirms(
    client, petition_page, mail_on_commit
):
    with mail_on_commit():
        client.post(sign_url(petition_page), form_post(petition_page))
    link = re.search(r"https?://\S+/confirm/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]

    # Mail scanners open links: a GET shows a page and confirms nothing, however often.
    for _ in range(2):
        response = client.get(path)
        assert response.status_code == 200
        assert response["Referrer-Policy"] == "no-referrer"
        assert (
            soup(response).select_one(".petition-confirm form button").get_text()
            == "Confirm my signature"
        )
    assert Signature.objects.get().confirmed_at is None

    response = client.post(path)
    assert response.status_code == 303
    assert response["Location"].startswith(f"{petition_page.url}thanks/?r=confirmed")
    assert Signature.objects.get().confirmed_at is not None
    assert petition_page.petition.counts().online == 1

    again = client.get(path)
    assert "already confirmed" in again.content.decode()
    client.post(path)
    assert petition_page.petition.counts().online == 1


def test_a_forged_confirmation_link_is_refused(client, petition_page):
    response = client.get("/en/petitions/confirm/123:forged/")
    assert response.status_code == 404
    assert client.post("/en/petitions/confirm/123:forged/").status_code == 404


def test_link_to_the_prisoner_profiles_in_the_current_language(client, home_pages, settings):
    from django.apps import apps

    index_model = apps.get_model("prisoners", "PrisonerIndexPage")
    index = index_model(title="Prisoners", slug="prisoners")
    home_pages["en"].add_child(instance=index)
    index.save_revision().publish()
    page = make_petition(home_pages["en"])

    thanks = soup(client.get(f"{page.url}thanks/?r=signed"))
    assert thanks.select_one(".petition-prisoners a")["href"] == "/en/prisoners/"

    # Without a prisoners app (or page), no link and no error.
    # Settings change with a deploy, which starts with nothing kept (README, Production).
    settings.PETITIONS_PEOPLE_INDEX_PAGE_TYPE = "absent_app.PrisonerIndexPage"
    content_changed()
    thanks = soup(client.get(f"{page.url}thanks/?r=signed"))
    assert thanks.select_one(".petition-prisoners") is None
    settings.PETITIONS_PEOPLE_INDEX_PAGE_TYPE = None
    content_changed()
    thanks = soup(client.get(f"{page.url}thanks/?r=signed"))
    assert thanks.select_one(".petition-prisoners") is None


def test_the_petition_is_in_the_menu_when_editors_put_it_there(client, home_pages):
    page = make_petition(home_pages["en"], show_in_menus=True)
    document = soup(client.get("/en/"))
    assert page.title in [a.get_text() for a in document.select(".main-nav a")]
