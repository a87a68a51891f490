"""Which staff may see people whose profile is not a full public profile.

A profile below FULL (name only, or counted but not shown; `prisoners.visibility`)
is *sensitive*: its name, slug and photo are for the staff who manage prisoners,
who hold the permission ``prisoners.view_sensitive_profiles``. Everyone else in
the admin (translators, signature reviewers, sponsorship reviewers without it)
sees no trace of such a person: not in page listings, choosers, search, the
admin API, reports, the dashboard, workflows, translation screens, the image
library, nor on any of the page's own admin URLs.

Everything else asks this module, never a field:

    can_view_sensitive_profiles(user)        # THE predicate (superusers: yes)
    is_hidden_from(user, page)               # one page (any type; only profiles can be)
    hide_sensitive_pages(pages, user)        # a page queryset, for that user
    hide_sensitive_images(images, user)      # an image queryset, for that user
    hide_sensitive_sponsorships(sponsorships, user)
    hide_sensitive_translations(translations, user)   # wagtail-localize records
    object_is_hidden_from(user, obj)         # a page, an image, or a person's row
    sensitive_profiles()                     # every sensitive profile, any language

The admin is wired to it in `wagtail_hooks.py` (Wagtail's page and image
permission policies are replaced by the subclasses below, and its hooks filter
what the policies do not reach). What no policy or hook reaches is closed here too:
`HiddenPagesAdminMiddleware` (every admin URL naming a page: the explorer of the
profile itself, its choosers), `HidingSensitiveBulkItems` (bulk actions, which name
every object asked for, even those the user may not touch) and
`HidingSensitiveObjects` (generic admin views of one object: delete, history, usage).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import PagePermissionTester
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.fields import TranslatableField

from . import visibility

PERMISSION_CODENAME = "view_sensitive_profiles"
PERMISSION = f"prisoners.{PERMISSION_CODENAME}"
PERMISSION_NAME = "Can view hidden and name-only profiles"


def can_view_sensitive_profiles(user):
    """Whether `user` may see profiles that are not full public profiles."""
    if user is None or not user.is_active or user.is_anonymous:
        return False
    return user.is_superuser or user.has_perm(PERMISSION)


def sensitive_profiles():
    """Every profile, in every language, that is not a full public profile."""
    from .models import PrisonerPage

    return visibility.not_fully_visible(PrisonerPage.objects.all())


def sensitive_page_ids():
    return sensitive_profiles().values("pk")


def is_sensitive(page):
    """Whether `page` (of any type, specific or not) is a sensitive profile."""
    from .models import PrisonerPage

    if page is None or page.pk is None:
        return False
    if page.content_type_id != ContentType.objects.get_for_model(PrisonerPage).pk:
        return False
    cached = getattr(page, "_is_sensitive_profile", None)
    if cached is None:
        cached = sensitive_profiles().filter(pk=page.pk).exists()
        page._is_sensitive_profile = cached
    return cached


def is_hidden_from(user, page):
    """Whether `page` must not show at all to `user`."""
    return page is not None and is_hidden_page_id(user, page.pk)


def is_hidden_page_id(user, page_id):
    """Whether the page `page_id` must not show at all to `user`.

    Listings ask this of every row, so the ids are read once per request (the user
    object lives as long as the request)."""
    if page_id is None or can_view_sensitive_profiles(user):
        return False
    hidden = getattr(user, "_hidden_profile_ids", None)
    if hidden is None:
        hidden = set(sensitive_page_ids().values_list("pk", flat=True))
        if user is not None:
            user._hidden_profile_ids = hidden
    return int(page_id) in hidden


def object_is_hidden_from(user, obj):
    """Whether `obj` must not show at all to `user` (see `visible_to`)."""
    return obj is not None and not visible_to(user, [obj])


def visible_to(user, objects):
    """Those of `objects` that `user` may see, in their order: a sensitive profile (a page
    of any type), a sensitive person's picture, or a row about a sensitive person (a model
    with a `prisoner` record: letters; or a `prisoner_key`: sponsorships) is left out.
    One query per model by the `hide_sensitive_*` rules below, however many objects (a
    bulk action may name hundreds)."""
    if can_view_sensitive_profiles(user):
        return list(objects)
    from wagtail.images import get_image_model
    from wagtail.models import Page

    def kind_of(obj):
        return Page if isinstance(obj, Page) else type(obj)

    pks_by_kind = {}
    for obj in objects:
        if obj is not None and obj.pk is not None:
            pks_by_kind.setdefault(kind_of(obj), set()).add(obj.pk)
    shown = set()
    for kind, pks in pks_by_kind.items():
        rows = kind.objects.filter(pk__in=pks)
        fields = {field.name for field in kind._meta.get_fields()}
        if kind is Page:
            rows = hide_sensitive_pages(rows, user)
        elif issubclass(kind, get_image_model()):
            rows = hide_sensitive_images(rows, user)
        elif "prisoner" in fields:
            rows = hide_sensitive_records_of(rows, user)
        elif "prisoner_key" in fields:
            rows = hide_sensitive_sponsorships(rows, user)
        shown.update((kind, pk) for pk in rows.values_list("pk", flat=True))
    return [
        obj
        for obj in objects
        if obj is not None and (obj.pk is None or (kind_of(obj), obj.pk) in shown)
    ]


def hide_sensitive_pages(pages, user):
    """`pages` (a page queryset of any type) without the sensitive profiles, unless `user`
    may see them."""
    if can_view_sensitive_profiles(user):
        return pages
    return pages.exclude(pk__in=sensitive_page_ids())


def sensitive_image_ids():
    """The photos and share images of sensitive profiles (whatever else uses them)."""
    from wagtail.images import get_image_model

    from .models import PrisonerPage

    images = get_image_model().objects.all()
    return images.exclude(pk__in=PrisonerPage.exclude_private_images(images).values("pk")).values(
        "pk"
    )


def is_sensitive_image(image):
    if image is None or image.pk is None:
        return False
    cached = getattr(image, "_is_sensitive_image", None)
    if cached is None:
        cached = sensitive_image_ids().filter(pk=image.pk).exists()
        image._is_sensitive_image = cached
    return cached


def hide_sensitive_images(images, user):
    """`images` without the pictures of sensitive profiles, unless `user` may see them."""
    if can_view_sensitive_profiles(user):
        return images
    from .models import PrisonerPage

    return PrisonerPage.exclude_private_images(images)


def record_is_hidden_from(user, prisoner):
    """Whether `user` may not see what belongs to the person `prisoner` (a Prisoner record:
    letters, packs), by the same rule as their profile."""
    if can_view_sensitive_profiles(user):
        return False
    return visibility.profile_visibility(prisoner) != visibility.Visibility.FULL


def hide_sensitive_records_of(queryset, user, field="prisoner"):
    """`queryset` (rows with a `field` pointing at a Prisoner record) without those of
    sensitive people, unless `user` may see them."""
    if can_view_sensitive_profiles(user):
        return queryset
    from .models import Prisoner

    return queryset.filter(**{f"{field}__in": Prisoner.objects.fully_visible()})


def hide_sensitive_sponsorships(sponsorships, user):
    """`sponsorships` without those of sensitive people, unless `user` may see them."""
    if can_view_sensitive_profiles(user):
        return sponsorships
    return sponsorships.exclude(prisoner_key__in=sensitive_profiles().values("translation_key"))


def hide_sensitive_translations(translations, user):
    """wagtail-localize `Translation` records without those of sensitive people (their
    source's object id is the profile's translation key), unless `user` may see them."""
    if can_view_sensitive_profiles(user):
        return translations
    return translations.exclude(
        source__object_id__in=sensitive_profiles().values("translation_key")
    )


# --- Who gets the permission ------------------------------------------------------


def grant_to_profile_managers(apps=None):
    """Give the permission to every group that may change the profiles in the site's
    default language: a page permission to change (or publish) pages on the root or on
    an ancestor of a default-language prisoner index. Wagtail's own "Editors" and
    "Moderators" are such groups; translator groups, whose rights start at their own
    language's home page, are not.

    Takes an app registry so the data migration applies the same rule as later setups.
    Returns the names of the groups it granted the permission to.
    """
    if apps is None:
        from django.apps import apps
    content_types = apps.get_model("contenttypes", "ContentType").objects
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    profile_type, _created = content_types.get_or_create(
        app_label="prisoners", model="prisonerpage"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=profile_type,
        codename=PERMISSION_CODENAME,
        defaults={"name": PERMISSION_NAME},
    )
    index_types = content_types.filter(app_label="prisoners", model="prisonerindexpage")
    managed_paths = list(Page.objects.filter(depth=1).values_list("path", flat=True))
    managed_paths += Page.objects.filter(
        content_type__in=index_types, locale__language_code=settings.LANGUAGE_CODE
    ).values_list("path", flat=True)

    granted = []
    managing = GroupPagePermission.objects.filter(
        permission__content_type__app_label="wagtailcore",
        permission__codename__in=["change_page", "publish_page"],
    ).select_related("page", "group")
    for grant in managing:
        if any(path.startswith(grant.page.path) for path in managed_paths):
            grant.group.permissions.add(permission)
            granted.append(grant.group.name)
    return sorted(set(granted))


# --- Wagtail's permission policies, aware of sensitive profiles --------------------


class ProfileAwarePagePolicy(PagePermissionPolicy):
    """Wagtail's page policy, minus the sensitive profiles for users without the permission.

    Every admin listing built on the policy follows: the explorer and its API, admin
    search, the admin API, the aging and locked pages reports, workflow reports,
    Site history (page log entries are filtered by explorable pages).
    """

    def instances_user_has_any_permission_for(self, user, actions):
        return hide_sensitive_pages(
            super().instances_user_has_any_permission_for(user, actions), user
        )

    def explorable_instances(self, user):
        return hide_sensitive_pages(super().explorable_instances(user), user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if is_hidden_from(user, instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


class ProfilePermissionTester(PagePermissionTester):
    """What a user may do on one profile: nothing at all when it is hidden from them
    (edit, history, revisions, preview, usage, lock, move, copy, delete...)."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.hidden = is_hidden_from(user, page)
        if self.hidden:
            self.permissions = set()


