"""Demo content read from YAML data files, so translators correct it without reading Python.

A text shown to visitors is written in every site language side by side:

    title:
      en: News
      fr: Actualités
      hy: Նորություններ

Any mapping with an `en` key is such a text, and must give every language of
WAGTAIL_CONTENT_LANGUAGES, no more, each a non-empty string. Anything else (a
date, a number, a name that stays the same in every language) is a plain value.
The apps' demo loaders turn the English into pages, and the other languages into
wagtail-localize catalogues with `catalogue()`.
"""

from pathlib import Path

import yaml
from django.conf import settings

SOURCE_LANGUAGE = "en"


class DemoDataError(ValueError):
    """A data file a loader cannot use; the message names the file and the place in it."""


def site_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def translation_languages():
    return [code for code in site_languages() if code != SOURCE_LANGUAGE]


def read_demo_data(path):
    """The plain data (dicts, lists, strings, numbers, dates) of one YAML file, checked."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise DemoDataError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise DemoDataError(f"{path}: expected a mapping of named parts at the top")
    _check_texts(data, path, "", set(site_languages()))
    return data


def is_text(value):
    return isinstance(value, dict) and SOURCE_LANGUAGE in value


def english(value):
    """The source-language version of a text; a plain value is the same in every language."""
    return value[SOURCE_LANGUAGE] if is_text(value) else value


def catalogue(texts, language):
    """{English: translation} for wagtail-localize, from texts (and plain values, kept as is).

    One English string gets one translation per page: the same words translated
    two ways in a data file is an error to correct there, not a silent choice.
    """
    strings = {}
    for text in texts:
        source, translation = (
            (text[SOURCE_LANGUAGE], text[language]) if is_text(text) else (text, text)
        )
        if strings.setdefault(source, translation) != translation:
            raise DemoDataError(
                f"{source[:60]!r} is translated into {language} both as "
                f"{strings[source][:60]!r} and as {translation[:60]!r}"
            )
    return strings


def texts_in(value):
    """Every text inside `value`, depth first, in file order."""
    if is_text(value):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts_in(item)


def _check_texts(value, path, where, languages):
    if is_text(value):
        missing = sorted(languages - value.keys())
        unknown = sorted(value.keys() - languages)
        if missing or unknown:
            problems = [f"missing {', '.join(missing)}"] if missing else []
            problems += [f"unknown language {', '.join(map(str, unknown))}"] if unknown else []
            raise DemoDataError(f"{path}: {where or 'top'}: {'; '.join(problems)}")
        for language, text in value.items():
            if not isinstance(text, str) or not text.strip():
                raise DemoDataError(f"{path}: {where}.{language}: expected a non-empty text")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_texts(item, path, f"{where}.{key}" if where else str(key), languages)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_texts(item, path, f"{where}[{index}]", languages)
