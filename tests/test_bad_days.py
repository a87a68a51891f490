"""Bad days: Redis stopped, the database gone, a mail server that never answers.

Each test stops or breaks one real part and checks that visitors, partners and
signers are served as well as that part allows, and that /health/ tells.
"""

import json
import socket
import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campaign_site import abuse
from campaign_site.models import QueuedEmail, UndeliveredEmail
from petitions.models import Signature
from petitions.signing import send_due_emails
from prisoners.models import Letter, Sponsorship
from tests import async_views
from tests.factories import SuperuserFactory
from tests.petitions.factories import form_post, make_petition
from tests.prisoners.factories import PrisonerIndexPageFactory, PrisonerPageFactory
from tests.prisoners.test_letters import letter_data, letter_url
from tests.prisoners.test_sponsorship import application, form_values, sponsor_url

# Nothing listens on port 1: connections are refused at once, as with a stopped Redis.
DEAD_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "campaign_site.cache.ResilientRedisCache",
            "LOCATION": DEAD_REDIS,
            "OPTIONS": {"FALLBACK": "fallback"},
        },
        "fallback": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "campaign_cache_fallback",
        },
    }


@pytest.fixture
def visitor():
    return Client(REMOTE_ADDR="192.0.2.10", headers={"origin": "http://testserver"})


@pytest.mark.django_db
def test_pages_apis_and_signing_work_while_redis_is_down(
    home_pages, redis_down, visitor, django_capture_on_commit_callbacks
):
    page = make_petition(home_pages["en"])
    for url in (
        "/en/",
        "/fr/",
        page.url,
        "/api/v2/pages/",
        "/api/widgets/figures/",
        "/en/search/?q=prisoners",
        "/sitemap.xml",
    ):
        response = visitor.get(url)
        assert response.status_code == 200, url

    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(
            f"/en/petitions/sign/{page.pk}/", form_post(page, email="redis-down@example.org")
        )
    assert response.status_code == 303
    assert Signature.objects.filter(email="redis-down@example.org").exists()
    assert len(mail.outbox) == 1  # the confirmation still leaves


@pytest.mark.django_db
def test_rate_limits_still_stop_a_burst_while_redis_is_down(redis_down):
    meta = abuse.ClientMeta(ip="192.0.2.20")
    verdicts = [abuse.rate_limited(meta, "bad-days", ip_rates=("3/m",)) for _ in range(5)]
    assert verdicts == [False, False, False, True, True]


@pytest.mark.django_db
def test_refused_signatures_and_searches_meet_their_limits_while_redis_is_down(
    home_pages, redis_down, settings
):
    """The limits of refused sign POSTs, searches and API searches count in the database."""
    settings.PETITIONS_IP_RATES = ("2/m",)
    settings.CAMPAIGN_SEARCH_IP_RATES = ("2/m",)
    page = make_petition(home_pages["en"])
    client = Client(REMOTE_ADDR="192.0.2.30", headers={"origin": "http://testserver"})
    bad = form_post(page, email="x")
    signs = [client.post(f"/en/petitions/sign/{page.pk}/", bad).status_code for _ in range(3)]
    searches = [client.get("/en/search/", {"q": "x"}).status_code for _ in range(2)]
    api = client.get("/api/v2/pages/", {"search": "x"})
    assert (signs, searches, api.status_code) == ([400, 400, 429], [200, 200], 429)


