# The place of detention now lives on Prisoner (filled by 0013): the page field goes.
# Revisions made before keep it in their JSON; loading them ignores it.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0013_fill_detention_place"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="prisonerpage",
            name="detention_place",
        ),
    ]
