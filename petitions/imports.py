"""Reading a CSV of signatures exported by another petition platform.

Platforms name their columns differently and spreadsheets save CSV in their
own way (a BOM, semicolons in French Excel, Windows-1252), so this reads the
file generously and maps known column names. What a row means is decided by
`petitions.signing.import_signatures`, with the same rules as the page form.
"""

import csv
import functools
import io
import re
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from datetime import time as time_of_day
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from django_countries.base import CountriesBase
from django_countries.data import COUNTRIES

from . import conf

COLUMNS = {
    "first_name": {"first_name", "first name", "firstname", "given name", "prénom", "prenom"},
    "last_name": {"last_name", "last name", "lastname", "surname", "family name", "nom"},
    "name": {"name", "full name", "full_name", "signer", "nom complet"},
    "email": {"email", "e-mail", "email address", "email_address", "mail", "courriel"},
    "country": {"country", "country code", "country_code", "pays"},
    "postcode": {
        "postcode",
        "post code",
        "postal code",
        "postal_code",
        "postalcode",
        "zip",
        "zip code",
        "zipcode",
        "zip/postal code",
        "code postal",
    },
    "comment": {"comment", "comments", "reason", "message", "commentaire"},
    "signed_at": {
        "signed_at",
        "signed at",
        "signed on",
        "signed",
        "date",
        "date signed",
        "signature date",
        "created",
        "created_at",
        "timestamp",
    },
    "contact_consent": {"contact_consent", "consent", "opt_in", "opt-in", "optin", "newsletter"},
    "named_consent": {"named_consent", "public", "display name", "show name"},
    "language": {"language", "lang", "locale"},
}
# What the import log calls each column it reads.
FIELD_LABELS = {
    "first_name": gettext_lazy("first name"),
    "last_name": gettext_lazy("last name"),
    "name": gettext_lazy("full name"),
    "email": gettext_lazy("email"),
    "country": gettext_lazy("country"),
    "postcode": gettext_lazy("postcode"),
    "comment": gettext_lazy("comment"),
    "signed_at": gettext_lazy("date signed"),
    "contact_consent": gettext_lazy("agreed to be contacted"),
    "named_consent": gettext_lazy("agreed to be named"),
    "language": gettext_lazy("language"),
}
TRUE_VALUES = {"1", "yes", "y", "true", "t", "x", "oui", "o", "այո"}
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
MAX_ROWS = 500_000
PREVIEW_ROWS = 10
#: Seconds an uploaded file waits for the editor's decision before it is deleted unread.
PENDING_MAX_AGE = 24 * 3600


class DateOrder(models.TextChoices):
    """How the file writes a date whose year is not first: 03/04/2021 is 3 April or March 4."""

    ISO = "iso", gettext_lazy("Year first (2021-04-03)")
    DAY_FIRST = "dmy", gettext_lazy("Day first (03/04/2021 is 3 April)")
    MONTH_FIRST = "mdy", gettext_lazy("Month first, as in the US (03/04/2021 is March 4)")


# Names people and other platforms give countries, besides the ISO names in English,
# French and Armenian that django-countries knows (compared without case or accents).
COUNTRY_VARIANTS = {
    "US": (
        "usa",
        "us",
        "u s",
        "u s a",
        "united states",
        "america",
        "the united states",
        "etats unis",
        "ամն",
        "միացյալ նահանգներ",
    ),
    "GB": (
        "uk",
        "u k",
        "great britain",
        "britain",
        "england",
        "scotland",
        "wales",
        "northern ireland",
        "united kingdom of great britain and northern ireland",
        "grande bretagne",
        "angleterre",
        "ecosse",
        "pays de galles",
        "միացյալ թագավորություն",
        "անգլիա",
    ),
    "NL": ("holland", "the netherlands", "pays bas"),
    "RU": ("russian federation", "ռուսաստանի դաշնություն"),
    "KR": ("korea", "republic of korea"),
    "IR": ("islamic republic of iran",),
    "CZ": ("czech republic",),
    "TR": ("turkey", "turkiye"),
    "CI": ("ivory coast",),
    "VA": ("vatican", "holy see"),
    "AE": ("uae", "emirates"),
    "AM": ("hayastan", "republic of armenia", "հհ", "հայաստանի հանրապետություն"),
    "AZ": ("republic of azerbaijan",),
}


