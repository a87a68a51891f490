"""What follows a change of a person's facts: the search index, the HTTP cache.

The facts live on one `Prisoner` shared by every translation (prisoners.models.prisoner).
Publishing the source page applies its facts to that record (`facts_published`);
every save of the record then re-indexes or removes every translation, and purges
every translation's URL and the pages listing them from the cache in front; the
person's pictures move to the storage the visibility rule says (prisoners.photos).

Wagtail's own signal handler adds a saved page to the index only if it is in
`get_indexed_objects()`, but never removes a page that has just left it: so
after any save of a profile, every translation of it is re-indexed or removed too.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_save
from django.urls import NoReverseMatch, reverse
from wagtail.images import get_image_model
from wagtail.log_actions import get_active_log_context
from wagtail.search import index
from wagtail.signals import page_published

from campaign_site.http_cache import purge_pages_and_listings
from campaign_site.private_media import private_file_opened
from campaign_site.render_cache import content_changed

from . import audit, photos
from .models import Letter, Prisoner, PrisonerPage, Sponsorship
from .visibility import is_publicly_visible


def sync_search_index(translation_key):
    for page in PrisonerPage.objects.filter(translation_key=translation_key).select_related(
        "prisoner"
    ):
        if is_publicly_visible(page):
            index.insert_or_update_object(page)
        else:
            index.remove_object(page)


def profile_about_to_be_saved(sender, instance, raw=False, **kwargs):
    """Remember the pictures the profile had, which may be free to go public after."""
    if raw or instance.pk is None:
        return
    instance._previous_image_ids = set(
        PrisonerPage.objects.filter(pk=instance.pk)
        .values_list("prisoner__photo_id", "share_image_id")
        .first()
        or ()
    )


def record_about_to_be_saved(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    instance._previous_photo_id = (
        Prisoner.objects.filter(pk=instance.pk).values_list("photo_id", flat=True).first()
    )


def profile_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_search_index(instance.translation_key)
        photos.profile_changed(instance, getattr(instance, "_previous_image_ids", ()))


def profile_deleted(sender, instance, **kwargs):
    sync_search_index(instance.translation_key)
    photos.profile_changed(instance, deleted=True)


def image_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        photos.image_saved(instance)


def facts_published(sender, instance, revision=None, **kwargs):
    """When a profile's source page is published, its facts become every translation's."""
    page = instance.specific_deferred if not isinstance(instance, PrisonerPage) else instance
    if not isinstance(page, PrisonerPage):
        return
    if revision is not None:
        # The published revision is where the page keeps its facts (a page copied with
        # its revisions, or scheduled, is published without them on the instance).
        page.take_facts_from(revision)
    changes = page.apply_facts()
    # Who changed a visibility or a consent, in the audit log: the admin sets the acting
    # user for the request (wagtail.admin.auth); a script has none.
    audit.record_fact_changes(
        get_active_log_context().user,
        {name: old for name, (old, _new) in changes.items()},
        {name: new for name, (_old, new) in changes.items()},
        page=page,
    )


def prisoner_saved(sender, instance, raw=False, **kwargs):
    """A change of the facts shows in every language: index and cache follow."""
    if raw:
        return
    sync_search_index(instance.translation_key)
    photos.record_changed(instance, getattr(instance, "_previous_photo_id", None))
    pages = list(PrisonerPage.objects.filter(translation_key=instance.translation_key).live())
    purge_pages_and_listings(pages, paths=cached_paths_showing(pages))


def cached_paths_showing(pages):
    """Paths other than pages that show these people's facts: the open data files and
    their cards (widget, widgets API), in every language a URL may ask for."""
    languages = ["", *(f"?lang={code}" for code, _name in settings.LANGUAGES)]
    routes = [("prisoners_open_data_json", {}), ("prisoners_open_data_csv", {})]
    for page in pages:
        routes.append(("widgets:prisoner", {"page_id": page.pk}))
        routes.append(("embed_widget", {"kind": "prisoner", "page_id": page.pk}))
    paths = []
    for name, kwargs in routes:
        try:
            path = reverse(name, kwargs=kwargs)
        except NoReverseMatch:  # a site that does not mount them
            continue
        paths += [path + language for language in languages]
    return paths


def sponsorship_deleted(sender, instance, **kwargs):
    """Deleting an application also deletes its proof document (personal data)."""
    if instance.proof:
        instance.proof.delete(save=False)


def sponsorship_decided(sender, instance, raw=False, **kwargs):
    """An approved sponsor shows on the profile, the index and in the figures (counts of
    sponsors, "needs a sponsor"): an editor's decision (or deletion) retires what pages
    keep. A visitor's new application (pending) changes nothing the public sees."""
    if raw or (kwargs.get("created") and instance.status == Sponsorship.Status.PENDING):
        return
    content_changed()


def letter_saved(sender, instance, raw=False, **kwargs):
    """A decision changes the person's count of letters (and maybe the letters shown):
    their profile in every language and the index's figures follow."""
    if raw or instance.status == Letter.Status.PENDING:
        return
    pages = list(PrisonerPage.objects.filter(prisoner_id=instance.prisoner_id).live())
    purge_pages_and_listings(pages)


def connect():
    post_delete.connect(
        sponsorship_deleted, sender=Sponsorship, dispatch_uid="prisoners-sponsorship-proof"
    )
    post_save.connect(
        sponsorship_decided, sender=Sponsorship, dispatch_uid="prisoners-sponsorship-decided"
    )
    post_delete.connect(
        sponsorship_decided, sender=Sponsorship, dispatch_uid="prisoners-sponsorship-gone"
    )
    pre_save.connect(
        profile_about_to_be_saved, sender=PrisonerPage, dispatch_uid="prisoners-photos-before"
    )
    post_save.connect(profile_saved, sender=PrisonerPage, dispatch_uid="prisoners-search-sync")
    post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="prisoners-image-sync")
    post_delete.connect(
        profile_deleted, sender=PrisonerPage, dispatch_uid="prisoners-search-delete"
    )
    pre_save.connect(
        record_about_to_be_saved, sender=Prisoner, dispatch_uid="prisoners-photo-before"
    )
    post_save.connect(prisoner_saved, sender=Prisoner, dispatch_uid="prisoners-facts-changed")
    post_save.connect(letter_saved, sender=Letter, dispatch_uid="prisoners-letter-decided")
    page_published.connect(facts_published, dispatch_uid="prisoners-apply-facts")
    private_file_opened.connect(
        audit.private_file_opened, dispatch_uid="prisoners-private-file-opened"
    )
