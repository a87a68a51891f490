"""The one door to private files: /admin/private-media/<name>, for authorised staff only.

Private files' URLs (campaign_site.storage) all lead here. Who may open a file is the
function named by CAMPAIGN_PRIVATE_MEDIA_ACCESS (`access(user, name) -> bool`); without
one, superusers only. On disk the file is streamed; on S3 the answer is a redirect to a
signed URL that expires within a minute. Each file handed out sends `private_file_opened`
(user, name), for the features that keep a record of who opened what.
"""

import mimetypes

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.dispatch import Signal
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils.module_loading import import_string

from .storage import is_private_name, private_storage

#: Sent with `user` and `name` once a private file is handed out (streamed or redirected).
private_file_opened = Signal()


def superusers_only(user, name):
    return user.is_active and user.is_superuser


def may_open(user, name):
    dotted = getattr(settings, "CAMPAIGN_PRIVATE_MEDIA_ACCESS", None)
    access = import_string(dotted) if dotted else superusers_only
    return bool(access(user, name))


@login_required(login_url="wagtailadmin_login")
def serve(request, name):
    if not is_private_name(name) or ".." in name.split("/"):
        raise Http404
    if not may_open(request.user, name):
        raise PermissionDenied
    storage = private_storage()
    if not storage.exists(name):
        raise Http404
    if hasattr(storage, "signed_url"):
        response = HttpResponseRedirect(storage.signed_url(name))
    else:
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        response = FileResponse(storage.open(name, "rb"), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    private_file_opened.send(sender=serve, user=request.user, name=name)
    return response
