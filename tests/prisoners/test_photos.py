"""Photos follow visibility: no public URL reaches a photo of anyone not on a full, live profile.

Every file of a person's photo (the original, each rendition, renditions made for an
editor's preview) is requested anonymously, at its own URL and at the public URL its
name would have: 200 only for full profiles. Files move when visibility goes down or
up, when a profile is unpublished, deleted or published; staff with the permission
open private photos through one view.
"""

import io
import re
from unittest import mock

import pytest
import wagtail_factories
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale

from campaign_site.storage import (
    PRIVATE_MARKER,
    is_private_name,
    private_storage,
    public_storage,
)
from prisoners import photos
from prisoners.cards import CARD_PHOTO
from prisoners.context import PROFILE_PHOTO
from prisoners.models import PrisonerPage
from prisoners.visibility import Consent, Visibility
from tests import frontend_cache
from tests.factories import publish_translation_of

pytestmark = pytest.mark.django_db

CONSENT_FOR = {
    Visibility.FULL: Consent.GIVEN,
    Visibility.NAME_ONLY: Consent.NAME_ONLY,
    Visibility.COUNTED: Consent.REFUSED,
}


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """commit() as a block: what runs when the request's transaction commits, runs."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def portrait(db):
    """An upload named after the person, as families' photos often are."""
    return wagtail_factories.ImageFactory(
        title="Portrait", file__filename="aram-petrosyan.jpg", file__width=800, file__height=1000
    )


def set_visibility(page, level, commit):
    page.consent, page.visibility = CONSENT_FOR[level], level
    with commit():
        page.save_revision().publish()
    page.refresh_from_db()


def files_of(image):
    """Every stored file of `image`: the original, then each rendition."""
    image = get_image_model().objects.get(pk=image.pk)
    return [image.file, *(rendition.file for rendition in image.renditions.all())]


def public_url_of(name):
    """The URL a file would have if it sat in public media, marker or not."""
    return "/media/" + name


def anonymous_status(url):
    return Client().get(url).status_code


# --- every file, every level -------------------------------------------------------------


@pytest.mark.parametrize("level", list(Visibility), ids=lambda level: level.name)
def test_every_file_of_a_photo_answers_the_public_only_on_a_full_profile(
    level, make_prisoner, portrait, admin_client, commit
):
    with commit():
        page = make_prisoner(
            title="Aram Petrosyan",
            slug="aram",
            photo=portrait,
            consent=CONSENT_FOR[level],
            visibility=level,
        )
    # What visitors' pages make, and what any code asking for a rendition makes.
    Client().get("/en/prisoners/aram/")
    Client().get("/en/prisoners/")
    portrait.refresh_from_db()
    portrait.get_rendition(CARD_PHOTO)
    portrait.get_renditions(PROFILE_PHOTO, "fill-1200x630")
    # An editor previews a draft that would open the profile in full.
    page.consent, page.visibility = Consent.GIVEN, Visibility.FULL
    with commit():
        page.save_revision()
    specs_before_preview = set(portrait.renditions.values_list("filter_spec", flat=True))
    portrait.renditions.filter(filter_spec=PROFILE_PHOTO).delete()
    with commit():
        preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert preview.status_code == 200
    assert PROFILE_PHOTO in specs_before_preview
    assert portrait.renditions.filter(filter_spec=PROFILE_PHOTO).exists()  # made by the preview

    files = files_of(portrait)
    assert len(files) == 4  # the original, card, profile (from the preview), share image
    expected = 200 if level == Visibility.FULL else None
    for file in files:
        assert "petrosyan" not in file.name.lower()
        assert is_private_name(file.name) == (level != Visibility.FULL), file.name
        for url in (
            file.url,
            public_url_of(file.name),
            public_url_of(file.name).replace(PRIVATE_MARKER, ""),
        ):
            status = anonymous_status(url)
            if expected:
                if url == file.url or PRIVATE_MARKER not in file.name:
                    assert status == 200, url
            else:
                assert status != 200, url
                assert status in (302, 404), url  # a sign-in page, or nothing


def test_a_full_profile_page_shows_its_photo_from_public_media(make_prisoner, portrait, commit):
    with commit():
        make_prisoner(title="Aram Petrosyan", slug="aram", photo=portrait)
    html = Client().get("/en/prisoners/aram/").content.decode()
    rendition = portrait.renditions.get(filter_spec=PROFILE_PHOTO)
    assert rendition.url.startswith("/media/images/")
    assert rendition.url in html
    response = Client().get(rendition.url, headers={"accept-language": "fr"})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    # One copy in Varnish for every visitor, whatever their browser's language.
    assert "Accept-Language" not in response.get("Vary", "")


