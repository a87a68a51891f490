# The record's place of detention, from the page its facts come from: the record's source
# page (`Prisoner.page`, set by 0005 from wagtail-localize's source, else the default
# language's page, else the oldest), else the same choice as 0005 made it. Translations
# held their own (translated) text; it is not kept: prisons are known by their name, as
# the transfers' places (DetentionEvent) already are.
#
# Backwards: every translation gets its person's place back.
from django.conf import settings
from django.db import migrations

FIELD = "detention_place"


def source_page(pages, record_page_id, source_locale_id, default_language):
    for page in pages:
        if page.pk == record_page_id:
            return page
    for page in pages:
        if source_locale_id is not None and page.locale_id == source_locale_id:
            return page
    for page in pages:
        if page.locale.language_code == default_language:
            return page
    return pages[0]


def copy_to_records(apps, schema_editor):
    PrisonerPage = apps.get_model("prisoners", "PrisonerPage")
    Prisoner = apps.get_model("prisoners", "Prisoner")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    StringSegment = apps.get_model("wagtail_localize", "StringSegment")

    pages_by_person = {}
    for page in PrisonerPage.objects.select_related("locale").order_by("pk"):
        pages_by_person.setdefault(page.translation_key, []).append(page)
    source_locales = dict(
        TranslationSource.objects.filter(object_id__in=list(pages_by_person)).values_list(
            "object_id", "locale_id"
        )
    )
    for record in Prisoner.objects.filter(translation_key__in=list(pages_by_person)):
        pages = pages_by_person[record.translation_key]
        source = source_page(
            pages, record.page_id, source_locales.get(record.translation_key), settings.LANGUAGE_CODE
        )
        Prisoner.objects.filter(pk=record.pk).update(**{FIELD: getattr(source, FIELD)})

    # The field is no longer translatable: its strings leave the profiles' translation
    # sources, or publishing a translation from a source not synced since would look
    # for a field that is gone. (A sync extracts the sources' strings again.)
    StringSegment.objects.filter(
        source__object_id__in=list(pages_by_person), context__path=FIELD
    ).delete()


def copy_to_pages(apps, schema_editor):
    PrisonerPage = apps.get_model("prisoners", "PrisonerPage")
    for page in PrisonerPage.objects.exclude(prisoner=None).select_related("prisoner"):
        PrisonerPage.objects.filter(pk=page.pk).update(
            **{FIELD: getattr(page.prisoner, FIELD)}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0012_prisoner_detention_place"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(copy_to_records, copy_to_pages)]
