"""Reading a CSV of signatures exported by another petition platform.

Platforms name their columns differently and spreadsheets save CSV in their
own way (a BOM, semicolons in French Excel, Windows-1252), so this reads the
file generously and maps known column names. What a row means is decided by
`petitions.signing.import_signatures`, with the same rules as the page form.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime, time

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django_countries import countries

COLUMNS = {
    "first_name": {"first_name", "first name", "firstname", "given name", "prénom", "prenom"},
    "last_name": {"last_name", "last name", "lastname", "surname", "family name", "nom"},
    "name": {"name", "full name", "full_name", "signer", "nom complet"},
    "email": {"email", "e-mail", "email address", "email_address", "mail", "courriel"},
    "country": {"country", "country code", "country_code", "pays"},
    "postcode": {"postcode", "postal code", "postal_code", "zip", "zip code", "code postal"},
    "comment": {"comment", "comments", "reason", "commentaire"},
    "signed_at": {"signed_at", "signed at", "signed on", "date", "created", "created_at"},
    "contact_consent": {"contact_consent", "consent", "opt_in", "opt-in", "optin", "newsletter"},
    "named_consent": {"named_consent", "public", "display name", "show name"},
    "language": {"language", "lang", "locale"},
}
TRUE_VALUES = {"1", "yes", "y", "true", "t", "x", "oui", "o", "այո"}
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
MAX_ROWS = 500_000


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


def find_country(value):
    value = (value or "").strip()
    if not value:
        return ""
    if len(value) == 2 and value.upper() in dict(countries):
        return value.upper()
    if len(value) == 3:
        code = countries.alpha2(value.upper())
        if code:
            return code
    for language in ("en", "fr", "hy"):
        code = countries.by_name(value, language=language)
        if code:
            return code
    return None


def parse_when(value):
    value = (value or "").strip()
    if not value:
        return None
    moment = parse_datetime(value.replace("/", "-")) if "T" in value or ":" in value else None
    if moment is None:
        day = parse_date(value)
        if day is None:
            for pattern in ("%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d"):
                try:
                    day = datetime.strptime(value, pattern).date()
                    break
                except ValueError:
                    continue
        if day is None:
            raise ValueError(value)
        moment = datetime.combine(day, time(12))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    if moment > timezone.now():
        raise ValueError(value)
    return moment


def read_rows(raw, *, consent_note):
    """Yield an ImportRow per line of the CSV bytes `raw`.

    `consent_note` is stored as the consent wording of imported signers, since
    the other platform's wording is not in the file.
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
    columns = {}
    for index, title in enumerate(header):
        title = title.strip().lower()
        for name, aliases in COLUMNS.items():
            if title in aliases and name not in columns:
                columns[name] = index
    if "email" not in columns:
        raise ImportFileError(_("The file has no email column (a column titled “email”)."))
    if "first_name" not in columns and "name" not in columns:
        raise ImportFileError(
            _("The file has no name columns (“first name” and “last name”, or “name”).")
        )
    consent_texts = {"contact_consent_text": consent_note, "named_consent_text": consent_note}

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
            row.created_at = parse_when(cell("signed_at"))
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
