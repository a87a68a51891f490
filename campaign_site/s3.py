"""Media on S3-compatible object storage (django-storages), when MEDIA_S3_BUCKET is set.

Loaded only then (settings name these classes in STORAGES), so a site on local disk
never imports boto3. See `campaign_site.storage` for the public/private split.
"""

from django.urls import reverse
from storages.backends.s3 import S3Storage


class PublicS3Storage(S3Storage):
    """Public media: anyone may read the objects; URLs carry no signature."""

    def get_default_settings(self):
        return {
            **super().get_default_settings(),
            "querystring_auth": False,
            "file_overwrite": False,
        }


class PrivateS3Storage(S3Storage):
    """Private files in a private bucket or prefix, uploaded with a private ACL.

    Their URL is the permission-checked view (`campaign_site.private_media`), which
    redirects authorised staff to `signed_url`: valid for `querystring_expire` seconds.
    """

    def get_default_settings(self):
        return {
            **super().get_default_settings(),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 60,
            # Signature V4: every region accepts it, and the lifetime is in the URL.
            "signature_version": "s3v4",
            "file_overwrite": False,
        }

    def url(self, name, *args, **kwargs):
        return reverse("private_media", args=[name])

    def signed_url(self, name):
        return super().url(name)
