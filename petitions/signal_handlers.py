"""What petitions do when Wagtail publishes a page."""

from .models import Petition, PetitionPage


def copy_settings_to_petition(sender, instance, **kwargs):
    """When a petition's source page is published, its settings apply to every translation."""
    page = instance.specific_deferred if not isinstance(instance, PetitionPage) else instance
    if not isinstance(page, PetitionPage):
        return
    petition = Petition.for_page(page)
    petition.update_from_page(page)
