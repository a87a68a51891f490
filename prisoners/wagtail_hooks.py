"""Admin registrations: sponsorship review, proof downloads, the "needs a sponsor" report."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from . import admin_views
from .models import PrisonerPage, Sponsorship
from .visibility import visible_fields


@hooks.register("register_admin_viewset")
def register_sponsorship_viewset():
    return admin_views.sponsorship_viewset


@hooks.register("register_admin_urls")
def register_prisoner_admin_urls():
    return [
        path(
            "prisoners/sponsorships/<int:pk>/proof/",
            admin_views.proof_download,
            name="prisoners_sponsorship_proof",
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


class NeedsSponsorMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
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


def warn_about_a_restricted_photo(request, page):
    """A photo never appears on a profile that is not full, but its file keeps a public address.

    Hiding a profile must never be blocked, so this is a warning, not an error.
    """
    page = page.specific
    # The level just saved on this page, not the effective one: the editor acts on this page.
    if (
        isinstance(page, PrisonerPage)
        and page.photo_id
        and "photo" not in visible_fields(page.visibility)
    ):
        messages.warning(
            request,
            _(
                "This profile is not a full profile, so its photo is not shown anywhere. The "
                "image file still has a public address in the image library: if the family "
                "asked for it, delete the image under Images."
            ),
        )


hooks.register("after_create_page", warn_about_a_restricted_photo)
hooks.register("after_edit_page", warn_about_a_restricted_photo)