def _denied_when_hidden(method):
    def check(self, *args, **kwargs):
        if self.hidden:
            return False
        return method(self, *args, **kwargs)

    check.__name__ = method.__name__
    check.__doc__ = method.__doc__
    return check


for _name, _method in list(vars(PagePermissionTester).items()):
    if _name.startswith(("can_", "user_has_")) and callable(_method):
        setattr(ProfilePermissionTester, _name, _denied_when_hidden(_method))


class ProfileAwareImagePolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's image policy, minus the photos of sensitive profiles for users without
    the permission: the image library, the image chooser, editing, usage and URLs."""

    def instances_user_has_any_permission_for(self, user, actions):
        return hide_sensitive_images(
            super().instances_user_has_any_permission_for(user, actions), user
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not can_view_sensitive_profiles(user) and is_sensitive_image(instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


def image_policy():
    from wagtail.images import get_image_model

    return ProfileAwareImagePolicy(
        get_image_model(), auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
    )


# --- What translators receive --------------------------------------------------------


class PublicTextField(TranslatableField):
    """A profile's text that goes to translators (and machine translation, PO files)
    only when the public may read it: name-only profiles send only the facts of the
    detention, hidden ones nothing (and are refused at submission, see wagtail_hooks)."""

    def is_translated(self, obj):
        return self.field_name in visibility.visible_fields(obj)

    def __repr__(self):
        return f"<PublicTextField {self.field_name}>"


def public_text_only(fields):
    """`fields` (a model's translatable_fields) with each text field a visibility level
    governs sent to translators only when that level shows it."""
    return [
        PublicTextField(field.field_name)
        if type(field) is TranslatableField and field.field_name in visibility.FULL_FIELDS
        else field
        for field in fields
    ]


# --- What no policy reaches --------------------------------------------------------

#: URL arguments that name a page in the admin's URLs (Wagtail's and this site's).
PAGE_URL_ARGUMENTS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")


class HiddenPagesAdminMiddleware:
    """Any admin URL that names a sensitive profile answers as Wagtail does when
    permission is denied, for staff who may not see that person. Wagtail asks the page
    policy for most of its views, but not the explorer of a page itself
    (`/admin/pages/<id>/`), which checks only that the page is under the user's root and
    shows its title and slug."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or can_view_sensitive_profiles(user):
            return None
        match = request.resolver_match
        if match is None or not match.route.startswith("admin/"):
            return None
        for argument in PAGE_URL_ARGUMENTS:
            page_id = view_kwargs.get(argument)
            if is_hidden_page_id(user, page_id):
                from wagtail.admin.auth import permission_denied

                return permission_denied(request)
        return None


class HidingSensitiveBulkItems:
    """For a Wagtail bulk action: what the user may not see of sensitive people is neither
    listed (Wagtail lists by name even the objects one may not act on) nor acted on."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        user = self.request.user
        objects = visible_to(user, objects)
        extra["items_with_no_access"] = visible_to(user, extra["items_with_no_access"])
        return objects, extra


class HidingSensitiveObjects:
    """For a generic admin view of one object (edit, delete, history, usage): a 404 when
    the object is about a person the user may not see."""

    def get_object(self, *args, **kwargs):
        from django.http import Http404

        obj = super().get_object(*args, **kwargs)
        if object_is_hidden_from(self.request.user, obj):
            raise Http404
        return obj
