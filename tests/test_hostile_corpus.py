"""A hostile corpus sent to every public URL, form and API, and to the admin's forms:
not one answer may be a server error (issue 13). Runs on SQLite and on PostgreSQL,
whose refusals (NUL bytes, bad encodings) differ.

Each request is collected rather than asserted at once, so one run names every
endpoint that still fails.
"""

import json
from unittest import mock
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from petitions.models import Partner, PetitionPage, Signature
from prisoners.models import PrisonerIndexPage, PrisonerPage
from tests.petitions.factories import form_post, signer

pytestmark = pytest.mark.django_db

ONE_MEGABYTE = "x" * (1024 * 1024)

#: Values as they travel in a query string, already percent-encoded where the
#: raw bytes are the point (invalid UTF-8, an encoded lone surrogate).
QUERY_VALUES = {
    "nul": "%00",
    "invalid utf-8": "%FF%FE%C3%28",
    "encoded surrogate": "%ED%A0%80",
    "long": "a" * 8000,
    "huge number": "9" * 40,
    "json": quote('{"$gt": ""}'),
    "bad url": quote("http://[::1/"),
    "traversal": quote("../../../../etc/passwd"),
    "formula": quote('=HYPERLINK("http://evil.example","x")'),
    "script": quote("<script>alert(1)</script>"),
}

#: Values for form fields and JSON members.
BODY_VALUES = {
    "nul": "a\x00b",
    "long": ONE_MEGABYTE,
    "formula": "=cmd|' /C calc'!A0",
    "script": "<script>alert(1)</script>",
    "traversal": "../../../../etc/passwd",
    "bad url": "http://[::1/",
    "bidi": "\u202eevil\u202c",
}

#: JSON values of the wrong type for every member.
WRONG_TYPES = [None, 1, 1.5, True, [], {}, ["a"], {"a": 1}]


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False, headers={"origin": "http://testserver"})


class Errors(list):
    def check(self, response, what):
        # oEmbed answers 501 for a format it does not speak: the spec's answer, not a failure.
        spec_501 = response.status_code == 501 and what.startswith("GET /oembed")
        if response.status_code >= 500 and not spec_501:
            self.append(f"{response.status_code} {what}")
        return response


@pytest.fixture
def corpus_site(demo):
    petition = PetitionPage.objects.live().filter(locale__language_code="en").first()
    index = PrisonerIndexPage.objects.live().filter(locale__language_code="en").first()
    partner = Partner.objects.create(name="Partner", allowed_origins="https://partner.example")
    # A person shown in full: letters of support are written to them.
    profile = PrisonerPage.objects.publicly_listed().filter(locale__language_code="en").first()
    return {"petition": petition, "index": index, "partner": partner, "profile": profile}


def public_urls(site):
    """One page of each type, and every URL that is not a page."""
    seen, pages = set(), ["/fr/", "/hy/"]
    for page in Page.objects.live().public().specific().order_by("depth", "path"):
        kind = type(page)
        if kind not in seen and page.url:
            seen.add(kind)
            pages.append(page.url)
    petition, index, profile = site["petition"], site["index"], site["profile"]
    return pages + [
        "/",
        "/en/news/rss/",
        "/en/news/atom/",
        "/sitemap.xml",
        "/robots.txt",
        "/embed.js",
        f"/embed/prisoner/{index.get_children().live().first().pk}/",
        f"/embed/prisoners/{index.pk}/",
        f"/petitions/{petition.petition.translation_key}/count.json",
        "/open-data/prisoners.json",
        "/open-data/prisoners.csv",
        "/open-data/prisoners.schema.json",
        "/api/v2/images/1/",
        "/api/widgets/figures/",
        "/api/widgets/openapi.json",
        "/en/petitions/confirm/not-a-token/",
        f"/en/prisoners/sponsor/{index.translation_key}/",
        f"/en/prisoners/sponsor/{index.translation_key}/thanks/",
        f"/en/prisoners/letter/{profile.translation_key}/",
        f"/en/prisoners/letter/{profile.translation_key}/thanks/",
        "/en/prisoners/sponsor/certificate/not-a-token/",
        f"/share-cards/{petition.pk}/en/not-a-key.png",
        "/favicon.ico",
        "/health/",
        *reading_parameters(site),
    ]


