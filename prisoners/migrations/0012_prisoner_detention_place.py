# The place of detention becomes a fact of the person (issue 11): the record gets the
# column here, 0013 fills it from the source page, 0014 removes the per-language field.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0011_icrc_last_visit_from_rows"),
    ]

    operations = [
        migrations.AddField(
            model_name="prisoner",
            name="detention_place",
            field=models.CharField(
                blank=True,
                help_text=(
                    "The last known place, by its short name as the source page writes it "
                    "(the same in every language, not translated). Record a move as a "
                    "transfer below."
                ),
                max_length=255,
                verbose_name="place of detention",
            ),
        ),
    ]
