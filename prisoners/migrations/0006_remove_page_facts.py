# The facts now live on Prisoner (filled by 0005): the page fields go.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0005_fill_prisoner_records"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="prisonerpage",
            name="acknowledged",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="age_at_capture",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="born_on",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="captured_on",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="category",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="consent",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="consent_notes",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="expected_release_on",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="icrc_last_visit_on",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="icrc_registration",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="is_sample",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="photo",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="released_on",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="sentence_years",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="sentenced_on",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="status",
        ),
        migrations.RemoveField(
            model_name="prisonerpage",
            name="visibility",
        ),
    ]
