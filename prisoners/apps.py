from corsheaders.signals import check_request_enabled
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrisonersConfig(AppConfig):
    name = "prisoners"
    verbose_name = _("Prisoners")

    def ready(self):
        from . import signals, widgets  # noqa: F401 - widgets register their embed views
        from .open_data import cors_allows_reading

        signals.connect()
        check_request_enabled.connect(cors_allows_reading, dispatch_uid="prisoners_open_data_cors")
