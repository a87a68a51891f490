"""Admin registrations: sponsorship review, proof downloads, the "needs a sponsor" report,
and who on the staff sees sensitive profiles (the rule is in `prisoners.permissions`),
letters of support and their packs."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views import home as admin_home
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction as DeletePages
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction as MovePages
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction as PublishPages
from wagtail.admin.views.pages.bulk_actions.unpublish import (
    UnpublishBulkAction as UnpublishPages,
)
from wagtail.admin.widgets.button import Button
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.views.bulk_actions.add_tags import AddTagsBulkAction as TagImages
from wagtail.images.views.bulk_actions.add_to_collection import (
    AddToCollectionBulkAction as CollectImages,
)
from wagtail.images.views.bulk_actions.delete import DeleteBulkAction as DeleteImages
from wagtail.models import AbstractPage
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction as DeleteSnippets
from wagtail.snippets.models import register_snippet

from . import admin_views, audit, letters_admin, permissions
from .models import PrisonerPage, Sponsorship

# Replace Wagtail's page and image policies: every admin listing, chooser and
# per-object check built on them then leaves sensitive profiles out for staff
# without the permission. The image policy is registered for the exact class, which
# wins over wagtail.images' own whichever app is ready first.
register_permission_policy(AbstractPage, permissions.ProfileAwarePagePolicy())
register_permission_policy(get_image_model(), permissions.image_policy(), exact_class=True)


hooks.register("register_log_actions", audit.register_log_actions)


@hooks.register("register_permissions")
def register_sensitive_profiles_permission():
    return Permission.objects.filter(
        content_type__app_label="prisoners", codename=permissions.PERMISSION_CODENAME
    )


@hooks.register("construct_explorer_page_queryset")
def hide_sensitive_pages_in_explorer(parent_page, pages, request):
    return permissions.hide_sensitive_pages(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_sensitive_pages_in_chooser(pages, request):
    return permissions.hide_sensitive_pages(pages, request.user)


@hooks.register("construct_image_chooser_queryset")
def hide_sensitive_images_in_chooser(images, request):
    return permissions.hide_sensitive_images(images, request.user)


class StaffImagesAPIViewSet(ImagesAdminAPIViewSet):
    """The admin's image API (choosers, rich text) without the photos of sensitive profiles:
    it has no permission check of its own, and each listing renders thumbnails."""

    def get_queryset(self):
        return permissions.hide_sensitive_images(super().get_queryset(), self.request.user)


@hooks.register("construct_admin_api", order=100)
def replace_admin_images_endpoint(router):
    router.register_endpoint("images", StaffImagesAPIViewSet)


class HidingSensitivePages:
    """A dashboard panel that leaves out what the user may not see of sensitive profiles."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        if permissions.can_view_sensitive_profiles(user):
            return context

        def hidden(obj):
            return permissions.is_hidden_from(user, obj) if hasattr(obj, "path") else False

        if "last_edits" in context:
            context["last_edits"] = [
                (date, page) for date, page in context["last_edits"] if not hidden(page)
            ]
        if "locked_pages" in context:
            context["locked_pages"] = permissions.hide_sensitive_pages(
                context["locked_pages"], user
            )
        if "workflow_states" in context:
            context["workflow_states"] = [
                state for state in context["workflow_states"] if not hidden(state.content_object)
            ]
        if "states" in context:
            context["states"] = [state for state in context["states"] if not hidden(state["obj"])]
        return context


_PANELS = {
    panel: type(panel.__name__, (HidingSensitivePages, panel), {})
    for panel in (
        admin_home.RecentEditsPanel,
        admin_home.LockedPagesPanel,
        admin_home.UserObjectsInWorkflowModerationPanel,
        admin_home.WorkflowObjectsToModeratePanel,
    )
}


@hooks.register("construct_homepage_panels")
def hide_sensitive_pages_on_dashboard(request, panels):
    for position, panel in enumerate(panels):
        replacement = _PANELS.get(type(panel))
        if replacement is not None:
            panels[position] = replacement()


# Wagtail's bulk actions on pages, images and snippets (letters) again, registered after
# its own (order): the same actions, without naming sensitive people to staff who may
# not see them (Wagtail names every object asked for, even those one may not act on).
for _action in (
    DeletePages,
    MovePages,
    PublishPages,
    UnpublishPages,
    TagImages,
    CollectImages,
    DeleteImages,
    DeleteSnippets,
):
    hooks.register(
        "register_bulk_action",
        type(_action.__name__, (permissions.HidingSensitiveBulkItems, _action), {}),
        order=100,
    )


