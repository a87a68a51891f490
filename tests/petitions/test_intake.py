"""Signing on a busy day: the forms accept into a Redis stream, the worker stores in batches.

Every test here runs against a real Redis (REDIS_URL's, else CAMPAIGN_TEST_REDIS or the
local default), under a key prefix of its own that is deleted afterwards.
"""

import json
import os
import time
import types
import uuid

import pytest
import redis
from django.core import mail
from django.core.cache import caches
from django.core.management import call_command
from django.db.models import Q
from django_ratelimit.core import get_usage

from campaign_site import abuse
from petitions import health as petitions_health
from petitions import intake, signing
from petitions.models import Partner, Petition, Signature, SignatureSource, SignatureTally
from petitions.signing import build_signature, sign, store_accepted
from tests import async_views
from tests.petitions.factories import form_post, make_petition, signer, translate

DEAD_REDIS = "redis://127.0.0.1:1/0"


def _redis_location(settings):
    default = settings.CACHES["default"]
    if "Redis" in default["BACKEND"]:
        return default["LOCATION"]
    return os.environ.get("CAMPAIGN_TEST_REDIS", "redis://127.0.0.1:6379/0")


@pytest.fixture
def stream(settings):
    """The default cache on a live Redis, as in production: sign forms accept into the stream."""
    location = _redis_location(settings)
    client = redis.Redis.from_url(location, socket_timeout=2)
    try:
        client.ping()
    except redis.exceptions.RedisError as error:
        pytest.skip(f"needs Redis at {location}: {error}")
    prefix = f"test-intake-{uuid.uuid4().hex}"
    settings.PETITIONS_ACCEPT_IN_BATCHES = True  # the test settings store at once
    settings.CACHES = {
        "default": {
            "BACKEND": "campaign_site.cache.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
        }
    }
    yield client
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def waiting(client):
    return client.xlen(intake.stream_key()) if client.exists(intake.stream_key()) else 0


def store(name="worker", **options):
    """One run of a worker: every batch it finds, until none is waiting."""
    consumer = intake.Consumer(name, **options)
    stored = 0
    while count := consumer.run_once(store_accepted, wait=False):
        stored += count
    return stored


def sign_url(page, language="en"):
    return f"/{language}/petitions/sign/{page.pk}/"


def test_a_signature_is_accepted_at_once_and_stored_by_the_worker(
    stream, petition_page, client, mail_on_commit
):
    french = translate(petition_page, "fr", title="Libérez-les")
    response = client.post(
        sign_url(french, "fr"), form_post(petition_page, signer(email="Anna@Example.org"))
    )

    assert response.status_code == 303
    assert "?r=signed" in response["Location"]
    # Nothing in the database yet, and nothing sent: the visitor did not wait for them.
    assert not Signature.objects.exists()
    assert waiting(stream) == 1
    assert not mail.outbox

    with mail_on_commit():
        assert store() == 1
    signature = Signature.objects.get()
    assert (signature.email_normalized, signature.language, signature.source) == (
        "anna@example.org",
        "fr",
        SignatureSource.PAGE,
    )
    assert str(signature.country) == "FR"
    assert signature.contact_consent_text  # the wording shown, in the signer's language
    assert SignatureTally.objects.get().count == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["Anna@Example.org"]
    assert "Libérez-les" in mail.outbox[0].body  # in the signer's language
    # Stored: the personal data left Redis.
    assert waiting(stream) == 0


def test_the_widget_credits_its_partner_through_the_stream(stream, petition_page, client):
    partner = Partner.objects.create(name="Partner NGO")
    url = f"/embed/petition/{petition_page.pk}/?partner={partner.key}"
    assert client.post(url, form_post(petition_page)).status_code == 200
    store()
    signature = Signature.objects.get()
    assert (signature.source, signature.partner_ref) == (SignatureSource.WIDGET, partner.key)


def test_one_mailbox_twice_in_a_batch_counts_once_with_one_email(
    stream, petition_page, client, mail_on_commit
):
    data = signer(email="twice@example.org")
    answers = [
        client.post(sign_url(petition_page), form_post(petition_page, data))["Location"]
        for _ in range(2)
    ]
    assert answers[0] == answers[1]  # the second is not told it had signed
    assert waiting(stream) == 2

    with mail_on_commit():
        store()
    assert Signature.objects.count() == 1
    assert SignatureTally.objects.get().count == 1
    assert len(mail.outbox) == 1


