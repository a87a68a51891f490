from corsheaders.signals import check_request_enabled
from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published

from . import checks  # noqa: F401 - registers the deploy check


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("Petitions")

    def ready(self):
        # These use the models, so they can only be imported once the registry is ready.
        from . import retention_tasks, signing, widgets  # noqa: F401 - emails, the widget
        from .cors import cors_allows
        from .models import Petition
        from .signal_handlers import copy_settings_to_petition, petition_saved

        check_request_enabled.connect(cors_allows, dispatch_uid="petitions_cors")
        page_published.connect(copy_settings_to_petition, dispatch_uid="petitions_copy_settings")
        post_save.connect(petition_saved, sender=Petition, dispatch_uid="petitions_kept_renders")
