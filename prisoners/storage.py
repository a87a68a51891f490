"""Where sponsors' proof documents live: outside MEDIA_ROOT, never served by URL.

Anything under MEDIA_ROOT is typically served to anyone by the web server.
Proof documents (council resolutions with names and signatures) are kept in a
sibling folder, `<MEDIA_ROOT>-private/`, or in PRISONERS_PRIVATE_ROOT when set,
and reach editors only through a permission-checked admin view.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property

from . import conf


class PrivateStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        configured = conf.get("PRISONERS_PRIVATE_ROOT")
        if configured:
            return str(configured)
        media = Path(settings.MEDIA_ROOT)
        return str(media.parent / f"{media.name}-private")

    @cached_property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no public URL; use the admin download view.")


private_storage = PrivateStorage()


def proof_upload_to(instance, filename):
    """A random name: the applicant's file name may carry personal data."""
    return f"sponsorship-proofs/{uuid.uuid4().hex}.pdf"
