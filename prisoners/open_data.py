"""The public profiles as open data: CSV and JSON, one stable schema.

URLs (no language prefix; ``?lang=fr`` or ``?lang=hy`` for translated names and
places, English by default):

* ``/open-data/prisoners.json``: ``{"schema_version", "schema", "licence",
  "attribution", "language", "generated_at", "source", "figures", "prisoners": [...]}``
* ``/open-data/prisoners.csv``: one row per person, the columns below in this
  order; lists are joined with `` | ``; empty cells are nulls. The licence
  and schema version are in the ``Link`` and ``X-Schema-Version`` headers.
* ``/open-data/prisoners.schema.json``: the columns as a Frictionless Table Schema.

Only profiles the public may see are included (`PrisonerPage.objects.publicly_listed()`),
and of a "name only" profile only what its page shows: every other column is
null (`PublicProfile` leaves them empty). Photos and biographies are never
included: their authors' rights are not the campaign's to license. Editors
choose the licence on the prisoner index page ("Open data"); without one, these
URLs are 404. Any web page may read them (campaign_site.cors, with
CORS_URLS_REGEX naming /open-data/).

Schema version 1.0. Adding a column is a minor version (1.1); renaming or
removing one, or changing its meaning, is a major version (2.0).
"""

import csv
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Site

from campaign_site.spreadsheets import safe_cell

from .models import PrisonerIndexPage
from .visibility import Visibility, public_profile

SCHEMA_VERSION = "1.0"

LICENCES = {
    "CC-BY-4.0": (
        "Creative Commons Attribution 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    "CC-BY-SA-4.0": (
        "Creative Commons Attribution-ShareAlike 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ),
    "CC0-1.0": ("Creative Commons Zero 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODbL-1.0": ("Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
}

#: (name, Table Schema type, description). The order is the CSV's column order.
FIELDS = [
    ("id", "string", "Stable identifier of the person, the same in every language and version."),
    ("url", "string", "The public profile page in the requested language (or the default one)."),
    ("language", "string", "Language of the text columns (name, places, charges): en, fr or hy."),
    ("name", "string", "Name as written in that language."),
    ("name_native", "string", "Name in the original script."),
    ("other_spellings", "array", "Other spellings of the name (CSV: joined with ' | ')."),
    ("visibility", "string", "'full' or 'name-only': how much of the profile is public."),
    ("category", "string", "pow, civilian, political-leader or other."),
    ("status", "string", "held, sentenced, released, disappeared or died."),
    ("captured_on", "date", "Date of capture (ISO 8601)."),
    ("capture_place", "string", "Place of capture."),
    ("released_on", "date", "End of captivity: release, repatriation, or death in custody."),
    (
        "days_in_captivity",
        "integer",
        "Days from capture to the end of captivity, or to the date of the file.",
    ),
    ("detention_place", "string", "Last known place of detention."),
    (
        "acknowledged",
        "string",
        "Whether the holding state acknowledges holding the person: yes, no, unknown.",
    ),
    ("icrc_registration", "string", "Whether the ICRC registered the person: yes, no, unknown."),
    ("icrc_last_visit_on", "date", "Last known ICRC visit."),
    ("charges", "string", "Charges brought against the person."),
    ("court", "string", "Court that tried the person."),
    ("sentenced_on", "date", "Date of the verdict."),
    ("sentence_years", "integer", "Sentence in years."),
    ("expected_release_on", "date", "Expected release date at the end of the sentence."),
    ("born_on", "date", "Date of birth (full profiles only)."),
    ("home_town", "string", "Home town (full profiles only)."),
    ("occupation", "string", "Occupation (full profiles only)."),
    ("sponsor_count", "integer", "Approved sponsorships of this person."),
    ("is_sample", "boolean", "True for fictional sample data (demo sites)."),
]


def _index_for(request):
    language = request.GET.get("lang") or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        raise Http404
    locale = Locale.objects.filter(language_code=language).first()
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    indexes = PrisonerIndexPage.objects.live().public().filter(locale=locale)
    root = site.root_page.get_translation_or_none(locale) if site and locale else None
    if root is not None:
        indexes = indexes.descendant_of(root)
    index = indexes.order_by("path").first()
    if index is None or not index.data_licence:
        raise Http404
    return index, locale


def rows(index, locale, request, today=None):
    """Dicts in schema order, one per public profile."""
    today = today or timezone.localdate()
    pages = index.public_profiles(locale=locale).with_sponsor_counts().order_by("title", "pk")
    for page in pages:
        profile = public_profile(page, today=today, with_children=False)
        row = {}
        for name, _kind, _description in FIELDS:
            if name == "url":
                row[name] = page.get_full_url(request)
            elif name == "visibility":
                row[name] = "full" if profile.visibility == Visibility.FULL else "name-only"
            else:
                value = getattr(profile, name)
                row[name] = value if value not in ("",) else None
        yield row


def licence_of(index):
    name, url = LICENCES.get(index.data_licence, (index.data_licence, ""))
    return {"id": index.data_licence, "name": name, "url": url}


def _headers(response, index, request):
    licence = licence_of(index)
    response["Cache-Control"] = "public, max-age=300"
    response["X-Schema-Version"] = SCHEMA_VERSION
    schema_url = request.build_absolute_uri(reverse("prisoners_open_data_schema"))
    links = [f'<{schema_url}>; rel="describedby"']
    if licence["url"]:
        links.append(f'<{licence["url"]}>; rel="license"')
    response["Link"] = ", ".join(links)
    return response


@require_GET
def prisoners_json(request):
    index, locale = _index_for(request)
    now = timezone.now()
    document = {
        "schema_version": SCHEMA_VERSION,
        "schema": request.build_absolute_uri(reverse("prisoners_open_data_schema")),
        "licence": licence_of(index),
        "attribution": index.data_attribution,
        "language": locale.language_code,
        "generated_at": now.isoformat(),
        "source": index.get_full_url(request),
        "figures": index.figures().as_dict(),
        "prisoners": list(rows(index, locale, request, today=timezone.localdate(now))),
    }
    response = JsonResponse(
        document, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False}
    )
    return _headers(response, index, request)


@require_GET
def prisoners_csv(request):
    index, locale = _index_for(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="prisoners-{locale.language_code}.csv"'
    # A byte-order mark lets spreadsheet programs read UTF-8 (Armenian) correctly.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([name for name, _kind, _description in FIELDS])
    for row in rows(index, locale, request):
        writer.writerow([_csv_cell(row[name]) for name, _kind, _description in FIELDS])
    return _headers(response, index, request)


def _csv_cell(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list):
        value = " | ".join(value)
    return safe_cell(value)


def schema():
    return {
        "$schema": "https://specs.frictionlessdata.io/schemas/table-schema.json",
        "name": "prisoners",
        "version": SCHEMA_VERSION,
        "description": __doc__.split("\n\n")[0],
        "primaryKey": "id",
        "missingValues": [""],
        "fields": [
            {"name": name, "type": kind, "description": description}
            for name, kind, description in FIELDS
        ],
    }


@require_GET
def schema_json(request):
    return HttpResponse(
        json.dumps(schema(), ensure_ascii=False, indent=2), content_type="application/json"
    )
