"""Translation as editors and translators do it, through wagtail-localize in the admin."""

import io

import polib
import pytest
from wagtail.models import Locale, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

from campaign_site.localization import ensure_translator_groups
from home.models import HomePage

from .factories import HomePageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_home(db):
    """An English home page that has not been translated yet."""
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = HomePageFactory(parent=root, title="Home", headline="Free all Armenian prisoners of war")
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return home


def french():
    return Locale.objects.get(language_code="fr")


def submit_for_translation(client, page, language_code):
    locale = Locale.objects.get(language_code=language_code)
    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]})
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def test_submit_machine_translate_po_round_trip_then_publish(
    admin_client, english_home, client, django_capture_on_commit_callbacks
):
    translation = submit_for_translation(admin_client, english_home, "fr")
    french_page = translation.get_target_instance()
    # Submitting does not put an untranslated copy live.
    assert not french_page.live
    # /fr/ does not show the English page as if it were French.
    response = client.get("/fr/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"

    response = admin_client.post(
        f"/admin/localize/translate/{translation.pk}/machine_translate/",
        {"next": f"/admin/pages/{french_page.pk}/edit/"},
    )
    assert response.status_code == 302

    po_response = admin_client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert po_response.status_code == 200
    catalogue = polib.pofile(po_response.content.decode())
    by_source = {entry.msgid: entry for entry in catalogue}
    # The dummy machine translator filled every string (it reverses the words).
    assert (
        by_source["Free all Armenian prisoners of war"].msgstr
        == "war of prisoners Armenian all Free"
    )
    # Slugs are synchronised, never sent to translators.
    assert "home" not in by_source

    by_source[
        "Free all Armenian prisoners of war"
    ].msgstr = "Libérez tous les prisonniers de guerre arméniens"
    by_source["Home"].msgstr = "Accueil"
    upload = io.BytesIO(str(catalogue).encode())
    upload.name = "home-fr.po"
    response = admin_client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": upload, "next": f"/admin/pages/{french_page.pk}/edit/"},
    )
    assert response.status_code == 302

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/pages/{french_page.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302

    page = client.get("/fr/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Libérez tous les prisonniers de guerre arméniens" in html
    assert "<title>Accueil" in html


def test_report_lists_translations_whose_source_changed_until_synced(
    admin_client, english_home, django_capture_on_commit_callbacks
):
    translation = submit_for_translation(admin_client, english_home, "fr")
    report_url = "/admin/reports/translations-to-update/"
    french_edit_url = f"/admin/pages/{translation.get_target_instance().pk}/edit/"
    assert french_edit_url not in admin_client.get(report_url).content.decode()

    english_home.headline = "Free all Armenian prisoners of war and civilians"
    english_home.save_revision().publish()

    html = admin_client.get(report_url).content.decode()
    assert french_edit_url in html
    assert f"/admin/pages/{english_home.pk}/edit/" in html

    # Filtering by another language hides it.
    armenian = Locale.objects.get(language_code="hy")
    html = admin_client.get(report_url, {"target_locale": armenian.pk}).content.decode()
    assert french_edit_url not in html

    # "Sync translated pages" takes a new snapshot: the translation is no longer behind.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/localize/update/{translation.source.pk}/", {"publish_translations": ""}
        )
    assert response.status_code == 302
    assert french_edit_url not in admin_client.get(report_url).content.decode()


@pytest.fixture
def translators(home_pages):
    groups = ensure_translator_groups()
    french_translator = UserFactory(username="traductrice")
    french_translator.groups.add(groups["fr"])
    armenian_translator = UserFactory(username="targmanich")
    armenian_translator.groups.add(groups["hy"])
    return {"fr": french_translator, "hy": armenian_translator}


def test_there_is_one_translator_group_per_translated_language(translators):
    from django.contrib.auth.models import Group

    assert set(
        Group.objects.filter(name__endswith="translators").values_list("name", flat=True)
    ) >= {
        "French translators",
        "Armenian translators",
    }
    # Running it again changes nothing.
    assert set(ensure_translator_groups()) == {"fr", "hy"}


@pytest.mark.parametrize("language", ["fr", "hy"])
def test_translator_edits_and_publishes_only_their_language(
    client, home_pages, translators, language
):
    other = "hy" if language == "fr" else "fr"
    client.force_login(translators[language])

    own = home_pages[language]
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    response = client.post(
        f"/admin/pages/{own.pk}/edit/",
        nested_form_data(
            {
                "title": own.title,
                "slug": own.slug,
                "headline": "Nouvelle accroche" if language == "fr" else "Նոր վերնագիր",
                "introduction": rich_text("<p></p>"),
                "featured_prisoners": inline_formset([]),
                "timeline": streamfield([]),
                "partners": streamfield([]),
                "latest_news_count": "3",
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.headline in ("Nouvelle accroche", "Նոր վերնագիր")
    assert own.live

    for forbidden in (home_pages["en"], home_pages[other]):
        response = client.get(f"/admin/pages/{forbidden.pk}/edit/")
        assert response.status_code in (302, 403)
        response = client.post(
            f"/admin/pages/{forbidden.pk}/edit/",
            {"title": "Hacked", "slug": forbidden.slug, "action-publish": "publish"},
        )
        assert response.status_code in (302, 403)
        forbidden.refresh_from_db()
        assert forbidden.title != "Hacked"
        assert not forbidden.get_latest_revision() or (
            forbidden.get_latest_revision().as_object().title != "Hacked"
        )


def test_translators_cannot_submit_pages_for_translation(client, home_pages, translators):
    """wagtail-localize checks submit_translation globally, so translators must not have it."""
    client.force_login(translators["fr"])
    response = client.get(f"/admin/localize/submit/page/{home_pages['en'].pk}/")
    assert response.status_code in (302, 403)
    assert not translators["fr"].has_perm("wagtail_localize.submit_translation")


def test_shared_fields_are_synchronised_and_text_is_not(admin_client, english_home):
    """A synchronised field (the share image) follows the source when translations sync."""
    import wagtail_factories

    translation = submit_for_translation(admin_client, english_home, "fr")
    french_page = HomePage.objects.get(pk=translation.get_target_instance().pk)

    image = wagtail_factories.ImageFactory()
    english_home.share_image = image
    english_home.save_revision().publish()
    translation.source.update_from_db()
    translation.save_target()

    french_page.refresh_from_db()
    assert french_page.share_image_id == image.pk
