"""Staff see what their role needs: a translator or a signatures-only account finds no trace
of a hidden or name-only person anywhere in the admin; the profile managers see them all."""

import datetime
import re

import pytest
import wagtail_factories
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    Locale,
    Page,
    PageLogEntry,
    Workflow,
)
from wagtail_localize.models import Translation, TranslationSource

from campaign_site.localization import ensure_translator_groups
from prisoners.models import Letter
from prisoners.permissions import (
    can_view_sensitive_profiles,
    grant_to_profile_managers,
    hide_sensitive_pages,
)
from prisoners.visibility import Consent, Visibility
from tests.factories import UserFactory, publish_translation_of

from .factories import SponsorshipFactory

HIDDEN_NAME = "Zaven Hiddenian"
HIDDEN_SLUG = "zaven-hiddenian"
NAME_ONLY_NAME = "Narine Nameonly"
NAME_ONLY_SLUG = "narine-nameonly"
SECRETS = (
    HIDDEN_NAME,
    HIDDEN_SLUG,
    NAME_ONLY_NAME,
    NAME_ONLY_SLUG,
    "secret-hidden",
    "secret-nameonly",
)


def image(filename):
    return wagtail_factories.ImageFactory(
        title=filename,
        file__filename=f"{filename}.jpg",
        file__width=80,
        file__height=100,
        collection=Collection.get_first_root_node(),
    )


@pytest.fixture
def people(make_prisoner, prisoner_indexes, admin_user):
    hidden_photo, name_only_photo, public_photo = (
        image("secret-hidden"),
        image("secret-nameonly"),
        image("public-face"),
    )
    hidden = make_prisoner(
        title=HIDDEN_NAME,
        slug=HIDDEN_SLUG,
        consent=Consent.REFUSED,
        visibility=Visibility.COUNTED,
        photo=hidden_photo,
    )
    name_only = make_prisoner(
        title=NAME_ONLY_NAME,
        slug=NAME_ONLY_SLUG,
        consent=Consent.NAME_ONLY,
        visibility=Visibility.NAME_ONLY,
        photo=name_only_photo,
    )
    public = make_prisoner(title="Vardan Public", slug="vardan-public", photo=public_photo)
    # A picture of the campaign, in a hidden person's story as on other pages: the image is
    # not theirs, but its usage must not name them.
    shared_picture = image("campaign-rally")
    hidden.biography = [
        {
            "type": "image",
            "value": {
                "image": {"image": shared_picture.pk, "alt_text": "A rally", "decorative": False},
                "caption": "",
                "credit": "",
            },
        }
    ]
    hidden.save_revision(user=admin_user).publish(user=admin_user)
    # Translated while they were public, then hidden: the translation records remain.
    source, _created = TranslationSource.get_or_create_from_instance(hidden)
    hidden_translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="fr"), enabled=True
    )
    TranslationSource.objects.filter(pk=source.pk).update(
        last_updated_at=timezone.now() - datetime.timedelta(days=3)
    )
    pages = {"hidden": hidden, "name_only": name_only, "public": public}
    for key in list(pages):
        pages[f"{key}_fr"] = publish_translation_of(pages[key], "fr")
    # What an editor's day leaves behind: edits in the log, a lock, a page in moderation.
    for page in (hidden, name_only, pages["hidden_fr"]):
        page.save_revision(user=admin_user, log_action=True)
    Page.objects.filter(pk=pages["hidden_fr"].pk).update(locked=True, locked_by=admin_user)
    workflow = Workflow.objects.first()
    pages["moderation"] = workflow.start(pages["name_only_fr"].specific, admin_user)
    SponsorshipFactory(
        prisoner_key=hidden.translation_key, campaign_key=prisoner_indexes["en"].translation_key
    )
    pages["photos"] = {"hidden": hidden_photo, "name_only": name_only_photo, "public": public_photo}
    pages["shared_picture"] = shared_picture
    # Uploading or editing a photo writes entries named after the image's title.
    for photo in (hidden_photo, name_only_photo):
        log(photo, "wagtail.edit", user=admin_user)
    pages["hidden_translation"] = hidden_translation
    pages["letter"] = Letter.objects.create(
        prisoner=hidden.prisoner, first_name="Marie", country="FR", message="Courage."
    )
    return pages


def with_image_rights(group):
    """The worst case: the group may also use the image library and choosers."""
    root = Collection.get_first_root_node()
    for codename in ("add_image", "change_image", "choose_image"):
        permission = Permission.objects.get(
            content_type__app_label="wagtailimages", codename=codename
        )
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )
        # As Wagtail's own groups hold them: Site history shows image entries with these.
        group.permissions.add(permission)


