from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrisonersConfig(AppConfig):
    name = "prisoners"
    verbose_name = _("Prisoners")

    def ready(self):
        from . import signals, widgets  # noqa: F401 - widgets register their embed views

        signals.connect()
