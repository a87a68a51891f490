"""One mailbox, one signature: addresses are normalised once, and unreachable ones refused."""

import importlib
import logging

import pytest
from django.apps import apps
from django.utils import timezone

from campaign_site.abuse import MailboxProblem, mailbox_problem, normalize_email
from petitions.models import Signature, SignatureSource, SignatureTally
from petitions.signing import Outcome, sign
from tests.petitions.factories import make_petition, signer

merge_migration = importlib.import_module("petitions.migrations.0007_signature_keys_by_mailbox")


@pytest.mark.parametrize(
    "typed",
    ["x@rt.example", "x@ｒｔ.ｅｘａｍｐｌｅ", "x@RT.ＥＸＡＭＰＬＥ", " X@rt.example. "],
)
def test_every_spelling_of_one_mailbox_is_one_key(typed):
    assert normalize_email(typed) == "x@rt.example"


def test_an_international_domain_keys_as_its_ascii_form():
    assert normalize_email("Anna@Bücher.DE") == "anna@xn--bcher-kva.de"
    assert normalize_email("anna@xn--bcher-kva.de") == "anna@xn--bcher-kva.de"


@pytest.mark.parametrize(
    ("email", "problem"),
    [
        ("x@localhost", MailboxProblem.NOT_PUBLIC),
        ("x@mail.localhost", MailboxProblem.NOT_PUBLIC),
        ("x@[127.0.0.1]", MailboxProblem.NOT_PUBLIC),
        ("x@[IPv6:::1]", MailboxProblem.NOT_PUBLIC),
        ("x@127.0.0.1", MailboxProblem.NOT_PUBLIC),
        ("x@intranet", MailboxProblem.NOT_PUBLIC),
        ("x@exаmple.org", MailboxProblem.LOOK_ALIKE),  # a Cyrillic а among Latin letters
        ("x@gооgle.com", MailboxProblem.LOOK_ALIKE),
        ("x@example.org", None),
        ("x@օրինակ.հայ", None),  # Armenian throughout: a real domain, not a look-alike
        ("x@пример.рф", None),
        ("x@bücher.de", None),
    ],
)
def test_hosts_the_public_cannot_mail_and_look_alikes_are_refused(email, problem):
    assert mailbox_problem(email) == problem


@pytest.fixture
def petition(home_pages):
    return make_petition(home_pages["en"]).petition


def test_full_width_and_capitals_sign_once(petition):
    signed = [
        sign(petition, signer(email=email), source=SignatureSource.IMPORT, language="en").outcome
        for email in ("x@rt.example", "x@ｒｔ.ｅｘａｍｐｌｅ", "x@RT.ＥＸＡＭＰＬＥ")
    ]
    assert signed == [Outcome.SIGNED, Outcome.ALREADY_SIGNED, Outcome.ALREADY_SIGNED]
    assert Signature.objects.count() == 1


@pytest.mark.parametrize("email", ["x@localhost", "x@[127.0.0.1]", "x@exаmple.org"])
def test_the_api_refuses_an_unreachable_mailbox_in_the_signers_language(client, home_pages, email):
    page = make_petition(home_pages["en"])
    response = client.post(
        f"/api/widgets/petitions/{page.pk}/signatures?lang=fr",
        signer(email=email),
        content_type="application/json",
        headers={"origin": "http://testserver"},
    )
    assert response.status_code == 400
    message = " ".join(response.json()["errors"]["email"])
    assert "adresse" in message
    assert not Signature.objects.exists()


def test_the_sponsorship_form_refuses_an_unreachable_mailbox():
    from prisoners.forms import SponsorshipForm

    form = SponsorshipForm(data={"email": "someone@localhost"})
    form.is_valid()
    assert "We cannot send email to this address" in " ".join(form.errors["email"])


def _stored(petition, email, *, confirmed, invalidated=False, country="FR", days_ago=0):
    """A signature as an older version stored it: key only trimmed and lower-cased."""
    now = timezone.now()
    signature = Signature.objects.create(
        petition=petition,
        first_name="Anna",
        last_name="Old",
        email=email,
        email_normalized=email.strip().lower(),
        country=country,
        language="en",
        source=SignatureSource.PAGE,
        created_at=now - timezone.timedelta(days=days_ago),
        confirmed_at=now if confirmed else None,
        invalidated_at=now if invalidated else None,
    )
    if not invalidated:
        tally, _ = SignatureTally.objects.get_or_create(
            petition=petition, country=country, confirmed=confirmed
        )
        SignatureTally.objects.filter(pk=tally.pk).update(count=tally.count + 1)
    return signature


def test_the_migration_merges_the_duplicates_it_reveals_and_counts_stay_exact(petition, caplog):
    _stored(petition, "x@ｒｔ.ｅｘａｍｐｌｅ", confirmed=False, days_ago=3)
    confirmed = _stored(petition, "x@RT.ＥＸＡＭＰＬＥ", confirmed=True, days_ago=2)
    _stored(petition, "x@rt.example", confirmed=True, days_ago=1)
    _stored(petition, "x@rt.exampl", confirmed=False, invalidated=True)
    other = _stored(petition, "someone@example.org", confirmed=False)

    with caplog.at_level(logging.WARNING, logger="petitions.migrations"):
        merged = merge_migration.recompute_mailbox_keys(apps, None)

    assert merged == {petition.pk: 2}
    kept = Signature.objects.exclude(pk=other.pk).exclude(email="x@rt.exampl").get()
    assert kept.pk == confirmed.pk  # confirmed beats unconfirmed, then the oldest wins
    assert kept.email_normalized == "x@rt.example"
    before_recount = {(t.country, t.confirmed): t.count for t in petition.tallies.all()}
    petition.recount()
    assert before_recount == {(t.country, t.confirmed): t.count for t in petition.tallies.all()}
    assert before_recount == {("FR", True): 1, ("FR", False): 1}
    assert "2 signature(s) merged" in caplog.text
    assert "rt.example" not in caplog.text