@pytest.fixture
def french_translator(home_pages):
    group = ensure_translator_groups()["fr"]
    with_image_rights(group)
    user = UserFactory(username="traductrice")
    user.groups.add(group)
    return user


@pytest.fixture
def signatures_reader(db):
    group = Group.objects.create(name="Signature readers")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="petitions", codename="view_signature"),
    )
    with_image_rights(group)
    user = UserFactory(username="lectrice")
    user.groups.add(group)
    return user


@pytest.fixture
def profile_manager(home_pages):
    user = UserFactory(username="gestionnaire")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def admin_urls(people, prisoner_indexes):
    """Every admin URL a hidden person could show up at."""
    urls = [
        "/admin/",
        f"/admin/pages/{prisoner_indexes['en'].pk}/",
        f"/admin/pages/{prisoner_indexes['fr'].pk}/",
        "/admin/choose-page/",
        f"/admin/choose-page/{prisoner_indexes['en'].pk}/",
        f"/admin/choose-page/{prisoner_indexes['fr'].pk}/",
        "/admin/choose-page/search/?q=Zaven",
        "/admin/choose-page/search/?q=Narine",
        "/admin/pages/search/?q=Zaven",
        "/admin/pages/search/?q=Narine",
        "/admin/pages/search/results/?q=Hiddenian",
        "/admin/images/",
        "/admin/images/?q=secret",
        "/admin/images/chooser/",
        "/admin/images/chooser/results/?q=secret",
        f"/admin/api/main/pages/?child_of={prisoner_indexes['fr'].pk}&for_explorer=1",
        f"/admin/api/main/pages/?child_of={prisoner_indexes['en'].pk}",
        "/admin/api/main/pages/?title=Zaven%20Hiddenian",
        "/admin/api/main/pages/?limit=20",
        "/admin/api/main/images/?fields=title,download_url&limit=20",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/reports/site-history/?export=csv",
        "/admin/reports/aging-pages/?export=csv",
        "/admin/reports/page-types-usage/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/localize/reports/translations/",
        "/admin/reports/translations-to-update/",
        "/admin/reports/prisoners-without-a-sponsor/",
        "/admin/sponsorships/",
        "/admin/workflows/tasks/index/",
        "/admin/prisoners/letters/",
        "/admin/prisoners/letter-packs/",
        f"/admin/prisoners/letter-packs/{people['hidden'].prisoner_id}/",
        # Wagtail's chooser of every snippet (a letter names the person it is written to).
        "/admin/snippets/choose/prisoners/letter/",
        "/admin/snippets/choose/prisoners/letter/results/?q=Marie",
        f"/admin/snippets/choose/prisoners/letter/chosen/{people['letter'].pk}/",
        f"/admin/snippets/choose/prisoners/letter/chosen-multiple/?id={people['letter'].pk}",
        # A letter's own screens and bulk actions (it names the person it is written to).
        *(
            f"/admin/prisoners/letters/{view}/{people['letter'].pk}/"
            for view in ("edit", "delete", "history", "usage")
        ),
        f"/admin/bulk/prisoners/letter/delete/?id={people['letter'].pk}",
    ]
    for key in ("hidden", "name_only", "hidden_fr", "name_only_fr"):
        page = people[key]
        revision = page.latest_revision
        urls += [
            f"/admin/pages/{page.pk}/edit/",
            f"/admin/pages/{page.pk}/history/",
            f"/admin/pages/{page.pk}/revisions/",
            f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/",
            f"/admin/pages/{page.pk}/edit/preview/",
            f"/admin/pages/{page.pk}/view_draft/",
            f"/admin/pages/{page.pk}/usage/",
            f"/admin/pages/{page.pk}/workflow_history/",
            f"/admin/api/main/pages/{page.pk}/",
            f"/admin/localize/submit/page/{page.pk}/",
            f"/admin/prisoners/{page.pk}/file/",
            # The profile's own explorer and chooser (its title and slug in the header).
            f"/admin/pages/{page.pk}/",
            f"/admin/pages/{page.pk}/results/",
            f"/admin/choose-page/{page.pk}/",
        ]
        # Bulk actions name every page asked for, even those one may not act on.
        urls += [
            f"/admin/bulk/wagtailcore/page/{action}/?id={page.pk}"
            for action in ("delete", "move", "publish", "unpublish")
        ]
    urls.append(f"/admin/images/usage/{people['shared_picture'].pk}/")
    moderation = people["moderation"]
    task_state = moderation.current_task_state
    urls += [
        f"/admin/pages/workflow/preview/{people['name_only_fr'].pk}/{task_state.task_id}/",
        f"/admin/pages/workflow/action/{people['name_only_fr'].pk}/approve/{task_state.pk}/",
        f"/admin/pages/{people['name_only_fr'].pk}/workflow_history/detail/{moderation.pk}/",
    ]
    translation = people["hidden_translation"].pk
    urls += [
        f"/admin/localize/translate/{translation}/pofile/download/",
        f"/admin/localize/translate/{translation}/preview/",
        f"/admin/localize/update/{people['hidden_translation'].source_id}/",
    ]
    for photo in (people["photos"]["hidden"], people["photos"]["name_only"]):
        urls += [
            f"/admin/images/{photo.pk}/",
            f"/admin/images/usage/{photo.pk}/",
            f"/admin/images/{photo.pk}/preview/fill-80x80/",
            f"/admin/images/chooser/{photo.pk}/",
            f"/admin/api/main/images/{photo.pk}/",
        ]
        urls += [
            f"/admin/bulk/wagtailimages/image/{action}/?id={photo.pk}"
            for action in ("delete", "add_tags", "add_to_collection")
        ]
    return urls


