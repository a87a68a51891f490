"""Media on S3-compatible object storage, against a real S3 endpoint (moto's server mode).

The storages are configured the way production reads them (MEDIA_S3_* variables,
`s3_media_storages` in the settings). Every file of a person's photo is then requested
anonymously over HTTP from the bucket: 200 only for full profiles; private objects are
refused by the bucket itself, and staff reach them through the permission-checked view,
which hands out a signed URL that expires.
"""

import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import boto3
import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from moto.server import ThreadedMotoServer

from campaign_site.settings.base import s3_media_storages
from campaign_site.storage import PRIVATE_MARKER, is_private_name, private_storage
from prisoners.cards import CARD_PHOTO
from prisoners.context import PROFILE_PHOTO
from prisoners.visibility import Consent, Visibility

from .prisoners.factories import PrisonerIndexPageFactory, PrisonerPageFactory

pytestmark = pytest.mark.django_db

PUBLIC_BUCKET, PRIVATE_BUCKET = "campaign-media", "campaign-private"
CONSENT_FOR = {
    Visibility.FULL: Consent.GIVEN,
    Visibility.NAME_ONLY: Consent.NAME_ONLY,
    Visibility.COUNTED: Consent.REFUSED,
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_media(s3_endpoint, settings, monkeypatch):
    """STORAGES as production builds them from the environment, with fresh buckets."""
    for name, value in {
        "MEDIA_S3_ENDPOINT_URL": s3_endpoint,
        "MEDIA_S3_REGION": "us-east-1",
        "MEDIA_S3_ACCESS_KEY_ID": "campaign",
        "MEDIA_S3_SECRET_ACCESS_KEY": "campaign-secret",
        "MEDIA_S3_ADDRESSING_STYLE": "path",
        "MEDIA_S3_PRIVATE_BUCKET": PRIVATE_BUCKET,
    }.items():
        monkeypatch.setenv(name, value)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="campaign",
        aws_secret_access_key="campaign-secret",
    )
    for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
        client.create_bucket(Bucket=bucket)
    settings.STORAGES = {**settings.STORAGES, **s3_media_storages(PUBLIC_BUCKET)}
    yield client
    for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
        for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
            client.delete_object(Bucket=bucket, Key=item["Key"])
        client.delete_bucket(Bucket=bucket)


def anonymous_get(url):
    """Status and body of a plain HTTP GET with no credentials (urllib: no signing)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - moto, local
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_uploads_land_in_the_public_bucket_readable_by_anyone(s3_media, s3_endpoint):
    image = wagtail_factories.ImageFactory()
    assert image.file.url.startswith(f"{s3_endpoint}/{PUBLIC_BUCKET}/original_images/")
    status, body = anonymous_get(image.file.url)
    assert status == 200 and body.startswith(b"\xff\xd8")  # a JPEG
    # Another app node, with nothing on its own disk, reads the same object.
    assert default_storage.open(image.file.name).read() == body


@pytest.mark.parametrize("level", list(Visibility), ids=lambda level: level.name)
def test_every_file_of_a_photo_is_public_on_the_bucket_only_for_a_full_profile(
    level, s3_media, s3_endpoint, prisoner_indexes, admin_client, django_capture_on_commit_callbacks
):
    portrait = wagtail_factories.ImageFactory(file__filename="aram-petrosyan.jpg")
    uploaded_as = portrait.file.url
    with django_capture_on_commit_callbacks(execute=True):
        page = PrisonerPageFactory(
            parent=prisoner_indexes["en"],
            slug="aram",
            photo=portrait,
            consent=CONSENT_FOR[level],
            visibility=level,
        )
    portrait.refresh_from_db()
    portrait.get_renditions(CARD_PHOTO, PROFILE_PHOTO)
    # An editor's preview of a draft that would open the profile in full.
    page.consent, page.visibility = Consent.GIVEN, Visibility.FULL
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    portrait.renditions.filter(filter_spec=PROFILE_PHOTO).delete()
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.get(f"/admin/pages/{page.pk}/view_draft/").status_code == 200
    assert portrait.renditions.filter(filter_spec=PROFILE_PHOTO).exists()  # the preview's
    files = [portrait.file, *(r.file for r in portrait.renditions.all())]
    assert len(files) >= 3

    full = level == Visibility.FULL
    for file in files:
        assert "petrosyan" not in file.name
        url = file.url
        if full:
            assert anonymous_get(url)[0] == 200, url
            continue
        assert is_private_name(file.name)
        # Its URL is the staff view: a sign-in page for visitors.
        assert urlsplit(url).path.startswith("/admin/private-media/")
        assert Client().get(url).status_code == 302
        # The bucket refuses the object to anyone without a signature...
        private_key = f"{s3_endpoint}/{PRIVATE_BUCKET}/{file.name}"
        assert anonymous_get(private_key)[0] == 403, private_key
        # ...and no public copy is left under either name.
        for name in (file.name, file.name.replace(PRIVATE_MARKER, "")):
            assert anonymous_get(f"{s3_endpoint}/{PUBLIC_BUCKET}/{name}")[0] != 200, name
        # Staff are sent to a signed URL that works, and expires within a minute.
        redirect = admin_client.get(url)
        assert redirect.status_code == 302
        signed = redirect["Location"]
        assert "X-Amz-Expires=60&" in signed, signed
        assert anonymous_get(signed)[0] == 200
    if not full:
        assert anonymous_get(uploaded_as)[0] != 200


def test_sponsors_proofs_go_to_the_private_bucket(s3_media, s3_endpoint):
    name = private_storage().save("sponsorship-proofs/proof.pdf", ContentFile(b"%PDF-1.4"))
    assert s3_media.get_object(Bucket=PRIVATE_BUCKET, Key=name)["Body"].read() == b"%PDF-1.4"
    assert anonymous_get(f"{s3_endpoint}/{PRIVATE_BUCKET}/{name}")[0] == 403


def test_without_a_private_bucket_private_files_sit_under_a_private_prefix(
    s3_endpoint, s3_media, settings, monkeypatch
):
    monkeypatch.delenv("MEDIA_S3_PRIVATE_BUCKET")
    settings.STORAGES = {**settings.STORAGES, **s3_media_storages(PUBLIC_BUCKET)}
    name = private_storage().save("images/private-x.jpg", ContentFile(b"secret"))
    assert anonymous_get(f"{s3_endpoint}/{PUBLIC_BUCKET}/private/{name}")[0] == 403
    assert s3_media.get_object(Bucket=PUBLIC_BUCKET, Key=f"private/{name}")


@pytest.fixture
def prisoner_indexes(home_pages):
    return {"en": PrisonerIndexPageFactory(parent=home_pages["en"])}
