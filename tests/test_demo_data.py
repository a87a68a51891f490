"""The demo's words live in YAML files a translator can correct, one per part, checked on load."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from campaign_site.demo_data import DemoDataError, catalogue, read_demo_data
from home.demo import content as news_demo
from home.demo import site as home_demo
from petitions import demo as petition_demo
from petitions.models import PetitionPage
from prisoners import demo as prisoner_demo

LANGUAGES = {"en", "fr", "hy"}
DATA_FILES = sorted(
    path
    for directory in (home_demo.DATA_DIR, petition_demo.DATA_DIR, prisoner_demo.DATA_DIR)
    for path in directory.glob("*.yaml")
)


def assert_in_every_language(*texts):
    for text in texts:
        assert isinstance(text, dict) and set(text) == LANGUAGES, text
        assert all(isinstance(words, str) and words.strip() for words in text.values()), text


def test_every_part_has_its_data_file():
    assert [path.name for path in DATA_FILES] == [
        "home.yaml",
        "news.yaml",
        "petition.yaml",
        "prisoners.yaml",
    ]


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.name)
def test_every_data_file_parses_and_gives_every_text_in_every_language(path):
    assert read_demo_data(path)


def test_home_texts_are_in_every_language():
    data = home_demo.home_data()
    home = data["home"]
    assert_in_every_language(
        home["title"],
        home["headline"],
        home["introduction"],
        home["search_description"],
        home["call_to_action"],
    )
    for event in data["timeline"]:
        assert_in_every_language(event["title"], event["text"])


def test_news_texts_are_in_every_language():
    data = news_demo.news_data()
    assert_in_every_language(*data["index"].values(), *data["tags"].values())
    assert_in_every_language(data["references"]["heading"], *data["references"]["items"])
    assert len(data["references"]["items"]) == 8  # numbered as the petition numbers them
    for item in data["news"]:
        assert_in_every_language(item["title"], item["lead"], *item["paragraphs"])
        assert set(item["tags"]) <= set(data["tags"])


def test_petition_texts_are_in_every_language():
    data = petition_demo.petition_data()
    assert_in_every_language(
        *(data[name] for name in petition_demo.TEXT_FIELDS), data["thank_you_text"]
    )
    assert_in_every_language(*data["demands"], data["references"]["heading"])
    for person in data["decision_makers"]:
        assert_in_every_language(person["name"], person["role"], person["organisation"])
    for part in data["body"]:
        assert_in_every_language(*part.get("list", [part]))
    assert_in_every_language(*(item["text"] for item in data["references"]["items"]))


def test_prisoner_texts_are_in_every_language_except_on_a_profile_never_shown():
    data = prisoner_demo.prisoners_data()
    index = data["index"]
    assert_in_every_language(
        index["title"],
        *index["introduction"],
        index["search_description"],
        index["figures_source_title"],
        index["disappeared_source_title"],
        index["group_sponsorship_text"],
    )
    translated_fields = [
        "title",
        "capture_place",
        "home_town",
        "occupation",
        "charges",
        "court",
        "photo_credit",
        "biography",
    ]
    shown = [profile for profile in data["profiles"] if profile["visibility"] != "counted"]
    assert len(shown) == len(data["profiles"]) - 1
    for profile in shown:
        assert_in_every_language(*(profile[name] for name in translated_fields if name in profile))
        assert_in_every_language(*(event["event"] for event in profile.get("timeline", [])))
        assert_in_every_language(*(source["title"] for source in profile.get("sources", [])))
        assert profile["slug"].startswith("sample-")  # fictional people only


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_a_text_missing_a_language_is_named_with_its_place(tmp_path):
    path = write(tmp_path / "part.yaml", "news:\n- title:\n    en: News\n    fr: Actualités\n")
    with pytest.raises(DemoDataError, match=r"part\.yaml: news\[0\]\.title: missing hy"):
        read_demo_data(path)


def test_an_unknown_language_or_an_empty_text_is_refused(tmp_path):
    unknown = write(tmp_path / "unknown.yaml", "title: {en: News, fr: Actualités, hy: Լուր, de: X}")
    with pytest.raises(DemoDataError, match="unknown language de"):
        read_demo_data(unknown)
    empty = write(tmp_path / "empty.yaml", "title: {en: News, fr: '', hy: Լուր}")
    with pytest.raises(DemoDataError, match=r"title\.fr: expected a non-empty text"):
        read_demo_data(empty)


def test_broken_yaml_is_reported_with_its_file(tmp_path):
    path = write(tmp_path / "broken.yaml", "title:\n  en: News\n fr: [\n")
    with pytest.raises(DemoDataError, match=r"broken\.yaml: not valid YAML"):
        read_demo_data(path)


def test_the_same_english_translated_two_ways_on_one_page_is_refused():
    texts = [{"en": "Director", "fr": "Directeur"}, {"en": "Director", "fr": "Directrice"}]
    with pytest.raises(DemoDataError, match="'Director' is translated into fr both as"):
        catalogue(texts, "fr")
    assert catalogue([*texts[:1], "OSCE"], "fr") == {"Director": "Directeur", "OSCE": "OSCE"}


@pytest.mark.django_db
def test_a_corrected_french_string_shows_on_the_french_page_after_load_demo(
    client, monkeypatch, tmp_path, django_capture_on_commit_callbacks
):
    """A translator's workflow: correct the French in the data file, run load_demo again."""

    def load_demo():
        output = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo", stdout=output)
        assert "no translation for" not in output.getvalue(), output.getvalue()

    def french_petition_heading():
        page = PetitionPage.objects.get(locale__language_code="fr")
        document = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
        return document.h1.get_text(strip=True)

    original = "Libérez TOUS les prisonniers de guerre et otages arméniens détenus illégalement"
    corrected = "Libérez enfin TOUS les prisonniers de guerre et otages arméniens détenus"
    data_dir = Path(shutil.copytree(petition_demo.DATA_DIR, tmp_path / "demo_data"))
    monkeypatch.setattr(petition_demo, "DATA_DIR", data_dir)
    load_demo()
    assert french_petition_heading().startswith(original)

    petition_file = data_dir / "petition.yaml"
    text = petition_file.read_text(encoding="utf-8")
    assert text.count(original) == 1  # the French title, and nothing else
    write(petition_file, text.replace(original, corrected))
    load_demo()

    assert french_petition_heading() == f"{corrected} en Azerbaïdjan"
    english = PetitionPage.objects.get(locale__language_code="en")
    assert english.title == "Free ALL Armenian POWs and hostages held illegally in Azerbaijan"
    assert PetitionPage.objects.count() == 3
