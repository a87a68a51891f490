"""Erasing a person's data on request, and the record that it happened (never whose)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign_site.admin_choosers import PermissionCheckedChooserViewSet

from .. import signing
from ..models import Erasure
from .permissions import ERASURE_POLICY


class ErasureForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Email address of the person"),
        help_text=gettext_lazy("Not stored: only the number of signatures erased is recorded."),
    )
    reference = forms.CharField(
        label=gettext_lazy("Request reference"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("Your ticket or letter reference. Not the person's name or email."),
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)


class EraseView(WagtailAdminTemplateMixin, FormView):
    """Erase one person's data from every petition, after showing what will be erased."""

    template_name = "petitions/admin/erase.html"
    header_icon = "bin"

    def get_form_class(self):
        return ErasureForm

    def get_template_names(self):
        return ["petitions/admin/erase.html"]

    def dispatch(self, request, *args, **kwargs):
        if not ERASURE_POLICY.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Erase a person's data")

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("petitions_erasure:list"), "label": _("Erasures")},
            {"url": "", "label": _("Erase a person's data")},
        ]

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if not form.cleaned_data["confirmed"]:
            found = signing.find_person(email)
            by_petition = (
                found.values("petition__title").annotate(n=Count("pk")).order_by("petition__title")
            )
            data = form.data.copy()
            data["confirmed"] = "True"
            return self.render_to_response(
                self.get_context_data(
                    form=ErasureForm(data),
                    preview=list(by_petition),
                    found=found.count(),
                )
            )
        erasure = signing.erase_person(
            email, user=self.request.user, reference=form.cleaned_data["reference"]
        )
        messages.success(
            self.request,
            ngettext(
                "%(count)d signature erased. The counts are unchanged.",
                "%(count)d signatures erased. The counts are unchanged.",
                erasure.signatures_erased,
            )
            % {"count": erasure.signatures_erased},
        )
        return redirect(reverse("petitions_erasure:list"))


class ErasureViewSet(SnippetViewSet):
    model = Erasure
    add_to_reference_index = False
    icon = "bin"
    menu_label = gettext_lazy("Erasures")
    url_prefix = "petitions/erasures"
    url_namespace = "petitions_erasure"
    add_view_class = EraseView
    copy_view_enabled = False
    # Wagtail's chooser for every snippet listed erasures (a request reference may name
    # the person) to any admin user.
    chooser_viewset_class = PermissionCheckedChooserViewSet
    list_display = [
        DateColumn("erased_at", label=gettext_lazy("Erased")),
        "erased_by",
        "reference",
        "petition",
        "signatures_erased",
    ]
    ordering = ["-erased_at"]

    @property
    def permission_policy(self):
        return ERASURE_POLICY
