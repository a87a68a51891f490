"""Partners in the admin, with how many valid signatures came through each one's widget."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import Partner, Signature


def with_signature_counts(queryset):
    valid = (
        Signature.objects.filter(partner_ref=OuterRef("key"))
        .filter(Q(invalidated_at__isnull=True))
        .order_by()
        .values("partner_ref")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return queryset.annotate(signature_count=Coalesce(Subquery(valid), 0))


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "site"
    menu_label = _("Partners")
    url_prefix = "petitions/partners"
    url_namespace = "petitions_partner"
    search_fields = ["name"]
    list_display = [
        "name",
        "website",
        Column("key", label=_("Attribution key")),
        Column(
            "signature_count", label=_("Signatures through its widget"), sort_key="signature_count"
        ),
        BooleanColumn("restrict_signing", label=_("Restricted to its origins")),
        BooleanColumn("active", label=_("Active")),
    ]
    list_export = ["name", "website", "key", "signature_count", "active"]

    def get_queryset(self, request):
        return with_signature_counts(Partner.objects.all())
