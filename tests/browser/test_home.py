"""What a visitor sees on the home page, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_french_home_page_and_switching_language(live_server, home_pages, page, accessibility):
    page.goto(f"{live_server.url}/fr/")

    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Libérez tous les prisonniers arméniens"
    )
    # Languages and search sit behind the header's Menu button (a <details>).
    page.get_by_text("Menu", exact=True).click()
    switcher = page.get_by_role("navigation", name="Choisir une langue")
    expect(switcher.get_by_role("link", name="Français")).to_have_attribute("aria-current", "true")
    accessibility(page)

    switcher.get_by_role("link", name="Հայերեն").click()

    expect(page).to_have_url(re.compile(r"/hy/$"))
    expect(page.locator("html")).to_have_attribute("lang", "hy")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ազատություն բոլոր հայ գերիներին")
    accessibility(page)


def test_skip_link_moves_focus_to_the_content(live_server, home_pages, page):
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_root_sends_a_french_browser_to_french(live_server, home_pages, browser):
    context = browser.new_context(locale="fr-FR")
    tab = context.new_page()
    try:
        tab.goto(f"{live_server.url}/")
        expect(tab).to_have_url(f"{live_server.url}/fr/")
    finally:
        context.close()


def test_home_page_fits_a_small_phone(live_server, home_pages, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    try:
        tab.goto(f"{live_server.url}/hy/")
        scroll_width = tab.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 360
    finally:
        context.close()


def test_accessibility_check_reports_violations(page, accessibility):
    """The axe check used above is live: a page with a nameless image and button fails it."""
    page.set_content(
        '<html lang="en"><title>x</title><main><img src="a.png"><button></button></main></html>'
    )
    with pytest.raises(AssertionError, match="image-alt|button-name"):
        accessibility(page)
