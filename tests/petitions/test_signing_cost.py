"""What one signature costs: queries, forms built, commits; and the caches that keep it cheap.

The rules themselves (origins, tokens, limits, mailboxes, duplicates) have their own
tests; these pin down that signing does each piece of work once.
"""

import threading
import time

import pytest
from django.db import connections, transaction
from django.test import Client
from django.utils import translation
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageViewRestriction, Site

from campaign_site import abuse, render_cache
from campaign_site.cache import ReusedClientRedisCacheClient
from campaign_site.models import UnderAttackSettings
from home.models import NewsTag
from petitions import forms, signing
from petitions.models import PetitionStatus, Signature, SignatureTally
from petitions.signing import Outcome, SignatureSource, sign
from tests.petitions.factories import form_post, make_petition, signer

#: One transaction: the signature, its email for the worker, the tally row; BEGIN and
#: COMMIT (a savepoint in tests) are counted where the database reports them. The page
#: signed, its petition and the under-attack switch are kept (render_cache).
SIGN_QUERIES = 5


@pytest.fixture
def database_queue(settings):
    """The production task queue: rows in the same database."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def browser(n):
    return Client(REMOTE_ADDR=f"10.77.0.{n}", headers={"origin": "http://testserver"})


def emails_queued():
    return DBTaskResult.objects.filter(task_path__endswith=".deliver_email")


def sign_url(page):
    return f"/en/petitions/sign/{page.pk}/"


@pytest.mark.django_db
def test_a_signature_costs_the_same_few_queries_however_many_signed_before(
    home_pages, database_queue, django_assert_max_num_queries
):
    page = make_petition(home_pages["en"])
    # The first signature creates the site's under-attack setting (a change that retires
    # what was kept); the second warms what is kept.
    for n, email in enumerate(("first@example.org", "warm@example.org")):
        assert browser(10 + n).post(sign_url(page), form_post(page, email=email)).status_code == 303
    with django_assert_max_num_queries(SIGN_QUERIES):
        response = browser(2).post(sign_url(page), form_post(page, email="second@example.org"))
    assert response.status_code == 303

    for n in range(20):
        sign(
            page.petition,
            signer(email=f"many-{n}@example.org"),
            source=SignatureSource.API,
            language="en",
        )
    with django_assert_max_num_queries(SIGN_QUERIES):
        response = browser(3).post(sign_url(page), form_post(page, email="later@example.org"))
    assert response.status_code == 303
    assert page.petition.counts().total == 0  # unconfirmed: not counted yet
    assert SignatureTally.objects.get(confirmed=False).count == 24


@pytest.mark.django_db
def test_the_form_is_built_once_per_signature(home_pages, monkeypatch):
    page = make_petition(home_pages["en"])
    built = []
    original = forms.SignatureForm.__init__

    def counting(self, *args, **kwargs):
        built.append(type(self).__name__)
        original(self, *args, **kwargs)

    monkeypatch.setattr(forms.SignatureForm, "__init__", counting)
    assert browser(1).post(sign_url(page), form_post(page)).status_code == 303
    assert built == ["PublicSignatureForm"]
    assert Signature.objects.count() == 1


@pytest.mark.django_db
def test_a_form_built_for_another_petition_or_source_is_refused(home_pages):
    first = make_petition(home_pages["en"])
    second = make_petition(home_pages["en"])
    form = forms.SignatureForm(data=signer(), petition=first.petition)
    with pytest.raises(ValueError):
        sign(second.petition, signer(), source=SignatureSource.PAGE, language="en", form=form)
    # An import keeps what the page's form does not ask: its form must be an import's.
    with pytest.raises(ValueError):
        sign(first.petition, signer(), source=SignatureSource.IMPORT, language="en", form=form)
    assert not Signature.objects.exists()


@pytest.mark.django_db
def test_the_email_is_queued_in_the_signatures_own_transaction(home_pages, database_queue):
    """No on-commit callback runs in this test: the queued email is there because it was
    stored with the signature, in one commit."""
    page = make_petition(home_pages["en"])
    result = sign(page.petition, signer(), source=SignatureSource.PAGE, language="en")
    assert result.outcome == Outcome.SIGNED
    queued = emails_queued().get()
    assert queued.args_kwargs["args"] == [signing.CONFIRMATION_EMAIL, str(result.signature.pk)]


@pytest.mark.django_db
def test_a_signature_that_fails_leaves_no_email_behind(home_pages, database_queue, monkeypatch):
    page = make_petition(home_pages["en"])

    def broken_tally(*args, **kwargs):
        raise RuntimeError("the tally could not be updated")

    monkeypatch.setattr(signing, "_adjust_tally", broken_tally)
    with pytest.raises(RuntimeError):
        sign(page.petition, signer(), source=SignatureSource.PAGE, language="en")
    assert not Signature.objects.exists()
    assert not emails_queued().exists()


@pytest.mark.django_db
def test_a_duplicate_queues_no_second_email(home_pages, database_queue):
    page = make_petition(home_pages["en"])
    data = signer(email="twice@example.org")
    sign(page.petition, data, source=SignatureSource.PAGE, language="en")
    again = sign(page.petition, data, source=SignatureSource.PAGE, language="en")
    assert again.outcome == Outcome.ALREADY_SIGNED
    assert emails_queued().count() == 1


@pytest.mark.django_db
def test_the_under_attack_switch_is_kept_and_takes_effect_at_once(
    home_pages, rf, django_assert_num_queries
):
    switch = UnderAttackSettings.for_site(Site.objects.get(is_default_site=True))
    assert abuse.under_attack(rf.get("/", HTTP_HOST="localhost")) is False
    with django_assert_num_queries(0):
        assert abuse.under_attack(rf.get("/", HTTP_HOST="localhost")) is False

    switch.proof_of_work = True
    switch.save()
    assert abuse.under_attack(rf.get("/", HTTP_HOST="localhost")) is True

    switch.proof_of_work = False
    switch.save()
    assert abuse.under_attack(rf.get("/", HTTP_HOST="localhost")) is False


@pytest.mark.django_db
def test_signatures_do_not_retire_what_pages_keep(home_pages):
    page = make_petition(home_pages["en"])
    kept = render_cache.generation()
    result = sign(page.petition, signer(), source=SignatureSource.PAGE, language="en")
    signing.confirm(result.signature.pk)
    assert render_cache.generation() == kept
    # An editor's change still does.
    NewsTag.objects.create(name="Bench", slug="bench")
    assert render_cache.generation() != kept


def test_every_form_shares_one_country_list_in_the_active_language():
    choices = forms.SignatureForm.base_fields["country"].choices
    assert forms.PublicSignatureForm.base_fields["country"].choices is choices
    with translation.override("fr"):
        french = [(code, str(name)) for code, name in choices]
    with translation.override("en"):
        english = [(code, str(name)) for code, name in choices]
    assert french[0] == ("", "Choisissez votre pays")
    assert ("DE", "Allemagne") in french and ("DE", "Germany") in english
    assert [code for code, _name in french] != [code for code, _name in english]  # sorted
    assert sorted(french[1:]) == sorted(forms._sorted_countries("fr"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("country", "valid"), [("FR", True), ("AM", True), ("fr", False), ("XX", False), ("", False)]
)
def test_a_country_is_one_of_the_list(home_pages, country, valid):
    page = make_petition(home_pages["en"])
    form = forms.SignatureForm(data=signer(country=country), petition=page.petition)
    assert form.is_valid() is valid
    if not valid:
        assert "country" in form.errors


def test_the_redis_client_is_built_once_per_connection_pool():
    client = ReusedClientRedisCacheClient(["redis://127.0.0.1:6379/0"])
    assert client.get_client(write=True) is client.get_client(write=False)
    assert client.get_client().connection_pool is client._get_connection_pool(True)


@pytest.mark.django_db
def test_the_page_signed_is_kept_until_an_editor_changes_it(home_pages, database_queue):
    """Closing (publishing the page closed), unpublishing or restricting a petition takes
    effect on the next signature, however the page was kept."""
    page = make_petition(home_pages["en"])
    assert browser(1).post(sign_url(page), form_post(page)).status_code == 303

    page.status = PetitionStatus.CLOSED
    page.save_revision().publish()
    assert browser(2).post(sign_url(page), form_post(page)).status_code == 409

    page.status = PetitionStatus.OPEN
    page.save_revision().publish()
    assert browser(3).post(sign_url(page), form_post(page)).status_code == 303

    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert browser(4).post(sign_url(page), form_post(page)).status_code == 404
    restriction.delete()
    assert browser(5).post(sign_url(page), form_post(page)).status_code == 303

    page.unpublish()
    assert browser(6).post(sign_url(page), form_post(page)).status_code == 404
    assert Signature.objects.count() == 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_signer_never_waits_for_another_signers_commit(home_pages):
    """Two signatures of one country at once: the second takes another tally row
    instead of waiting for the first one's commit; the sum counts both."""
    petition = make_petition(home_pages["en"]).petition
    with transaction.atomic():  # the country's first row
        signing._adjust_tally(petition.pk, {("FR", False): 1})
    held, release = threading.Event(), threading.Event()

    def first_signer():
        try:
            with transaction.atomic():
                signing._adjust_tally(petition.pk, {("FR", False): 1})
                held.set()
                release.wait(20)
        finally:
            connections.close_all()

    thread = threading.Thread(target=first_signer)
    thread.start()
    try:
        assert held.wait(20)
        started = time.monotonic()
        with transaction.atomic():
            signing._adjust_tally(petition.pk, {("FR", False): 1})
        waited = time.monotonic() - started
    finally:
        release.set()
        thread.join()
    assert waited < 2
    rows = SignatureTally.objects.filter(petition=petition, country="FR", confirmed=False)
    assert sorted(rows.values_list("shard", "count")) == [(0, 2), (1, 1)]
    # A confirmation moves one between rows of its own: only the sums mean anything.
    with transaction.atomic():
        signing._adjust_tally(petition.pk, {("FR", False): -1, ("FR", True): 1})
    assert sum(rows.values_list("count", flat=True)) == 2
    assert petition.tallies.filter(confirmed=True).get().count == 1