# --- moves -------------------------------------------------------------------------------


def test_files_move_when_visibility_goes_down_and_back_up(make_prisoner, portrait, commit):
    with commit():
        page = make_prisoner(title="Aram Petrosyan", slug="aram", photo=portrait)
    portrait.refresh_from_db()
    public_name = portrait.file.name
    card = portrait.get_rendition(CARD_PHOTO)
    assert anonymous_status(card.url) == 200

    set_visibility(page, Visibility.NAME_ONLY, commit)
    portrait.refresh_from_db()
    private_name = portrait.file.name
    assert is_private_name(private_name)
    assert private_storage().exists(private_name)
    assert not public_storage().exists(public_name)
    assert not public_storage().exists(card.file.name)  # public renditions are deleted
    assert not portrait.renditions.exists()
    assert anonymous_status(public_url_of(public_name)) == 404
    assert anonymous_status(card.url) == 404

    set_visibility(page, Visibility.FULL, commit)
    portrait.refresh_from_db()
    assert not is_private_name(portrait.file.name)
    assert portrait.file.name != public_name  # a new name: old links stay dead
    assert not private_storage().exists(private_name)
    assert anonymous_status(portrait.file.url) == 200


def test_unpublishing_hides_the_photo_and_deleting_keeps_it_hidden(make_prisoner, portrait, commit):
    with commit():
        page = make_prisoner(title="Aram Petrosyan", slug="aram", photo=portrait)
    with commit():
        page.unpublish()
    portrait.refresh_from_db()
    assert is_private_name(portrait.file.name)

    with commit():
        page.save_revision().publish()
    portrait.refresh_from_db()
    assert not is_private_name(portrait.file.name)

    set_visibility(page, Visibility.COUNTED, commit)
    with commit():
        PrisonerPage.objects.get(pk=page.pk).delete()
    portrait.refresh_from_db()
    # Nobody uses it any more, and nobody decided it may be public.
    assert is_private_name(portrait.file.name)
    assert anonymous_status(portrait.file.url) != 200


def test_a_photo_used_by_a_full_and_a_name_only_profile_is_private(make_prisoner, portrait, commit):
    with commit():
        make_prisoner(title="Full Person", slug="full", photo=portrait)
        other = make_prisoner(
            title="Namonly Person",
            slug="name-only",
            photo=portrait,
            consent=Consent.NAME_ONLY,
            visibility=Visibility.NAME_ONLY,
        )
    portrait.refresh_from_db()
    assert is_private_name(portrait.file.name)
    assert not photos.may_be_public(portrait)
    assert Client().get("/en/prisoners/full/").status_code == 200
    assert anonymous_status(portrait.get_rendition(PROFILE_PHOTO).url) != 200

    # The name-only profile stops using it: the full profile's photo is public again.
    other.photo = None
    with commit():
        other.save_revision().publish()
    portrait.refresh_from_db()
    assert not is_private_name(portrait.file.name)
    assert anonymous_status(portrait.get_rendition(PROFILE_PHOTO).url) == 200


def test_a_share_image_follows_the_same_rule(make_prisoner, portrait, commit):
    with commit():
        make_prisoner(
            title="Namonly Person",
            slug="name-only",
            share_image=portrait,
            consent=Consent.NAME_ONLY,
            visibility=Visibility.NAME_ONLY,
        )
    portrait.refresh_from_db()
    assert is_private_name(portrait.file.name)


def test_a_translation_in_draft_does_not_hide_a_shown_persons_photo(
    make_prisoner, portrait, commit
):
    with commit():
        page = make_prisoner(title="Aram Petrosyan", slug="aram", photo=portrait)
        draft = page.copy_for_translation(Locale.objects.get(language_code="fr"))
    assert not draft.live
    portrait.refresh_from_db()
    assert not is_private_name(portrait.file.name)


def test_a_new_profile_in_draft_keeps_its_photo_private_until_published(
    prisoner_index, portrait, commit
):
    page = PrisonerPage(
        title="Aram Petrosyan",
        slug="aram",
        category="pow",
        status="held",
        consent=Consent.GIVEN,
        visibility=Visibility.FULL,
        photo=portrait,
        live=False,
    )
    with commit():
        prisoner_index.add_child(instance=page)
        page.save_revision()
    portrait.refresh_from_db()
    assert is_private_name(portrait.file.name)
    with commit():
        page.save_revision().publish()
    portrait.refresh_from_db()
    assert not is_private_name(portrait.file.name)