@pytest.mark.django_db
def test_forged_session_cookies_meet_their_limit_while_redis_is_down(
    home_pages, redis_down, settings
):
    """Requests whose session cookie names no session count in the database too."""
    settings.CAMPAIGN_UNKNOWN_SESSION_IP_RATES = ("2/m",)
    client = Client(REMOTE_ADDR="192.0.2.31", headers={"cookie": "sessionid=" + "f" * 32})
    statuses = [client.get("/en/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


@pytest.mark.django_db
def test_health_says_redis_is_down_and_keeps_the_node_in_service(redis_down, visitor):
    response = async_views.get(visitor, "/health/?format=json")
    assert response.status_code == 200
    report = json.loads(response.content)
    assert any("Redis is down" in status for status in report.values()), report
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_health_is_ok_on_a_good_day(visitor):
    response = async_views.get(visitor, "/health/?format=json")
    assert response.status_code == 200, response.content
    assert set(json.loads(response.content).values()) == {"OK"}


@pytest.mark.django_db
def test_health_takes_the_node_out_when_the_database_is_down(visitor):
    with mock.patch.object(
        BaseDatabaseWrapper, "ensure_connection", side_effect=OperationalError("gone")
    ):
        response = async_views.get(visitor, "/health/?format=json")
    assert response.status_code == 503


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "language", "text"),
    [
        ("/fr/", "fr", "Réessayer"),
        ("/hy/", "hy", "Կրկին փորձել"),
        ("/en/news/", "en", "Try again"),
    ],
)
def test_a_database_outage_is_a_503_page_in_the_visitors_language(home_pages, url, language, text):
    visitor = Client(raise_request_exception=False)
    with mock.patch.object(
        BaseDatabaseWrapper, "ensure_connection", side_effect=OperationalError("gone")
    ):
        response = visitor.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    body = response.content.decode()
    assert f'lang="{language}"' in body
    assert text in body


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/widgets/figures/", "/api/v2/pages/", "/oembed?url=x"])
def test_a_database_outage_on_an_api_is_json(url):
    visitor = Client(raise_request_exception=False)
    with mock.patch.object(
        BaseDatabaseWrapper, "ensure_connection", side_effect=OperationalError("gone")
    ):
        response = visitor.get(url)
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "30"
    assert json.loads(response.content)["detail"]


class HangingMailServer:
    """Accepts SMTP connections and never says a word, like a wedged mail relay."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(8)
        self.port = self.socket.getsockname()[1]
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.socket.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        for connection in self.connections:
            connection.close()
        self.socket.close()


@pytest.fixture
def hanging_mail_server(settings):
    server = HangingMailServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_TIMEOUT = 2
    yield server
    server.close()


def run_worker():
    # The worker refreshes its connections between tasks; here they are the test's own,
    # inside its transaction (PostgreSQL would close it).
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)


@pytest.mark.django_db
def test_cron_leaves_a_confirmation_the_worker_has_not_sent_yet_to_the_worker(
    home_pages, settings, visitor, django_capture_on_commit_callbacks
):
    """On a busy day (or with the worker stopped) the queued email waits: cron must not
    queue it again, or the signer gets one email per cron run."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    page = make_petition(home_pages["en"])
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(f"/en/petitions/sign/{page.pk}/", form_post(page, email="wait@example.org"))
    for minutes in (11, 26):
        due = send_due_emails(now=timezone.now() + timedelta(minutes=minutes))
        assert due["confirmations"] == 0
    emails = DBTaskResult.objects.filter(task_path__endswith=".deliver_email")
    assert emails.ready().count() == 1