def pending_folder():
    """Where uploads wait between the preview and the import: private, never served."""
    configured = conf.get("PETITIONS_PRIVATE_ROOT")
    media = Path(settings.MEDIA_ROOT)
    base = Path(configured) if configured else media.parent / f"{media.name}-private"
    return base / "petition-imports"


def is_stale(path, now=None):
    """Whether a waiting upload is older than PENDING_MAX_AGE (then it is never read)."""
    try:
        return (now or time.time()) - path.stat().st_mtime > PENDING_MAX_AGE
    except FileNotFoundError:
        return True


def forget_stale_imports(now=None, *, dry_run=False):
    """Delete the uploads nobody imported within a day: files of signers' names and
    emails must not outlive the editor's decision. Run by every upload and by the daily
    retention run (petitions.retention_tasks), so a preview nobody followed is gone
    even when no other upload comes. How many files (were or would be) deleted."""
    folder = pending_folder()
    if not folder.is_dir():
        return 0
    stale = [path for path in folder.glob("*.csv") if is_stale(path, now)]
    if not dry_run:
        for path in stale:
            path.unlink(missing_ok=True)
    return len(stale)


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the editor."""


@dataclass
class ImportRow:
    number: int  # the line in the file, counting the header as line 1
    data: dict = field(default_factory=dict)
    created_at: datetime | None = None
    language: str = settings.LANGUAGE_CODE
    consent_texts: dict = field(default_factory=dict)
    error: str = ""


def decode(raw):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(_("The file is not UTF-8 or Windows-1252 text."))


def _simplified(name):
    """'États-Unis' -> 'etats unis': case, accents and punctuation do not matter."""
    decomposed = unicodedata.normalize("NFKD", str(name))
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[\W_]+", " ", letters.casefold()).split())


@functools.lru_cache(maxsize=1)
def _country_index():
    """Every name we recognise, simplified, with its ISO code."""
    index = {}

    def add(name, code):
        index.setdefault(_simplified(name), code)

    for language in ("en", "fr", "hy"):
        with translation.override(language):
            for code, name in countries:
                add(name, code)
            for code, name in {**dict(COUNTRIES), **CountriesBase.COMMON_NAMES}.items():
                add(name, code)
            for code, names in CountriesBase.OLD_NAMES.items():
                for name in names:
                    add(name, code)
    for code, variants in COUNTRY_VARIANTS.items():
        for name in variants:
            index[_simplified(name)] = code
    return index


def find_country(value):
    """The ISO code of a country written by name (English, French, Armenian, common
    variants such as USA or Great Britain) or by ISO code; "" when empty, None when unknown."""
    value = (value or "").strip()
    if not value:
        return ""
    if len(value) == 2 and value.upper() in dict(countries):
        return value.upper()
    if len(value) == 3 and value.isalpha():
        code = countries.alpha2(value.upper())
        if code:
            return code
    return _country_index().get(_simplified(value))


_SLASHED = {
    DateOrder.ISO: ("%Y/%m/%d", "%Y.%m.%d"),
    DateOrder.DAY_FIRST: ("%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%y", "%d.%m.%y"),
    DateOrder.MONTH_FIRST: ("%m/%d/%Y", "%m-%d-%Y", "%m/%d/%y", "%m.%d.%Y"),
}


def parse_when(value, date_order=DateOrder.ISO):
    """The moment a row was signed. Year-first dates read the same in every order; others
    (03/04/2021) as `date_order` says. Raises ValueError when unreadable or in the future."""
    value = (value or "").strip()
    if not value:
        return None
    day_part, _space, time_part = value.replace("T", " ").partition(" ")
    day = parse_date(day_part.replace("/", "-")) if day_part[:4].isdigit() else None
    if day is None:
        for pattern in _SLASHED[DateOrder(date_order)]:
            try:
                day = datetime.strptime(day_part, pattern).date()
                break
            except ValueError:
                continue
    if day is None:
        raise ValueError(value)
    moment = None
    if time_part:
        moment = parse_datetime(f"{day.isoformat()}T{time_part.strip()}")
        if moment is None:
            raise ValueError(value)
    else:
        moment = datetime.combine(day, time_of_day(12))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    if moment > timezone.now():
        raise ValueError(value)
    return moment


@dataclass
class ImportFile:
    """A file read: which column feeds which field, which are ignored, and its rows."""

    mapped: list  # [{"column": "Postal Code", "field": "postcode"}], in the file's order
    ignored: list  # ["Phone", …]: columns nothing reads, for the import log
    rows: Iterator

    def mapped_display(self):
        return [(item["column"], FIELD_LABELS[item["field"]]) for item in self.mapped]


def map_columns(header):
    """({field: index}, mapped, ignored) for a header row; a repeated column is ignored."""
    columns, mapped, ignored = {}, [], []
    for index, title in enumerate(header):
        simple = title.strip().lower()
        name = next((name for name, aliases in COLUMNS.items() if simple in aliases), None)
        if name is None or name in columns:
            if title.strip():
                ignored.append(title.strip())
            continue
        columns[name] = index
        mapped.append({"column": title.strip(), "field": name})
    return columns, mapped, ignored


def read_file(raw, *, consent_note, date_order=DateOrder.ISO):
    """Read the CSV bytes `raw`: its columns now, its rows (ImportRow) as they are iterated.

    `consent_note` is stored as the consent wording of imported signers, since
    the other platform's wording is not in the file. `date_order` says how to read
    dates that do not start with the year (a DateOrder).
    """
    text = decode(raw)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError(_("The file is empty.")) from None
    columns, mapped, ignored = map_columns(header)
    if "email" not in columns:
        raise ImportFileError(_("The file has no email column (a column titled “email”)."))
    if "first_name" not in columns and "name" not in columns:
        raise ImportFileError(
            _("The file has no name columns (“first name” and “last name”, or “name”).")
        )
    consent_texts = {"contact_consent_text": consent_note, "named_consent_text": consent_note}
    rows = _rows(reader, columns, consent_texts, DateOrder(date_order))
    return ImportFile(mapped=mapped, ignored=ignored, rows=rows)


def read_rows(raw, *, consent_note, date_order=DateOrder.ISO):
    """Yield an ImportRow per line of the CSV bytes `raw` (see read_file)."""
    yield from read_file(raw, consent_note=consent_note, date_order=date_order).rows


def _rows(reader, columns, consent_texts, date_order):
    for number, cells in enumerate(reader, start=2):
        if number > MAX_ROWS + 1:
            raise ImportFileError(_("The file has more than 500,000 rows; split it."))
        if not any(cell.strip() for cell in cells):
            continue

        def cell(name, cells=cells):
            index = columns.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        first, last = cell("first_name"), cell("last_name")
        if not first and not last and cell("name"):
            first, _space, last = cell("name").rpartition(" ")
            if not first:
                first, last = last, ""
        row = ImportRow(number=number, consent_texts=consent_texts)
        language = cell("language").lower()[:2]
        if language in LANGUAGE_CODES:
            row.language = language
        country = find_country(cell("country"))
        if country is None:
            row.error = _("the country is not one we know (use a name or ISO code)")
            yield row
            continue
        try:
            row.created_at = parse_when(cell("signed_at"), date_order)
        except ValueError:
            row.error = _("unreadable or future date")
            yield row
            continue
        row.data = {
            "first_name": first,
            "last_name": last,
            "email": cell("email"),
            "country": country,
            "postcode": cell("postcode"),
            "comment": cell("comment"),
            "contact_consent": cell("contact_consent").lower() in TRUE_VALUES,
            "named_consent": cell("named_consent").lower() in TRUE_VALUES,
        }
        yield row
