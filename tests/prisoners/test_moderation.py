"""Letters and sponsorships share one way of being moderated (prisoners.models.moderation),
each with its own words for editors, and their tables stay as the migrations made them."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.state import ProjectState

from prisoners.models import Letter, Sponsorship
from prisoners.models.moderation import Moderated
from tests.factories import UserFactory

from .factories import SponsorshipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(make_prisoner):
    page = make_prisoner(title="Aram Example", slug="aram")
    return Letter.objects.create(
        prisoner=page.prisoner,
        first_name="Marie",
        country="FR",
        message="Courage.",
        email="writer@example.org",
    )


@pytest.fixture
def sponsorship(make_prisoner):
    page = make_prisoner(title="Aram Example", slug="aram")
    return SponsorshipFactory(
        status=Sponsorship.Status.PENDING,
        prisoner_key=page.translation_key,
        campaign_key=page.get_parent().translation_key,
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("letter", "Give the reason for the rejection."),
        ("sponsorship", "Give the reason: it is sent to the applicant."),
    ],
)
def test_each_model_asks_for_the_reason_in_its_own_words(request, name, message):
    item = request.getfixturevalue(name)
    assert isinstance(item, Moderated)
    assert type(item).objects.pending().get() == item
    editor = UserFactory()

    item.decide(item.Status.REJECTED, editor)
    with pytest.raises(ValidationError) as refused:
        item.full_clean()
    assert refused.value.message_dict["rejection_reason"] == [message]

    item.decide(item.Status.REJECTED, editor, reason="Not about this person.")
    item.full_clean()
    item.save()
    item.refresh_from_db()
    assert (item.status, item.decided_by, item.rejection_reason) == (
        "rejected",
        editor,
        "Not about this person.",
    )
    assert item.decided_at is not None
    item.decide(item.Status.APPROVED, editor)
    item.save()
    assert type(item).objects.approved().get() == item
    assert not type(item).objects.pending().exists()


def test_editors_still_read_each_models_own_labels():
    assert Letter.Status.PENDING.label == "Waiting for moderation"
    assert Sponsorship.Status.PENDING.label == "Pending"
    assert "applicant" in str(Sponsorship._meta.get_field("rejection_reason").help_text)
    assert "records" in str(Letter._meta.get_field("rejection_reason").help_text)


def test_the_shared_base_changes_no_table():
    """The models match what the migrations built: no migration to write."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    detector = MigrationAutodetector(loader.project_state(), ProjectState.from_apps(apps))
    assert "prisoners" not in detector.changes(graph=loader.graph)