def test_hiding_one_translation_hides_the_photo_in_every_language(make_prisoner, portrait, commit):
    with commit():
        page = make_prisoner(title="Aram Petrosyan", slug="aram", photo=portrait)
        french = publish_translation_of(page, "fr", title="Aram Petrossian")
    set_visibility(page, Visibility.NAME_ONLY, commit)
    french.refresh_from_db()
    assert french.visibility == Visibility.NAME_ONLY  # one record for every language
    portrait.refresh_from_db()
    assert is_private_name(portrait.file.name)
    assert "/media/" not in Client().get("/fr/prisoners/aram/").content.decode()


# --- names -------------------------------------------------------------------------------


def jpeg(name):
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 80), "teal").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_uploads_get_random_names_whatever_they_were_called(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Portrait", "file": jpeg("Aram Petrosyan 1987.jpg"), "collection": 1},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Portrait")
    rendition = image.get_rendition(CARD_PHOTO)
    for name in (image.file.name, rendition.file.name):
        assert "aram" not in name.lower() and "petrosyan" not in name.lower(), name
    assert image.file.name.startswith("original_images/") and image.file.name.endswith(".jpg")
    assert anonymous_status(image.file.url) == 200  # used by no profile: a public image


def test_a_new_file_for_a_private_image_stays_private(make_prisoner, portrait, commit):
    with commit():
        make_prisoner(
            title="Namonly Person",
            slug="name-only",
            photo=portrait,
            consent=Consent.NAME_ONLY,
            visibility=Visibility.NAME_ONLY,
        )
    portrait.refresh_from_db()
    portrait.file = jpeg("new-portrait.jpg")
    with commit():
        portrait.save()
    assert is_private_name(portrait.file.name)
    assert private_storage().exists(portrait.file.name)


# --- staff ----------------------------------------------------------------------------


def sensitive_permission():
    """`prisoners.view_sensitive_profiles`, created here if the app does not define it yet."""
    permission, _ = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(PrisonerPage),
        codename="view_sensitive_profiles",
        defaults={"name": "Can view sensitive profiles"},
    )
    return permission


def staff_client(django_user_model, *permissions):
    user = django_user_model.objects.create_user(username="staff", password="x")
    group = Group.objects.create(name="Staff")
    group.permissions.add(Permission.objects.get(codename="access_admin"), *permissions)
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def hidden_photo(make_prisoner, portrait, commit):
    with commit():
        make_prisoner(
            title="Hidden Person",
            slug="hidden",
            photo=portrait,
            consent=Consent.REFUSED,
            visibility=Visibility.COUNTED,
        )
    portrait.refresh_from_db()
    assert is_private_name(portrait.file.name)
    return portrait


def test_staff_with_the_permission_open_private_photos(hidden_photo, django_user_model):
    client = staff_client(django_user_model, sensitive_permission())
    for file in (hidden_photo.file, hidden_photo.get_rendition(CARD_PHOTO).file):
        assert file.url.startswith("/admin/private-media/")
        response = client.get(file.url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"\xff\xd8")  # a JPEG
        assert response["Cache-Control"] == "private, no-store"


def test_superusers_open_private_photos(hidden_photo, admin_client):
    assert admin_client.get(hidden_photo.file.url).status_code == 200


def test_staff_without_the_permission_and_visitors_do_not(hidden_photo, django_user_model):
    url = hidden_photo.file.url
    assert staff_client(django_user_model).get(url).status_code == 403
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_private_view_serves_only_private_images(
    hidden_photo, django_user_model, client, admin_client
):
    staff = staff_client(django_user_model, sensitive_permission())
    # Sponsors' proofs live in the same private storage: not through this door.
    private_storage().save("sponsorship-proofs/private-x.pdf", io.BytesIO(b"%PDF-1.4"))
    assert staff.get("/admin/private-media/sponsorship-proofs/private-x.pdf").status_code == 403
    missing = hidden_photo.file.name.replace(PRIVATE_MARKER, PRIVATE_MARKER + "0")
    assert admin_client.get(f"/admin/private-media/{missing}").status_code == 404
    public = wagtail_factories.ImageFactory()
    assert admin_client.get(f"/admin/private-media/{public.file.name}").status_code == 404


