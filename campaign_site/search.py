"""Search that knows the language it reads: word forms in English and French, prefixes elsewhere.

Wagtail's database backend (modelsearch) stems every page with one text-search
configuration. This backend picks it per page, from the page's locale, and per
query, from the active language, so "prisoner" finds "prisoners" and
"prisonnier" finds "prisonniers":

* PostgreSQL: the `english` and `french` configurations (`SEARCH_CONFIGS`);
  a language without one (Armenian) is indexed with `simple` and its last word
  is matched as a prefix, so "բանտարկյալ" finds "բանտարկյալներ".
* SQLite: FTS5 with the `porter` tokenizer (migration
  campaign_site 0002), English stemming that also folds French plurals in -s;
  Armenian gets the same prefix matching.

After changing `SEARCH_CONFIGS`, or on a site indexed before this backend,
run `manage.py update_index` once.

Whatever the database, quotes in a query become spaces first: SQLite's FTS5
backend puts each word between double quotes without doubling the quotes inside
it, so a visitor's `"` ended the string early and the search was a server error
(`?q="x`, the content API's `?search=`). Quotes carry no meaning in our searches.
"""

import copy

from django.db import connection
from django.utils import translation

#: PostgreSQL text-search configuration per language; others are "simple" + prefix.
SEARCH_CONFIGS = {"en": "english", "fr": "french"}
UNSTEMMED_CONFIG = "simple"


def config_for(language_code):
    return SEARCH_CONFIGS.get((language_code or "").split("-")[0], UNSTEMMED_CONFIG)


def stems(language_code):
    """Whether the backend finds other word forms of `language_code` (else: prefixes)."""
    return config_for(language_code) != UNSTEMMED_CONFIG


class _LanguageAwareQuery:
    """Mixin for query compilers: the reader's language decides stemming or prefixes."""

    @property
    def LAST_TERM_IS_PREFIX(self):  # noqa: N802 (modelsearch reads this name)
        return not stems(translation.get_language())

    def get_config(self, backend):
        return config_for(translation.get_language())


def _postgres_backend(params):
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class LanguageIndex(PostgresIndex):
        def add_items(self, model, objs):
            by_config = {}
            for obj in objs:
                locale = getattr(obj, "locale", None)
                config = config_for(locale.language_code if locale else "")
                by_config.setdefault(config, []).append(obj)
            for config, group in by_config.items():
                backend = copy.copy(self.backend)
                backend.config = config
                PostgresIndex(backend).add_items(model, group)

    class LanguageQueryCompiler(_LanguageAwareQuery, PostgresSearchQueryCompiler):
        pass

    class LanguageSearchBackend(PostgresSearchBackend):
        index_class = LanguageIndex
        query_compiler_class = LanguageQueryCompiler

    return LanguageSearchBackend(params)


def _sqlite_backend(params):
    from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    backend = DatabaseSearchBackend(params)
    if not isinstance(backend, SQLiteSearchBackend):  # no FTS5 in this SQLite
        return backend

    class LanguageQueryCompiler(_LanguageAwareQuery, SQLiteSearchQueryCompiler):
        pass

    class LanguageSearchBackend(SQLiteSearchBackend):
        query_compiler_class = LanguageQueryCompiler

    return LanguageSearchBackend(params)


class QuoteSafeSearch:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            query = query.replace('"', " ")
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


def _language_backend(params):
    if connection.vendor == "postgresql":
        return _postgres_backend(params)
    if connection.vendor == "sqlite":
        return _sqlite_backend(params)
    from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

    return DatabaseSearchBackend(params)


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    backend = _language_backend(params)
    backend_class = type(backend)
    backend.__class__ = type(
        f"QuoteSafe{backend_class.__name__}", (QuoteSafeSearch, backend_class), {}
    )
    return backend
