"""Petitions in the Wagtail admin: a "Petitions" menu, bulk actions, dashboard, page buttons."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin import PetitionsGroup
from .admin.dashboard import PetitionsPanel
from .admin.invalidation import InvalidateBulkAction, RestoreBulkAction
from .admin.pack import DeliveryPackView
from .admin.permissions import ERASURE_POLICY, IMPORT_POLICY, SIGNATURE_POLICY
from .models import Erasure, PetitionPage, Signature, SignatureImport

register_permission_policy(Signature, SIGNATURE_POLICY)
register_permission_policy(SignatureImport, IMPORT_POLICY)
register_permission_policy(Erasure, ERASURE_POLICY)
register_snippet(PetitionsGroup)
hooks.register("register_bulk_action", InvalidateBulkAction)
hooks.register("register_bulk_action", RestoreBulkAction)


@hooks.register("register_admin_urls")
def delivery_pack_urls():
    return [
        path(
            "petitions/pack/<int:petition_id>/",
            DeliveryPackView.as_view(),
            name="petitions_delivery_pack",
        )
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
