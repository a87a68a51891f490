"""A record of who looked: opening, previewing, exporting or downloading anything about a
sensitive person, and every change of visibility or consent, is in Wagtail's audit log."""

import pytest
from wagtail.log_actions import LogContext
from wagtail.models import Locale, PageLogEntry
from wagtail_localize.models import StringSegment, TranslationSource

from prisoners import audit
from prisoners.models import PrisonerPage
from prisoners.visibility import Consent, Visibility

from .factories import SponsorshipFactory, pdf_upload


@pytest.fixture
def hidden(make_prisoner, photo):
    return make_prisoner(
        title="Zaven Hiddenian",
        slug="zaven-hiddenian",
        consent=Consent.REFUSED,
        visibility=Visibility.COUNTED,
        photo=photo,
    )


@pytest.fixture
def name_only(make_prisoner):
    return make_prisoner(
        title="Narine Nameonly",
        consent=Consent.NAME_ONLY,
        visibility=Visibility.NAME_ONLY,
        home_town="Private Town",
        capture_place="Public Hill",
    )


def entries(page, action):
    return PageLogEntry.objects.filter(page=page, action=action)


def test_opening_previewing_and_history_of_a_sensitive_profile_are_logged(
    admin_client, admin_user, hidden, make_prisoner
):
    assert admin_client.get(f"/admin/pages/{hidden.pk}/edit/").status_code == 200
    admin_client.get(f"/admin/pages/{hidden.pk}/edit/")  # a reload within minutes: one entry
    assert admin_client.get(f"/admin/pages/{hidden.pk}/view_draft/").status_code == 200
    assert admin_client.get(f"/admin/pages/{hidden.pk}/history/").status_code == 200

    (opened,) = entries(hidden, audit.VIEW)
    assert opened.user == admin_user and opened.timestamp is not None
    assert entries(hidden, audit.PREVIEW).count() == 1
    assert entries(hidden, audit.REVISIONS).count() == 1

    public = make_prisoner(title="Vardan Public")
    admin_client.get(f"/admin/pages/{public.pk}/edit/")
    assert not PageLogEntry.objects.filter(page=public, action__startswith="prisoners.").exists()

    history = admin_client.get("/admin/reports/site-history/").content.decode()
    assert "Opened a sensitive profile" in history


def test_changes_of_visibility_and_consent_are_logged_with_the_publisher(admin_user, make_prisoner):
    page = make_prisoner(title="Arman Changing")
    with LogContext(user=admin_user):
        page.consent, page.visibility = Consent.NAME_ONLY, Visibility.NAME_ONLY
        page.save_revision(user=admin_user).publish(user=admin_user)

    (visibility,) = entries(page, audit.VISIBILITY_CHANGED)
    assert visibility.user == admin_user
    assert visibility.data == {"field": "visibility", "before": 2, "after": 1}
    assert "“Full profile” to “Name only" in str(visibility.message)
    (consent,) = entries(page, audit.CONSENT_CHANGED)
    assert consent.data["before"] == Consent.GIVEN and consent.data["after"] == Consent.NAME_ONLY

    # Saving again without a change writes nothing more.
    page.save_revision(user=admin_user).publish(user=admin_user)
    assert entries(page, audit.VISIBILITY_CHANGED).count() == 1


def test_exporting_a_report_with_a_sensitive_person_is_logged(admin_client, admin_user, name_only):
    response = admin_client.get("/admin/reports/prisoners-without-a-sponsor/?export=csv")
    assert response.status_code == 200
    assert "Narine Nameonly" in b"".join(response.streaming_content).decode()
    (exported,) = entries(name_only, audit.EXPORT)
    assert exported.user == admin_user


def test_downloading_a_sensitive_persons_sponsorship_proof_is_logged(
    admin_client, admin_user, hidden, prisoner_index
):
    sponsorship = SponsorshipFactory(
        prisoner_key=hidden.translation_key,
        campaign_key=prisoner_index.translation_key,
        proof=pdf_upload(),
    )
    response = admin_client.get(f"/admin/prisoners/sponsorships/{sponsorship.pk}/proof/")
    assert response.status_code == 200
    (downloaded,) = entries(hidden, audit.DOWNLOAD)
    assert downloaded.user == admin_user


def test_a_photo_download_is_logged_on_each_sensitive_profile_showing_it(admin_user, hidden, photo):
    (written,) = audit.log_sensitive_access(admin_user, photo, "download")
    assert written.page_id == hidden.pk and written.data == {"image": photo.pk}


