"""What petitions do when Wagtail publishes a page, or editors change a petition."""

from campaign_site.render_cache import content_changed

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


def petition_saved(sender, instance, raw=False, **kwargs):
    """A petition's status, goal or offline count shows on its pages, widgets and the
    home page: what they keep between requests is retired (campaign_site.render_cache).
    Signatures never save the Petition row (they count in SignatureTally)."""
    if not raw:
        content_changed()
