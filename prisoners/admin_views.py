"""Admin views: reviewing sponsorships, their private proof, and who needs a sponsor."""

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from .facts import SPONSORABLE_STATUSES, Category, Status
from .models import PrisonerIndexPage, PrisonerPage, Sponsorship
from .notifications import notify_applicant
from .visibility import publicly_visible


class SponsorshipAdminForm(WagtailAdminModelForm):
    """The editor's form: who is sponsored is chosen as a page, stored as a translation key."""

    prisoner = forms.ModelChoiceField(
        label=_("Sponsoring"),
        queryset=PrisonerPage.objects.none(),
        required=False,
        empty_label=_("The whole group"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prisoner"].queryset = PrisonerPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).order_by("title")
        if self.instance.prisoner_key:
            self.initial["prisoner"] = self.instance.prisoner_page(locale=settings.LANGUAGE_CODE)

    def clean(self):
        # A rejection without a reason is refused by Sponsorship.clean().
        cleaned = super().clean()
        prisoner = cleaned.get("prisoner")
        if prisoner is not None:
            self.instance.prisoner_key = prisoner.translation_key
            self.instance.campaign_key = prisoner.get_parent().translation_key
        else:
            self.instance.prisoner_key = None
            if not self.instance.campaign_key:
                index = (
                    PrisonerIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
                    .order_by("path")
                    .first()
                )
                if index is None:
                    raise forms.ValidationError(_("Create the prisoner index page first."))
                self.instance.campaign_key = index.translation_key
        return cleaned


class DecisionMixin:
    """Record who decided, and email the applicant once the decision is saved."""

    def save_instance(self):
        previous = self.form.initial.get("status", Sponsorship.Status.PENDING)
        instance = self.form.instance
        decided = instance.status != previous and instance.status != Sponsorship.Status.PENDING
        if decided:
            instance.record_decision(self.request.user)
        instance = super().save_instance()
        if decided:
            transaction.on_commit(lambda: notify_applicant(instance))
        return instance

    def get_success_message(self, *args):
        message = super().get_success_message(*args)
        if self.form.instance.status != self.form.initial.get("status", Sponsorship.Status.PENDING):
            return _("%(message)s The applicant has been emailed.") % {"message": message}
        return message


class SponsorshipEditView(DecisionMixin, EditView):
    pass


class SponsorshipCreateView(DecisionMixin, CreateView):
    pass


class SponsorshipFilterSet(WagtailFilterSet):
    class Meta:
        model = Sponsorship
        fields = ["status", "sponsor_type", "is_sample"]


class SponsorshipViewSet(ModelViewSet):
    model = Sponsorship
    icon = "group"
    menu_label = _("Sponsorships")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_view_class = SponsorshipEditView
    add_view_class = SponsorshipCreateView
    list_display = [
        "name",
        "sponsor_type",
        "target_display",
        "country",
        "status",
        DateColumn("submitted_at", label=_("Submitted")),
    ]
    filterset_class = SponsorshipFilterSet
    search_fields = ["name", "city", "contact_person", "email", "statement"]
    search_backend_name = None
    list_export = [
        "name",
        "sponsor_type",
        "target_display",
        "country",
        "city",
        "contact_person",
        "email",
        "website",
        "status",
        "submitted_at",
        "decided_at",
    ]
    export_filename = "sponsorships"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("rejection_reason"),
                    HelpPanel(
                        _(
                            "Approving or rejecting emails the applicant in the language "
                            "they applied in. Approved sponsors who agreed to be listed "
                            "appear on the profile, or on the group's wall."
                        )
                    ),
                ],
                heading=_("Decision"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("prisoner"),
                    FieldPanel("sponsor_type"),
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
                    FieldPanel("website"),
                    FieldPanel("statement"),
                    FieldPanel("consent_to_list"),
                ],
                heading=_("Public"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("contact_person"),
                    FieldPanel("email"),
                    FieldPanel("language"),
                    HelpPanel(
                        template="prisoners/admin/proof_panel.html",
                        heading=_("Proof document"),
                    ),
                ],
                heading=_("Private"),
            ),
            FieldPanel("is_sample"),
        ],
        base_form_class=SponsorshipAdminForm,
    )


sponsorship_viewset = SponsorshipViewSet("sponsorships")


def proof_download(request, pk):
    """The proof document, to editors who may review sponsorships; never from MEDIA_URL."""
    policy = policy_registry.get_by_type(Sponsorship)
    if not policy.user_has_any_permission(request.user, ["change", "view"]):
        raise PermissionDenied
    sponsorship = get_object_or_404(Sponsorship, pk=pk)
    if not sponsorship.proof:
        raise Http404
    response = FileResponse(
        sponsorship.proof.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"sponsorship-{sponsorship.pk}-proof.pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


class NeedsSponsorFilterSet(WagtailFilterSet):
    category = django_filters.ChoiceFilter(label=_("Category"), choices=Category.choices)
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            (status.value, status.label) for status in Status if status in SPONSORABLE_STATUSES
        ],
    )

    class Meta:
        model = PrisonerPage
        fields = ["category", "status"]


class NeedsSponsorReportView(ReportView):
    """Profiles of people still held or missing that no approved sponsor supports yet."""

    page_title = _("Prisoners without a sponsor")
    header_icon = "warning"
    index_url_name = "prisoners_needs_sponsor"
    index_results_url_name = "prisoners_needs_sponsor_results"
    filterset_class = NeedsSponsorFilterSet
    any_permission_required = ["add", "change", "publish"]
    no_results_message = _("Every prisoner has a sponsor.")
    list_export = ["title", "category", "status", "days", "effective_visibility_label", "url"]
    export_headings = {
        "days": _("Days in captivity"),
        "effective_visibility_label": _("Visibility"),
    }
    columns = [
        TitleColumn(
            "title",
            label=_("Name"),
            url_name="wagtailadmin_pages:edit",
        ),
        Column("get_category_display", label=_("Category")),
        Column("get_status_display", label=_("Status")),
        NumberColumn("days", label=_("Days in captivity")),
        Column("effective_visibility_label", label=_("Visibility")),
    ]

    @property
    def permission_policy(self):
        return PagePermissionPolicy()

    def get_filename(self):
        return "prisoners-without-a-sponsor"

    def get_queryset(self):
        pages = (
            PrisonerPage.objects.live()
            .filter(
                locale__language_code=settings.LANGUAGE_CODE,
                status__in=SPONSORABLE_STATUSES,
            )
            .needing_a_sponsor()
        )
        # People counted but not shown cannot be sponsored in public.
        return publicly_visible(pages).defer_streamfields().order_by("captured_on", "title")

    def decorate_paginated_queryset(self, object_list):
        for page in object_list:
            page.days = page.days_in_captivity()
        return object_list
