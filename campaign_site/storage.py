"""Where uploaded files live: public media, and private files no public URL reaches.

Two backends, named in STORAGES:

* ``public``: what anyone may download. MEDIA_ROOT on disk (served at MEDIA_URL by
  `campaign_site.media`), or an S3 bucket whose objects anyone may read.
* ``private``: what only authorised staff may see: sponsors' proof documents and the
  photos of people who are not on a full, live profile. `<MEDIA_ROOT>-private/` on disk
  (or PRIVATE_MEDIA_ROOT), or a private S3 bucket or prefix. Its files' URLs lead to
  the permission-checked view `private_media` (which redirects to a short-lived signed
  URL on S3), never to the file itself.

``default`` (what Wagtail's images, renditions and documents use) is a `RoutingStorage`:
a file whose name starts with PRIVATE_MARKER is read from and written to the private
backend, any other to the public one. Wagtail keeps one storage per field and names a
rendition after its original, so the marker on the original's name is what sends
every rendition of a private photo to private storage (`name_images_privately`).
Which images must be private is not decided here (see `prisoners.photos`); `move`
puts a file on the side asked for.
"""

from __future__ import annotations

import posixpath
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, InvalidStorageError, Storage, storages
from django.db import transaction
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property

#: The first characters of a private file's name (its last path segment).
PRIVATE_MARKER = "private-"
#: Folders Wagtail writes images to: originals, and renditions of them.
IMAGE_FOLDERS = ("original_images/", "images/")


def is_private_name(name):
    return posixpath.basename(name or "").startswith(PRIVATE_MARKER)


def random_name(name, *, private):
    """A fresh, meaningless name in the folder of `name`, keeping its extension: uploaded
    names are often the person's name, and a new name makes old URLs useless."""
    folder, basename = posixpath.split(name)
    extension = posixpath.splitext(basename)[1].lower()[:8]
    marker = PRIVATE_MARKER if private else ""
    return posixpath.join(folder, f"{marker}{uuid.uuid4().hex}{extension}")


def with_privacy(name, *, private):
    """`name` with the marker added or removed, the rest unchanged."""
    folder, basename = posixpath.split(name)
    basename = basename.removeprefix(PRIVATE_MARKER)
    return posixpath.join(folder, (PRIVATE_MARKER if private else "") + basename)


# --- backends -------------------------------------------------------------------


def private_root():
    configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if configured:
        return str(configured)
    media = Path(settings.MEDIA_ROOT)
    return str(media.parent / f"{media.name}-private")


@deconstructible
class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk outside MEDIA_ROOT; their URL is the permission-checked view."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, private_root())

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        return reverse("private_media", args=[name])


def _backend(alias, fallback):
    try:
        return storages[alias]
    except InvalidStorageError:  # a site that names only "default" (a plugin's test site)
        return fallback()


def public_storage():
    return _backend("public", FileSystemStorage)


def private_storage():
    return _backend("private", PrivateFileSystemStorage)


@deconstructible
class RoutingStorage(Storage):
    """STORAGES["default"]: each name goes to the private or the public backend."""

    def backend(self, name):
        return private_storage() if is_private_name(name) else public_storage()

    def _open(self, name, mode="rb"):
        return self.backend(name).open(name, mode)

    def save(self, name, content, max_length=None):
        return self.backend(name).save(name, content, max_length=max_length)

    def delete(self, name):
        return self.backend(name).delete(name)

    def exists(self, name):
        return self.backend(name).exists(name)

    def size(self, name):
        return self.backend(name).size(name)

    def url(self, name):
        return self.backend(name).url(name)

    def path(self, name):
        return self.backend(name).path(name)

    def listdir(self, path):
        return public_storage().listdir(path)

    def get_valid_name(self, name):
        return public_storage().get_valid_name(name)

    def get_available_name(self, name, max_length=None):
        return self.backend(name).get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self.backend(filename).generate_filename(filename)

    def get_accessed_time(self, name):
        return self.backend(name).get_accessed_time(name)

    def get_created_time(self, name):
        return self.backend(name).get_created_time(name)

    def get_modified_time(self, name):
        return self.backend(name).get_modified_time(name)


def move(storage, name, *, private):
    """Copy the file `name` of `storage` to the other side under a new random name; the old
    file is deleted once the transaction commits. Returns the new name."""
    new_name = random_name(name, private=private)
    with storage.open(name, "rb") as source:
        new_name = storage.save(new_name, source)
    delete_on_commit(storage, name)
    return new_name


def delete_on_commit(storage, name):
    """Delete at once after commit, in this process: a public copy of a photo that has
    just become private must not wait for the task worker."""
    transaction.on_commit(lambda: storage.delete(name))


# --- Wagtail's image names -------------------------------------------------------


def name_images_privately():
    """Give Wagtail's images random names, and renditions the privacy of their original.

    Wagtail calls `get_upload_to` on the image or rendition (the override point it
    documents for custom image models); wrapping it on the installed models keeps
    `wagtailimages.Image` and its data as they are.
    """
    from wagtail.images import get_image_model

    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    if getattr(image_model, "_campaign_names", False):
        return

    def image_upload_to(image, filename):
        # A new file for an image that is private stays private.
        stored = None
        if image.pk:
            stored = (
                type(image)._default_manager.filter(pk=image.pk).values_list("file", flat=True)
            ).first()
        return random_name(f"original_images/{filename}", private=is_private_name(stored))

    original_rendition_upload_to = rendition_model.get_upload_to

    def rendition_upload_to(rendition, filename):
        name = original_rendition_upload_to(rendition, filename)
        return with_privacy(name, private=is_private_name(rendition.image.file.name))

    image_model.get_upload_to = image_upload_to
    rendition_model.get_upload_to = rendition_upload_to
    image_model._campaign_names = True


def purge_public_urls(urls):
    """Drop public copies of `urls` from the HTTP cache in front (Varnish, a CDN), on
    every site, once the transaction commits."""
    if not urls or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Site

    def purge():
        batch = PurgeBatch()
        roots = [site.root_url for site in Site.objects.all()]
        for url in urls:
            if url.startswith(("http://", "https://")):
                batch.add_url(url)
            else:
                batch.add_urls(root + url for root in roots)
        batch.purge()

    transaction.on_commit(purge)
