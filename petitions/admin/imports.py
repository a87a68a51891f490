"""Importing signatures from another platform's CSV, and the log of imports.

An upload is first previewed: the columns read and ignored, and the first rows as
they will be stored, in the date format the editor chose. The file waits in a
private folder (never served) until the editor imports it, or for at most a day
(`petitions.imports.forget_stale_imports`, swept by every upload and by the daily
retention run).
"""

import re
import secrets

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, npgettext
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign_site.admin_choosers import PermissionCheckedChooserViewSet

from .. import signing
from ..imports import (
    PREVIEW_ROWS,
    DateOrder,
    ImportFileError,
    forget_stale_imports,
    is_stale,
    pending_folder,
    read_file,
)
from ..models import Petition, PetitionStatus, SignatureImport
from .permissions import IMPORT_POLICY

MAX_IMPORT_BYTES = 50 * 1024 * 1024
_PENDING_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def _pending_path(user, token):
    # The uploader's id in the name: nobody else can import (or read) their file.
    return pending_folder() / f"{user.pk}-{token}.csv"


def keep_pending(user, upload):
    """Store an upload until it is imported; its token."""
    pending_folder().mkdir(parents=True, exist_ok=True)
    forget_stale_imports()
    token = secrets.token_urlsafe(24)
    with _pending_path(user, token).open("wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    return token


def read_pending(user, token):
    """The bytes of a stored upload, or None when the token is not one of this user's."""
    if not _PENDING_TOKEN.match(token or ""):
        return None
    path = _pending_path(user, token)
    if not path.is_file() or is_stale(path):
        return None
    return path.read_bytes()


def drop_pending(user, token):
    if _PENDING_TOKEN.match(token or ""):
        _pending_path(user, token).unlink(missing_ok=True)


def source_petitions():
    return Petition.objects.filter(status=PetitionStatus.OPEN).order_by("title")


class ImportForm(forms.Form):
    petition = forms.ModelChoiceField(
        queryset=Petition.objects.none(), label=gettext_lazy("Petition")
    )
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        required=False,
        help_text=gettext_lazy(
            "One row per signer with a header row. Recognised columns: first name, last name "
            "(or name), email, country (name or ISO code), postcode, comment, signed at, "
            "consent. Rows whose email already signed are merged, not counted again. "
            "You see the first rows before anything is imported."
        ),
    )
    date_order = forms.ChoiceField(
        label=gettext_lazy("Dates in the file"),
        choices=DateOrder.choices,
        initial=DateOrder.ISO,
        required=False,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("Dates that start with the year read the same in every format."),
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
    # The previewed upload waiting to be imported, and its name.
    pending = forms.CharField(required=False, widget=forms.HiddenInput)
    file_name = forms.CharField(required=False, max_length=255, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petition"].queryset = source_petitions()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("The file is larger than 50 MB; split it."))
        return upload

    def clean_date_order(self):
        return self.cleaned_data["date_order"] or DateOrder.ISO

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("file") and not cleaned.get("pending") and "file" not in self.errors:
            self.add_error("file", _("Choose a CSV file."))
        return cleaned


class ImportCreateView(WagtailAdminTemplateMixin, FormView):
    """Upload, preview the first rows, then import: nothing is stored before the last step."""

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
        user = self.request.user
        upload = form.cleaned_data["file"]
        if upload:
            token, file_name = keep_pending(user, upload), upload.name
        else:
            token, file_name = form.cleaned_data["pending"], form.cleaned_data["file_name"]
        raw = read_pending(user, token)
        if raw is None:
            form.add_error("file", _("The uploaded file is no longer here; choose it again."))
            return self.form_invalid(form)
        try:
            parsed = read_file(
                raw,
                consent_note=form.cleaned_data["consent_note"],
                date_order=form.cleaned_data["date_order"],
            )
            if upload or "import" not in self.request.POST:
                return self.preview(form, parsed, token, file_name)
            rows = list(parsed.rows)
        except ImportFileError as error:
            drop_pending(user, token)
            form.add_error("file", str(error))
            return self.form_invalid(form)
        batch = signing.import_signatures(
            form.cleaned_data["petition"],
            rows,
            user=user,
            file_name=file_name,
            treat_as_confirmed=form.cleaned_data["treat_as_confirmed"],
            log={
                "columns_mapped": parsed.mapped,
                "columns_ignored": parsed.ignored,
                "date_order": form.cleaned_data["date_order"],
            },
        )
        drop_pending(user, token)
        messages.success(
            self.request,
            _("%(added)s, %(merged)s, %(rejected)s.")
            % {
                "added": npgettext(
                    "imported signatures", "%(count)s added", "%(count)s added", batch.rows_added
                )
                % {"count": batch.rows_added},
                "merged": npgettext(
                    "imported signatures", "%(count)s merged", "%(count)s merged", batch.rows_merged
                )
                % {"count": batch.rows_merged},
                "rejected": npgettext(
                    "imported signatures",
                    "%(count)s rejected",
                    "%(count)s rejected",
                    batch.rows_rejected,
                )
                % {"count": batch.rows_rejected},
            },
        )
        return redirect(reverse("petitions_signatureimport:inspect", args=[batch.pk]))

    def preview(self, form, parsed, token, file_name):
        """The first rows as they would be stored, and the same form to import them."""
        petition = form.cleaned_data["petition"]
        rows = []
        for row in parsed.rows:
            problem = row.error
            if not problem:
                _cleaned, errors = signing.validate(
                    petition, row.data, source=signing.SignatureSource.IMPORT
                )
                problem = " ".join(message for messages in errors.values() for message in messages)
            rows.append({"row": row, "problem": problem})
            if len(rows) == PREVIEW_ROWS:
                break
        data = {
            **{name: value for name, value in form.cleaned_data.items() if name != "file"},
            "petition": petition.pk,
            "pending": token,
            "file_name": file_name,
        }
        if not data["treat_as_confirmed"]:
            del data["treat_as_confirmed"]
        confirm_form = ImportForm(data=data)
        confirm_form.is_valid()
        return self.render_to_response(
            self.get_context_data(
                form=confirm_form,
                previewing=True,
                preview_rows=rows,
                file_name=file_name,
                columns_mapped=parsed.mapped_display(),
                columns_ignored=parsed.ignored,
            )
        )


class SignatureImportViewSet(SnippetViewSet):
    model = SignatureImport
    add_to_reference_index = False
    icon = "upload"
    menu_label = gettext_lazy("Imports")
    url_prefix = "petitions/imports"
    url_namespace = "petitions_signatureimport"
    add_view_class = ImportCreateView
    copy_view_enabled = False
    # Wagtail's chooser for every snippet listed imports (a file name may name a person)
    # to any admin user.
    chooser_viewset_class = PermissionCheckedChooserViewSet
    inspect_view_enabled = True
    inspect_view_fields = [
        "petition",
        "file_name",
        "imported_by",
        "created_at",
        "treat_as_confirmed",
        "date_order_display",
        "columns_mapped_display",
        "columns_ignored_display",
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
