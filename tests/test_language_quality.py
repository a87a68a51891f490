"""Language quality: French typography, plural forms wherever a number meets a word, Armenian dates.

French follows the Imprimerie nationale: a non-breaking space (U+00A0) before a colon and
inside « », a narrow non-breaking space (U+202F) before ; ! and ?. Both keep the sign on
the line of its word.
"""

import datetime
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
NBSP, NNBSP = "\u00a0", "\u202f"

#: Placeholders that hold words or identifiers (a name, a page number), never a quantity:
#: text after them needs no plural form.
WORDS_NOT_QUANTITIES = {
    "username",
    "answer",
    "attribution",
    "author",
    "category",
    "channel",
    "consent",
    "country",
    "date",
    "field",
    "first_name",
    "key",
    "label",
    "level",
    "licence",
    "message",
    "name",
    "number",  # a citation, page or signature number
    "organiser",
    "place",  # a place's name (a transfer's origin)
    "query",
    "reason",
    "sponsor",
    "status",
    "tag",
    "title",
    "when",
    "who",
}
PLACEHOLDER_BEFORE_WORD = re.compile(r"%\((\w+)\)[sd] (?=[^\W\d])")


def catalog(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def translations(entry):
    return [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())


def typography_faults(text):
    """Where `text` breaks French typography: the sign and a few characters before it."""
    faults = []
    for match in re.finditer(r"[:;!?](?=[\s<»]|$)", text):
        start = match.start()
        if start == 0 or text[start - 1] in "(/":
            continue
        wanted = NBSP if match.group() == ":" else NNBSP
        if text[start - 1] != wanted:
            faults.append(text[max(0, start - 12) : start + 1])
    faults += [text[m.start() : m.start() + 12] for m in re.finditer(f"«(?!{NBSP})", text)]
    faults += [text[max(0, m.start() - 12) : m.end()] for m in re.finditer(f"(?<!{NBSP})»", text)]
    return faults


def test_typography_check_knows_right_from_wrong():
    assert typography_faults("Vous êtes: Choisissez") == ["Vous êtes:"]
    assert typography_faults("Merci !") == ["Merci !"]
    assert typography_faults(f"« Photo{NBSP}: CICR{NBSP}»") == ["« Photo\xa0: CI"]
    assert typography_faults(f"Vide{NBSP}: «{NBSP}Signer{NBSP}». Merci{NNBSP}! https://x.org") == []


def test_french_translations_use_non_breaking_spaces():
    faults = {
        entry.msgid: found
        for entry in catalog("fr")
        if not entry.obsolete
        for text in translations(entry)
        if (found := typography_faults(text))
    }
    assert faults == {}


def count_messages_without_plural(language):
    found = []
    for entry in catalog(language):
        if entry.obsolete or entry.msgid_plural:
            continue
        names = PLACEHOLDER_BEFORE_WORD.findall(entry.msgid)
        if any(name not in WORDS_NOT_QUANTITIES for name in names):
            found.append(entry.msgid)
    return found


def test_plural_check_finds_a_count_without_plural_form():
    assert PLACEHOLDER_BEFORE_WORD.findall("Of those held: %(sentenced)s sentenced") == [
        "sentenced"
    ]
    assert PLACEHOLDER_BEFORE_WORD.findall("%(label)s: %(value)s") == []


@pytest.mark.parametrize("language", ["fr", "hy"])
def test_every_number_followed_by_a_word_has_plural_forms(language):
    """ "4 condamnées, 1 non condamnées": a count meets a noun in a message without plural."""
    assert count_messages_without_plural(language) == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("hy", "3 նոյեմբերի, 2020 թ."),
        ("fr", "3 novembre 2020"),
        ("en", "Nov. 3, 2020"),
    ],
)
def test_dates_read_as_each_language_writes_them(language, expected):
    with translation.override(language):
        assert date_format(datetime.date(2020, 11, 3)) == expected


def test_armenian_months_are_lower_case_and_genitive_in_dates():
    with translation.override("hy"):
        assert date_format(datetime.date(2021, 1, 15)) == "15 հունվարի, 2021 թ."
        assert date_format(datetime.date(2021, 8, 1), "MONTH_DAY_FORMAT") == "1 օգոստոսի"
        assert date_format(datetime.date(2020, 9, 1), "YEAR_MONTH_FORMAT") == "2020 թ. սեպտեմբեր"


@pytest.mark.parametrize(
    ("language", "south", "north"),
    [
        ("en", "South Korea", "North Korea"),
        ("fr", "Corée du Sud", "Corée du Nord"),
        ("hy", "Հարավային Կորեա", "Հյուսիսային Կորեա"),
    ],
)
def test_the_two_koreas_are_not_swapped(language, south, north):
    """django-countries' Armenian catalog calls KR North Korea (settings: COUNTRIES_OVERRIDE)."""
    from django_countries import countries
    from django_countries.fields import Country

    from prisoners.forms import LetterForm

    with translation.override(language):
        assert (countries.name("KR"), countries.name("KP")) == (south, north)
        assert Country("KR").name == south
        choices = dict(LetterForm().fields["country"].choices)
        assert (choices["KR"], choices["KP"]) == (south, north)
