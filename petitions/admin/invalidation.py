"""Invalidating and restoring signatures in bulk, from the listing; never deleting them."""

from django import forms
from django.utils.translation import gettext_lazy, ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .. import signing
from ..models import Signature
from .permissions import SIGNATURE_POLICY


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
