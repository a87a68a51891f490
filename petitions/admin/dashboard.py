"""The petitions panel of the admin dashboard: open petitions, and closed ones whose
signers' data are about to be erased (petitions.retention_tasks)."""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from ..models import Petition, PetitionStatus
from ..retention_tasks import due_soon


class PetitionsPanel(Component):
    """Each open petition's total, and the signatures of the last 24 hours."""

    name = "petitions"
    template_name = "petitions/admin/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        since = timezone.now() - timedelta(hours=24)
        petitions = list(
            Petition.objects.filter(status=PetitionStatus.OPEN).annotate(
                last_day=Count(
                    "signatures",
                    filter=Q(signatures__created_at__gte=since, signatures__invalidated_at=None),
                )
            )
        )
        rows = [
            {
                "petition": petition,
                "total": petition.counts().total,
                "last_day": petition.last_day,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[petition.page_id])
                if petition.page_id
                else "",
            }
            for petition in petitions
        ]
        request = parent_context["request"]
        can_export = request.user.has_perm("petitions.export_signature")
        return {
            "rows": rows,
            "can_view_signatures": request.user.has_perm("petitions.view_signature"),
            "erasing_soon": [
                {
                    "petition": petition,
                    "date": day,
                    "pack_url": reverse("petitions_delivery_pack", args=[petition.pk]),
                }
                for petition, day in due_soon()
            ]
            if can_export
            else [],
        }
