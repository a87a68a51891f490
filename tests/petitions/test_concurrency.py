"""The count is exact under real concurrency: N distinct signers add N, duplicates add nothing.

Signers post at once, through HTTP, to a server whose request threads each hold
their own database connection:
- on PostgreSQL, pytest-django's live server (one connection per request thread);
- on SQLite, a server over a file copy of the test database, one connection per
  request, in the IMMEDIATE transaction mode the settings use. (The live server
  would share the in-memory test database's single connection across threads,
  which tests nothing.)
"""

import copy
import http.client
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.db import connection, connections

from campaign_site.abuse import HONEYPOT_FIELD, TOKEN_FIELD
from petitions.models import Signature, SignatureTally

from .factories import form_token, make_petition, signer

pytestmark = pytest.mark.django_db(transaction=True)

DISTINCT = 24
DUPLICATES = 8
CLIENTS = 8


@pytest.fixture
def generous_limits(settings):
    settings.PETITIONS_IP_RATES = ("100000/m",)
    settings.PETITIONS_EMAIL_RATE = "1000/m"


def post_all(base_url, page):
    """Post DISTINCT different signers and DUPLICATES copies of one, all released together."""
    token = form_token(page, age=60)
    path = f"/en/petitions/sign/{page.pk}/"
    bodies = [signer(n, email=f"distinct-{n}@example.org") for n in range(DISTINCT)]
    bodies += [signer(999, email="Same.Person@example.org")] * DUPLICATES
    barrier = threading.Barrier(CLIENTS)
    host = urlsplit(base_url)

    def post(index_and_data):
        index, data = index_and_data
        if index < CLIENTS:
            barrier.wait(timeout=30)
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
        conn.request(
            "POST",
            path,
            body=urlencode({**data, TOKEN_FIELD: token, HONEYPOT_FIELD: ""}),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                # As a browser on the petition page says (petitions.origins).
                "Origin": f"{host.scheme}://{host.netloc}",
            },
        )
        response = conn.getresponse()
        location = response.getheader("Location", "")
        body = response.read().decode()
        if response.status != 303:
            start = body.find("error-summary")
            location = body[start : start + 800] if start >= 0 else body[:800]
        conn.close()
        return response.status, location

    # Duplicates first in the queue, so that they race each other and the first signers.
    order = list(enumerate(bodies[DISTINCT:] + bodies[:DISTINCT]))
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        return list(pool.map(post, order))


def assert_exact(results, signatures, tally):
    statuses = [status for status, _location in results]
    assert statuses == [303] * (DISTINCT + DUPLICATES), statuses
    states = {location.split("?r=")[1].split("#")[0] for _status, location in results}
    # One answer for all, duplicates included: nobody learns whether an address signed.
    assert states == {"signed"}
    assert signatures == DISTINCT + 1
    assert tally == DISTINCT + 1


@pytest.mark.postgres
def test_concurrent_signers_count_exactly_on_postgresql(live_server, home_pages, generous_limits):
    assert connection.vendor == "postgresql"
    page = make_petition(home_pages["en"], count_unconfirmed=True)

    results = post_all(live_server.url, page)

    tally = sum(SignatureTally.objects.values_list("count", flat=True))
    assert_exact(results, Signature.objects.count(), tally)
    assert page.petition.counts().total == DISTINCT + 1
    assert Signature.objects.filter(email_normalized="same.person@example.org").count() == 1


@contextmanager
def file_database_server(tmp_path):
    """A threaded HTTP server on a file copy of the (SQLite) test database."""
    path = tmp_path / "concurrency.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    settings_dict = copy.deepcopy(connection.settings_dict)
    settings_dict["NAME"] = str(path)
    handler = WSGIHandler()
    wrapper_class = type(connections["default"])

    def app(environ, start_response):
        # Each request thread gets its own connection to the file, as real workers do.
        connections["default"] = wrapper_class(copy.deepcopy(settings_dict), alias="default")
        try:
            return list(handler(environ, start_response))
        finally:
            connections["default"].close()

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.daemon_threads = True
    server.set_app(app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", path
    finally:
        server.shutdown()
        server.server_close()


def test_concurrent_signers_count_exactly(live_server, home_pages, generous_limits, tmp_path):
    """On the suite's own database: the file-copy server on SQLite, the live server otherwise."""
    page = make_petition(home_pages["en"], count_unconfirmed=True)
    if connection.vendor != "sqlite":
        results = post_all(live_server.url, page)
        tally = sum(SignatureTally.objects.values_list("count", flat=True))
        assert_exact(results, Signature.objects.count(), tally)
        return

    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    with file_database_server(tmp_path) as (url, path):
        results = post_all(url, page)
    database = sqlite3.connect(path)
    signatures = database.execute("SELECT COUNT(*) FROM petitions_signature").fetchone()[0]
    tally = database.execute("SELECT SUM(count) FROM petitions_signaturetally").fetchone()[0]
    duplicates = database.execute(
        "SELECT COUNT(*) FROM petitions_signature WHERE email_normalized = ?",
        ("same.person@example.org",),
    ).fetchone()[0]
    database.close()
    assert_exact(results, signatures, tally)
    assert duplicates == 1
