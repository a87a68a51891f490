"""A visitor signs a petition in a real browser, with and without JavaScript."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from petitions.models import Signature
from tests.petitions.factories import add_signatures, make_petition

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fast_forms(settings):
    # A person fills the form in seconds; the browser does it at once.
    settings.PETITIONS_FORM_MIN_SECONDS = 0


def fill_form(tab, email, *, first_name="Lusine", last_name="Privatesurname"):
    tab.get_by_role("textbox", name="First name").fill(first_name)
    tab.get_by_role("textbox", name="Last name").fill(last_name)
    tab.get_by_role("textbox", name="Email address").fill(email)
    tab.get_by_role("combobox", name="Country").select_option("FR")
    tab.get_by_label(re.compile("may be listed in the petition")).check()
    tab.get_by_role("button", name="Sign the petition").click()


def confirmation_path(email):
    message = next(message for message in mail.outbox if message.to == [email])
    return re.search(r"https?://[^/\s]+(/\S+/confirm/\S+/)", message.body).group(1)


def counter(tab):
    return tab.locator("#petition-count")


def test_a_visitor_signs_sees_the_count_move_confirms_and_cannot_sign_twice(
    live_server, home_pages, page, accessibility
):
    petition_page = make_petition(home_pages["en"], offline_count=41, count_unconfirmed=True)
    url = f"{live_server.url}{petition_page.url}"
    page.goto(url)
    expect(counter(page)).to_have_text(re.compile(r"^\s*41\s+signatures\s*$"))
    accessibility(page)

    # A mistake is explained in place, and the summary takes the focus.
    fill_form(page, "lusine@")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Please enter an email address like")
    expect(summary).to_be_focused()
    expect(page.get_by_role("textbox", name="First name")).to_have_value("Lusine")
    accessibility(page)

    fill_form(page, "lusine@example.org")

    heading = page.get_by_role("heading", name="Thank you for signing")
    expect(heading).to_be_visible()
    expect(heading).to_be_focused()
    assert page.url == url  # signed without leaving the page
    expect(counter(page)).to_have_text(re.compile(r"^\s*42\s+signatures\s*$"))
    expect(page.get_by_role("link", name="WhatsApp")).to_be_visible()
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
    assert "lusine" not in page.content().lower().replace("lusine@example.org", "")
    accessibility(page)

    # The email's link shows a page; only its button confirms.
    page.goto(live_server.url + confirmation_path("lusine@example.org"))
    expect(page.get_by_role("heading", name="Confirm your signature")).to_be_visible()
    assert Signature.objects.get().confirmed_at is None
    accessibility(page)
    page.get_by_role("button", name="Confirm my signature").click()
    expect(page.get_by_role("heading", name="Your signature is confirmed")).to_be_visible()
    assert Signature.objects.get().confirmed_at is not None

    page.goto(url)
    fill_form(page, "LUSINE@example.org ")
    # Answered as anyone signing: the form tells nobody whether an address has signed.
    expect(page.get_by_role("heading", name="Thank you for signing")).to_be_visible()
    expect(counter(page)).to_have_text(re.compile(r"^\s*42\s+signatures\s*$"))
    assert Signature.objects.count() == 1


def test_the_same_without_javascript(live_server, home_pages, browser, page, accessibility):
    petition_page = make_petition(home_pages["en"])  # counts confirmed signatures only
    url = f"{live_server.url}{petition_page.url}"
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    tab = context.new_page()
    try:
        tab.goto(url)
        expect(counter(tab)).to_have_text(re.compile(r"^\s*0\s+signatures\s*$"))

        # A mistake is explained, and what was typed is kept.
        fill_form(tab, "narek@example")
        expect(tab.get_by_role("alert")).to_contain_text("Please enter an email address like")
        expect(tab.get_by_role("textbox", name="First name")).to_have_value("Lusine")

        tab.get_by_role("textbox", name="Email address").fill("narek@example.org")
        tab.get_by_label(re.compile("may be listed in the petition")).check()
        tab.get_by_role("button", name="Sign the petition").click()
        expect(tab).to_have_url(re.compile(r"/thanks/\?r=signed#petition-thanks$"))
        expect(tab.get_by_role("heading", name="Thank you for signing")).to_be_visible()
        expect(tab.get_by_role("button", name="Copy link")).to_be_hidden()
        expect(tab.get_by_label("Link to this petition")).to_have_value(
            f"http://localhost{petition_page.url}"
        )
        # axe runs as a script: check the same thank-you page in a tab that runs scripts.
        page.goto(tab.url)
        accessibility(page)
        expect(counter(tab)).to_have_text(re.compile(r"^\s*0\s+signatures\s*$"))

        tab.goto(live_server.url + confirmation_path("narek@example.org"))
        tab.get_by_role("button", name="Confirm my signature").click()
        expect(tab).to_have_url(re.compile(r"/thanks/\?r=confirmed#petition-thanks$"))
        expect(tab.get_by_role("heading", name="Your signature is confirmed")).to_be_visible()
        expect(counter(tab)).to_have_text(re.compile(r"^\s*1\s+signature\s*$"))

        tab.goto(url)
        expect(tab.locator(".recent-signers li")).to_have_text(["Lusine (France)"])
        fill_form(tab, "narek@example.org")
        expect(tab).to_have_url(re.compile(r"/thanks/\?r=signed#petition-thanks$"))
        expect(tab.get_by_role("heading", name="Thank you for signing")).to_be_visible()
        assert Signature.objects.count() == 1
    finally:
        context.close()


def test_the_french_petition_signs_in_french(live_server, home_pages, page):
    from tests.petitions.factories import translate

    english = make_petition(home_pages["en"])
    french = translate(english, "fr", title="Libérez les prisonniers")
    page.goto(f"{live_server.url}{french.url}")
    page.get_by_role("textbox", name="Prénom").fill("Claire")
    page.get_by_role("textbox", name="Nom", exact=True).fill("Martin")
    page.get_by_role("textbox", name="Adresse e-mail").fill("claire@example.org")
    page.get_by_role("combobox", name="Pays").select_option("FR")
    page.get_by_role("button", name="Signer la pétition").click()
    expect(page.get_by_role("heading", name="Merci d'avoir signé")).to_be_visible()
    message = mail.outbox[-1]
    assert message.subject == "Veuillez confirmer votre signature"
    assert "/fr/petitions/confirm/" in message.body


def test_a_cached_page_keeps_up_with_the_count(live_server, home_pages, page, accessibility):
    petition_page = make_petition(home_pages["en"])
    add_signatures(petition_page.petition, 2, country="AM")
    page.goto(f"{live_server.url}{petition_page.url}")
    expect(counter(page)).to_have_text(re.compile(r"^\s*2\s+signatures\s*$"))

    add_signatures(petition_page.petition, 1234, confirmed=True)
    # The script reads count.json every ten seconds, and when the tab is shown again;
    # the browser may keep its copy for five.
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(counter(page)).to_have_text(re.compile(r"^\s*1,236\s+signatures\s*$"), timeout=20_000)
    expect(page.locator("progress.petition-progress")).to_have_attribute("value", "1236")
    expect(page.locator(".recent-signers li").first).to_contain_text("(France)")
    accessibility(page)
