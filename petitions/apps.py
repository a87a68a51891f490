from corsheaders.signals import check_request_enabled
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published

from . import checks  # noqa: F401 - registers the deploy check


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("Petitions")

    def ready(self):
        # These use the models, so they can only be imported once the registry is ready.
        from . import widgets  # noqa: F401 - registers the embeddable widget
        from .cors import cors_allows
        from .signal_handlers import copy_settings_to_petition

        check_request_enabled.connect(cors_allows, dispatch_uid="petitions_cors")
        page_published.connect(copy_settings_to_petition, dispatch_uid="petitions_copy_settings")
