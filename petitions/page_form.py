"""The petition page's editor form: the page's fields, and the shared petition's settings.

The settings are declared once, on `Petition`; this form offers them on the page
(its "Signing" tab) and hands them to the page, which keeps them in its revision
until the source page is published (see PetitionPage.petition_settings).
"""

from wagtail.admin.forms import WagtailAdminPageForm

from .models.petition import SHARED_SETTINGS, Petition


def setting_field(name):
    return Petition._meta.get_field(name).formfield()


class PetitionPageForm(WagtailAdminPageForm):
    status = setting_field("status")
    goal = setting_field("goal")
    offline_count = setting_field("offline_count")
    count_unconfirmed = setting_field("count_unconfirmed")
    ask_postcode = setting_field("ask_postcode")
    ask_comment = setting_field("ask_comment")
    retention_months = setting_field("retention_months")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        settings = self.instance.petition_settings
        for name in SHARED_SETTINGS:
            if name in self.fields:
                self.initial[name] = settings[name]

    def save(self, commit=True):
        for name in SHARED_SETTINGS:
            if name in self.cleaned_data:
                setattr(self.instance, name, self.cleaned_data[name])
        return super().save(commit=commit)
