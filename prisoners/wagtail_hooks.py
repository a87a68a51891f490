"""Admin registrations: sponsorship review, proof downloads, the "needs a sponsor" report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import admin_views


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
