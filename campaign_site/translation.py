"""Which fields of a page go to translators, and which are copied as they are.

wagtail-localize guesses from field types when a model says nothing; the guess
sends slugs to translators and would let a future CharField holding an id or a
CSS class reach machine translation. Every page type therefore lists its fields
explicitly, starting from these.
"""

from wagtail_localize.fields import SynchronizedField, TranslatableField

PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    TranslatableField("menu_label"),
    # One slug in every language keeps URLs predictable for partners and
    # keeps identifiers away from translators.
    SynchronizedField("slug"),
]


def page_fields(*fields):
    """The shared page fields followed by a model's own."""
    return [*PAGE_TRANSLATABLE_FIELDS, *fields]
