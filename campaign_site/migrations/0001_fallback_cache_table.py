"""The table of the database cache that stands in for Redis during an outage.

Django creates database cache tables with `createcachetable`, outside
migrations; creating it here means every database that has the schema has the
table, so a Redis outage never finds it missing (campaign_site.cache).
"""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "campaign_cache_fallback"


def create_table(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_table, drop_table)]
