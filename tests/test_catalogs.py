"""Every interface string is translated, and the compiled catalogs match the sources."""

import os
import shutil
import tempfile
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
#: Where the site's own strings are: what scripts/messages extracts (not tests/ nor scripts/).
APPS = ("campaign_site", "home", "petitions", "prisoners")


def strings_in_the_code():
    """{(context, msgid)} that `makemessages` finds in the apps' code and templates.

    It runs on a copy of the apps with a scratch locale folder, so the real catalogs
    are never touched (about two seconds).
    """
    base = Path(settings.BASE_DIR)
    with tempfile.TemporaryDirectory() as scratch:
        for app in APPS:
            shutil.copytree(
                base / app,
                Path(scratch) / app,
                ignore=shutil.ignore_patterns("__pycache__", "migrations", "static"),
            )
        (Path(scratch) / "locale").mkdir()
        cwd = os.getcwd()
        os.chdir(scratch)  # makemessages reads the folder it is run from
        try:
            with override_settings(LOCALE_PATHS=[str(Path(scratch) / "locale")]):
                call_command(
                    "makemessages", locale=["xx"], keep_pot=True, no_location=True, verbosity=0
                )
        finally:
            os.chdir(cwd)
        template = polib.pofile(str(Path(scratch) / "locale" / "django.pot"))
    return {(entry.msgctxt, entry.msgid) for entry in template}


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalog_is_complete(language):
    catalog = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))

    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert untranslated == [], f"{language}: untranslated entries"
    assert fuzzy == [], f"{language}: fuzzy entries (check, then remove the flag)"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_compiled_catalog_matches_its_source(language):
    """A .po edited without recompiling would silently show the old wording."""
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    source = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in polib.pofile(str(folder / "django.po")).translated_entries()
    }
    compiled = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in polib.mofile(str(folder / "django.mo"))
        if entry.msgid
    }
    assert compiled == source, "run scripts/messages to recompile the catalogs"


def test_armenian_plural_rule_follows_cldr():
    """In Armenian, 0 and 1 take the singular (CLDR: one = i = 0,1)."""
    header = polib.pofile(str(LOCALE_DIR / "hy" / "LC_MESSAGES" / "django.po")).metadata
    assert header["Plural-Forms"] == "nplurals=2; plural=(n > 1);"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext")
@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_string_marked_in_the_code_is_in_the_catalog(language):
    """A string marked for translation but missing from a catalog shows in English.

    Fix: add the entry with polib (see the developers' guide), or run scripts/messages
    and translate what it adds."""
    catalog = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    known = {(entry.msgctxt, entry.msgid) for entry in catalog if not entry.obsolete}
    found = strings_in_the_code()
    assert len(found) > 500, "makemessages found the code"
    assert sorted(found - known, key=str) == []