@hooks.register("register_admin_viewset")
def register_sponsorship_viewset():
    return admin_views.sponsorship_viewset


register_snippet(letters_admin.LetterViewSet)
hooks.register("register_bulk_action", letters_admin.ApproveLettersBulkAction)
hooks.register("register_bulk_action", letters_admin.RejectLettersBulkAction)


@hooks.register("register_admin_urls")
def register_prisoner_admin_urls():
    from wagtail_localize.views import update_translations

    return [
        path("prisoners/letter-packs/", letters_admin.letter_packs, name="prisoners_letter_packs"),
        path(
            "prisoners/letter-packs/<int:prisoner_id>/",
            letters_admin.letter_pack,
            name="prisoners_letter_pack",
        ),
        # Over wagtail-localize's own (this app's URLs come first): hidden people
        # are never submitted or synced for translation.
        path(
            "localize/submit/page/<int:page_id>/",
            admin_views.refusing_hidden_profiles(admin_views.SubmitPageTranslationView.as_view()),
            name="prisoners_submit_page_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            admin_views.refusing_hidden_profiles(
                update_translations.UpdateTranslationsView.as_view()
            ),
            name="prisoners_update_translations",
        ),
        path(
            "localize/reports/translations/",
            admin_views.TranslationsReportView.as_view(),
            name="prisoners_translations_report",
        ),
        path(
            "localize/reports/translations/results/",
            admin_views.TranslationsReportView.as_view(results_only=True),
            name="prisoners_translations_report_results",
        ),
        path(
            "prisoners/sponsorships/<int:pk>/proof/",
            admin_views.proof_download,
            name="prisoners_sponsorship_proof",
        ),
        path(
            "prisoners/<int:page_id>/file/",
            admin_views.PersonFileView.as_view(),
            name="prisoners_person_file",
        ),
        path(
            "prisoners/sponsorships/<int:pk>/certificate/",
            admin_views.certificate,
            name="prisoners_sponsorship_certificate",
        ),
        path(
            "reports/prisoners-without-a-sponsor/",
            admin_views.NeedsSponsorReportView.as_view(),
            name="prisoners_needs_sponsor",
        ),
        path(
            "reports/prisoners-without-a-sponsor/results/",
            admin_views.NeedsSponsorReportView.as_view(results_only=True),
            name="prisoners_needs_sponsor_results",
        ),
    ]


def person_file_button(page, user):
    """The person's file, from the profile's header and its row in page listings."""
    if not isinstance(page.specific_deferred, PrisonerPage):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        _("Person's file"),
        url=reverse("prisoners_person_file", args=[page.pk]),
        icon_name="user",
        priority=60,
    )


@hooks.register("register_page_listing_more_buttons")
def page_listing_buttons(page, user, next_url=None):
    yield from person_file_button(page, user)


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    yield from person_file_button(page, user)


class NeedsSponsorMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


class LetterPacksMenuItem(MenuItem):
    def is_shown(self, request):
        return letters_admin.LETTER_POLICY.user_has_any_permission(request.user, ["change", "view"])


@hooks.register("register_admin_menu_item")
def register_letter_packs_menu_item():
    return LetterPacksMenuItem(
        _("Letter packs"),
        reverse("prisoners_letter_packs"),
        name="prisoners-letter-packs",
        icon_name="doc-full",
        order=261,
    )


@hooks.register("register_reports_menu_item")
def register_needs_sponsor_report():
    return NeedsSponsorMenuItem(
        _("Prisoners without a sponsor"),
        reverse("prisoners_needs_sponsor"),
        name="prisoners-without-a-sponsor",
        icon_name="warning",
        order=900,
    )


class PendingSponsorshipsPanel(Component):
    """On the admin dashboard: how many applications wait for a decision."""

    name = "pending_sponsorships"
    order = 90
    template_name = "prisoners/admin/pending_panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {
            "count": self.count,
            "url": reverse("sponsorships:index") + "?status=pending",
        }


@hooks.register("construct_homepage_panels")
def add_pending_sponsorships_panel(request, panels):
    policy = policy_registry.get_by_type(Sponsorship)
    if not policy.user_has_permission(request.user, "change"):
        return
    count = Sponsorship.objects.filter(status=Sponsorship.Status.PENDING).count()
    if count:
        panels.append(PendingSponsorshipsPanel(count))