def reading_parameters(site):
    """The URLs that read query parameters, and the parameters each one reads."""
    petition, index = site["petition"], site["index"]
    return {
        "/en/search/": ["q", "type", "page"],
        "/en/news/": ["tag", "page"],
        index.url: ["q", "category", "status", "page"],
        petition.url: ["r"],
        f"/embed/petition/{petition.pk}/": ["lang", "theme", "partner"],
        "/oembed": ["url", "format", "maxwidth", "maxheight"],
        "/api/v2/pages/": [
            "search", "locale", "type", "fields", "offset", "limit", "order", "child_of",
            "descendant_of", "translation_of", "id", "search_operator",
        ],
        f"/api/v2/pages/{petition.pk}/": ["fields", "type"],
        "/api/v2/pages/find/": ["html_path", "locale"],
        "/api/v2/images/": ["search", "fields", "offset", "limit", "order", "id"],
        f"/api/widgets/petitions/{petition.pk}": ["lang"],
        "/api/widgets/prisoners/": ["lang", "category", "status", "q", "page"],
        f"/api/widgets/prisoners/{index.get_children().live().first().pk}": ["lang"],
    }  # fmt: skip


def test_no_query_string_makes_a_server_error(corpus_site, visitor, settings):
    # Every hostile query must reach the search itself, not the per-address search limit.
    settings.CAMPAIGN_SEARCH_IP_RATES = ("100000/m",)
    errors = Errors()
    targeted = reading_parameters(corpus_site)
    for url in public_urls(corpus_site):
        parameters = targeted.get(url, ["q", "page", "lang"])
        for name, value in QUERY_VALUES.items():
            # Every parameter at once, then (where a view reads them) one at a time, so an
            # error in the first one read cannot hide the others.
            query = "&".join(f"{parameter}={value}" for parameter in parameters)
            errors.check(visitor.get(f"{url}?{query}"), f"GET {url}?{query[:80]} ({name})")
            # NUL is refused at the door whatever the parameter (RejectNulBytesMiddleware).
            if url in targeted and len(parameters) > 1 and name != "nul":
                for parameter in parameters:
                    errors.check(
                        visitor.get(f"{url}?{parameter}={value}"), f"GET {url}?{parameter}=<{name}>"
                    )
    assert not errors, "\n".join(errors)


PATHS = [
    "/en/../../../../etc/passwd",
    "/static/../../campaign_site/settings/base.py",
    "/static/%2e%2e/%2e%2e/manage.py",
    "/media/..%2f..%2fmanage.py",
    "/documents/1/..%2f..%2f/",
    "/en/%FF%FE/",
    "/en/%ED%A0%80/",
    "/api/v2/pages/%FF/",
    "/api/v2/pages/99999999999999999999999/",
    "/api/v2/nothing-here/",
    "/api/widgets/petitions/99999999999999999999999",
    "/api/widgets/nothing-here",
    "/embed/petition/99999999999999999999999/",
    "/en/petitions/sign/99999999999999999999999/",
    "/en/petitions/confirm/%FF%FE/",
    "/petitions/00000000-0000-0000-0000-000000000000/count.json",
    "/en/" + "a/" * 2000,
    "/en/<script>/",
]


def test_no_path_makes_a_server_error(corpus_site, visitor):
    errors = Errors()
    for path in PATHS:
        errors.check(visitor.get(path), f"GET {path}")
    assert not errors, "\n".join(errors)


def test_api_errors_are_json(corpus_site, visitor):
    for path in ("/api/v2/nothing-here/", "/api/widgets/nothing-here", "/api/v2/pages/999999/"):
        response = visitor.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"].startswith("application/json"), path
        assert response.json()


def test_api_refusals_of_a_method_are_json_with_a_message(corpus_site, visitor):
    petition = corpus_site["petition"]
    for method, path in (
        ("GET", f"/api/widgets/petitions/{petition.pk}/signatures"),
        ("DELETE", f"/api/widgets/petitions/{petition.pk}"),
        ("POST", "/api/widgets/figures/"),
        ("PUT", "/api/widgets/challenge"),
        ("POST", "/oembed?url=x"),
        ("POST", "/open-data/prisoners.json"),
        ("PATCH", "/open-data/prisoners.csv"),
        ("POST", f"/petitions/{petition.petition.translation_key}/count.json"),
    ):
        response = visitor.generic(method, path)
        assert response.status_code == 405, (method, path)
        assert response["Content-Type"] == "application/json", (method, path)
        assert response["Allow"] in response.json()["detail"], (method, path)
    french = visitor.post("/api/widgets/figures/", headers={"accept-language": "fr"})
    assert "n’est pas acceptée" in french.json()["detail"]


