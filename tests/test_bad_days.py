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
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campaign_site import abuse
from petitions.models import Signature
from petitions.signing import send_due_emails
from tests import async_views
from tests.petitions.factories import form_post, make_petition

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
    return Client(REMOTE_ADDR="192.0.2.10")


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


@pytest.mark.django_db
def test_a_hanging_mail_server_never_holds_the_signers_request(
    home_pages, hanging_mail_server, settings, visitor, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    page = make_petition(home_pages["en"])

    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(
            f"/en/petitions/sign/{page.pk}/", form_post(page, email="patient@example.org")
        )
    assert response.status_code == 303
    assert not hanging_mail_server.connections, "the request talked to the mail server"
    signature = Signature.objects.get(email="patient@example.org")
    confirmations = DBTaskResult.objects.filter(task_path__endswith=".confirmation_task")
    assert confirmations.ready().count() == 1

    # The worker tries, gives up after EMAIL_TIMEOUT instead of hanging...
    started = time.monotonic()
    # The worker refreshes its connections between tasks; here they are the test's own,
    # inside its transaction (PostgreSQL would close it).
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    assert len(hanging_mail_server.connections) == 1
    assert time.monotonic() - started < settings.EMAIL_TIMEOUT + 5
    signature.refresh_from_db()
    assert signature.confirmation_sent_at is None
    assert not confirmations.ready().exists()

    # ...and once the mail server is back, the email is sent again.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sent = send_due_emails(now=timezone.now() + timedelta(minutes=11))
    assert sent["confirmations"] == 1
    assert mail.outbox[0].to == ["patient@example.org"]
