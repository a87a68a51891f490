"""What petitions do when Wagtail publishes a page."""

from .models import Petition, PetitionPage


def copy_settings_to_petition(sender, instance, revision=None, **kwargs):
    """When a petition's source page is published, its settings apply to every translation.

    They are read from the published revision: that is where the page keeps them, and
    a page copied with its revisions is published without them on the instance.
    """
    page = instance.specific_deferred if not isinstance(instance, PetitionPage) else instance
    if not isinstance(page, PetitionPage):
        return
    if revision is not None:
        page = page.with_content_json(revision.content)
    petition = Petition.for_page(page)
    petition.update_from_page(page)
