"""Translating content through wagtail-localize from code (demo data, tests).

Editors translate in the admin; this module drives the same machinery, so a
page translated here is indistinguishable from one a translator produced:
it has a TranslationSource, a Translation and StringTranslations, and later
source changes show up as out of date in the usual places.
"""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


@transaction.atomic
def publish_translation(instance, language_code, catalogue, *, user=None, publish=True):
    """Translate `instance` into `language_code` using `catalogue`, and save it.

    `catalogue` maps each source string (as wagtail-localize segments it) to its
    translation. Strings missing from it stay in the source language and are
    returned, so callers can report them.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation_record, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    missing = []
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = segment.string.data
        if text not in catalogue:
            missing.append(text)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": catalogue[text],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    translation_record.save_target(user=user, publish=publish)
    return missing
