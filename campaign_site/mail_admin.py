"""Reports › Undelivered emails: what the worker could not send, and a button to send it again.

Each row shows only what its kind's permission allows (campaign_site.mail.register):
editors who may see signers see petition emails, those who decide on sponsorships
see theirs.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from . import mail
from .models import UndeliveredEmail


def kinds_for(user):
    return [kind.name for kind in mail.kinds() if user.has_perm(kind.permission)]


def may_see_undelivered_emails(user):
    return bool(kinds_for(user))


class ResendColumn(Column):
    cell_template_name = "campaign_site/admin/resend_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["csrf_token"] = get_token(parent_context["request"])
        return context


class UndeliveredEmailReportView(ReportView):
    page_title = _("Undelivered emails")
    header_icon = "mail"
    index_url_name = "campaign_undelivered_emails"
    index_results_url_name = "campaign_undelivered_emails_results"
    no_results_message = _("Every email has been sent.")
    columns = [
        Column("label", label=_("Email")),
        Column("recipient", label=_("To")),
        Column("attempts", label=_("Attempts")),
        Column("error", label=_("Last error")),
        DateColumn("last_failed_at", label=_("Last failed")),
        DateColumn("next_attempt_at", label=_("Next attempt")),
        ResendColumn("resend", label=""),
    ]
    list_export = ["label", "recipient", "attempts", "error", "first_failed_at", "last_failed_at"]

    def dispatch(self, request, *args, **kwargs):
        if not may_see_undelivered_emails(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return "undelivered-emails"

    def get_queryset(self):
        return UndeliveredEmail.objects.filter(kind__in=kinds_for(self.request.user)).order_by(
            "first_failed_at", "pk"
        )

    def decorate_paginated_queryset(self, object_list):
        for record in object_list:
            kind = mail.kind(record.kind)
            record.label = kind.label
            record.recipient = kind.recipient(record.object_id) or _("(erased)")
        return object_list


@require_POST
def resend(request, pk):
    record = get_object_or_404(UndeliveredEmail, pk=pk, kind__in=kinds_for(request.user))
    mail.resend(record)
    messages.success(request, _("The email will be sent again in a moment."))
    return redirect("campaign_undelivered_emails")
