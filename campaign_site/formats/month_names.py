"""Month names our catalogs translate, so that dates read as each language writes them.

Django formats dates with the names from its own catalogs: `F` with the
nominative ("November"), `E` with the "alt. month" names, meant for languages
whose dates use another case. Django's Armenian catalog gives both as the
capitalised nominative ("Նոյեմբեր"); CLDR's Armenian dates use the genitive,
lower case ("3 նոյեմբերի, 2020 թ."), and the lower-case nominative alone
("2020 թ. նոյեմբեր"). Our catalogs come before Django's, so listing the names
here keeps them in `locale/` (scripts/messages extracts them) with those forms;
campaign_site/formats/hy/formats.py uses `E` in its date formats.
"""

from django.utils.translation import gettext_lazy, pgettext_lazy

MONTHS = (
    gettext_lazy("January"),
    gettext_lazy("February"),
    gettext_lazy("March"),
    gettext_lazy("April"),
    gettext_lazy("May"),
    gettext_lazy("June"),
    gettext_lazy("July"),
    gettext_lazy("August"),
    gettext_lazy("September"),
    gettext_lazy("October"),
    gettext_lazy("November"),
    gettext_lazy("December"),
)

MONTHS_IN_DATES = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