def traces(response, people, url):
    """What of a sensitive person a response shows: names, slugs, photo files or ids."""
    if response.streaming and not response["Content-Type"].startswith("text/csv"):
        return [f"a file ({response['Content-Type']})"]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    body = content.decode(errors="replace")
    found = [secret for secret in SECRETS if secret.lower() in body.lower()]
    for key in ("hidden", "name_only"):
        photo = people["photos"][key]
        if re.search(rf"/images/{photo.pk}/", body) or (
            "/api/main/images/" in url and re.search(rf"\"id\": ?{photo.pk}[,}}]", body)
        ):
            found.append(f"photo {photo.pk}")
    return found


@pytest.mark.parametrize("who", ["french_translator", "signatures_reader"])
def test_no_admin_url_shows_a_sensitive_person_to_other_staff(
    client, request, who, people, prisoner_indexes
):
    user = request.getfixturevalue(who)
    assert not can_view_sensitive_profiles(user)
    # Traces of their own from before the person was hidden, which the dashboard lists:
    # an edit, a lock, a page they sent to moderation.
    PageLogEntry.objects.log_action(people["hidden_fr"], "wagtail.edit", user=user)
    Page.objects.filter(pk=people["hidden_fr"].pk).update(locked=True, locked_by=user)
    Workflow.objects.first().start(people["hidden"].specific, user)
    client.force_login(user)
    leaks = {}
    for url in admin_urls(people, prisoner_indexes):
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code == 302:
            # Wagtail's "permission denied" goes back to the dashboard, never to the page.
            assert HIDDEN_SLUG not in response["Location"], url
        found = traces(response, people, url)
        if found:
            leaks[url] = found
    assert leaks == {}


def test_the_translator_still_sees_public_profiles(client, french_translator, people):
    client.force_login(french_translator)
    public_fr = people["public_fr"]
    assert client.get(f"/admin/pages/{public_fr.pk}/edit/").status_code == 200
    listing = client.get(f"/admin/pages/{public_fr.get_parent().pk}/").content.decode()
    assert "Vardan Public" in listing


def test_profile_managers_see_sensitive_people(client, profile_manager, people, prisoner_indexes):
    assert can_view_sensitive_profiles(profile_manager)
    client.force_login(profile_manager)
    listing = client.get(f"/admin/pages/{prisoner_indexes['en'].pk}/").content.decode()
    assert HIDDEN_NAME in listing and NAME_ONLY_NAME in listing
    chooser = client.get(f"/admin/choose-page/{prisoner_indexes['en'].pk}/").content.decode()
    assert HIDDEN_NAME in chooser
    assert client.get(f"/admin/pages/{people['hidden'].pk}/edit/").status_code == 200
    assert HIDDEN_NAME in client.get(f"/admin/pages/{people['hidden'].pk}/").content.decode()
    bulk = client.get(f"/admin/bulk/wagtailcore/page/unpublish/?id={people['hidden'].pk}")
    assert HIDDEN_NAME in bulk.content.decode()
    images = client.get("/admin/api/main/images/?fields=title,download_url&limit=20").json()
    assert people["photos"]["hidden"].pk in [item["id"] for item in images["items"]]
    assert "secret-hidden" in client.get("/admin/images/").content.decode()
    for report in (
        "/admin/reports/translations-to-update/",
        "/admin/localize/reports/translations/",
    ):
        assert HIDDEN_NAME in client.get(report).content.decode(), report


