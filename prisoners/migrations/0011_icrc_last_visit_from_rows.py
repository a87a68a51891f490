"""The last known ICRC visit comes from the ICRC-visit rows: a date set in the old field
becomes a row (unless one is on that date), then the field holds the latest row's date."""

from django.db import migrations, models
from django.db.models import Max

ICRC_VISIT = "icrc_visit"


def old_field_to_rows(apps, schema_editor):
    Prisoner = apps.get_model("prisoners", "Prisoner")
    DetentionEvent = apps.get_model("prisoners", "DetentionEvent")
    for record in Prisoner.objects.exclude(icrc_last_visit_on=None).iterator():
        rows = DetentionEvent.objects.filter(prisoner=record)
        if not rows.filter(kind=ICRC_VISIT, date=record.icrc_last_visit_on).exists():
            last_order = rows.aggregate(last=Max("sort_order"))["last"]
            DetentionEvent.objects.create(
                prisoner=record,
                kind=ICRC_VISIT,
                date=record.icrc_last_visit_on,
                sort_order=0 if last_order is None else last_order + 1,
            )
    # Rows recorded without the old field: the field follows them too.
    latest = (
        DetentionEvent.objects.filter(kind=ICRC_VISIT)
        .values("prisoner")
        .annotate(last=Max("date"))
    )
    for row in latest:
        Prisoner.objects.filter(pk=row["prisoner"]).update(icrc_last_visit_on=row["last"])


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0010_profile_facts_appeal_echr_family_health_events"),
    ]

    operations = [
        migrations.AlterField(
            model_name="prisoner",
            name="icrc_last_visit_on",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="last known ICRC visit"
            ),
        ),
        migrations.RunPython(old_field_to_rows, migrations.RunPython.noop),
    ]
