"""The HTTP side of scripts/smoke_media: two app nodes, one S3 endpoint, plain requests.

`buckets` waits for the S3 endpoint and creates the buckets; `check` signs an editor
in, uploads on the first node, reads the upload from the second node and from the
bucket as a visitor, makes it a "name only" person's photo, and checks that the bucket
refuses it to visitors while staff still reach it. One line per step; exits non-zero
at the first that fails.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.cookies import SimpleCookie
from io import BytesIO

import boto3
from PIL import Image


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def step(message, ok):
    print(("ok   " if ok else "FAIL ") + message, flush=True)
    if not ok:
        sys.exit(1)


class Browser:
    """Cookies kept by hand: production marks them Secure, and this is plain HTTP."""

    def __init__(self):
        self.cookies = {}

    def request(self, url, data=None, headers=None, content_type=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if isinstance(data, dict):
            data = urllib.parse.urlencode(data).encode()
            content_type = "application/x-www-form-urlencoded"
        if content_type:
            headers["Content-Type"] = content_type
        # Only http:// URLs of this machine, given by this script's caller.
        req = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310
        try:
            with opener.open(req, timeout=30) as response:
                status, head, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, head, body = error.code, error.headers, error.read()
        for line in head.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(line).items():
                self.cookies[name] = morsel.value
        return status, head, body


def anonymous(url):
    return Browser().request(url)


def wait_for(url):
    for _ in range(120):
        try:
            if anonymous(url)[0] < 500:
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def s3():
    return boto3.client(
        "s3",
        endpoint_url=os.environ["MEDIA_S3_ENDPOINT_URL"],
        region_name=os.environ["MEDIA_S3_REGION"],
        aws_access_key_id=os.environ["MEDIA_S3_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["MEDIA_S3_SECRET_ACCESS_KEY"],
    )


def create_buckets():
    step("the S3 endpoint answers", wait_for(os.environ["MEDIA_S3_ENDPOINT_URL"] + "/"))
    for bucket in (os.environ["MEDIA_S3_BUCKET"], os.environ["MEDIA_S3_PRIVATE_BUCKET"]):
        s3().create_bucket(Bucket=bucket)
    step("public and private buckets created", True)


def sign_in(node, password):
    browser = Browser()
    _s, _h, html = browser.request(f"{node}/admin/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()
    status, headers, _ = browser.request(
        f"{node}/admin/login/",
        {"csrfmiddlewaretoken": token, "username": "editor", "password": password, "next": ""},
    )
    step("the editor signs in on the first node", status == 302 and "sessionid" in browser.cookies)
    return browser, token


def upload(browser, node):
    _s, _h, html = browser.request(f"{node}/admin/images/multiple/add/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()
    picture = BytesIO()
    Image.new("RGB", (320, 400), "teal").save(picture, "JPEG")
    boundary = uuid.uuid4().hex
    body = b"".join(
        [
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
            f"{token}\r\n".encode(),
            f'--{boundary}\r\nContent-Disposition: form-data; name="files[]"; '
            f'filename="Aram Petrosyan.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'.encode(),
            picture.getvalue(),
            f"\r\n--{boundary}--\r\n".encode(),
        ]
    )
    status, _h, answer = browser.request(
        f"{node}/admin/images/multiple/add/",
        body,
        {"X-Requested-With": "XMLHttpRequest", "X-CSRFToken": token},
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    result = json.loads(answer) if status == 200 else {}
    step(f"an image uploaded on {node} ({status})", result.get("success") is True)
    return result["image_id"], picture.getvalue()


def hide_as_photo(image_id, setup_media):
    """An editor's publish, as an app node runs it: the image becomes a "name only"
    person's photo."""
    code = f"""
from wagtail.images import get_image_model
from prisoners.models import PrisonerPage
from prisoners.visibility import Consent, Visibility
image = get_image_model().objects.get(pk={int(image_id)})
page = PrisonerPage.objects.live().filter(locale__language_code="en").first()
page.photo, page.consent, page.visibility = image, Consent.NAME_ONLY, Visibility.NAME_ONLY
page.save_revision().publish()
image.refresh_from_db()
print(image.file.name)
"""
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        env={**os.environ, "MEDIA_ROOT": setup_media},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def check(args):
    first, second = args.nodes[0], args.nodes[-1]
    for node in args.nodes:
        step(f"app node {node} answers", wait_for(f"{node}/health/?format=json"))

    editor, _token = sign_in(first, args.password)
    image_id, jpeg = upload(editor, first)

    status, _h, body = editor.request(f"{second}/admin/api/main/images/{image_id}/")
    original = json.loads(body)["meta"]["download_url"] if status == 200 else ""
    step(f"the second node lists the upload: {original}", status == 200 and original)
    step("the original is not named after the uploaded file", "petrosyan" not in original.lower())
    status, _h, body = anonymous(original)
    step("a visitor reads it from the public bucket", status == 200 and body == jpeg)

    status, _h, html = editor.request(f"{second}/admin/images/{image_id}/")
    thumbnails = re.findall(rb'src="([^"]+/images/[^"]+)"', html)
    step("the second node makes a rendition of it", status == 200 and bool(thumbnails))
    rendition = thumbnails[0].decode().replace("&amp;", "&")
    status, _h, _ = anonymous(rendition)
    step("a visitor reads the rendition from the bucket", status == 200)
    _s, _h, html = editor.request(f"{first}/admin/images/{image_id}/")
    step("the first node finds the same rendition", rendition.encode() in html)

    private_name = hide_as_photo(image_id, args.setup_media)
    step(
        f"the photo of a 'name only' person is private: {private_name}", "private-" in private_name
    )
    endpoint = os.environ["MEDIA_S3_ENDPOINT_URL"]
    private_object = f"{endpoint}/{os.environ['MEDIA_S3_PRIVATE_BUCKET']}/{private_name}"
    step("the bucket refuses it to a visitor", anonymous(private_object)[0] == 403)
    step("its old public URL answers nothing", anonymous(original)[0] != 200)
    step("nor does its old rendition", anonymous(rendition)[0] != 200)

    staff_url = f"{second}/admin/private-media/{private_name}"
    status, headers, _ = anonymous(staff_url)
    step(
        "the staff view sends a visitor to sign in",
        status == 302 and "/login/" in headers["Location"],
    )
    status, headers, _ = editor.request(staff_url)
    signed = headers.get("Location", "")
    step("the staff view sends the editor to a signed URL", status == 302 and "X-Amz-" in signed)
    status, _h, body = anonymous(signed)
    step("the signed URL serves the photo", status == 200 and body == jpeg)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["buckets", "check"])
    parser.add_argument("--nodes", nargs="+")
    parser.add_argument("--password")
    parser.add_argument("--setup-media")
    args = parser.parse_args()
    if args.command == "buckets":
        create_buckets()
    else:
        check(args)


if __name__ == "__main__":
    main()