def test_any_other_bodyless_refusal_on_a_json_route_is_json():
    from django.http import HttpResponseForbidden
    from django.test import RequestFactory

    from campaign_site.errors import JsonErrorsMiddleware

    middleware = JsonErrorsMiddleware(lambda request: HttpResponseForbidden())
    answer = middleware(RequestFactory().get("/api/widgets/anything", HTTP_ACCEPT_LANGUAGE="hy"))
    page = middleware(RequestFactory().get("/en/anything"))
    assert (answer.status_code, answer["Content-Type"]) == (403, "application/json")
    assert json.loads(answer.content)["detail"] == "Այս հարցմանը հնարավոր չէ պատասխանել։"
    assert page["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    ("target", "path"),
    [
        ("home.api._figures", "/api/widgets/figures/"),
        ("campaign_site.api.PublicPagesAPIViewSet.get_queryset", "/api/v2/pages/"),
        ("prisoners.open_data.published", "/open-data/prisoners.json"),
    ],
)
def test_a_bug_behind_an_api_is_a_json_500(home_pages, visitor, target, path):
    with mock.patch(target, side_effect=RuntimeError("a bug")):
        response = visitor.get(path)
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"] == "Something went wrong on our side."
    assert "Retry-After" not in response


def sign_api_bodies(site):
    base = signer(partner=site["partner"].key)
    yield "a lone surrogate", json.dumps(dict(base, first_name="\ud800")).encode()
    yield "a lone surrogate in the partner key", json.dumps(dict(base, partner="\udfff")).encode()
    yield "a NUL in the partner key", json.dumps(dict(base, partner="\x00")).encode()
    yield "invalid UTF-8", b'{"first_name": "\xff\xfe"}'
    yield "not JSON", b"first_name=Anna"
    yield "truncated JSON", b'{"first_name": '
    yield "a JSON list", b"[]"
    yield "a JSON string", b'"hello"'
    yield "nested far", b"[" * 100_000 + b"]" * 100_000
    for member in base:
        for wrong in WRONG_TYPES:
            yield f"{member}={wrong!r}", json.dumps(dict(base, **{member: wrong})).encode()
        for name, value in BODY_VALUES.items():
            yield f"{member} with {name}", json.dumps(dict(base, **{member: value})).encode()


def test_the_sign_api_answers_every_body_without_a_server_error(corpus_site, visitor):
    errors = Errors()
    url = f"/api/widgets/petitions/{corpus_site['petition'].pk}/signatures"
    for what, body in sign_api_bodies(corpus_site):
        for content_type in ("application/json", "text/plain"):
            response = errors.check(
                visitor.generic("POST", url, body, content_type=content_type),
                f"POST {url} with {what} as {content_type}",
            )
            if response.status_code >= 400:
                assert response["Content-Type"].startswith("application/json"), what
    assert not errors, "\n".join(errors)


def form_bodies(fields):
    for name in fields:
        for what, value in BODY_VALUES.items():
            yield f"{name} with {what}", {**fields, name: value}
    yield "every field missing", {}
    yield "every field repeated", {name: [value, value] for name, value in fields.items()}


