"""Staff accounts against password guessing, and visitors' addresses behind proxies."""

import pytest
from django.core import mail
from django.test import Client, RequestFactory

from campaign_site import abuse
from campaign_site.security import policy_settings
from tests.factories import SuperuserFactory
from tests.headers import csp_directives

LOGIN = "/admin/login/"


@pytest.fixture
def editor(db):
    user = SuperuserFactory(username="editor", email="editor@example.org")
    user.set_password("the-right-password")
    user.save()
    return user


def attempt(client, password):
    return client.post(LOGIN, {"username": "editor", "password": password})


def test_the_right_password_signs_in(editor):
    response = attempt(Client(REMOTE_ADDR="198.51.100.1"), "the-right-password")
    assert response.status_code == 302


def test_guessing_is_stopped_and_the_right_password_then_refused(editor, settings):
    guesser = Client(REMOTE_ADDR="198.51.100.2")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(guesser, "wrong").status_code == 200  # the form again, with an error
    locked = attempt(guesser, "wrong")
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()

    refused = attempt(guesser, "the-right-password")
    assert refused.status_code == 429
    assert "_auth_user_id" not in guesser.session

    # The editor, from their own address, is not locked out by the guesser.
    assert attempt(Client(REMOTE_ADDR="198.51.100.3"), "the-right-password").status_code == 302


def test_one_address_guessing_many_usernames_is_stopped(editor, settings):
    guesser = Client(REMOTE_ADDR="198.51.100.4")
    statuses = [
        guesser.post(LOGIN, {"username": f"user{n}", "password": "x"}).status_code
        for n in range(settings.AXES_FAILURE_LIMIT + 1)
    ]
    assert statuses[-1] == 429


def test_password_reset_requests_are_limited(editor):
    requester = Client(REMOTE_ADDR="198.51.100.5")
    statuses = [
        requester.post("/admin/password_reset/", {"email": "editor@example.org"}).status_code
        for _ in range(5)
    ]
    assert statuses[:3] == [302, 302, 302]
    assert statuses[3:] == [429, 429]
    assert len(mail.outbox) == 3


def test_an_editors_session_ends_with_the_browser_and_within_a_working_day(editor, settings):
    client = Client(REMOTE_ADDR="198.51.100.6")
    assert attempt(client, "the-right-password").status_code == 302
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # gone when the browser closes
    assert client.session.get_expiry_age() <= 8 * 3600


# --- visitors' addresses -------------------------------------------------------


def meta_of(**headers):
    return abuse.ClientMeta.from_request(RequestFactory().get("/", **headers))


def test_direct_the_connecting_address_counts_and_headers_are_ignored():
    assert meta_of(REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="8.8.8.8").ip == "192.0.2.1"
    assert meta_of(REMOTE_ADDR="192.0.2.1", HTTP_X_REAL_IP="8.8.8.8").ip == "192.0.2.1"


def test_ipv6_counts_per_64_and_no_address_shares_one_bucket():
    assert meta_of(REMOTE_ADDR="2001:db8:1:2:3:4:5:6").ip == "2001:db8:1:2::"
    assert meta_of(REMOTE_ADDR="").ip == abuse.UNKNOWN_CLIENT


def addresses_seen_behind_one_proxy(settings, forwarded_for_values):
    """The address the limits count, for requests that reach us through our one proxy."""
    settings.TRUSTED_PROXY_DEPTH = settings.XFF_TRUSTED_PROXY_DEPTH = 1
    settings.MIDDLEWARE = ["xff.middleware.XForwardedForMiddleware", *settings.MIDDLEWARE]
    seen = []
    for value in forwarded_for_values:
        headers = {"HTTP_X_FORWARDED_FOR": value} if value is not None else {}
        response = Client(REMOTE_ADDR="127.0.0.1", **headers).get("/embed.js")
        seen.append(response.wsgi_request.META["REMOTE_ADDR"])
    return seen


@pytest.mark.django_db
def test_behind_one_proxy_the_address_it_saw_counts_and_spoofing_is_ignored(settings):
    seen = addresses_seen_behind_one_proxy(
        settings, ["203.0.113.9", "1.1.1.1, 203.0.113.9", "2.2.2.2, 203.0.113.9", None]
    )
    # The proxy appends what it saw; what a visitor wrote before it is ignored;
    # a request that bypassed the header counts as the proxy itself: limited, not free.
    assert seen == ["203.0.113.9", "203.0.113.9", "203.0.113.9", "127.0.0.1"]


@pytest.mark.django_db
def test_a_rotating_spoofed_header_is_still_one_visitor_for_the_limits(settings):
    seen = addresses_seen_behind_one_proxy(
        settings, [f"10.0.0.{n}, 203.0.113.7" for n in range(45)]
    )
    verdicts = [
        abuse.rate_limited(abuse.ClientMeta(ip=ip), "spoofing", ip_rates=("30/10m",)) for ip in seen
    ]
    assert verdicts.count(False) == 30


# --- Content-Security-Policy ---------------------------------------------------


@pytest.mark.django_db
def test_public_pages_allow_only_the_sites_own_scripts(home_pages):
    policy = csp_directives(Client().get("/en/"))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"


def test_the_admin_keeps_its_inline_scripts_and_may_frame_its_previews(editor):
    client = Client()
    client.force_login(editor)
    policy = csp_directives(client.get("/admin/"))
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == "'self'"


def test_report_only_mode_is_a_setting(home_pages, settings):
    (
        settings.CONTENT_SECURITY_POLICY,
        settings.CONTENT_SECURITY_POLICY_REPORT_ONLY,
    ) = policy_settings(report_only=True)
    response = Client().get("/en/")
    assert "Content-Security-Policy" not in response
    assert "script-src 'self'" in response["Content-Security-Policy-Report-Only"]
