"""Editors' tools: signatures, invalidation, erasure, imports, deliveries, the delivery pack.

Built on Wagtail's snippet viewsets, so listings, filters, search, exports and
bulk actions are Wagtail's own. Signatures are never added, edited or deleted
through generic forms: every change goes through `petitions.signing`, which
keeps the counts exact. Permissions (Settings › Groups):

- view_signature: the signature listing (names and emails are personal data);
- change_signature: invalidate and restore;
- export_signature: CSV/XLSX exports and the delivery pack (names of consenting signers);
- erase_signature: erase a person's data on request;
- import_signature: import a CSV from another platform, and see the import log;
- add/change/delete/view_delivery: the delivery log.
"""

import csv
from datetime import timedelta

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from django_countries import countries
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import signing
from .imports import ImportFileError, read_rows
from .models import (
    Delivery,
    Erasure,
    Petition,
    PetitionDecisionMaker,
    PetitionPage,
    PetitionStatus,
    Signature,
    SignatureImport,
    Source,
)
from .page_context import country_rows
from .partners_admin import PartnerViewSet

MAX_IMPORT_BYTES = 50 * 1024 * 1024


# --- permissions ---------------------------------------------------------------------


class MappedPermissionPolicy(ModelPermissionPolicy):
    """Each admin action needs the named permission; None means nobody, not even superusers."""

    def __init__(self, model, actions):
        super().__init__(model)
        self.actions = actions

    def _permission(self, action):
        return self.actions.get(action, self._get_permission_name(action))

    def user_has_permission(self, user, action):
        permission = self._permission(action)
        return permission is not None and user.has_perm(permission)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        names = [self._permission(action) for action in actions]
        names = [name for name in names if name]
        if not names:
            return get_user_model().objects.none()
        codenames = [name.split(".", 1)[1] for name in names]
        return self._get_users_with_any_permission_codenames(codenames)


SIGNATURE_POLICY = MappedPermissionPolicy(
    Signature,
    {
        "add": None,  # only the signing service adds signatures
        "delete": None,  # never deleted: invalidated, or erased on request
        "copy": None,
        "view": "petitions.view_signature",
        "change": "petitions.change_signature",
        "export": "petitions.export_signature",
    },
)
IMPORT_POLICY = MappedPermissionPolicy(
    SignatureImport,
    {
        "add": "petitions.import_signature",
        "view": "petitions.import_signature",
        "change": None,
        "delete": None,
        "copy": None,
    },
)
ERASURE_POLICY = MappedPermissionPolicy(
    Erasure,
    {
        "add": "petitions.erase_signature",
        "view": "petitions.erase_signature",
        "change": None,
        "delete": None,
        "copy": None,
    },
)


def require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


# --- the signature listing -------------------------------------------------------------


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
    source = django_filters.ChoiceFilter(choices=Source.choices, label=gettext_lazy("Source"))
    country = django_filters.ChoiceFilter(choices=country_choices, label=gettext_lazy("Country"))
    created_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Signed"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Signature
        fields = []


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Spreadsheets run cells that start like formulas; signers type what they like."""
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


TEXT_EXPORTS = ("first_name", "last_name", "email", "postcode", "comment", "partner_ref")


class SignatureIndexView(snippet_views.IndexView):
    custom_field_preprocess = {
        name: {"csv": neutralise_formula, "xlsx": neutralise_formula} for name in TEXT_EXPORTS
    }

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
        """Row by row from the database: an export of 100,000 signers stays small in memory."""
        writer = csv.DictWriter(_Echo(), fieldnames=self.list_export)
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


class InvalidateForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=255,
        help_text=gettext_lazy("Kept with each signature, e.g. “bot wave of 3 May”."),
    )


class InvalidateBulkAction(SnippetBulkAction):
    display_name = gettext_lazy("Invalidate")
    action_type = "invalidate"
    aria_label = gettext_lazy("Invalidate the selected signatures")
    template_name = "petitions/admin/bulk_invalidate.html"
    action_priority = 10
    models = [Signature]
    form_class = InvalidateForm

    def check_perm(self, obj):
        return SIGNATURE_POLICY.user_has_permission(self.request.user, "change")

    def get_execution_context(self):
        return {
            "user": self.request.user,
            "reason": self.cleaned_form.cleaned_data["reason"],
        }

    @classmethod
    def execute_action(cls, objects, user=None, reason="", **kwargs):
        return signing.invalidate(objects, reason=reason, user=user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d signature invalidated.",
            "%(count)d signatures invalidated.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class RestoreBulkAction(SnippetBulkAction):
    display_name = gettext_lazy("Restore")
    action_type = "restore"
    aria_label = gettext_lazy("Count the selected signatures again")
    template_name = "petitions/admin/bulk_restore.html"
    action_priority = 20
    models = [Signature]

    def check_perm(self, obj):
        return SIGNATURE_POLICY.user_has_permission(self.request.user, "change")

    def get_execution_context(self):
        return {"user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return signing.restore(objects, user=user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d signature counts again.",
            "%(count)d signatures count again.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


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
        "created_at",
        "confirmed_at",
        "invalidated_at",
        "invalidated_reason",
    ]

    @property
    def permission_policy(self):
        return SIGNATURE_POLICY


# --- imports ---------------------------------------------------------------------------


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


# --- erasure ---------------------------------------------------------------------------


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
    list_display = [
        DateColumn("erased_at", label=gettext_lazy("Erased")),
        "erased_by",
        "reference",
        "signatures_erased",
    ]
    ordering = ["-erased_at"]

    @property
    def permission_policy(self):
        return ERASURE_POLICY


# --- deliveries ------------------------------------------------------------------------


def decision_maker_choices():
    """Decision makers of each petition's source page, grouped by petition."""
    petitions = {petition.page_id: petition for petition in Petition.objects.exclude(page=None)}
    people = PetitionDecisionMaker.objects.filter(page_id__in=petitions).order_by(
        "page_id", "sort_order"
    )
    groups = {}
    for person in people:
        petition = petitions[person.page_id]
        groups.setdefault(petition, []).append(
            (f"{petition.pk}:{person.translation_key}", str(person))
        )
    return [("", "---------")] + [(petition.title, choices) for petition, choices in groups.items()]


