"""Steps in Wagtail's admin that several browser tests take."""

import re

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

EDITOR_PASSWORD = "a long editor password"


def sign_in_as_editor(page, live_server):
    """Create a superuser "editor" and sign in through the admin's own login form."""
    from tests.factories import SuperuserFactory

    SuperuserFactory(username="editor", password=EDITOR_PASSWORD)
    sign_in(page, live_server, "editor", EDITOR_PASSWORD)


def sign_in(page, live_server, username, password):
    """Sign in through the admin's own login form, and wait until it is left."""
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    # Signed in once the login form is left: going elsewhere sooner could cut its POST.
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))


def fill_date(page, field, value):
    """Type a date into an admin date field and close the picker it opens.

    The picker opens 100 ms after the field takes focus and lies over the fields below
    it: CI saw a click meant for the checkbox under a date field land on the calendar.
    It closes when the field loses focus (it ignores Escape), but a blur before it opened
    closed nothing: wait for it to show, take focus away, and wait until no calendar shows.
    """
    field.fill(value)
    calendar = page.locator(".xdsoft_datetimepicker:visible")
    expect(calendar).to_have_count(1)
    field.blur()
    expect(calendar).to_have_count(0)


def publish_from_the_editor(page):
    """Open the editor footer's "More actions" menu and press Publish.

    The menu can close again straight after opening when a date picker, dismissed just
    before, hands back focus late; CI saw Publish stay hidden for 10 s. Open the menu
    until Publish shows, as a person would click again.
    """
    footer = page.locator("footer")
    more = footer.get_by_role("button", name="More actions")
    publish = footer.locator('button[name="action-publish"]')
    for _attempt in range(4):
        if not publish.is_visible():
            more.click()
        try:
            publish.wait_for(state="visible", timeout=2_500)
            break
        except PlaywrightTimeout:
            continue
    publish.click()


def sign_out(page, username="editor"):
    """Log out from the account menu at the foot of the sidebar, as an editor does.

    On a phone the sidebar opens first. Each step waits for the one before to show: the
    sidebar is drawn by script after the page loads."""
    sidebar = page.get_by_role("complementary", name="Sidebar")
    sidebar.get_by_role("button", name="Toggle sidebar").click()
    sidebar.get_by_role("button", name=username, exact=True).click()
    sidebar.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))
