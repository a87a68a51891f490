# A profile's reference is ProfileSource, so it is not mistaken for petitions.Source
# (where a signature came from). Django renames the table and keeps the content
# type's id, so wagtail-localize's TranslatableObject rows still point at it.
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("prisoners", "0002_sponsorship_language_choices"),
    ]

    operations = [
        migrations.RenameModel(old_name="Source", new_name="ProfileSource"),
    ]