def test_a_confirmed_signer_signing_again_through_the_stream_hears_it_already_counts(
    stream, petition_page, client, mail_on_commit
):
    data = signer(email="again@example.org")
    client.post(sign_url(petition_page), form_post(petition_page, data))
    with mail_on_commit():
        store()
    signing.confirm(Signature.objects.get().pk)
    mail.outbox.clear()

    client.post(sign_url(petition_page), form_post(petition_page, data))
    with mail_on_commit():
        store()
    assert Signature.objects.count() == 1
    assert [message.subject for message in mail.outbox] == ["Your signature already counts"]


def test_a_batch_stored_twice_counts_and_emails_once(
    stream, petition_page, client, mail_on_commit, monkeypatch
):
    for n in range(3):
        client.post(sign_url(petition_page), form_post(petition_page, signer(n)))

    # The worker stores the batch, then dies before it acknowledges it.
    def die(self, entry_ids):
        raise SystemExit("killed")

    with monkeypatch.context() as patch:
        patch.setattr(intake.Consumer, "acknowledge", die)
        with mail_on_commit(), pytest.raises(SystemExit):
            intake.Consumer("dead").run_once(store_accepted, wait=False)
    assert Signature.objects.count() == 3
    assert waiting(stream) == 3

    # Another worker takes over what the dead one held, and stores it again: no change.
    with mail_on_commit():
        assert store("heir", claim_after_ms=0) == 3
    assert Signature.objects.count() == 3
    assert SignatureTally.objects.get().count == 3
    assert len(mail.outbox) == 3
    assert waiting(stream) == 0


def test_a_worker_that_dies_mid_batch_leaves_its_entries_to_another(stream, petition_page, client):
    for n in range(4):
        client.post(sign_url(petition_page), form_post(petition_page, signer(n)))

    def crash(signatures):
        raise RuntimeError("the worker died halfway")

    with pytest.raises(RuntimeError):
        intake.Consumer("dead").run_once(crash, wait=False)
    assert not Signature.objects.exists()
    # Not before they have waited CLAIM_AFTER_MS: the first worker may only be slow.
    assert store("patient") == 0
    assert store("heir", claim_after_ms=0) == 4
    assert Signature.objects.count() == 4
    assert SignatureTally.objects.get().count == 4
    assert store("dead") == 0  # back again: its entries were taken over and are gone
    assert waiting(stream) == 0


def test_a_worker_whose_store_failed_stores_those_entries_first_on_its_next_try(
    stream, petition_page, client
):
    for n in range(2):
        client.post(sign_url(petition_page), form_post(petition_page, signer(n)))
    worker = intake.Consumer("flaky")

    def database_down(signatures):
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        worker.run_once(database_down, wait=False)
    # The same worker, not one taking over after CLAIM_AFTER_MS: its own entries first.
    assert worker.run_once(store_accepted, wait=False) == 2
    assert Signature.objects.count() == 2
    assert waiting(stream) == 0


def test_the_worker_command_stores_what_waits(stream, petition_page, client):
    client.post(sign_url(petition_page), form_post(petition_page))
    call_command("petitions_store_signatures", "--once")
    assert Signature.objects.count() == 1
    assert waiting(stream) == 0


