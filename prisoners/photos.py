"""Photos follow visibility: whether an image may have a public URL, and keeping files so.

THE rule, decided here and only here: an image used by a profile (as its photo or
share image) is public only if every person using it is shown on a full, live,
unrestricted profile. One other use is enough: a picture shared by a full profile and
a "name only" one is private, since the safe mistake is a missing picture, never a
face shown against a family's wish. Images no profile uses keep their side: news
pictures stay public, and a deleted profile's photo stays private.

Which profiles are full and live is `prisoners.visibility`'s decision; where files go
is `campaign_site.storage`'s. `sync_images` puts every file of an image (its original
and every rendition) on the side the rule says, moving it under a new random name, and
dropping the renditions (the public ones are deleted and purged from the cache in front;
new ones are made on the right side when next asked for).

When it runs (`profile_changed`, `draft_changed`, `image_saved`): after any save or
delete of a profile (publishing, unpublishing, a change of visibility), for the images
it uses and used before; when an editor saves or previews a draft, for the images the
draft uses; when an image is saved.
"""

from django.db.models import Q
from wagtail.images import get_image_model

from campaign_site.storage import (
    delete_on_commit,
    is_private_name,
    move,
    purge_public_urls,
)

from . import visibility
from .permissions import can_view_sensitive_profiles


def may_open_private_file(user, name):
    """CAMPAIGN_PRIVATE_MEDIA_ACCESS: private images, to staff who may see sensitive profiles.
    Other private files (sponsors' proofs) have their own view and permission."""
    is_image = name.startswith(("original_images/", "images/"))
    return is_image and can_view_sensitive_profiles(user)


# --- the rule ------------------------------------------------------------------------


def profiles_using(image_ids):
    from .models import PrisonerPage

    return PrisonerPage.objects.filter(
        Q(prisoner__photo__in=image_ids) | Q(share_image__in=image_ids)
    )


def images_of(profile):
    return {profile.photo_id, profile.share_image_id} - {None}


def sorted_image_ids(image_ids, pending=()):
    """(must be private, may be public) among `image_ids`; the others are used by no
    profile and keep their side: a deleted profile's photo does not become public.

    A person is shown when one translation of their profile is live, unrestricted and
    full; every other use restricts, a translation still in draft for a shown person
    excepted. `pending`: profiles as an editor is changing them (drafts, previews).
    """
    image_ids = set(image_ids) - {None}
    if not image_ids:
        return set(), set()
    uses = profiles_using(image_ids)
    full_and_listed = visibility.publicly_listed(uses).exclude(
        pk__in=visibility.not_fully_visible(uses).values("pk")
    )
    shown_people = set(full_and_listed.values_list("translation_key", flat=True))
    restricted, shown = set(), set()
    for key, photo, share_image in uses.values_list(
        "translation_key", "prisoner__photo_id", "share_image_id"
    ):
        (shown if key in shown_people else restricted).update({photo, share_image})
    for profile in pending:
        # What the object says now (its pending facts): one record, no value to combine.
        full = "photo" in visibility.visible_fields(profile)
        if not full or not (profile.live or profile.translation_key in shown_people):
            restricted |= images_of(profile)
    restricted &= image_ids
    return restricted, (shown & image_ids) - restricted


def may_be_public(image, pending=()):
    """THE decision: may `image` (or an image id) have a public URL?"""
    image_id = getattr(image, "pk", image)
    return image_id not in sorted_image_ids({image_id}, pending)[0]


# --- keeping files where the rule says -------------------------------------------------


def sync_images(image_ids, pending=()):
    """Move each image of `image_ids` (original and renditions) to the side the rule says;
    returns how many moved."""
    image_ids = set(image_ids) - {None}
    if not image_ids:
        return 0
    private, public = sorted_image_ids(image_ids, pending)
    moved = 0
    for image in get_image_model().objects.filter(pk__in=private | public):
        now_private = is_private_name(image.file.name)
        if (image.pk in private) != now_private:
            move_image(image, private=not now_private)
            moved += 1
    return moved


def move_image(image, *, private):
    storage = image.file.storage
    renditions = list(image.renditions.all())
    # Going private: what a cache in front may still hold under the public names.
    public_urls = [image.file.url, *(r.url for r in renditions)] if private else []
    new_name = move(storage, image.file.name, private=private)
    for rendition in renditions:
        delete_on_commit(rendition.file.storage, rendition.file.name)
    image.renditions.all().delete()
    # An update, not save(): no signal comes back here, and nothing else changes.
    type(image).objects.filter(pk=image.pk).update(file=new_name)
    image.file.name = new_name
    purge_public_urls(public_urls)


# --- triggers (connected in signals.py and wagtail_hooks.py) ----------------------------


def profile_changed(profile, previous_image_ids=(), deleted=False):
    """After a profile page was saved (published, unpublished, a draft saved) or deleted:
    every image it, or any translation, uses or used before. The object saved may carry
    a draft's facts, so it counts as pending. `record_changed` follows the shared record."""
    translations = type(profile)._default_manager.filter(translation_key=profile.translation_key)
    image_ids = set(previous_image_ids) | images_of(profile)
    for photo, share_image in translations.values_list("prisoner__photo_id", "share_image_id"):
        image_ids |= {photo, share_image}
    sync_images(image_ids, pending=() if deleted else [profile])


def record_changed(record, previous_photo_id=None):
    """After a person's shared record of facts was saved (a publish applies them): their
    photo, the one it replaced, and their pages' share images."""
    image_ids = {record.photo_id, previous_photo_id}
    for (share_image,) in record.pages.values_list("share_image_id"):
        image_ids.add(share_image)
    sync_images(image_ids)


def draft_changed(profile):
    """An editor saved or previews a draft: its pictures go private unless it would
    show them publicly, before any rendition of them is made."""
    sync_images(images_of(profile), pending=[profile])


def image_saved(image):
    sync_images({image.pk})
