"""Admin views: reviewing sponsorships, their private proof, and who needs a sponsor."""

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import CharField, F
from django.db.models.functions import Cast
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.page_types_usage import (
    PageTypesUsageReportView as WagtailPageTypesUsageReportView,
)
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail_localize.tasks import background
from wagtail_localize.views import submit_translations
from wagtail_localize.views.report import (
    TranslationsReportView as WagtailTranslationsReportView,
)

from campaign_site.pages import PERSON_FILE_SECTIONS_HOOK, related_sections

from . import audit, certificates, permissions
from .facts import SPONSORABLE_STATUSES, Category, Status
from .models import PrisonerIndexPage, PrisonerPage, Sponsorship
from .notifications import notify_applicant
from .visibility import Visibility, is_publicly_visible, public_profile, publicly_visible


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
        self.fields["prisoner"].queryset = permissions.hide_sensitive_pages(
            PrisonerPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE),
            self.for_user,
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
            notify_applicant(instance)  # queued once the decision is committed
        return instance

    def get_success_message(self, *args):
        message = super().get_success_message(*args)
        if self.form.instance.status != self.form.initial.get("status", Sponsorship.Status.PENDING):
            return _("%(message)s The applicant has been emailed.") % {"message": message}
        return message


def log_sponsorship_export(user, sponsorships, kind="export"):
    """Write an export (or download) entry on each sensitive person among `sponsorships`."""
    keys = {sponsorship.prisoner_key for sponsorship in sponsorships if sponsorship.prisoner_key}
    people = PrisonerPage.objects.filter(
        translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE
    )
    for page in permissions.sensitive_profiles().filter(pk__in=people.values("pk")):
        audit.log_sensitive_access(user, page, kind)


class SponsorshipIndexView(IndexView):
    """Sponsorships of people the user may not see are not listed (nor exported; an
    export is logged by `audit.audit_admin_exports`, as every admin export)."""

    def get_base_queryset(self):
        return permissions.hide_sensitive_sponsorships(
            super().get_base_queryset(), self.request.user
        )


class SponsorshipEditView(DecisionMixin, EditView):
    def get_object(self, queryset=None):
        sponsorship = super().get_object(queryset)
        visible = permissions.hide_sensitive_sponsorships(
            Sponsorship.objects.filter(pk=sponsorship.pk), self.request.user
        )
        if not visible.exists():
            raise Http404
        return sponsorship


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
    index_view_class = SponsorshipIndexView
    edit_view_class = SponsorshipEditView
    add_view_class = SponsorshipCreateView
    # A sensitive person's sponsorships are as hidden as the person.
    delete_view_class = type(
        "SponsorshipDeleteView", (permissions.HidingSensitiveObjects, DeleteView), {}
    )
    history_view_class = type(
        "SponsorshipHistoryView", (permissions.HidingSensitiveObjects, HistoryView), {}
    )
    usage_view_class = type(
        "SponsorshipUsageView", (permissions.HidingSensitiveObjects, UsageView), {}
    )
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
                    HelpPanel(template="prisoners/admin/certificate_panel.html"),
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
    sponsorship = get_object_or_404(
        permissions.hide_sensitive_sponsorships(Sponsorship.objects.all(), request.user), pk=pk
    )
    if not sponsorship.proof:
        raise Http404
    log_sponsorship_export(request.user, [sponsorship], kind="download")
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
    category = django_filters.ChoiceFilter(
        field_name="prisoner__category", label=_("Category"), choices=Category.choices
    )
    status = django_filters.ChoiceFilter(
        field_name="prisoner__status",
        label=_("Status"),
        choices=[
            (status.value, status.label) for status in Status if status in SPONSORABLE_STATUSES
        ],
    )

    class Meta:
        model = PrisonerPage
        fields = []


class NeedsSponsorReportView(ReportView):
    """Profiles of people still held or missing that no approved sponsor supports yet."""

    page_title = _("Prisoners without a sponsor")
    header_icon = "warning"
    index_url_name = "prisoners_needs_sponsor"
    index_results_url_name = "prisoners_needs_sponsor_results"
    filterset_class = NeedsSponsorFilterSet
    any_permission_required = ["add", "change", "publish"]
    no_results_message = _("Every prisoner has a sponsor.")
    list_export = ["title", "category", "status", "days", "visibility_label", "url"]
    export_headings = {
        "days": _("Days in captivity"),
        "visibility_label": _("Visibility"),
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
        Column("visibility_label", label=_("Visibility")),
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
                prisoner__status__in=SPONSORABLE_STATUSES,
            )
            .needing_a_sponsor()
        )
        # People counted but not shown cannot be sponsored in public.
        pages = permissions.hide_sensitive_pages(publicly_visible(pages), self.request.user)
        return pages.defer_streamfields().order_by("prisoner__captured_on", "title")

    def decorate_paginated_queryset(self, object_list):
        for page in object_list:
            page.days = page.days_in_captivity()
        return object_list