@pytest.mark.django_db
def test_a_hanging_mail_server_never_holds_the_signers_request(
    home_pages, hanging_mail_server, settings, visitor, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    page = make_petition(home_pages["en"])

    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(
            f"/en/petitions/sign/{page.pk}/", form_post(page, email="patient@example.org")
        )
    assert response.status_code == 303
    assert time.monotonic() - started < settings.EMAIL_TIMEOUT
    assert not hanging_mail_server.connections, "the request talked to the mail server"
    signature = Signature.objects.get(email="patient@example.org")
    emails = DBTaskResult.objects.filter(task_path__endswith=".deliver_email")
    assert emails.ready().count() == 1

    # The worker tries, gives up after EMAIL_TIMEOUT instead of hanging...
    started = time.monotonic()
    run_worker()
    assert len(hanging_mail_server.connections) == 1
    assert time.monotonic() - started < settings.EMAIL_TIMEOUT + 5
    signature.refresh_from_db()
    assert signature.confirmation_sent_at is None
    # ...records it for editors, and queues the next attempt a minute later.
    undelivered = UndeliveredEmail.objects.get()
    assert (undelivered.kind, undelivered.object_id) == (
        "petitions.confirmation",
        str(signature.pk),
    )
    assert undelivered.attempts == 1 and "timed out" in undelivered.error
    retry = emails.filter(status="READY").get()
    assert retry.run_after - undelivered.last_failed_at == timedelta(minutes=1)
    run_worker()  # not yet due: nothing happens
    assert len(hanging_mail_server.connections) == 1
    # Cron leaves it to the worker rather than queueing it twice.
    assert send_due_emails(now=timezone.now() + timedelta(minutes=11))["confirmations"] == 0

    # A minute later the mail server is back: the worker sends it, and the report empties.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    emails.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    assert mail.outbox[0].to == ["patient@example.org"]
    assert not UndeliveredEmail.objects.exists()
    signature.refresh_from_db()
    assert signature.confirmation_sent_at is not None


@pytest.mark.django_db
def test_a_hanging_mail_server_never_holds_sponsors_letter_writers_or_reviewers(
    home_pages, hanging_mail_server, settings, visitor, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PRISONERS_SPONSOR_FORM_MIN_SECONDS = settings.PRISONERS_LETTER_FORM_MIN_SECONDS = 0
    cache.clear()
    boss = SuperuserFactory(email="boss@example.org")  # no reviewers group: the superusers
    index = PrisonerIndexPageFactory(parent=home_pages["en"])
    aram = PrisonerPageFactory(parent=index, title="Aram Example", slug="aram")

    def timed(send):
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            response = send()
        assert time.monotonic() - started < settings.EMAIL_TIMEOUT
        return response

    # An application (receipt + reviewers' email) and a letter: answered at once.
    assert timed(lambda: visitor.post(sponsor_url(aram), application())).status_code == 302
    assert timed(lambda: visitor.post(letter_url(aram), letter_data())).status_code == 302
    assert Letter.objects.count() == 1
    sponsorship = Sponsorship.objects.get()
    # The reviewer decides: the decision email is queued too, the save is not held.
    editor = Client()
    editor.force_login(boss)
    edit_url = reverse("sponsorships:edit", args=[sponsorship.pk])
    decision = form_values(BeautifulSoup(editor.get(edit_url).content, "html.parser"))
    decision["status"] = "approved"
    assert timed(lambda: editor.post(edit_url, decision)).status_code == 302
    assert not hanging_mail_server.connections, "a request talked to the mail server"
    emails = DBTaskResult.objects.filter(task_path__endswith=".deliver_email")
    assert emails.ready().count() == 3

    # The worker tries each, giving up after EMAIL_TIMEOUT instead of hanging...
    started = time.monotonic()
    run_worker()
    assert len(hanging_mail_server.connections) == 3
    assert time.monotonic() - started < 3 * settings.EMAIL_TIMEOUT + 5
    # ...lists them for editors and queues each one's next attempt.
    pk = str(sponsorship.pk)
    assert sorted(UndeliveredEmail.objects.values_list("kind", "object_id", "attempts")) == [
        ("prisoners.sponsorship_decision", pk, 1),
        ("prisoners.sponsorship_receipt", pk, 1),
        ("prisoners.sponsorship_review", pk, 1),
    ]
    assert all(
        "timed out" in error for error in UndeliveredEmail.objects.values_list("error", flat=True)
    )
    report = BeautifulSoup(
        editor.get("/admin/reports/undelivered-emails/").content, "html.parser"
    ).get_text(" ", strip=True)
    for text in (
        "Sponsorship: receipt",
        "Sponsorship: new application, to the reviewers",
        "Sponsorship: decision",
        "mairie@example.org",
        "boss@example.org",
    ):
        assert text in report
    retries = emails.filter(status="READY")
    assert retries.count() == 3
    assert all(retry.run_after - timezone.now() > timedelta(seconds=30) for retry in retries), (
        "retried later, not at once"
    )

    # The mail server is back when the retries are due: all three leave, the report empties.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retries.update(run_after=timezone.now())
    run_worker()
    assert sorted(message.to for message in mail.outbox) == [
        ["boss@example.org"],
        ["mairie@example.org"],
        ["mairie@example.org"],
    ]
    assert not UndeliveredEmail.objects.exists()


@pytest.mark.django_db
def test_wagtails_own_emails_go_through_the_worker_too(
    hanging_mail_server, settings, django_capture_on_commit_callbacks
):
    """Wagtail writes the password reset email itself: it is queued like ours."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "campaign_site.mail.QueueBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    cache.clear()
    boss = SuperuserFactory(email="boss@example.org")

    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/admin/password_reset/", {"email": "boss@example.org"})
    assert response.status_code == 302
    assert time.monotonic() - started < settings.EMAIL_TIMEOUT
    assert not hanging_mail_server.connections, "the request talked to the mail server"
    assert QueuedEmail.objects.count() == 1

    run_worker()
    assert len(hanging_mail_server.connections) == 1
    record = UndeliveredEmail.objects.get()
    assert record.kind == "campaign_site.message" and "timed out" in record.error
    assert "@" not in record.error
    editor = Client()
    editor.force_login(boss)
    report = editor.get("/admin/reports/undelivered-emails/").content.decode()
    assert "password reset" in report and "boss@example.org" in report

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_worker()
    [message] = mail.outbox
    assert message.to == ["boss@example.org"] and "/admin/password_reset/" in message.body
    assert not QueuedEmail.objects.exists() and not UndeliveredEmail.objects.exists()
