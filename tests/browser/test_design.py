"""The demo site as visitors see it on a phone and a laptop, in every language: what is in the
first screen, what stays in view, what axe says about every page type, and no sideways scroll."""

import io
from urllib.parse import urlsplit

import pytest
from PIL import Image
from playwright.sync_api import expect

from home.models import NewsIndexPage, NewsPage
from petitions.models import PetitionPage
from prisoners.models import PrisonerIndexPage, PrisonerPage
from prisoners.visibility import Visibility, fully_visible, not_fully_visible

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SMALLEST = {"width": 320, "height": 640}


@pytest.fixture
def strict_accessibility():
    """axe with its best practices too: heading order and allowed roles are among them."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(tab):
        results = axe.run(
            tab,
            options={
                "runOnly": {
                    "type": "tag",
                    "values": [
                        "wcag2a",
                        "wcag2aa",
                        "wcag21a",
                        "wcag21aa",
                        "wcag22aa",
                        "best-practice",
                    ],
                }
            },
        )
        violations = results.response["violations"]
        assert violations == [], f"{tab.url}\n{results.generate_report()}"

    return check


def bottom(locator):
    box = locator.bounding_box()
    return box["y"] + box["height"]


def demo_urls(language):
    def first(model):
        return model.objects.live().filter(locale__language_code=language).first().url

    profile = PrisonerPage.publicly_listed_pages().filter(locale__language_code=language).first()
    urls = {
        "home": f"/{language}/",
        "petition": first(PetitionPage),
        "prisoner index": first(PrisonerIndexPage),
        "profile": profile.url,
        "news index": first(NewsIndexPage),
        "news": first(NewsPage),
        "search": f"/{language}/search/?q=Azerbaijan",
        "search, nothing found": f"/{language}/search/?q=zzzzqqq",
        "not found": f"/{language}/no-such-page/",
    }
    return urls


@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_every_page_type_on_a_phone_and_a_laptop(
    live_server, demo, browser, language, strict_accessibility
):
    urls = demo_urls(language)

    phone = browser.new_context(viewport=PHONE, locale=language)
    tab = phone.new_page()
    try:
        # The petition: title, count with progress and the sign call in the first screen.
        tab.goto(f"{live_server.url}{urls['petition']}")
        for part in (
            tab.get_by_role("heading", level=1),
            tab.locator("#petition-count"),
            tab.locator(".petition-progress"),
            tab.locator(".petition-hero__cta"),
        ):
            expect(part).to_be_visible()
            assert bottom(part) <= PHONE["height"], part
        # The menu label, not the petition's title, is the menu item.
        assert tab.locator(".main-nav a[aria-current]").inner_text().strip() != (
            tab.get_by_role("heading", level=1).inner_text().strip()
        )
        tab.locator(".petition-hero__cta").click()
        expect(tab.locator(".sign-form")).to_be_in_viewport()

        # A page that answered once in the shared header must not be answered again below.
        for name, url in urls.items():
            response = tab.goto(f"{live_server.url}{url}")
            assert response.status == (404 if name == "not found" else 200), name
            strict_accessibility(tab)
    finally:
        phone.close()

    laptop = browser.new_context(viewport=DESKTOP, locale=language)
    tab = laptop.new_page()
    try:
        tab.goto(f"{live_server.url}{urls['petition']}")
        form = tab.locator("form.sign-form")
        expect(tab.locator(".petition-hero__cta")).to_be_hidden()
        assert bottom(form) <= DESKTOP["height"]
        expect(form.get_by_role("button")).to_be_in_viewport()
        # Reading on, the form stays in view beside the text.
        tab.evaluate("window.scrollTo(0, 2500)")
        assert tab.evaluate("window.scrollY") > 1500
        expect(form.get_by_role("button")).to_be_in_viewport()
        strict_accessibility(tab)
    finally:
        laptop.close()

    smallest = browser.new_context(viewport=SMALLEST, locale=language)
    tab = smallest.new_page()
    try:
        for name, url in urls.items():
            tab.goto(f"{live_server.url}{url}")
            width = tab.evaluate("document.documentElement.scrollWidth")
            assert width <= SMALLEST["width"], (name, width)
    finally:
        smallest.close()


def test_share_image_is_1200_wide_for_shared_pages_and_absent_for_private_people(
    live_server, demo, browser
):
    """What a link preview fetches: a 1200×630 picture for home, the petition and a full
    profile in every language; none for a name-only person; a hidden one has no page."""
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()

    def share_image(url):
        response = tab.goto(f"{live_server.url}{url}")
        assert response.status == 200, url
        meta = tab.locator('meta[property="og:image"]')
        if not meta.count():
            return None
        picture = tab.request.get(live_server.url + urlsplit(meta.get_attribute("content")).path)
        assert picture.ok, url
        return Image.open(io.BytesIO(picture.body())).size

    try:
        for language in ("en", "fr", "hy"):
            urls = demo_urls(language)
            profiles = PrisonerPage.publicly_listed_pages().filter(locale__language_code=language)
            full = fully_visible(profiles).first()
            for url in (urls["home"], urls["petition"], full.url):
                assert share_image(url) == (1200, 630), url
            name_only = not_fully_visible(profiles).first()
            assert share_image(name_only.url) is None, name_only.url
            expect(tab.locator('meta[name="twitter:card"]')).to_have_attribute("content", "summary")
        # Counted-only people are never translated: their page, in its one language, is a 404.
        hidden = PrisonerPage.objects.live().filter(prisoner__visibility=Visibility.COUNTED)
        assert hidden.exists()
        for page in hidden:
            response = tab.goto(f"{live_server.url}{page.url}")
            assert response.status == 404, page.url
            expect(tab.locator('meta[property="og:image"]')).to_have_count(0)
    finally:
        context.close()


def test_the_header_menu_opens_without_javascript(live_server, home_pages, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(f"{live_server.url}/en/")
        search = tab.get_by_role("searchbox", name="Search the site")
        expect(search).to_be_hidden()
        tab.locator(".site-menu__button").click()
        expect(search).to_be_visible()
        switcher = tab.get_by_role("navigation", name="Choose a language")
        switcher.get_by_role("link", name="Français").click()
        expect(tab.locator("html")).to_have_attribute("lang", "fr")
    finally:
        context.close()
