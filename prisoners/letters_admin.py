"""Moderating letters of support, and each person's printable pack of approved letters.

Letters to a sensitive person (no full profile: `prisoners.permissions`) are seen in
the admin only by staff who may see that person: the listing, the edit view, bulk
actions and the packs all ask `may_see_letters_of`, and opening such a pack is
recorded in the audit log.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    SnippetViewSet,
    UsageView,
)

from campaign_site.admin_choosers import PermissionCheckedChooserViewSet

from . import audit, permissions
from .models import Letter, Prisoner


def may_see_letters_of(user, prisoner):
    return not permissions.record_is_hidden_from(user, prisoner)


def letters_visible_to(user, queryset):
    return permissions.hide_sensitive_records_of(queryset, user)


class LetterPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, and for a hidden person's letters the sensitive one too."""

    def user_has_permission_for_instance(self, user, action, instance):
        return may_see_letters_of(user, instance.prisoner) and super().user_has_permission(
            user, action
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return may_see_letters_of(user, instance.prisoner) and super().user_has_any_permission(
            user, actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return letters_visible_to(
            user, super().instances_user_has_any_permission_for(user, actions)
        )


LETTER_POLICY = LetterPermissionPolicy(Letter)
register_permission_policy(Letter, LETTER_POLICY)


class LetterFilterSet(WagtailFilterSet):
    class Meta:
        model = Letter
        fields = ["status", "language"]


class LetterEditView(EditView):
    def get_object(self, queryset=None):
        letter = super().get_object(queryset)
        if not may_see_letters_of(self.request.user, letter.prisoner):
            raise PermissionDenied
        return letter

    def save_instance(self):
        previous = self.form.initial.get("status", Letter.Status.PENDING)
        instance = self.form.instance
        if instance.status != previous:
            instance.decide(instance.status, self.request.user)
        return super().save_instance()


class LetterViewSet(SnippetViewSet):
    model = Letter
    icon = "mail"
    menu_label = gettext_lazy("Letters of support")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "prisoners/letters"
    url_namespace = "prisoners_letters"
    edit_view_class = LetterEditView
    # Named after the person they are written to: as hidden as the letter.
    delete_view_class = type(
        "LetterDeleteView", (permissions.HidingSensitiveObjects, DeleteView), {}
    )
    history_view_class = type(
        "LetterHistoryView", (permissions.HidingSensitiveObjects, HistoryView), {}
    )
    usage_view_class = type("LetterUsageView", (permissions.HidingSensitiveObjects, UsageView), {})
    copy_view_enabled = False
    inspect_view_enabled = False
    # Wagtail's chooser for every snippet lists all rows to any admin user.
    chooser_viewset_class = PermissionCheckedChooserViewSet
    filterset_class = LetterFilterSet
    search_fields = ["first_name", "message", "prisoner__name"]
    search_backend_name = None
    ordering = ["-submitted_at"]
    list_display = [
        "__str__",
        Column("prisoner", label=gettext_lazy("Written to")),
        "country",
        "status",
        DateColumn("submitted_at", label=gettext_lazy("Submitted")),
    ]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("rejection_reason"),
                HelpPanel(
                    gettext_lazy(
                        "Approved letters go into the person's printable pack, and appear "
                        "on the profile (first name and country only) if the family agrees."
                    )
                ),
            ],
            heading=gettext_lazy("Decision"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("prisoner", read_only=True),
                FieldRowPanel([FieldPanel("first_name"), FieldPanel("country")]),
                FieldPanel("message"),
                FieldPanel("language"),
                FieldPanel("email", read_only=True),
            ],
            heading=gettext_lazy("Letter"),
        ),
    ]

    def get_queryset(self, request):
        return letters_visible_to(request.user, Letter.objects.select_related("prisoner"))


# --- bulk actions --------------------------------------------------------------


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for rejection"),
        max_length=500,
        help_text=gettext_lazy("Kept with each letter, for the team's records."),
    )


class LetterBulkAction(permissions.HidingSensitiveBulkItems, SnippetBulkAction):
    models = [Letter]
    template_name = "prisoners/admin/letters_bulk.html"

    def check_perm(self, obj):
        return LETTER_POLICY.user_has_permission_for_instance(self.request.user, "change", obj)

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "action_title": self.display_name,
            "action_explanation": self.explanation,
        }


class ApproveLettersBulkAction(LetterBulkAction):
    display_name = gettext_lazy("Approve")
    action_type = "approve_letters"
    aria_label = gettext_lazy("Approve the selected letters")
    action_priority = 10
    explanation = gettext_lazy(
        "These letters go into the printable pack of the person they are written to."
    )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for letter in objects:
            letter.decide(Letter.Status.APPROVED, user)
            letter.save(update_fields=["status", "decided_at", "decided_by"])
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d letter approved.", "%(count)d letters approved.", num_parent_objects
        ) % {"count": num_parent_objects}


class RejectLettersBulkAction(LetterBulkAction):
    display_name = gettext_lazy("Reject")
    action_type = "reject_letters"
    aria_label = gettext_lazy("Reject the selected letters")
    action_priority = 20
    form_class = RejectForm
    explanation = gettext_lazy("These letters are kept, with the reason, but never passed on.")

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "reason": self.cleaned_form.cleaned_data["reason"],
        }

    @classmethod
    def execute_action(cls, objects, user=None, reason="", **kwargs):
        for letter in objects:
            letter.decide(Letter.Status.REJECTED, user, reason=reason)
            letter.save(update_fields=["status", "rejection_reason", "decided_at", "decided_by"])
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d letter rejected.", "%(count)d letters rejected.", num_parent_objects
        ) % {"count": num_parent_objects}


# --- the printable pack ------------------------------------------------------------


def letter_pack(request, prisoner_id):
    """Every approved letter to one person, to print for the family or a Red Cross message."""
    if not LETTER_POLICY.user_has_any_permission(request.user, ["change", "view"]):
        raise PermissionDenied
    prisoner = get_object_or_404(Prisoner, pk=prisoner_id)
    if not may_see_letters_of(request.user, prisoner):
        raise Http404
    letters = prisoner.letters.approved().order_by("submitted_at")
    if prisoner.page_id is not None:
        audit.log_sensitive_access(request.user, prisoner.page, "export", letters=letters.count())
    return TemplateResponse(
        request,
        "prisoners/admin/letter_pack.html",
        {
            "prisoner": prisoner,
            "letters": letters,
            "back_url": reverse("prisoners_letter_packs"),
        },
    )


def letter_packs(request):
    """The people who have approved letters, with a link to each pack."""
    if not LETTER_POLICY.user_has_any_permission(request.user, ["change", "view"]):
        raise PermissionDenied
    people = (
        letters_visible_to(request.user, Letter.objects.approved())
        .values("prisoner_id", "prisoner__name")
        .annotate(count=Count("pk"))
        .order_by("prisoner__name")
    )
    return TemplateResponse(request, "prisoners/admin/letter_packs.html", {"people": people})