def test_form_errors_keep_what_was_typed_and_accept_nothing(stream, petition_page, client):
    data = form_post(petition_page, signer(first_name="Mariam", email="not-an-address"))
    response = client.post(sign_url(petition_page), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert 'value="Mariam"' in body and 'value="not-an-address"' in body
    assert waiting(stream) == 0


def test_with_redis_down_the_form_signs_at_once(settings, petition_page, client, mail_on_commit):
    # As production has it: rate limits fall back to the database while Redis is down.
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
    with mail_on_commit():
        response = client.post(sign_url(petition_page), form_post(petition_page))
    assert response.status_code == 303 and "?r=signed" in response["Location"]
    assert Signature.objects.count() == 1
    assert SignatureTally.objects.get().count == 1
    assert len(mail.outbox) == 1


def test_both_rate_limits_are_counted_in_one_round_trip_in_django_ratelimit_s_windows(
    stream, monkeypatch
):
    sent = []
    original = redis.Redis.execute_command

    def execute_command(self, *args, **kwargs):
        sent.append(args[0])
        return original(self, *args, **kwargs)

    stream.script_load(abuse._COUNT_WINDOWS)  # as after the first submission
    monkeypatch.setattr(redis.Redis, "execute_command", execute_command)
    meta = abuse.ClientMeta(ip="192.0.2.7")
    for _ in range(3):
        assert not abuse.rate_limited(
            meta, "test.group", ip_rates=("3/m", "9/h"), email="a@example.org", email_rate="5/h"
        )
    assert abuse.rate_limited(meta, "test.group", ip_rates=("3/m",))
    assert sent == ["EVALSHA"] * 4  # one command per submission, every window in it
    usage = get_usage(
        abuse.ClientMeta(),
        group="test.group:ip:9/h",
        key=lambda _group, _request: "192.0.2.7",
        rate="9/h",
    )
    assert usage["count"] == 3  # the same counters django-ratelimit reads
    prefix = caches["default"].key_prefix
    lifetimes = [stream.ttl(key) for key in stream.scan_iter(f"{prefix}:*rl:*")]
    assert len(lifetimes) == 3  # 3/m, 9/h and the mailbox's 5/h: django-ratelimit's lifetimes
    assert all(0 < seconds <= 3600 + 60 for seconds in lifetimes), lifetimes


def test_a_signer_stored_meanwhile_by_another_way_is_counted_once(
    stream, petition_page, mail_on_commit, monkeypatch
):
    """Between the storer's look for who has signed and its INSERT, the same mailbox signs
    through the API (stored at once): the database refuses the batch's INSERT, and the
    batch is stored one by one, without that signer."""
    sign(petition_page, signer(email="api@example.org"), source="api", language="en")
    batch = [
        build_signature(
            petition_page.petition,
            signer(email=email),
            source=SignatureSource.PAGE,
            language="en",
            consent_texts={"contact_consent_text": "", "named_consent_text": ""},
        )
        for email in ("api@example.org", "new@example.org")
    ]
    # As if the API's signature came after the storer's look.
    monkeypatch.setattr(signing, "Q", lambda **lookups: Q(pk__in=[]))
    with mail_on_commit():
        stored = store_accepted(batch)
    assert [s.email for s in stored] == ["new@example.org"]
    assert Signature.objects.count() == 2
    assert SignatureTally.objects.get().count == 2
    assert [message.to for message in mail.outbox] == [["new@example.org"]]


def test_signers_of_a_petition_deleted_meanwhile_do_not_hold_up_the_others(
    stream, petition_page, home_pages
):
    other = make_petition(home_pages["en"])
    batch = [
        build_signature(
            page.petition,
            signer(),
            source=SignatureSource.PAGE,
            language="en",
            consent_texts={"contact_consent_text": "", "named_consent_text": ""},
        )
        for page in (petition_page, other)
    ]
    other.delete()
    Petition.objects.filter(pk=batch[1].petition_id).delete()
    assert store_accepted(batch) == [batch[0]]
    assert Signature.objects.get().petition_id == petition_page.petition.pk


def test_health_warns_when_signatures_wait_with_no_storer_running(
    stream, petition_page, client, monkeypatch
):
    def health():
        return json.loads(async_views.get(client, "/health/?format=json").content)

    client.post(sign_url(petition_page), form_post(petition_page))
    assert set(health().values()) == {"OK"}  # a second old: a storer would take it now
    later = time.time() + 120
    monkeypatch.setattr(petitions_health, "time", types.SimpleNamespace(time=lambda: later))
    report = health()
    assert any("is petitions_store_signatures running" in status for status in report.values())
    store()
    assert set(health().values()) == {"OK"}


def test_a_confirmation_email_costs_two_queries_and_follows_a_renamed_page(
    petition_page, django_assert_num_queries
):
    """The worker sends one email per signer: the page's title and address in the signer's
    language are kept (render_cache), not looked for again among the translations."""
    first, second = (
        sign(petition_page, signer(), source="api", language="en", notify=False).signature
        for _ in range(2)
    )
    signing.send_confirmation(first.pk)
    with django_assert_num_queries(2):  # the signature, then its "sent" stamp
        signing.send_confirmation(second.pk)
    assert petition_page.url in mail.outbox[-1].body

    petition_page.title = "Bring them home now"
    petition_page.save_revision().publish()
    signing.send_confirmation(first.pk)
    assert "Bring them home now" in mail.outbox[-1].body
