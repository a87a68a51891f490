"""The signature listing, its exports, and one signature's page (invalidate or restore it)."""

import codecs
import csv

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from django_countries import countries
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign_site.admin_choosers import PermissionCheckedChooserViewSet
from campaign_site.spreadsheets import safe_cell

from .. import signing
from ..models import Petition, Signature, SignatureSource
from .permissions import SIGNATURE_POLICY


def country_choices():
    return list(countries)


class SignatureFilterSet(WagtailFilterSet):
    petition = django_filters.ModelChoiceFilter(
        queryset=Petition.objects.all(), label=gettext_lazy("Petition")
    )
    confirmed = django_filters.BooleanFilter(
        field_name="confirmed_at",
        lookup_expr="isnull",
        exclude=True,
        label=gettext_lazy("Confirmed"),
    )
    valid = django_filters.BooleanFilter(
        field_name="invalidated_at", lookup_expr="isnull", label=gettext_lazy("Valid")
    )
    source = django_filters.ChoiceFilter(
        choices=SignatureSource.choices, label=gettext_lazy("Source")
    )
    country = django_filters.ChoiceFilter(choices=country_choices, label=gettext_lazy("Country"))
    created_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Signed"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Signature
        fields = []


TEXT_EXPORTS = (
    "first_name",
    "last_name",
    "email",
    "postcode",
    "comment",
    "partner_ref",
    "contact_consent_text",
    "named_consent_text",
)


class SignatureIndexView(snippet_views.IndexView):
    custom_field_preprocess = {name: {"csv": safe_cell, "xlsx": safe_cell} for name in TEXT_EXPORTS}

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("petition")

    @cached_property
    def can_export(self):
        return SIGNATURE_POLICY.user_has_permission(self.request.user, "export")

    @cached_property
    def show_export_buttons(self):
        return self.can_export and super().show_export_buttons

    def get(self, request, *args, **kwargs):
        if self.is_export and not self.can_export:
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def get_filename(self):
        return f"signatures-{timezone.localdate():%Y-%m-%d}"

    def stream_csv(self, queryset):
        """Row by row from the database: an export of 100,000 signers stays small in memory.

        It starts with a UTF-8 byte order mark: without one, Excel on Windows reads the
        file as the local code page and garbles Armenian and accented names.
        """
        writer = csv.DictWriter(_Echo(), fieldnames=self.list_export)
        yield codecs.BOM_UTF8
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for item in queryset.iterator(chunk_size=2000):
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_xlsx(self, queryset, output):
        super().write_xlsx(_Iterating(queryset), output)

    def get_list_more_buttons(self, instance):
        buttons = []
        if SIGNATURE_POLICY.user_has_permission(self.request.user, "view"):
            buttons.append(
                Button(
                    _("Details, invalidate or restore"),
                    url=reverse("petitions_signature:edit", args=[instance.pk]),
                    icon_name="form",
                    priority=10,
                )
            )
        return buttons


class _Echo:
    def write(self, value):
        return value.encode("utf-8")


class _Iterating:
    """A queryset that iterates in chunks and still answers `.model` for headings."""

    def __init__(self, queryset):
        self.queryset = queryset
        self.model = queryset.model

    def __iter__(self):
        return self.queryset.iterator(chunk_size=2000)


class SignatureDetailView(WagtailAdminTemplateMixin, FormView):
    """One signature: its data, and invalidating or restoring it with a reason."""

    template_name = "petitions/admin/signature_detail.html"
    header_icon = "form"

    class Form(forms.Form):
        reason = forms.CharField(
            label=gettext_lazy("Reason"),
            max_length=255,
            required=False,
            help_text=gettext_lazy("Required to invalidate, e.g. “bot wave of 3 May”."),
        )

    def get_form_class(self):
        # The viewset hands its model form and template to every view; this one has its own.
        return self.Form

    def get_template_names(self):
        return ["petitions/admin/signature_detail.html"]

    def setup(self, request, *args, pk=None, **kwargs):
        super().setup(request, *args, **kwargs)
        self.signature = get_object_or_404(Signature.objects.select_related("petition"), pk=pk)

    def dispatch(self, request, *args, **kwargs):
        action = "change" if request.method == "POST" else "view"
        if not SIGNATURE_POLICY.user_has_permission(request.user, action):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.signature)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("petitions_signature:list"), "label": _("Signatures")},
            {"url": "", "label": str(self.signature)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "signature": self.signature,
                "can_change": SIGNATURE_POLICY.user_has_permission(self.request.user, "change"),
            }
        )
        return context

    def form_valid(self, form):
        if "restore" in self.request.POST:
            signing.restore([self.signature], user=self.request.user)
            messages.success(self.request, _("The signature counts again."))
        else:
            reason = form.cleaned_data["reason"].strip()
            if not reason:
                form.add_error("reason", _("Give the reason for invalidating this signature."))
                return self.form_invalid(form)
            signing.invalidate([self.signature], reason=reason, user=self.request.user)
            messages.success(self.request, _("The signature is invalidated: it no longer counts."))
        return redirect(reverse("petitions_signature:edit", args=[self.signature.pk]))


class SignatureViewSet(SnippetViewSet):
    model = Signature
    # Signatures link to nothing editors follow; indexing each one would cost two
    # queries per signature and a reference-index row per signer.
    add_to_reference_index = False
    icon = "form"
    menu_label = gettext_lazy("Signatures")
    url_prefix = "petitions/signatures"
    url_namespace = "petitions_signature"
    index_view_class = SignatureIndexView
    index_template_name = "petitions/admin/signature_index.html"
    edit_view_class = SignatureDetailView
    copy_view_enabled = False
    # Wagtail's chooser for every snippet listed signers by name to any admin user.
    chooser_viewset_class = PermissionCheckedChooserViewSet
    filterset_class = SignatureFilterSet
    search_fields = ["first_name", "last_name", "email_normalized"]
    ordering = ["-created_at"]
    list_per_page = 50
    list_display = [
        "__str__",
        "email",
        Column("country_name", label=gettext_lazy("Country")),
        "petition",
        "source",
        BooleanColumn("is_confirmed", label=gettext_lazy("Confirmed")),
        BooleanColumn("is_valid", label=gettext_lazy("Valid")),
        DateColumn("created_at", label=gettext_lazy("Signed"), sort_key="created_at"),
    ]
    list_export = [
        "petition",
        "first_name",
        "last_name",
        "email",
        "country",
        "postcode",
        "comment",
        "language",
        "source",
        "partner_ref",
        "contact_consent",
        "contact_consent_text",
        "named_consent",
        "named_consent_text",
        "created_at",
        "confirmed_at",
        "invalidated_at",
        "invalidated_reason",
    ]

    @property
    def permission_policy(self):
        return SIGNATURE_POLICY
