"""Importing signatures from another platform's CSV, and the log of imports."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.views.snippets import SnippetViewSet

from .. import signing
from ..imports import ImportFileError, read_rows
from ..models import Petition, PetitionStatus, SignatureImport
from .permissions import IMPORT_POLICY

MAX_IMPORT_BYTES = 50 * 1024 * 1024


def source_petitions():
    return Petition.objects.filter(status=PetitionStatus.OPEN).order_by("title")


class ImportForm(forms.Form):
    petition = forms.ModelChoiceField(
        queryset=Petition.objects.none(), label=gettext_lazy("Petition")
    )
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "One row per signer with a header row. Recognised columns: first name, last name "
            "(or name), email, country (name or ISO code), postcode, comment, signed at, "
            "consent. Rows whose email already signed are merged, not counted again."
        ),
    )
    treat_as_confirmed = forms.BooleanField(
        label=gettext_lazy("The other platform confirmed these email addresses"),
        required=False,
        initial=True,
        help_text=gettext_lazy(
            "Ticked: they count at once. Imported signers are never emailed by this site."
        ),
    )
    consent_note = forms.CharField(
        label=gettext_lazy("Consent wording on the other platform"),
        max_length=500,
        help_text=gettext_lazy("Stored with each signature as the wording its signer agreed to."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petition"].queryset = source_petitions()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("The file is larger than 50 MB; split it."))
        return upload


class ImportCreateView(WagtailAdminTemplateMixin, FormView):
    template_name = "petitions/admin/import_form.html"
    header_icon = "upload"

    def get_form_class(self):
        return ImportForm

    def get_template_names(self):
        return ["petitions/admin/import_form.html"]

    def dispatch(self, request, *args, **kwargs):
        if not IMPORT_POLICY.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Import signatures")

    def get_initial(self):
        return {"petition": self.request.GET.get("petition")}

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("petitions_signatureimport:list"), "label": _("Imports")},
            {"url": "", "label": _("Import signatures")},
        ]

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            rows = list(read_rows(upload.read(), consent_note=form.cleaned_data["consent_note"]))
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        batch = signing.import_signatures(
            form.cleaned_data["petition"],
            rows,
            user=self.request.user,
            file_name=upload.name,
            treat_as_confirmed=form.cleaned_data["treat_as_confirmed"],
        )
        messages.success(
            self.request,
            _("%(added)s added, %(merged)s merged, %(rejected)s rejected.")
            % {
                "added": batch.rows_added,
                "merged": batch.rows_merged,
                "rejected": batch.rows_rejected,
            },
        )
        return redirect(reverse("petitions_signatureimport:inspect", args=[batch.pk]))


class SignatureImportViewSet(SnippetViewSet):
    model = SignatureImport
    add_to_reference_index = False
    icon = "upload"
    menu_label = gettext_lazy("Imports")
    url_prefix = "petitions/imports"
    url_namespace = "petitions_signatureimport"
    add_view_class = ImportCreateView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "petition",
        "file_name",
        "imported_by",
        "created_at",
        "treat_as_confirmed",
        "rows_total",
        "rows_added",
        "rows_merged",
        "rows_rejected",
        "rejections_display",
    ]
    list_display = [
        "file_name",
        "petition",
        "imported_by",
        DateColumn("created_at", label=gettext_lazy("Imported")),
        "rows_total",
        "rows_added",
        "rows_merged",
        "rows_rejected",
    ]
    list_filter = ["petition"]
    ordering = ["-created_at"]

    @property
    def permission_policy(self):
        return IMPORT_POLICY
