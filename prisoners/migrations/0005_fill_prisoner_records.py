# One Prisoner per person, from the facts its translations carried as page fields.
#
# Visibility and consent: the most private value found on any translation (a translation
# not synced yet could carry an older, more open one; the safe side wins). Every other fact
# comes from the page the person was first written in (wagtail-localize's source), else
# from the default language's page, else from the oldest page.
from django.conf import settings
from django.db import migrations

FACTS = (
    "category",
    "status",
    "photo_id",
    "captured_on",
    "born_on",
    "age_at_capture",
    "icrc_registration",
    "icrc_last_visit_on",
    "acknowledged",
    "sentenced_on",
    "sentence_years",
    "expected_release_on",
    "released_on",
    "consent",
    "visibility",
    "consent_notes",
    "is_sample",
)

# Most private first. Refused, unanswered and unasked all allow counting only; of those
# that allow the name, the family's own agreement is the less private one.
CONSENT_PRIVACY = ("refused", "pending", "not-asked", "public-record", "name-only", "given")
# The most a consent allows (prisoners.visibility.CONSENT_ALLOWS, frozen here).
CONSENT_ALLOWS = {"given": 2, "name-only": 1, "public-record": 1}


def most_private_consent(values):
    known = [value for value in values if value in CONSENT_PRIVACY]
    if not known:
        return "not-asked"
    return min(known, key=CONSENT_PRIVACY.index)


def source_page(pages, source_locale_id, default_language):
    for page in pages:
        if source_locale_id is not None and page.locale_id == source_locale_id:
            return page
    for page in pages:
        if page.locale.language_code == default_language:
            return page
    return pages[0]


def fill(apps, schema_editor):
    PrisonerPage = apps.get_model("prisoners", "PrisonerPage")
    Prisoner = apps.get_model("prisoners", "Prisoner")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")

    pages_by_person = {}
    for page in PrisonerPage.objects.select_related("locale").order_by("pk"):
        pages_by_person.setdefault(page.translation_key, []).append(page)
    source_locales = dict(
        TranslationSource.objects.filter(object_id__in=list(pages_by_person)).values_list(
            "object_id", "locale_id"
        )
    )
    for key, pages in pages_by_person.items():
        source = source_page(pages, source_locales.get(key), settings.LANGUAGE_CODE)
        values = {name: getattr(source, name) for name in FACTS}
        consent = most_private_consent(page.consent for page in pages)
        values["consent"] = consent
        values["visibility"] = min(
            min(page.visibility for page in pages), CONSENT_ALLOWS.get(consent, 0)
        )
        if not values["consent_notes"]:
            # Private notes are kept whichever translation they were written on.
            values["consent_notes"] = next(
                (page.consent_notes for page in pages if page.consent_notes), ""
            )
        prisoner, _created = Prisoner.objects.update_or_create(
            translation_key=key,
            defaults={"page_id": source.pk, "name": source.title, **values},
        )
        PrisonerPage.objects.filter(translation_key=key).update(prisoner=prisoner)


def unfill(apps, schema_editor):
    """Back to facts on every page: each translation gets its person's."""
    PrisonerPage = apps.get_model("prisoners", "PrisonerPage")
    for page in PrisonerPage.objects.exclude(prisoner=None).select_related("prisoner"):
        for name in FACTS:
            setattr(page, name, getattr(page.prisoner, name))
        page.save(update_fields=[*FACTS])
    PrisonerPage.objects.update(prisoner=None)


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0004_prisoner_record"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(fill, unfill)]