def test_public_forms_answer_every_body_without_a_server_error(corpus_site, visitor, settings):
    # Every body must reach the forms' rules, not the per-address limit refused ones count in.
    settings.PETITIONS_IP_RATES = ("100000/m",)
    errors = Errors()
    petition = corpus_site["petition"]
    index = corpus_site["index"]
    profile = corpus_site["profile"]
    # The letter form is shown (a hidden person's would be a 404 and test nothing).
    assert visitor.get(f"/en/prisoners/letter/{profile.translation_key}/").status_code == 200
    forms = {
        f"/en/petitions/sign/{petition.pk}/": form_post(petition),
        f"/embed/petition/{petition.pk}/?partner={corpus_site['partner'].key}": form_post(petition),
        f"/en/prisoners/sponsor/{index.translation_key}/": {
            "sponsor_type": "municipality",
            "name": "City",
            "country": "FR",
            "city": "Lyon",
            "contact_person": "Anna",
            "email": "anna@example.org",
            "website": "https://example.org",
            "statement": "We sponsor.",
        },
        "/en/petitions/confirm/not-a-token/": {"confirm": "1"},
        f"/en/prisoners/letter/{profile.translation_key}/": {
            "first_name": "Anna",
            "country": "FR",
            "message": "Courage.",
            "language": "fr",
            "email": "anna@example.org",
        },
        "/admin/login/": {"username": "editor", "password": "wrong"},
        "/admin/password_reset/": {"email": "editor@example.org"},
    }
    for url, fields in forms.items():
        for what, data in form_bodies(fields):
            errors.check(visitor.post(url, data), f"POST {url} with {what}")
        errors.check(
            visitor.generic("POST", url, b"\xff\xfe=\xff", "application/x-www-form-urlencoded"),
            f"POST {url} with invalid UTF-8",
        )
        errors.check(
            visitor.generic("POST", url, b"--x\r\nbroken", "multipart/form-data; boundary=x"),
            f"POST {url} with a broken multipart body",
        )
    assert not errors, "\n".join(errors)


#: Headers anyone can write, as a forger or a broken client sends them.
HOSTILE_HEADERS = {
    "an origin with a port out of range": {"origin": "https://evil.example:99999"},
    "an origin with an unclosed IPv6 bracket": {"origin": "http://[::1"},
    "an origin with a port that is no number": {"origin": "http://testserver:abc"},
    "an origin with a NUL byte": {"origin": "https://a\x00b.example"},
    "a referer with a port out of range": {"referer": "https://evil.example:99999/page"},
    "a referer with an unclosed IPv6 bracket": {"referer": "http://[::1/page"},
    "a NUL byte as the secret key": {"authorization": "Bearer \x00"},
    "a huge secret key": {"authorization": "Bearer " + "a" * 100_000},
    "a malformed Accept-Language": {"accept-language": "\x00;q=zz," * 50},
    "a malformed cookie": {"cookie": "sessionid=\x00; csrftoken=" + "a" * 10_000},
}


def test_hostile_headers_make_no_server_error(corpus_site):
    """Origin and Referer decide who may sign (petitions.origins): a forged one is refused."""
    errors = Errors()
    petition = corpus_site["petition"]
    sign_api = f"/api/widgets/petitions/{petition.pk}/signatures"
    for what, headers in HOSTILE_HEADERS.items():
        client = Client(raise_request_exception=False, headers=headers)
        for url, data in (
            (sign_api, None),
            (f"/en/petitions/sign/{petition.pk}/", form_post(petition)),
            (f"/embed/petition/{petition.pk}/", form_post(petition)),
        ):
            if data is None:
                response = client.post(url, signer(), content_type="application/json")
            else:
                response = client.post(url, data)
            errors.check(response, f"POST {url} with {what}")
            if "origin" in headers or "referer" in headers:
                assert response.status_code == 403, f"POST {url} with {what}"
        preflight = client.options(sign_api, headers={"access-control-request-method": "POST"})
        errors.check(preflight, f"OPTIONS {sign_api} with {what}")
        for url in ("/en/", "/api/v2/pages/", f"/embed/petition/{petition.pk}/", "/admin/login/"):
            errors.check(client.get(url), f"GET {url} with {what}")
    assert not errors, "\n".join(errors)
    assert not Signature.objects.exists()


def test_malformed_admin_posts_are_refused_clearly(corpus_site, admin_client):
    errors = Errors()
    admin_client.raise_request_exception = False
    petition = corpus_site["petition"]
    edit = reverse("wagtailadmin_pages:edit", args=[petition.pk])
    response = errors.check(
        admin_client.post(edit, {"title": "No body-count", "slug": petition.slug}),
        "a page form without body-count",
    )
    assert response.status_code in (200, 400)

    from wagtail_localize.models import Translation

    translation = Translation.objects.first()
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    response = errors.check(admin_client.post(upload, {}), "a PO upload without a file")
    assert response.status_code in (302, 400)
    response = errors.check(
        admin_client.post(upload, {"file": _file(b'msgid ""\nmsgstr ""\n')}),
        "a PO upload without its translation header",
    )
    assert not errors, "\n".join(errors)


def _file(content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("upload.po", content, content_type="text/x-gettext-translation")