def test_the_permission_goes_to_profile_managers_not_translators(french_translator):
    # The migration gave it to the groups a new site starts with; the rule stays the same.
    assert (
        Group.objects.get(name="Moderators")
        .permissions.filter(codename="view_sensitive_profiles")
        .exists()
    )
    granted = grant_to_profile_managers()
    assert "Editors" in granted and "Moderators" in granted
    assert "French translators" not in granted
    assert (
        Group.objects.get(name="Editors")
        .permissions.filter(codename="view_sensitive_profiles")
        .exists()
    )


def test_hiding_follows_the_effective_visibility(people, french_translator, admin_user):
    translator_pages = hide_sensitive_pages(Page.objects.all(), french_translator)
    assert not translator_pages.filter(pk=people["hidden_fr"].pk).exists()
    assert translator_pages.filter(pk=people["public_fr"].pk).exists()
    assert (
        hide_sensitive_pages(Page.objects.all(), admin_user)
        .filter(pk=people["hidden_fr"].pk)
        .exists()
    )
    # Made public in full, the person shows to translators at once.
    hidden = people["hidden"].specific
    hidden.consent, hidden.visibility = Consent.GIVEN, Visibility.FULL
    hidden.save_revision().publish()
    assert (
        hide_sensitive_pages(Page.objects.all(), french_translator)
        .filter(pk=people["hidden_fr"].pk)
        .exists()
    )


def test_log_entries_about_sensitive_people_stay_with_their_managers(people, french_translator):
    visible = PageLogEntry.objects.viewable_by_user(french_translator)
    assert not visible.filter(page=people["hidden_fr"]).exists()


def test_sponsorship_reviewers_without_the_permission_see_no_sensitive_person(
    client, people, prisoner_indexes
):
    group = Group.objects.create(name="Sponsorship reviewers")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="prisoners",
            codename__in=[
                "view_sponsorship",
                "change_sponsorship",
                "add_sponsorship",
                "delete_sponsorship",
            ],
        ),
    )
    reviewer = UserFactory(username="relectrice")
    reviewer.groups.add(group)
    client.force_login(reviewer)
    hidden_sponsorship = people["hidden"].sponsorships().get()
    public_sponsorship = SponsorshipFactory(
        prisoner_key=people["public"].translation_key,
        campaign_key=prisoner_indexes["en"].translation_key,
    )
    listing = client.get("/admin/sponsorships/")
    assert listing.status_code == 200
    assert public_sponsorship.name in listing.content.decode()
    assert client.get(f"/admin/sponsorships/edit/{public_sponsorship.pk}/").status_code == 200
    for url in (
        "/admin/sponsorships/",
        "/admin/sponsorships/?export=csv",
        "/admin/sponsorships/new/",
        f"/admin/sponsorships/edit/{hidden_sponsorship.pk}/",
        f"/admin/sponsorships/delete/{hidden_sponsorship.pk}/",
        f"/admin/sponsorships/history/{hidden_sponsorship.pk}/",
        f"/admin/sponsorships/usage/{hidden_sponsorship.pk}/",
        f"/admin/prisoners/sponsorships/{hidden_sponsorship.pk}/proof/",
    ):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode()
        assert HIDDEN_NAME not in body and hidden_sponsorship.name not in body, url


def test_group_editors_can_grant_the_permission(admin_client):
    group = Group.objects.get(name="Editors")
    response = admin_client.get(f"/admin/groups/edit/{group.pk}/")
    assert response.status_code == 200
    assert "Can view hidden and name-only profiles" in response.content.decode()


def test_what_a_bulk_action_may_show_costs_a_query_per_model_not_per_object(
    people, signatures_reader, django_assert_num_queries
):
    """Bulk actions take `?id=` by the hundred: the visibility of each kind is one query."""
    from prisoners.permissions import visible_to

    hidden, public = people["hidden"].prisoner, people["public"].prisoner

    def objects(count):
        letters = [
            Letter.objects.create(prisoner=person, first_name="M", country="FR", message="…")
            for person in (hidden, public)
            for _ in range(count)
        ]
        photos = list(people["photos"].values())
        return [*letters, *photos, people["hidden"], people["public"]]

    few, many = objects(1), objects(6)
    visible_to(signatures_reader, few)  # the user's permissions, read once per request
    with django_assert_num_queries(3) as few_queries:
        shown = visible_to(signatures_reader, few)
    with django_assert_num_queries(len(few_queries)):
        visible_to(signatures_reader, many)
    assert [getattr(obj, "prisoner", None) for obj in shown if isinstance(obj, Letter)] == [public]
    assert people["photos"]["hidden"] not in shown and people["photos"]["public"] in shown
    assert people["hidden"] not in shown and people["public"] in shown
