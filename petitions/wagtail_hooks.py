"""Petitions in the Wagtail admin: a "Petitions" menu, bulk actions, dashboard, page buttons."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from campaign_site.pages import PERSON_FILE_SECTIONS_HOOK, RELATED_SECTIONS_HOOK

from .admin import PetitionsGroup
from .admin.dashboard import PetitionsPanel
from .admin.invalidation import InvalidateBulkAction, RestoreBulkAction
from .admin.pack import DeliveryPackView
from .admin.permissions import ERASURE_POLICY, IMPORT_POLICY, SIGNATURE_POLICY
from .models import Erasure, PetitionPage, Signature, SignatureImport
from .related import petitions_file_section, petitions_section
from .retention_tasks import ERASE_ACTION

register_permission_policy(Signature, SIGNATURE_POLICY)
register_permission_policy(SignatureImport, IMPORT_POLICY)
register_permission_policy(Erasure, ERASURE_POLICY)
register_snippet(PetitionsGroup)
hooks.register("register_bulk_action", InvalidateBulkAction)
hooks.register("register_bulk_action", RestoreBulkAction)
# The petitions naming a page (a person's profile), on that page and in the admin's file.
hooks.register(RELATED_SECTIONS_HOOK, petitions_section)
hooks.register(PERSON_FILE_SECTIONS_HOOK, petitions_file_section)


@hooks.register("register_admin_urls")
def delivery_pack_urls():
    whole = "petitions/pack/<int:petition_id>/"
    to_one = f"{whole}to/<uuid:decision_maker>/"
    return [
        path(whole, DeliveryPackView.as_view(), name="petitions_delivery_pack"),
        path(
            f"{whole}pdf/", DeliveryPackView.as_view(pdf=True), name="petitions_delivery_pack_pdf"
        ),
        path(to_one, DeliveryPackView.as_view(), name="petitions_delivery_pack_to"),
        path(
            f"{to_one}pdf/",
            DeliveryPackView.as_view(pdf=True),
            name="petitions_delivery_pack_to_pdf",
        ),
    ]


@hooks.register("register_permissions")
def petition_permissions():
    """Signatures, imports, erasures and deliveries in the group editor."""
    return Permission.objects.filter(
        content_type__app_label="petitions",
        codename__in=[
            "view_signature",
            "change_signature",
            "export_signature",
            "erase_signature",
            "import_signature",
            "add_delivery",
            "change_delivery",
            "delete_delivery",
            "view_delivery",
        ],
    )


@hooks.register("register_log_actions")
def retention_log_actions(actions):
    actions.register_action(
        ERASE_ACTION,
        _("Erase signers' personal data"),
        _("Signers' personal data erased: the retention period is over"),
    )


@hooks.register("construct_homepage_panels")
def petitions_panel(request, panels):
    panels.append(PetitionsPanel())


def petition_buttons(page, user, priority=70):
    if not isinstance(page.specific_deferred, PetitionPage):
        return
    petition = page.specific_deferred.petition
    if user.has_perm("petitions.view_signature"):
        yield Button(
            _("Signatures"),
            url=reverse("petitions_signature:list") + f"?petition={petition.pk}",
            icon_name="form",
            priority=priority,
        )
    if user.has_perm("petitions.export_signature"):
        yield Button(
            _("Delivery pack"),
            url=reverse("petitions_delivery_pack", args=[petition.pk]),
            icon_name="doc-full",
            priority=priority + 1,
        )
    if user.has_perm("petitions.import_signature"):
        yield Button(
            _("Import signatures"),
            url=reverse("petitions_signatureimport:add") + f"?petition={petition.pk}",
            icon_name="upload",
            priority=priority + 2,
        )


@hooks.register("register_page_listing_more_buttons")
def page_listing_buttons(page, user, next_url=None):
    yield from petition_buttons(page, user)


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    yield from petition_buttons(page, user)
