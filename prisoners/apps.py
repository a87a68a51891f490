from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrisonersConfig(AppConfig):
    name = "prisoners"
    verbose_name = _("Prisoners")

    def ready(self):
        # widgets register their embed views; notifications their emails (for the worker)
        from . import audit, notifications, signals, widgets  # noqa: F401

        signals.connect()
        audit.audit_admin_exports()
