"""The signing service: one signature per email, exact counts, emails, editors' actions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from campaign_site.abuse import ClientMeta
from petitions import signing
from petitions.goals import next_goal
from petitions.models import Petition, PetitionStatus, Signature, SignatureSource, SignatureTally
from petitions.signing import Outcome, sign

from .factories import add_signatures, make_petition, signer, translate

pytestmark = pytest.mark.django_db


def tally_total(petition):
    return sum(SignatureTally.objects.filter(petition=petition).values_list("count", flat=True))


@pytest.mark.parametrize(
    ("count", "goal"),
    [(0, 100), (99, 100), (100, 250), (999, 1000), (42_424, 50_000), (50_000, 100_000)],
)
def test_the_goal_ladder_is_always_above_the_count(count, goal):
    assert next_goal(count) == goal


def test_a_goal_set_by_editors_holds_until_reached():
    assert next_goal(420, fixed_goal=2_000) == 2_000
    assert next_goal(2_000, fixed_goal=2_000) == 2_500


def test_signing_stores_the_signature_and_counts_it_once_confirmed(petition_page, mail_on_commit):
    petition = petition_page.petition
    with mail_on_commit():
        result = sign(
            petition_page, signer(email="Anna@Example.org "), source="page", language="en"
        )

    assert result.outcome == Outcome.SIGNED
    signature = result.signature
    assert signature.email_normalized == "anna@example.org"
    assert signature.source == SignatureSource.PAGE and signature.language == "en"
    # Unconfirmed signatures do not count unless the petition says so.
    assert petition.counts().online == 0
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["Anna@Example.org"]

    assert signing.confirm(signature.pk) is True
    assert petition.counts().online == 1
    # Confirming twice changes nothing.
    assert signing.confirm(signature.pk) is False
    assert petition.counts().online == 1


def test_a_petition_can_count_unconfirmed_signatures(home_pages):
    page = make_petition(home_pages["en"], count_unconfirmed=True)
    sign(page, signer(), source="page", language="en", notify=False)
    assert page.petition.counts().online == 1


def test_the_same_email_signs_once_whatever_its_case_or_language(petition_page, mail_on_commit):
    french = translate(petition_page, "fr", title="Libérez les prisonniers")
    with mail_on_commit():
        first = sign(petition_page, signer(email="same@example.org"), source="page", language="en")
        again = sign(french, signer(email=" SAME@example.org"), source="widget", language="fr")

    assert first.outcome == Outcome.SIGNED
    assert again.outcome == Outcome.ALREADY_SIGNED
    assert again.signature is None  # nothing about the earlier signature is handed back
    assert Signature.objects.count() == 1
    assert tally_total(petition_page.petition) == 1
    # The second attempt came straight after the first: no second email yet.
    assert len(mail.outbox) == 1


def test_signing_again_later_resends_the_confirmation_at_most_hourly(petition_page, mail_on_commit):
    data = signer()
    with mail_on_commit():
        sign(petition_page, data, source="page", language="en")
    Signature.objects.update(confirmation_sent_at=timezone.now() - timedelta(hours=2))
    with mail_on_commit():
        sign(petition_page, data, source="page", language="en")
        sign(petition_page, data, source="page", language="en")
    assert len(mail.outbox) == 2


def test_a_confirmed_signer_who_signs_again_hears_it_already_counts_at_most_hourly(
    petition_page, mail_on_commit
):
    """Every signer reads "we have sent you an email"; for one already counted, that is this."""
    data = signer()
    with mail_on_commit():
        first = sign(petition_page, data, source="page", language="fr")
    signing.confirm(first.signature.pk)
    mail.outbox.clear()

    with mail_on_commit():
        for _attempt in range(3):
            assert sign(petition_page, data, source="page", language="en").outcome == (
                Outcome.ALREADY_SIGNED
            )
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == [data["email"]]
    assert notice.subject == "Votre signature compte déjà"  # the signer's language
    assert "/confirm/" not in notice.body  # no link to follow
    assert tally_total(petition_page.petition) == 1

    Signature.objects.update(invalidated_at=timezone.now())
    mail.outbox.clear()
    with mail_on_commit():
        sign(petition_page, data, source="page", language="en")
    assert mail.outbox == []  # an invalidated signature is told nothing


def test_translations_share_one_petition_record(petition_page):
    french = translate(petition_page, "fr", title="Libérez les prisonniers")
    armenian = translate(petition_page, "hy", title="Ազատություն գերիներին")
    assert french.petition.pk == armenian.petition.pk == petition_page.petition.pk
    assert Petition.objects.count() == 1
    assert petition_page.petition.page_id == petition_page.pk


def test_settings_come_from_the_source_page_when_it_is_published(petition_page):
    french = translate(petition_page, "fr", title="Libérez les prisonniers")
    petition_page.status = PetitionStatus.CLOSED
    petition_page.offline_count = 500
    petition_page.save_revision().publish()

    petition = Petition.objects.get()
    assert petition.status == PetitionStatus.CLOSED and petition.offline_count == 500
    # A translation published later with stale values does not overwrite them.
    french.refresh_from_db()
    french.offline_count = 1
    french.save_revision().publish()
    assert Petition.objects.get().offline_count == 500


def test_a_copied_petition_starts_with_the_settings_of_its_original(petition_page):
    petition_page.offline_count = 250
    petition_page.count_unconfirmed = True
    petition_page.save_revision().publish()

    copy = petition_page.copy(
        to=petition_page.get_parent(),
        update_attrs={"slug": "copied-petition", "title": "Copied petition"},
        keep_live=True,
    )

    petition = Petition.objects.get(translation_key=copy.translation_key)
    assert petition.pk != petition_page.petition.pk
    assert petition.offline_count == 250 and petition.count_unconfirmed


def test_a_closed_petition_takes_no_signature(home_pages):
    page = make_petition(home_pages["en"], status=PetitionStatus.WON)
    result = sign(page, signer(), source="page", language="en")
    assert result.outcome == Outcome.CLOSED
    assert not Signature.objects.exists()


def test_invalid_data_is_refused_with_messages_in_the_signers_language(petition_page):
    result = sign(
        petition_page,
        signer(email="not-an-email", first_name="http://spam.example", country="XX"),
        source="api",
        language="fr",
    )
    assert result.outcome == Outcome.INVALID
    assert set(result.errors) == {"email", "first_name", "country"}
    assert "adresse" in result.errors["email"][0]  # French
    assert not Signature.objects.exists()


def test_consents_are_stored_with_their_wording_and_language(petition_page):
    result = sign(
        petition_page,
        signer(contact_consent=True, named_consent=False),
        source="page",
        language="fr",
        notify=False,
    )
    signature = result.signature
    assert signature.contact_consent is True and signature.named_consent is False
    assert signature.language == "fr"
    assert "organisateurs" in signature.contact_consent_text
    assert signature.named_consent_text  # the wording shown, even when not ticked


def test_partner_attribution_and_source_are_recorded(petition_page):
    result = sign(
        petition_page,
        signer(),
        source=SignatureSource.WIDGET,
        language="en",
        partner_ref="partner-42",
        notify=False,
    )
    assert result.signature.source == "widget"
    assert result.signature.partner_ref == "partner-42"


def test_rate_limit_per_email(petition_page, settings):
    settings.PETITIONS_EMAIL_RATE = "3/h"
    data = signer()
    outcomes = [
        sign(petition_page, data, source="page", language="en", notify=False).outcome
        for _ in range(4)
    ]
    assert outcomes == [
        Outcome.SIGNED,
        Outcome.ALREADY_SIGNED,
        Outcome.ALREADY_SIGNED,
        Outcome.RATE_LIMITED,
    ]


def test_rate_limit_per_ip(petition_page, settings):
    settings.PETITIONS_IP_RATES = ("2/m", "100/d")
    meta = ClientMeta(ip="192.0.2.77")
    outcomes = [
        sign(petition_page, signer(), source="page", language="en", meta=meta).outcome
        for _ in range(3)
    ]
    assert outcomes == [Outcome.SIGNED, Outcome.SIGNED, Outcome.RATE_LIMITED]
    # Another address is not affected.
    other = sign(
        petition_page, signer(), source="page", language="en", meta=ClientMeta("192.0.2.78")
    )
    assert other.outcome == Outcome.SIGNED
    assert Signature.objects.count() == 3


def test_confirmation_email_speaks_the_signers_language(petition_page, mail_on_commit):
    translate(petition_page, "hy", title="Ազատություն գերիներին")
    with mail_on_commit():
        sign(petition_page, signer(first_name="Anahit"), source="page", language="hy")
    message = mail.outbox[0]
    assert message.subject == "Խնդրում ենք հաստատել ձեր ստորագրությունը"
    assert "Ազատություն գերիներին" in message.body
    assert "/hy/petitions/confirm/" in message.body
    html = message.alternatives[0][0]
    assert 'lang="hy"' in html


def test_invalidating_stops_counting_and_keeps_the_signature(petition_page, admin_user):
    petition = petition_page.petition
    signatures = add_signatures(petition, 3)
    assert petition.counts().online == 3

    assert signing.invalidate(signatures[:2], reason="bot wave", user=admin_user) == 2
    assert petition.counts().online == 1
    assert Signature.objects.count() == 3
    kept = Signature.objects.get(pk=signatures[0].pk)
    assert kept.invalidated_reason == "bot wave" and kept.invalidated_by == admin_user
    # Invalidating again changes nothing; restoring counts them again.
    assert signing.invalidate(signatures[:2], reason="again") == 0
    assert signing.restore(signatures[:2]) == 2
    assert petition.counts().online == 3


def test_erasure_wipes_a_person_everywhere_and_keeps_the_count(home_pages, admin_user):
    first = make_petition(home_pages["en"]).petition
    second = make_petition(home_pages["en"]).petition
    for petition in (first, second):
        sign(
            petition,
            signer(email="Erase.Me@example.org", last_name="Secret", postcode="75001"),
            source="import",
            language="en",
            confirmed=True,
            notify=False,
        )
    add_signatures(first, 2)

    erasure = signing.erase_person(" erase.me@EXAMPLE.org", user=admin_user, reference="REQ-7")

    assert erasure.signatures_erased == 2
    assert not Signature.objects.filter(email_normalized="erase.me@example.org").exists()
    assert not Signature.objects.filter(last_name="Secret").exists()
    erased = Signature.objects.filter(erased_at__isnull=False)
    assert erased.count() == 2
    assert set(erased.values_list("first_name", "email", "postcode")) == {("", "", "")}
    assert first.counts().online == 3 and second.counts().online == 1
    assert "erase.me" not in str(erasure.__dict__)


def test_recount_rebuilds_the_same_tally(petition_page):
    petition = petition_page.petition
    add_signatures(petition, 3, country="AM")
    add_signatures(petition, 2, confirmed=False, country="FR")
    signing.invalidate(Signature.objects.filter(country="AM")[:1], reason="test")
    before = sorted(SignatureTally.objects.values_list("country", "confirmed", "count"))

    petition.recount()

    after = sorted(
        (c, conf, n)
        for c, conf, n in SignatureTally.objects.values_list("country", "confirmed", "count")
    )
    assert [row for row in before if row[2]] == after
    assert petition.counts().online == 2  # 2 confirmed AM; FR ones unconfirmed


def test_counts_by_country_largest_first(home_pages):
    page = make_petition(home_pages["en"], offline_count=1_000)
    petition = page.petition
    add_signatures(petition, 1, country="FR")
    add_signatures(petition, 3, country="AM")
    counts = petition.counts()
    assert counts.by_country == [("AM", 3), ("FR", 1)]
    assert counts.total == 1_004 and counts.offline == 1_000
    assert counts.goal == 2_500
