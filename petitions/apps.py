from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def copy_settings_to_petition(sender, instance, **kwargs):
    """When a petition's source page is published, its settings apply to every translation."""
    from .models import Petition, PetitionPage

    page = instance.specific_deferred if not isinstance(instance, PetitionPage) else instance
    if not isinstance(page, PetitionPage):
        return
    petition = Petition.for_page(page)
    petition.update_from_page(page)


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("Petitions")

    def ready(self):
        from corsheaders.signals import check_request_enabled
        from wagtail.signals import page_published

        from . import checks, widgets  # noqa: F401 - the deploy check; the embed view
        from .partners import cors_allows

        check_request_enabled.connect(cors_allows, dispatch_uid="petitions_cors")

        page_published.connect(copy_settings_to_petition, dispatch_uid="petitions_copy_settings")
