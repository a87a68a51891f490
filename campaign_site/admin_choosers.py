"""Snippet choosers that list only what the user may see.

Wagtail gives every snippet a chooser (`/admin/snippets/choose/<app>/<model>/`) that any
admin user may open, and that lists every row by name and returns any row asked for by
id: it checks no permission. For rows that are personal data (signers, letters and the
people they are written to), a snippet viewset sets

    chooser_viewset_class = PermissionCheckedChooserViewSet

and its chooser then lists and returns only the rows the model's permission policy
grants the user some permission on (`instances_user_has_any_permission_for`): none for
a translator, and for the model's own editors what that policy lets them see.
"""

from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)

#: Any of these on a row lets the user find it in the chooser.
ACTIONS = ["add", "change", "delete", "view"]


class PermittedRows:
    def permitted_rows(self):
        policy = policy_registry.get_by_type(self.model_class)
        return policy.instances_user_has_any_permission_for(self.request.user, ACTIONS)


class PermittedChooseView(PermittedRows, ChooseView):
    def get_object_list(self):
        return self.permitted_rows()


class PermittedChooseResultsView(PermittedRows, ChooseResultsView):
    def get_object_list(self):
        return self.permitted_rows()


class PermittedChosenView(PermittedRows, SnippetChosenView):
    def get_object(self, pk):
        return self.permitted_rows().get(pk=pk)  # not there: a 404


class PermittedChosenMultipleView(PermittedRows, SnippetChosenMultipleView):
    def get_objects(self, pks):
        return self.permitted_rows().filter(pk__in=pks)


class PermissionCheckedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = PermittedChooseView
    choose_results_view_class = PermittedChooseResultsView
    chosen_view_class = PermittedChosenView
    chosen_multiple_view_class = PermittedChosenMultipleView
