"""The index's filters: a form of the facts, so the index's context needs no model."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .facts import Category, Status


class ProfileFilterForm(forms.Form):
    """The index's filters, sent with GET so they work without JavaScript and can be linked."""

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All categories")), *Category.choices],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *Status.choices],
    )

    needs_sponsor = forms.BooleanField(label=_("Needs a sponsor"), required=False)

    def filters(self):
        """The valid filters only; a bad value in the URL is ignored, not an error page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
