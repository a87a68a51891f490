"""Keep the search index in line with the visibility rule.

Wagtail's own signal handler adds a saved page to the index only if it is in
`get_indexed_objects()`, but never removes a page that has just left it; and a
change of visibility on one translation changes what every translation may
show. So after any save of a profile, every translation of it is re-indexed
or removed.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.search import index

from .models import PrisonerPage, Sponsorship
from .visibility import is_publicly_visible


def sync_search_index(translation_key):
    for page in PrisonerPage.objects.filter(
        translation_key=translation_key
    ).with_effective_visibility():
        if is_publicly_visible(page):
            index.insert_or_update_object(page)
        else:
            index.remove_object(page)


def profile_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_search_index(instance.translation_key)


def profile_deleted(sender, instance, **kwargs):
    sync_search_index(instance.translation_key)


def sponsorship_deleted(sender, instance, **kwargs):
    """Deleting an application also deletes its proof document (personal data)."""
    if instance.proof:
        instance.proof.delete(save=False)


def connect():
    post_delete.connect(
        sponsorship_deleted, sender=Sponsorship, dispatch_uid="prisoners-sponsorship-proof"
    )
    post_save.connect(profile_saved, sender=PrisonerPage, dispatch_uid="prisoners-search-sync")
    post_delete.connect(
        profile_deleted, sender=PrisonerPage, dispatch_uid="prisoners-search-delete"
    )
