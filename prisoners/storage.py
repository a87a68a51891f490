"""Where sponsors' proof documents live: the site's private storage, never served by URL.

Proof documents (council resolutions with names and signatures) are kept in the
private backend of `campaign_site.storage` (`<MEDIA_ROOT>-private/` on disk, or a
private bucket) and reach editors only through a permission-checked admin view.
"""

import uuid

from django.core.files.storage import Storage
from django.utils.deconstruct import deconstructible

from campaign_site.storage import private_storage as site_private_storage


@deconstructible(path="prisoners.storage.PrivateStorage")
class PrivateStorage(Storage):
    """The site's private backend, without even the staff URL of other private files:
    proofs are downloaded through `prisoners_sponsorship_proof`, which checks who asks."""

    def __getattr__(self, name):
        return getattr(site_private_storage(), name)

    def _open(self, name, mode="rb"):
        return site_private_storage().open(name, mode)

    def save(self, name, content, max_length=None):
        return site_private_storage().save(name, content, max_length=max_length)

    def delete(self, name):
        return site_private_storage().delete(name)

    def exists(self, name):
        return site_private_storage().exists(name)

    def size(self, name):
        return site_private_storage().size(name)

    def path(self, name):
        return site_private_storage().path(name)

    def get_available_name(self, name, max_length=None):
        return site_private_storage().get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return site_private_storage().generate_filename(filename)

    def url(self, name):
        raise ValueError("Private files have no public URL; use the admin download view.")


private_storage = PrivateStorage()


def proof_upload_to(instance, filename):
    """A random name: the applicant's file name may carry personal data."""
    return f"sponsorship-proofs/{uuid.uuid4().hex}.pdf"
