"""Fill gettext catalogs from a Python dict, without touching other entries.

    python scripts/fill_catalog.py translations.py

`translations.py` defines TRANSLATIONS = {"msgid": {"fr": "...", "hy": "..."}};
a plural entry gives a list per language: {"fr": ["singular", "plural"], ...}.
Several people (or helpers) may fill catalogs at once: the lock serialises the
read-modify-write of each file.
"""

import fcntl
import runpy
import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def fill(translations):
    with open(LOCALE_DIR / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po")):
            language = po_path.parts[-3]
            catalog = polib.pofile(str(po_path))
            changed = 0
            for entry in catalog:
                wanted = translations.get(entry.msgid, {}).get(language)
                if wanted is None:
                    continue
                if entry.msgid_plural:
                    entry.msgstr_plural = dict(enumerate(wanted))
                else:
                    entry.msgstr = wanted
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                changed += 1
            catalog.save()
            catalog.save_as_mofile(str(po_path.with_suffix(".mo")))
            print(f"{po_path.relative_to(LOCALE_DIR.parent)}: {changed} entries filled")


if __name__ == "__main__":
    fill(runpy.run_path(sys.argv[1])["TRANSLATIONS"])
