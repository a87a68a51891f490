"""The staff second factor in a real browser: enrolling an authenticator, then signing in
with it (campaign_site/staff.py; the rules themselves are in tests/test_second_factor.py)."""

import re
from base64 import b32encode
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.wagtail_admin import EDITOR_PASSWORD, sign_in, sign_in_as_editor, sign_out
from tests.test_second_factor import code_for, emailed_code

pytestmark = pytest.mark.django_db(transaction=True)

WRONG_CODE = re.compile(r"This code is not right, or has expired\.")


@pytest.fixture
def required(settings):
    settings.STAFF_2FA_REQUIRED = True


def a_wrong_code(right):
    return "000000" if right != "000000" else "111111"


def a_moment_later(device):
    """As if the person took the few seconds people take: django-otp makes a code typed
    right after a wrong one wait a second, and a code of a 30-second step already used
    wait for the next step. The test moves the device's clock instead of sleeping."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(minutes=1),
        last_t=-1,
    )
    device.refresh_from_db()


def submit_code(page, label, code):
    page.get_by_label(label).fill(code)
    page.get_by_role("button", name="Continue").click()


def expect_refused(page, label):
    """The page says so, where eyes and screen readers both find it, and asks again."""
    expect(page.get_by_role("alert")).to_contain_text(WRONG_CODE)
    expect(page.get_by_label(label)).to_have_accessible_description(WRONG_CODE)


def test_an_editor_enrols_an_authenticator_then_signs_in_with_it(
    required, live_server, home_pages, page, accessibility
):
    sign_in_as_editor(page, live_server)

    # Straight from the password to enrolment, which first proves the account's email.
    expect(page).to_have_url(re.compile(r"/admin/2fa/enrol/"))
    expect(page.get_by_role("heading", name="Set up two-factor authentication")).to_be_visible()
    expect(page.locator("img[src^='data:image/svg+xml']")).to_have_count(0)
    accessibility(page)
    page.get_by_role("button", name="Email a code to e…@example.org").click()
    expect(page.get_by_role("status")).to_have_text(
        "We sent a code to e…@example.org. It is valid for 10 minutes."
    )
    [message] = mail.outbox
    assert message.to == ["editor@example.org"]
    emailed = emailed_code(message.body)

    email_code = "Code from the email"
    submit_code(page, email_code, a_wrong_code(emailed))
    expect_refused(page, email_code)
    expect(page.locator("img[src^='data:image/svg+xml']")).to_have_count(0)
    accessibility(page)
    submit_code(page, email_code, emailed)

    # The authenticator step: the key, as a QR code and typed out.
    qr_code = page.get_by_role("img", name="QR code to scan with your authenticator app")
    expect(qr_code).to_be_visible()
    device = TOTPDevice.objects.get(user__username="editor", confirmed=False)
    key = b32encode(device.bin_key).decode()
    expect(page.locator("code")).to_have_text(" ".join(re.findall(".{1,4}", key)))
    accessibility(page)
    submit_code(page, "Code from your authenticator app", code_for(device))
    expect(page.get_by_role("heading", name="Site summary")).to_be_visible()
    device.refresh_from_db()
    assert device.confirmed

    # The next sign-in asks for a code before anything else opens.
    sign_out(page)
    sign_in(page, live_server, "editor", EDITOR_PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/2fa/verify/"))
    page.goto(f"{live_server.url}/admin/pages/")
    expect(page).to_have_url(re.compile(r"/admin/2fa/verify/\?next=/admin/pages/"))
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    expect(page.get_by_role("complementary", name="Sidebar")).to_have_count(0)
    accessibility(page)

    authenticator = "Code from your authenticator app"
    submit_code(page, authenticator, a_wrong_code(code_for(device)))
    expect_refused(page, authenticator)
    expect(page.get_by_role("complementary", name="Sidebar")).to_have_count(0)
    accessibility(page)
    a_moment_later(device)
    submit_code(page, authenticator, code_for(device))
    expect(page).to_have_url(re.compile(r"/admin/pages/$"))
    expect(page.get_by_role("heading", name="Exploring: Root")).to_be_visible()
