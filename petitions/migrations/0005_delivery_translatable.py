# Deliveries become translatable snippets: existing ones are in the site's default language.

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def existing_deliveries_in_the_default_language(apps, schema_editor):
    Delivery = apps.get_model("petitions", "Delivery")
    Locale = apps.get_model("wagtailcore", "Locale")
    pending = Delivery.objects.filter(translation_key__isnull=True)
    if not pending.exists():
        return
    language = settings.LANGUAGE_CODE.split("-")[0]
    locale = (
        Locale.objects.filter(language_code=language).first()
        or Locale.objects.order_by("pk").first()
    )
    for delivery in pending.iterator():
        delivery.translation_key = uuid.uuid4()
        delivery.locale = locale
        delivery.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):

    dependencies = [
        ('petitions', '0004_import_log_columns_and_date_format'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AddField(
            model_name='delivery',
            name='locale',
            field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale'),
        ),
        migrations.AddField(
            model_name='delivery',
            name='translation_key',
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(existing_deliveries_in_the_default_language, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='delivery',
            name='locale',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale'),
        ),
        migrations.AlterField(
            model_name='delivery',
            name='translation_key',
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name='delivery',
            unique_together={('translation_key', 'locale')},
        ),
    ]
