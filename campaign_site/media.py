"""Public media from local disk, in production too (MEDIA_URL, when it is a path).

One app node, or several sharing MEDIA_ROOT, can serve uploads without a proxy rule:
Varnish or a CDN in front keeps them. Only the public backend is read, so a private
file is a 404 here whatever its name. With S3, MEDIA_URL is unused: files are read
from the bucket's own URLs.
"""

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage
from django.http import Http404
from django.views.static import serve as serve_file

from .storage import public_storage


def serve(request, path):
    storage = public_storage()
    if not isinstance(storage, FileSystemStorage):
        raise Http404
    try:
        response = serve_file(request, path, document_root=storage.location)
    except SuspiciousFileOperation as outside_media:  # "../": nothing here
        raise Http404 from outside_media
    # Files keep their name until they move, and a move gives them a new one; when a
    # photo becomes private, its old name stops answering (and is purged from the cache).
    response["Cache-Control"] = "public, max-age=300"
    return response
