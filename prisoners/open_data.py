"""The public profiles as open data: CSV and JSON, one stable schema.

URLs (no language prefix; ``?lang=fr`` or ``?lang=hy`` for translated names and
places, English by default):

* ``/open-data/prisoners.json``: ``{"schema_version", "schema", "licence",
  "attribution", "language", "generated_at", "source", "figures", "prisoners": [...]}``
* ``/open-data/prisoners.csv``: one row per person, the columns below in this
  order; lists are joined with `` | `` (the schema's ``delimiter``); empty cells
  are nulls. The licence and schema version are in the ``Link`` and ``X-Schema-Version`` headers.
* ``/open-data/prisoners.schema.json``: the columns as a Frictionless Table Schema.

Only profiles the public may see are included (`PrisonerPage.objects.publicly_listed()`),
and of a "name only" profile only what its page shows: every other column is
null (`PublicProfile` leaves them empty). Photos and biographies are never
included: their authors' rights are not the campaign's to license. Editors
choose the licence on the prisoner index page ("Open data"); without one, these
URLs are 404. Any web page may read them (campaign_site.cors, with
CORS_URLS_REGEX naming /open-data/).

Schema version 1.2. Adding a column, or describing one more exactly, is a minor
version; renaming or removing one, or changing its meaning, is a major version (2.0).
1.1: ``other_spellings`` is a Table Schema v2 ``list`` of strings with the
``" | "`` delimiter the CSV has always used (1.0 called it an ``array``, which in
a CSV means a JSON array, and no CSV cell held one). The JSON keeps its arrays.
1.2: the legal file and the conditions of detention, on full profiles only: the appeal
(``appeal_*``), the application to the European Court of Human Rights and its interim
measure under Rule 39 (``echr_*``), ``icrc_visits`` (a list of dates) and ``transfers``
(a list of ``"YYYY-MM-DD: from → to"``); the last contact with the family
(``family_contact_*``) and the health concerns (``health_*``) only when the editors
marked them public for that person (private by default): otherwise null.
``icrc_last_visit_on`` keeps its place and type: the latest of ``icrc_visits``, so on full
profiles only like them (null for name-only profiles).
"""

import csv
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Site

from campaign_site.render_cache import remember
from campaign_site.spreadsheets import safe_cell

from .models import PrisonerIndexPage
from .visibility import Visibility, public_profile

SCHEMA_VERSION = "1.2"

#: How the CSV joins a list cell; the schema declares it as the list's delimiter.
LIST_DELIMITER = " | "

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
    (
        "other_spellings",
        "list",
        "Other spellings of the name: an array in JSON, joined with ' | ' in the CSV.",
    ),
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
    (
        "icrc_last_visit_on",
        "date",
        "Last known ICRC visit: the latest of icrc_visits (full profiles only since 1.2).",
    ),
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
    # 1.2: full profiles only (null for name-only profiles).
    ("appeal_court", "string", "Court hearing the appeal (full profiles only; since 1.2)."),
    ("appeal_lodged_on", "date", "Date the appeal was lodged (full profiles only; since 1.2)."),
    (
        "appeal_outcome",
        "string",
        "pending, upheld, reduced, increased, overturned, retrial or dismissed "
        "(full profiles only; since 1.2).",
    ),
    ("appeal_decided_on", "date", "Date of the appeal decision (full profiles only; since 1.2)."),
    (
        "echr_application",
        "string",
        "Application number at the European Court of Human Rights, e.g. 12345/21 "
        "(full profiles only; since 1.2).",
    ),
    (
        "echr_lodged_on",
        "date",
        "Date the application was lodged with the Court (full profiles only; since 1.2).",
    ),
    (
        "echr_interim_measure",
        "boolean",
        "True when the Court indicated an interim measure under Rule 39 "
        "(full profiles only; since 1.2).",
    ),
    (
        "echr_interim_measure_on",
        "date",
        "Date the interim measure was indicated (full profiles only; since 1.2).",
    ),
    (
        "echr_compliance",
        "string",
        "Whether the holding state complies with the interim measure: complies, "
        "does-not-comply or unknown (full profiles only; since 1.2).",
    ),
    (
        "icrc_visits",
        "list",
        "Dates (ISO 8601) of known ICRC visits, oldest first: an array in JSON, joined "
        "with ' | ' in the CSV (full profiles only; since 1.2).",
    ),
    (
        "transfers",
        "list",
        "Transfers between places of detention, oldest first, each 'YYYY-MM-DD: from → to' "
        "(place names as the campaign writes them, not translated): an array in JSON, "
        "joined with ' | ' in the CSV (full profiles only; since 1.2).",
    ),
    (
        "family_contact_on",
        "date",
        "Last known contact with the family; null unless the family agreed to publish it "
        "(since 1.2).",
    ),
    (
        "family_contact_channel",
        "string",
        "Channel of that contact: phone, letter, visit, video, icrc, lawyer or other; "
        "null unless published (since 1.2).",
    ),
    (
        "health_concerns",
        "string",
        "Health concerns, in the language of the file; null unless the family agreed to "
        "publish them (since 1.2).",
    ),
    ("health_noted_on", "date", "Date of the health concerns; null unless published (since 1.2)."),
]