class DeliveryForm(WagtailAdminModelForm):
    decision_maker = forms.ChoiceField(label=gettext_lazy("Decision maker"), choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision_maker"].choices = decision_maker_choices()
        if self.instance.pk:
            self.initial["decision_maker"] = (
                f"{self.instance.petition_id}:{self.instance.decision_maker_key}"
            )

    def clean_decision_maker(self):
        value = self.cleaned_data["decision_maker"]
        petition_id, _colon, key = value.partition(":")
        person = (
            PetitionDecisionMaker.objects.filter(translation_key=key)
            .filter(page_id__in=Petition.objects.filter(pk=petition_id).values("page_id"))
            .first()
        )
        if person is None:
            raise ValidationError(_("Choose a decision maker of the petition."))
        return person, Petition.objects.get(pk=petition_id)

    def save(self, commit=True):
        person, petition = self.cleaned_data["decision_maker"]
        self.instance.petition = petition
        self.instance.decision_maker_key = person.translation_key
        self.instance.decision_maker_name = person.name
        return super().save(commit=commit)

    class Meta:
        model = Delivery
        fields = [
            "decision_maker",
            "delivered_on",
            "channel",
            "note",
            "response_status",
            "response_date",
            "response_text",
        ]


class DeliveryViewSet(SnippetViewSet):
    model = Delivery
    icon = "mail"
    menu_label = gettext_lazy("Deliveries")
    url_prefix = "petitions/deliveries"
    url_namespace = "petitions_delivery"
    copy_view_enabled = False
    list_display = [
        "decision_maker_name",
        "petition",
        DateColumn("delivered_on", label=gettext_lazy("Delivered on")),
        "channel",
        "response_status",
    ]
    list_filter = ["petition", "response_status", "channel"]
    ordering = ["-delivered_on"]
    panels = [
        FieldPanel("decision_maker"),
        FieldRowPanel([FieldPanel("delivered_on"), FieldPanel("channel")]),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("response_status"), FieldPanel("response_date")]),
        FieldPanel("response_text"),
    ]

    @cached_property
    def edit_handler(self):
        return ObjectList(self.panels, base_form_class=DeliveryForm)


class PetitionsGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Petitions")
    menu_icon = "form"
    menu_order = 250
    items = (
        SignatureViewSet,
        DeliveryViewSet,
        SignatureImportViewSet,
        ErasureViewSet,
        PartnerViewSet,
    )


# --- the delivery pack -----------------------------------------------------------------


class DeliveryPackView(TemplateView):
    """A printable page for the decision makers: the text, the count, who signed by name."""

    template_name = "petitions/admin/delivery_pack.html"

    def dispatch(self, request, *args, petition_id=None, **kwargs):
        require(request, "petitions.export_signature")
        self.petition = get_object_or_404(Petition, pk=petition_id)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        petition = self.petition
        language = self.request.GET.get("lang", "")
        page = petition.page_in(language) if language else None
        if page is None and petition.page_id:
            page = PetitionPage.objects.filter(pk=petition.page_id).first()
        page = page.specific if page else None
        language = page.locale.language_code if page else translation.get_language()
        with translation.override(language):
            counts = petition.counts()
            countries_listed, countries_other = country_rows(counts, limit=250)
        named = (
            petition.counted(
                petition.signatures.filter(named_consent=True, invalidated_at=None, erased_at=None)
            )
            .order_by("last_name", "first_name")
            .values_list("first_name", "last_name", "country")
        )
        return {
            **super().get_context_data(**kwargs),
            "petition": petition,
            "page": page,
            "pack_language": language,
            "counts": counts,
            "country_counts": countries_listed,
            "country_counts_other": countries_other,
            "named_signers": [
                (first, last, countries.name(code) if code else "")
                for first, last, code in named.iterator(chunk_size=2000)
            ],
            "decision_makers": page.decision_makers.all() if page else [],
            "generated_at": timezone.now(),
        }

    def render_to_response(self, context, **kwargs):
        with translation.override(context["pack_language"]):
            response = TemplateResponse(self.request, self.template_names(), context)
            response.render()
        response["X-Robots-Tag"] = "noindex"
        return response

    def template_names(self):
        return [self.template_name]


# --- the dashboard ----------------------------------------------------------------------


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
        return {
            "rows": rows,
            "can_view_signatures": request.user.has_perm("petitions.view_signature"),
        }