def test_the_admin_image_api_hands_out_no_public_url_of_a_private_photo(hidden_photo, admin_client):
    response = admin_client.get(
        "/admin/api/main/images/", {"fields": "title,download_url,thumbnail"}
    )
    assert response.status_code == 200
    item = next(i for i in response.json()["items"] if i["id"] == hidden_photo.pk)
    urls = [item["meta"]["download_url"], *(v for v in item.get("thumbnail", {}).values())]
    for url in urls:
        if isinstance(url, str) and url.startswith(("/", "http")):
            assert "/media/" not in url, url
            assert anonymous_status(url) != 200, url
    for file in files_of(hidden_photo):
        assert is_private_name(file.name), file.name


def test_an_upgraded_site_puts_existing_photos_where_the_rule_says(make_prisoner, portrait, commit):
    # As a site kept them before photos followed visibility: every file public.
    with mock.patch("prisoners.photos.sync_images"), commit():
        make_prisoner(
            title="Namonly Person",
            slug="name-only",
            photo=portrait,
            consent=Consent.NAME_ONLY,
            visibility=Visibility.NAME_ONLY,
        )
    portrait.refresh_from_db()
    legacy_url = portrait.file.url
    assert anonymous_status(legacy_url) == 200

    out = io.StringIO()
    with commit():
        call_command("prisoners_sync_photos", stdout=out)
    assert "1 pictures checked, 1 moved." in out.getvalue()
    portrait.refresh_from_db()
    assert is_private_name(portrait.file.name)
    assert anonymous_status(legacy_url) == 404

    with commit():
        call_command("prisoners_sync_photos", stdout=out)
    assert "1 pictures checked, 0 moved." in out.getvalue()


def test_the_content_api_lists_no_private_picture(make_prisoner, prisoner_index, portrait, commit):
    with commit():
        make_prisoner(title="Full Person", slug="full", photo=portrait)
    assert Client().get(f"/api/v2/images/{portrait.pk}/").status_code == 200
    # Another person, full but not published yet, has the same photo: it goes private.
    with commit():
        prisoner_index.add_child(
            instance=PrisonerPage(
                title="Draft Person",
                slug="draft",
                category="pow",
                status="held",
                consent=Consent.GIVEN,
                visibility=Visibility.FULL,
                photo=portrait,
                live=False,
            )
        )
    portrait.refresh_from_db()
    assert is_private_name(portrait.file.name)
    assert Client().get(f"/api/v2/images/{portrait.pk}/").status_code == 404
    listing = Client().get("/api/v2/images/").json()
    assert portrait.pk not in {item["id"] for item in listing["items"]}


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.frontend_cache.RecordingBackend"}
    }
    frontend_cache.PURGED.clear()
    yield frontend_cache.PURGED
    frontend_cache.PURGED.clear()


def test_a_photo_going_private_is_purged_from_the_cache_in_front(
    make_prisoner, portrait, commit, purged
):
    with commit():
        page = make_prisoner(title="Aram Petrosyan", slug="aram", photo=portrait)
    portrait.refresh_from_db()
    urls = [portrait.file.url, portrait.get_rendition(CARD_PHOTO).url]
    purged.clear()
    set_visibility(page, Visibility.NAME_ONLY, commit)
    for url in urls:
        assert f"http://localhost{url}" in purged, purged


def test_public_media_never_reach_outside_their_folder(hidden_photo, settings):
    private_folder = f"{settings.MEDIA_ROOT.name}-private"
    for url in (
        f"/media/../{private_folder}/{hidden_photo.file.name}",
        f"/media/%2e%2e/{private_folder}/{hidden_photo.file.name}",
        "/media/../../etc/passwd",
        f"/media/{hidden_photo.file.name}",
    ):
        assert anonymous_status(url) == 404, url


def test_share_cards_drawn_with_the_photo_are_purged_when_it_goes_private(
    make_prisoner, portrait, commit, purged
):
    with commit():
        page = make_prisoner(title="Aram Petrosyan", slug="aram", photo=portrait)
        french = publish_translation_of(page, "fr", title="Aram Petrossian")
    html = Client().get("/en/prisoners/aram/").content.decode()
    card = re.search(r'property="og:image" content="([^"]+)"', html).group(1)
    assert f"/share-cards/{page.pk}/" in card
    assert Client().get(card).status_code == 200  # what a cache in front now keeps
    purged.clear()
    set_visibility(page, Visibility.NAME_ONLY, commit)
    for translation in (page, french):
        assert f"http://localhost/share-cards/{translation.pk}/*" in purged, purged
    assert Client().get(card).status_code == 404