#: The item type of each list column (Table Schema v2 `itemType`).
LIST_ITEM_TYPES = {"other_spellings": "string", "icrc_visits": "date", "transfers": "string"}


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
    pages = (
        index.public_profiles(locale=locale)
        .with_sponsor_counts()
        .prefetch_related("prisoner__events")
        .order_by("title", "pk")
    )
    for page in pages:
        profile = public_profile(page, today=today, with_children=False, with_events=True)
        row = {}
        for name, _kind, _description in FIELDS:
            if name == "url":
                row[name] = page.get_full_url(request)
            elif name == "visibility":
                row[name] = "full" if profile.visibility == Visibility.FULL else "name-only"
            elif name in ("icrc_visits", "transfers") and not profile.is_full:
                row[name] = None
            elif name == "icrc_visits":
                row[name] = [date.isoformat() for date in profile.icrc_visits]
            elif name == "transfers":
                row[name] = [transfer_cell(transfer) for transfer in profile.transfers]
            elif name == "echr_interim_measure" and not profile.is_full:
                row[name] = None
            else:
                value = getattr(profile, name)
                row[name] = value if value not in ("",) else None
        yield row


def transfer_cell(transfer):
    """One transfer as one list item: the date, the places (never the list's delimiter)."""
    places = [
        " ".join(transfer[key].replace("|", "/").split()) for key in ("from_place", "to_place")
    ]
    return f"{transfer['date'].isoformat()}: {places[0]} → {places[1]}"


def licence_of(index):
    name, url = LICENCES.get(index.data_licence, (index.data_licence, ""))
    return {"id": index.data_licence, "name": name, "url": url}


def published(request):
    """What both files publish, kept until an editor changes something (a person's
    facts or visibility, a sponsorship decided, a letter approved all retire it):
    building it reads every public profile. Kept per day, for days in captivity."""
    today = timezone.localdate()

    def build():
        index, locale = _index_for(request)
        return {
            "licence": licence_of(index),
            "attribution": index.data_attribution,
            "language": locale.language_code,
            "source": index.get_full_url(request),
            "figures": index.figures().as_dict(),
            "prisoners": list(rows(index, locale, request, today=today)),
        }

    language = request.GET.get("lang") or settings.LANGUAGE_CODE
    return remember("open-data", build, vary=(request.get_host(), request.scheme, language, today))


def _headers(response, licence, request):
    response["Cache-Control"] = "public, max-age=300"
    response["X-Schema-Version"] = SCHEMA_VERSION
    schema_url = request.build_absolute_uri(reverse("prisoners_open_data_schema"))
    links = [f'<{schema_url}>; rel="describedby"']
    if licence["url"]:
        links.append(f'<{licence["url"]}>; rel="license"')
    response["Link"] = ", ".join(links)
    return response


@require_safe
def prisoners_json(request):
    data = published(request)
    document = {
        "schema_version": SCHEMA_VERSION,
        "schema": request.build_absolute_uri(reverse("prisoners_open_data_schema")),
        "licence": data["licence"],
        "attribution": data["attribution"],
        "language": data["language"],
        "generated_at": timezone.now().isoformat(),
        "source": data["source"],
        "figures": data["figures"],
        "prisoners": data["prisoners"],
    }
    response = JsonResponse(
        document, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False}
    )
    return _headers(response, data["licence"], request)


@require_safe
def prisoners_csv(request):
    data = published(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="prisoners-{data["language"]}.csv"'
    # A byte-order mark lets spreadsheet programs read UTF-8 (Armenian) correctly.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([name for name, _kind, _description in FIELDS])
    for row in data["prisoners"]:
        writer.writerow([_csv_cell(row[name]) for name, _kind, _description in FIELDS])
    return _headers(response, data["licence"], request)


def _csv_cell(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list):
        value = LIST_DELIMITER.join(value)
    return safe_cell(value)


def _field(name, kind, description):
    field = {"name": name, "type": kind, "description": description}
    if kind == "list":
        field.update(delimiter=LIST_DELIMITER, itemType=LIST_ITEM_TYPES[name])
    return field


def schema():
    return {
        # Table Schema v2, for its "list" type: the one that describes a delimited CSV cell.
        "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
        "name": "prisoners",
        "version": SCHEMA_VERSION,
        "description": __doc__.split("\n\n")[0],
        "primaryKey": "id",
        "missingValues": [""],
        "fields": [_field(*field) for field in FIELDS],
    }


@require_safe
def schema_json(request):
    return HttpResponse(
        json.dumps(schema(), ensure_ascii=False, indent=2), content_type="application/json"
    )
