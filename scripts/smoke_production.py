"""The visitor's side of scripts/smoke_production: plain HTTP through the cache.

Prints one line per step and exits non-zero at the first that fails.
"""

import argparse
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

# The Host a browser sends for BASE_URL (port included, as the demo Site has it): Varnish
# keeps a page under its Host, and the purges name the Site's host and port.
HOST = urllib.parse.urlsplit(os.environ["BASE_URL"]).netloc


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def request(url, data=None, headers=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    # Only http:// URLs of this machine, built by this script and its caller.
    req = urllib.request.Request(url, data=body, headers={"Host": HOST, **(headers or {})})  # noqa: S310
    try:
        with opener.open(req, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode(errors="replace")


def step(message, ok):
    print(("ok   " if ok else "FAIL ") + message, flush=True)
    if not ok:
        sys.exit(1)


class FormFields(HTMLParser):
    """The action and fields of the first form whose action matches `pattern`."""

    def __init__(self, pattern):
        super().__init__()
        self.pattern, self.action, self.fields, self.inside = pattern, None, {}, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if (
            tag == "form"
            and self.action is None
            and re.search(self.pattern, attrs.get("action") or "")
        ):
            self.action, self.inside = attrs["action"], True
        elif tag == "input" and self.inside and attrs.get("name"):
            if attrs.get("type") in ("checkbox", "submit"):
                return
            self.fields[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def form_in(html, pattern):
    parser = FormFields(pattern)
    parser.feed(html)
    return parser.action, parser.fields


def total(cache, page_id):
    _status, _headers, body = request(f"{cache}/api/widgets/petitions/{page_id}?lang=en")
    return json.loads(body)["total_signatures"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", required=True)
    parser.add_argument("--mail", required=True, type=Path)
    parser.add_argument("--nodes", nargs="+", required=True)
    args = parser.parse_args()
    cache = args.cache

    for node in args.nodes:
        for _ in range(60):
            try:
                status = request(f"{node}/health/?format=json")[0]
            except OSError:
                status = None
            if status == 200:
                break
            time.sleep(0.5)
        step(f"app node {node} is healthy", status == 200)

    status, headers, _ = request(f"{cache}/en/")
    status2, headers2, body2 = request(f"{cache}/en/")
    if headers2.get("X-Cache") != "HIT":
        print(f"     {status} then {status2}: {headers2}\n     {body2[:300]}")
    step(
        "the home page is served by the cache on the second visit",
        status == 200 and headers2.get("X-Cache") == "HIT",
    )
    step("cached pages carry no cookie", "Set-Cookie" not in headers2)

    _s, _h, listing = request(f"{cache}/api/v2/pages/?type=petitions.PetitionPage&locale=en")
    petition = json.loads(listing)["items"][0]
    page_id, page_path = petition["id"], urllib.parse.urlsplit(petition["meta"]["html_url"]).path
    status, _h, html = request(f"{cache}{page_path}")
    step(f"the petition page {page_path} loads through the cache", status == 200)
    before = total(cache, page_id)

    action, fields = form_in(html, r"/petitions/sign/")
    step("the petition page has its sign form", bool(action))
    email = f"smoke-{int(time.time())}@example.org"
    fields.update(first_name="Smoke", last_name="Test", email=email, country="FR")
    time.sleep(3)  # a person takes a few seconds to fill in the form
    # A browser names the page it posts from; the site signs only for its own and partners'.
    status, headers, _ = request(
        f"{cache}{action}",
        fields,
        {"X-Forwarded-For": "192.0.2.44", "Origin": os.environ["BASE_URL"]},
    )
    step(f"signing through the cache answers {status}", status in (302, 303))

    confirm_url = None
    for _ in range(120):
        for message in args.mail.glob("*.log") if args.mail.exists() else []:
            text = message.read_text(errors="replace")
            if email in text:
                found = re.search(r"https?://[^\s\"<>]+/petitions/confirm/[^\s\"<>]+", text)
                confirm_url = found and found.group(0)
        if confirm_url:
            break
        time.sleep(0.5)
    step("the worker sent the confirmation email", bool(confirm_url))

    confirm_path = urllib.parse.urlsplit(confirm_url).path
    status, _h, html = request(f"{cache}{confirm_path}")
    step("the confirmation link shows a button (a GET confirms nothing)", status == 200)
    action, fields = form_in(html, r"/petitions/confirm/")
    status, _h, _ = request(f"{cache}{action or confirm_path}", fields)
    step("pressing it confirms", status in (200, 302, 303))

    deadline = time.time() + 60
    after = before
    while time.time() < deadline and after <= before:
        time.sleep(1)
        after = total(cache, page_id)
    step(f"the count moved through the cache ({before} -> {after})", after > before)


if __name__ == "__main__":
    main()
