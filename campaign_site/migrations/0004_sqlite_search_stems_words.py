"""SQLite's full-text table tokenised with `porter`, so a search finds other word forms.

Wagtail creates `wagtailsearch_indexentry_fts` with FTS5's default tokenizer,
which matches exact words only ("prisoner" never finds "prisoners"). The table is
rebuilt with the porter stemmer (and accents folded, "liberation" finds
"libération"), refilled from the index entries its triggers copy from.
Other databases are untouched: PostgreSQL stems with campaign_site.search.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry_fts"
COLUMNS = "autocomplete, body, title"


def _rebuild(schema_editor, tokenize):
    connection = schema_editor.connection
    if connection.vendor != "sqlite" or TABLE not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {TABLE}")
        options = f", tokenize = '{tokenize}'" if tokenize else ""
        cursor.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5({COLUMNS}{options})")
        cursor.execute(
            f"INSERT INTO {TABLE} (rowid, {COLUMNS}) "  # noqa: S608 (constant names)
            f"SELECT id, {COLUMNS} FROM wagtailsearch_indexentry"
        )


def stem_words(apps, schema_editor):
    _rebuild(schema_editor, "porter unicode61 remove_diacritics 2")


def match_exact_words(apps, schema_editor):
    _rebuild(schema_editor, "")


class Migration(migrations.Migration):
    dependencies = [
        ("campaign_site", "0003_under_attack_switch"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(stem_words, match_exact_words)]
