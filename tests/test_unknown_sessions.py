"""A session cookie that names no session: what a script sends to get past the cache.

Varnish passes every request with a session cookie to the app, so a made-up one
turns any URL into a fresh render; such requests are limited per client address
(campaign_site.middleware.UnknownSessionLimitMiddleware). Editors' real sessions
are never counted, and requests without the cookie cost no lookup at all.
"""

import json
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from campaign_site import abuse

FORGED = "sessionid=abcdefghijklmnopqrstuvwxyz012345"


def session_queries(queries):
    return [query["sql"] for query in queries if "django_session" in query["sql"]]


@pytest.fixture
def bot():
    return Client(REMOTE_ADDR="192.0.2.40", headers={"cookie": FORGED})


@pytest.mark.django_db
def test_a_stream_of_forged_cookies_is_refused_in_the_visitors_language(home_pages, bot, settings):
    settings.CAMPAIGN_UNKNOWN_SESSION_IP_RATES = ("3/m",)
    statuses = [bot.get("/en/").status_code for _ in range(3)]
    refused = bot.get("/fr/")
    assert statuses == [200, 200, 200]
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert refused["Cache-Control"] == "no-store"
    assert refused["Content-Type"].startswith("text/html")
    page = refused.content.decode()
    assert '<html lang="fr">' in page
    assert "Trop de requêtes" in page
    assert 'href="/fr/"' in page  # "Try again" asks for the same page
    # Every answer tells the browser to drop the dead cookie, the refusal too.
    assert refused.cookies["sessionid"].value == ""
    armenian = bot.get("/hy/")
    assert armenian.status_code == 429
    assert "Չափազանց շատ հարցումներ" in armenian.content.decode()


@pytest.mark.django_db
def test_json_routes_are_refused_in_json(home_pages, bot, settings):
    settings.CAMPAIGN_UNKNOWN_SESSION_IP_RATES = ("1/m",)
    assert bot.get("/api/v2/pages/").status_code == 200
    refused = bot.get("/api/v2/pages/", headers={"accept-language": "fr"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert json.loads(refused.content)["detail"].startswith("Nous avons reçu")


@pytest.mark.django_db
def test_the_default_limit_lets_a_person_through_and_stops_a_stream(home_pages, bot):
    statuses = [bot.get("/robots.txt").status_code for _ in range(21)]
    assert statuses == [200] * 20 + [429]


@pytest.mark.django_db
def test_expired_and_malformed_sessions_count_too(home_pages, settings):
    settings.CAMPAIGN_UNKNOWN_SESSION_IP_RATES = ("2/m",)
    store = SessionStore()
    store["anything"] = 1
    store.create()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - timedelta(minutes=1)
    )
    expired = Client(REMOTE_ADDR="192.0.2.41", headers={"cookie": f"sessionid={store.session_key}"})
    assert [expired.get("/en/").status_code for _ in range(3)] == [200, 200, 429]
    # A key of the wrong shape is never looked up, and counts all the same.
    malformed = Client(REMOTE_ADDR="192.0.2.42", headers={"cookie": "sessionid=x"})
    with CaptureQueriesContext(connection) as queries:
        malformed.get("/robots.txt")
    assert session_queries(queries) == []
    assert [malformed.get("/robots.txt").status_code for _ in range(2)] == [200, 429]


@pytest.mark.django_db
def test_a_signed_in_editor_is_never_counted_and_looked_up_once(home_pages, admin_client, settings):
    settings.CAMPAIGN_UNKNOWN_SESSION_IP_RATES = ("1/m",)
    with mock.patch.object(abuse, "rate_limited", wraps=abuse.rate_limited) as counted:
        statuses = [admin_client.get("/en/").status_code for _ in range(3)]
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get("/api/v2/pages/").status_code == 200
    assert statuses == [200, 200, 200]
    assert not counted.called
    assert len(session_queries(queries)) == 1


@pytest.mark.django_db
def test_a_request_without_the_cookie_costs_no_lookup(home_pages):
    visitor = Client(REMOTE_ADDR="192.0.2.43")
    with (
        mock.patch.object(abuse, "rate_limited", wraps=abuse.rate_limited) as counted,
        CaptureQueriesContext(connection) as queries,
    ):
        assert visitor.get("/en/").status_code == 200
    assert session_queries(queries) == []
    assert not counted.called


@pytest.mark.django_db
def test_the_admin_and_its_sign_in_are_left_to_axes(home_pages, bot, settings):
    settings.CAMPAIGN_UNKNOWN_SESSION_IP_RATES = ("1/m",)
    assert [bot.get("/admin/login/").status_code for _ in range(3)] == [200, 200, 200]
    assert bot.get("/admin").status_code == 301
    # Posts are never counted here: a sign-in with a stale cookie still works.
    response = bot.post("/admin/login/", {"username": "nobody", "password": "wrong"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_visitor_who_opened_a_password_protected_page_is_never_counted(home_pages, settings):
    settings.CAMPAIGN_UNKNOWN_SESSION_IP_RATES = ("1/m",)
    page = home_pages["en"]
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    visitor = Client(REMOTE_ADDR="192.0.2.44")
    asked = visitor.get("/en/")
    assert 'name="password"' in asked.content.decode()
    opened = visitor.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]),
        {"password": "s3cret", "return_url": "/en/"},
    )
    assert opened.status_code == 302
    for _visit in range(3):
        response = visitor.get("/en/")
        assert response.status_code == 200
        assert 'name="password"' not in response.content.decode()
