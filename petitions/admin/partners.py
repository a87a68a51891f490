"""Partners in the admin, with the signatures that came through each one's widget.

The listing counts as the public counter does: valid signatures (not invalidated),
confirmed ones apart from those still waiting for their signer's confirmation.

Editors also give a partner a secret key here, for its servers to sign through the
API (petitions.origins): it is shown once, on the page that creates it, and only its
hash is stored; creating another one retires the old.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign_site.admin_choosers import PermissionCheckedChooserViewSet

from ..models import Partner, Signature
from ..models.signatures import CONFIRMED, VALID


def _count_per_partner(condition):
    rows = (
        Signature.objects.filter(partner_ref=OuterRef("key"))
        .filter(VALID & condition)
        .order_by()
        .values("partner_ref")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(rows), 0)


def with_signature_counts(queryset):
    return queryset.annotate(
        confirmed_count=_count_per_partner(CONFIRMED),
        unconfirmed_count=_count_per_partner(~CONFIRMED),
    )


class PartnerSecretView(WagtailAdminTemplateMixin, TemplateView):
    """GET asks; POST creates a new secret key and shows it, this once."""

    template_name = "petitions/admin/partner_secret.html"
    header_icon = "key"
    permission_policy = None

    def dispatch(self, request, *args, pk, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        self.partner = get_object_or_404(Partner, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        # Never cached, never in a URL: the response body is the only place it appears.
        response = self.render_to_response(self.get_context_data(secret=self.partner.new_secret()))
        response["Cache-Control"] = "no-store"
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(partner=self.partner, **kwargs)

    def get_page_title(self):
        return _("Secret key of %(partner)s") % {"partner": self.partner}

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("petitions_partner:list"), "label": _("Partners")},
            {
                "url": reverse("petitions_partner:edit", args=[self.partner.pk]),
                "label": str(self.partner),
            },
            {"url": "", "label": _("Secret key")},
        ]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "site"
    menu_label = _("Partners")
    # Wagtail's chooser for every snippet listed partners to any admin user.
    chooser_viewset_class = PermissionCheckedChooserViewSet
    url_prefix = "petitions/partners"
    url_namespace = "petitions_partner"
    search_fields = ["name"]
    list_display = [
        "name",
        "website",
        Column("key", label=_("Attribution key")),
        Column(
            "confirmed_count",
            label=_("Confirmed signatures through its widget"),
            sort_key="confirmed_count",
        ),
        Column(
            "unconfirmed_count",
            label=_("Awaiting confirmation"),
            sort_key="unconfirmed_count",
        ),
        BooleanColumn("restrict_signing", label=_("Restricted to its origins")),
        BooleanColumn("active", label=_("Active")),
    ]
    list_export = ["name", "website", "key", "confirmed_count", "unconfirmed_count", "active"]

    def get_queryset(self, request):
        return with_signature_counts(Partner.objects.all())

    def get_urlpatterns(self):
        secret_view = PartnerSecretView.as_view(permission_policy=self.permission_policy)
        return [
            *super().get_urlpatterns(),
            path("secret/<int:pk>/", secret_view, name="secret"),
        ]
