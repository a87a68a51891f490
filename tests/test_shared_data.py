"""What is shared stays shared: the same facts and figures in every language."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.models import StringSegment, TranslationSource

from campaign_site.localization import publish_translation
from prisoners.models import PrisonerPage, Status
from tests.petitions.factories import make_petition, signer
from tests.prisoners.factories import (
    PrisonerIndexPageFactory,
    PrisonerPageFactory,
    SponsorshipFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(home_pages, django_capture_on_commit_callbacks):
    index = PrisonerIndexPageFactory(parent=home_pages["en"])
    with django_capture_on_commit_callbacks(execute=True):
        for language in ("fr", "hy"):
            publish_translation(index, language, {"Prisoners": "Prisonniers"})
    person = PrisonerPageFactory(parent=index, title="Sample Person")
    with django_capture_on_commit_callbacks(execute=True):
        for language in ("fr", "hy"):
            publish_translation(person, language, {})
    return person


def translations_of(page):
    return {
        translated.locale.language_code: translated.specific
        for translated in page.get_translations(inclusive=True)
    }


def test_dates_and_statuses_follow_the_source_and_never_reach_translators(
    profile, django_capture_on_commit_callbacks
):
    profile.status = Status.RELEASED
    profile.released_on = datetime.date(2023, 12, 13)
    profile.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(profile)
    with django_capture_on_commit_callbacks(execute=True):
        for translation in source.translations.all():
            translation.save_target(publish=True)

    for language, page in translations_of(profile).items():
        assert page.status == Status.RELEASED, language
        assert page.released_on == datetime.date(2023, 12, 13), language
        assert page.captured_on == profile.captured_on, language
    segments = set(
        StringSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )
    assert not segments & {"status", "captured_on", "released_on", "category", "visibility"}


def test_sponsors_count_the_same_in_every_language(client, profile):
    campaign = profile.get_parent().translation_key
    SponsorshipFactory(prisoner_key=profile.translation_key, campaign_key=campaign, language="fr")
    SponsorshipFactory(prisoner_key=profile.translation_key, campaign_key=campaign, language="hy")

    counts = {}
    for language, page in translations_of(profile).items():
        document = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
        counts[language] = document.select_one(".profile__sponsor-cta").get_text(" ", strip=True)
    assert counts["en"].startswith("2 sponsors")
    assert counts["fr"].startswith("2 ")
    assert counts["hy"].startswith("2 ")
    assert (
        PrisonerPage.objects.with_sponsor_counts()
        .filter(translation_key=profile.translation_key)
        .values_list("sponsor_count", flat=True)
        .distinct()
        .get()
        == 2
    )


def test_one_counter_for_every_language_of_a_petition(
    client, home_pages, django_capture_on_commit_callbacks
):
    from petitions.signing import sign

    petition = make_petition(home_pages["en"], count_unconfirmed=True)
    with django_capture_on_commit_callbacks(execute=True):
        for language in ("fr", "hy"):
            publish_translation(petition, language, {})
    pages = translations_of(petition)
    for language, page in pages.items():
        sign(page, signer(), source="page", language=language, notify=False)

    for language, page in pages.items():
        document = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
        assert document.select_one("#petition-count strong").get_text() == "3", language