def test_hidden_profiles_are_never_submitted_for_translation(admin_client, hidden):
    french = Locale.objects.get(language_code="fr")
    response = admin_client.post(
        f"/admin/localize/submit/page/{hidden.pk}/", {"locales": [french.pk]}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{hidden.pk}/edit/"
    assert not TranslationSource.objects.filter(object_id=hidden.translation_key).exists()


def test_name_only_profiles_send_only_their_public_text(admin_client, name_only):
    french = Locale.objects.get(language_code="fr")
    admin_client.post(f"/admin/localize/submit/page/{name_only.pk}/", {"locales": [french.pk]})
    source = TranslationSource.objects.get(object_id=name_only.translation_key)
    sent = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert "Public Hill" in sent and "Narine Nameonly" in sent
    assert "Private Town" not in sent

    # Handing the strings out as a PO file is an export about a sensitive person.
    translation = source.translations.get()
    french_page = PrisonerPage.objects.get(
        translation_key=name_only.translation_key, locale__language_code="fr"
    )
    download = admin_client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert download.status_code == 200
    assert "Private Town" not in download.content.decode()
    assert entries(french_page, audit.EXPORT).count() == 1


def test_translators_cannot_reach_a_sensitive_profile_through_translation_screens(
    client, name_only, home_pages
):
    from campaign_site.localization import ensure_translator_groups
    from tests.factories import UserFactory

    translator = UserFactory(username="traducteur")
    translator.groups.add(ensure_translator_groups()["fr"])
    client.force_login(translator)
    response = client.get(f"/admin/localize/submit/page/{name_only.pk}/")
    # Refused as Wagtail refuses (back to the dashboard), or not found.
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"
    assert "Narine" not in response.content.decode()


def test_opening_a_sensitive_persons_photo_is_logged(
    admin_client, admin_user, make_prisoner, photo, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hidden = make_prisoner(
            title="Zaven Hiddenian",
            consent=Consent.REFUSED,
            visibility=Visibility.COUNTED,
            photo=photo,
        )
    photo.refresh_from_db()
    thumbnail = photo.get_rendition("fill-80x80")
    for url in (thumbnail.url, thumbnail.url):  # what an admin screen shows, twice
        assert url.startswith("/admin/private-media/")
        assert admin_client.get(url).status_code == 200
    (looked,) = entries(hidden, audit.VIEW)
    assert looked.user == admin_user and looked.data == {"image": photo.pk}

    assert admin_client.get(photo.file.url).status_code == 200  # the original
    (downloaded,) = entries(hidden, audit.DOWNLOAD)
    assert downloaded.user == admin_user and downloaded.data == {"image": photo.pk}

    PageLogEntry.objects.filter(page=hidden).delete()
    assert admin_client.get(f"/admin/images/{photo.pk}/").status_code == 200
    assert entries(hidden, audit.VIEW).count() == 1


def test_opening_a_public_picture_writes_nothing(admin_client, make_prisoner, photo):
    make_prisoner(title="Vardan Public", photo=photo)
    assert admin_client.get(f"/admin/images/{photo.pk}/").status_code == 200
    assert not PageLogEntry.objects.filter(action__startswith="prisoners.").exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/reports/aging-pages/?export=csv",
        "/admin/reports/site-history/?export=xlsx",
        "/admin/reports/workflow/?export=csv",
        "/admin/prisoners/letters/?export=csv",
        "/admin/sponsorships/?export=csv",
    ],
)
def test_every_admin_export_naming_a_sensitive_person_is_logged(
    url, admin_client, admin_user, name_only, prisoner_index
):
    from wagtail.models import Workflow

    from prisoners.models import Letter

    name_only.save_revision(user=admin_user).publish(user=admin_user)
    Workflow.objects.first().start(name_only, admin_user)
    Letter.objects.create(
        prisoner=name_only.prisoner, first_name="Marie", country="FR", message="Courage."
    )
    SponsorshipFactory(
        prisoner_key=name_only.translation_key, campaign_key=prisoner_index.translation_key
    )
    PageLogEntry.objects.filter(action__startswith="prisoners.").delete()
    response = admin_client.get(url)
    assert response.status_code == 200
    b"".join(response.streaming_content) if response.streaming else response.content
    (exported,) = entries(name_only, audit.EXPORT)
    assert exported.user == admin_user and exported.data["export"]


def test_an_export_without_sensitive_people_writes_nothing(admin_client, make_prisoner):
    make_prisoner(title="Vardan Public")
    response = admin_client.get("/admin/reports/aging-pages/?export=csv")
    assert response.status_code == 200
    assert not PageLogEntry.objects.filter(action=audit.EXPORT).exists()


def test_opening_a_letter_or_a_sponsorship_of_a_sensitive_person_is_logged(
    admin_client, admin_user, name_only, prisoner_index
):
    from prisoners.models import Letter

    letter = Letter.objects.create(
        prisoner=name_only.prisoner, first_name="Marie", country="FR", message="Courage."
    )
    sponsorship = SponsorshipFactory(
        prisoner_key=name_only.translation_key, campaign_key=prisoner_index.translation_key
    )
    assert admin_client.get(f"/admin/prisoners/letters/edit/{letter.pk}/").status_code == 200
    (looked,) = entries(name_only, audit.VIEW)
    assert looked.user == admin_user
    PageLogEntry.objects.filter(page=name_only).delete()
    assert admin_client.get(f"/admin/sponsorships/edit/{sponsorship.pk}/").status_code == 200
    (looked,) = entries(name_only, audit.VIEW)
    assert looked.user == admin_user


def test_submitting_the_index_with_its_subtree_leaves_hidden_people_out(
    admin_client, hidden, name_only, make_prisoner, prisoner_index, prisoner_indexes
):
    shown = make_prisoner(title="Vardan Public")
    prisoner_indexes["fr"].delete()  # the index itself is not translated yet
    french = Locale.objects.get(language_code="fr")
    response = admin_client.post(
        f"/admin/localize/submit/page/{prisoner_index.pk}/",
        {"locales": [french.pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    sent = set(TranslationSource.objects.values_list("object_id", flat=True))
    assert {shown.translation_key, name_only.translation_key} <= sent
    assert hidden.translation_key not in sent
    assert not PrisonerPage.objects.filter(
        translation_key=hidden.translation_key, locale=french
    ).exists()