class PageTypesUsageReportView(WagtailPageTypesUsageReportView):
    """Wagtail's report names the last edited page of each type: never a sensitive profile
    for staff who may not see it (the latest one they may see instead). Mounted in the
    site's urls.py over Wagtail's own."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        user = self.request.user
        for item in page_types:
            if item.last_edited_page and permissions.is_hidden_from(user, item.last_edited_page):
                item.last_edited_page = (
                    permissions.hide_sensitive_pages(Page.objects.filter(content_type=item), user)
                    .order_by(F("latest_revision_created_at").desc(nulls_last=True), "title")
                    .specific()
                    .first()
                )
        return page_types


# --- Translation: hidden people are never sent to translators ------------------------


def _profile_to_translate(kwargs):
    """The page wagtail-localize is asked to submit or sync, if it is a profile."""
    from wagtail_localize.models import TranslationSource

    if "page_id" in kwargs:
        page = Page.objects.filter(pk=kwargs["page_id"]).first()
    else:
        source = get_object_or_404(TranslationSource, pk=kwargs["translation_source_id"])
        page = Page.objects.filter(
            translation_key=source.object_id, locale_id=source.locale_id
        ).first()
    page = page.specific if page is not None else None
    return page if isinstance(page, PrisonerPage) else None


def refusing_hidden_profiles(view):
    """wagtail-localize's submit and sync views, refusing a person counted but not shown
    (their text must not reach translators, machine translation or PO files) and
    answering 404 to staff who may not see a sensitive person at all. Name-only
    profiles go through: `permissions.PublicTextField` sends only their public text."""

    def guarded(request, **kwargs):
        page = _profile_to_translate(kwargs)
        if page is not None:
            if permissions.is_hidden_from(request.user, page):
                raise Http404
            if not is_publicly_visible(page):
                messages.error(
                    request,
                    _(
                        "This person is counted but not shown: their profile is never "
                        "sent for translation."
                    ),
                )
                return redirect("wagtailadmin_pages:edit", page.pk)
        return view(request, **kwargs)

    return guarded


def translate_subtree_sparing_hidden(page_id, locales, components, user):
    """wagtail-localize's `translate_page_subtree`, leaving out (with what is below them)
    the people counted but not shown, and the pages hidden from `user`: submitting the
    prisoner index "with its subtree" sent every profile under it to translators."""
    from wagtail_localize.operations import TranslationCreator

    translator = TranslationCreator(user, locales)

    def walk(page):
        for child in page.get_children().specific():
            if permissions.is_hidden_from(user, child):
                continue
            if isinstance(child, PrisonerPage) and not is_publicly_visible(child):
                continue
            translator.create_translations(child)
            if child.numchild:
                walk(child)

    with transaction.atomic():
        walk(Page.objects.get(pk=page_id))
        if components is not None:
            components.save(translator, sources_and_translations=translator.mappings)


class SubmitPageTranslationView(submit_translations.SubmitPageTranslationView):
    """wagtail-localize's submission of a page, whose subtree (when asked for) goes
    through `translate_subtree_sparing_hidden`."""

    def form_valid(self, form):
        subtree = isinstance(self.object, Page) and form.cleaned_data.get("include_subtree")
        form.cleaned_data["include_subtree"] = False
        response = super().form_valid(form)
        if subtree:
            background.enqueue(
                translate_subtree_sparing_hidden,
                [self.object.id, form.cleaned_data["locales"], self.components, self.request.user],
                {},
            )
        return response


class TranslationsReportView(WagtailTranslationsReportView):
    """wagtail-localize's translations report, without sensitive people for staff who may
    not see them (mounted over its URL in wagtail_hooks)."""

    def get_queryset(self):
        return permissions.hide_sensitive_translations(super().get_queryset(), self.request.user)


class SiteHistoryView(LogEntriesView):
    """Wagtail's Site history. Entries about a sensitive profile are page entries, which
    the page policy already filters; this leaves out, for staff without the permission,
    the entries about the profiles' photos (their titles are often the person's name).
    Mounted in the site's urls.py over Wagtail's own."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is not ModelLogEntry or permissions.can_view_sensitive_profiles(
            self.request.user
        ):
            return queryset
        photos = permissions.sensitive_image_ids().annotate(key=Cast("pk", CharField()))
        return queryset.exclude(
            content_type=ContentType.objects.get_for_model(get_image_model()),
            object_id__in=photos.values("key"),
        )


class PersonFileView(WagtailAdminTemplateMixin, TemplateView):
    """One person's file for staff: facts, petitions, sponsorships, letters, timeline.

    Petitions and letters belong to other apps: they add their sections through the
    base's PERSON_FILE_SECTIONS_HOOK, so this app imports neither.
    """

    template_name = "prisoners/admin/person_file.html"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        self.profile = get_object_or_404(PrisonerPage, pk=kwargs["page_id"])
        if not self.profile.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        if permissions.is_hidden_from(request.user, self.profile):
            raise PermissionDenied
        audit.log_sensitive_access(request.user, self.profile, "view")
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("File of %(name)s") % {"name": self.profile.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.profile
        context.update(
            {
                "profile": page,
                "facts": public_profile(page, level=Visibility.FULL, with_children=False),
                "translations": page.get_translations(inclusive=True)
                .select_related("locale")
                .order_by("locale__language_code"),
                "sponsorships": page.sponsorships().order_by("-submitted_at"),
                "timeline": page.timeline.order_by("date", "sort_order"),
                "sections": related_sections(page, self.request, PERSON_FILE_SECTIONS_HOOK),
            }
        )
        return context


def certificate(request, pk):
    """The sponsor's certificate, as the sponsor sees it, for editors to print or send again."""
    policy = policy_registry.get_by_type(Sponsorship)
    if not policy.user_has_any_permission(request.user, ["change", "view"]):
        raise PermissionDenied
    sponsorship = get_object_or_404(
        permissions.hide_sensitive_sponsorships(Sponsorship.objects.approved(), request.user),
        pk=pk,
    )
    return certificates.render_certificate(request, sponsorship)
