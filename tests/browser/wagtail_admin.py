"""Steps in Wagtail's admin that several browser tests take."""

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect


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
