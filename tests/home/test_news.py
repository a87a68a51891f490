"""News: the index (pagination, tag filter) and news items, in every language."""

import datetime

import pytest
import wagtail_factories
from django.utils import formats, translation
from wagtail.models import PageViewRestriction

from campaign_site.localization import publish_translation
from home.models import NewsPage, NewsTag

from .conftest import soup
from .factories import NewsTagFactory

pytestmark = pytest.mark.django_db

PACE_DATE = datetime.date(2021, 4, 22)


def card_titles(document):
    return [title.get_text(strip=True) for title in document.select(".news-list .card__title")]


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "News"), ("fr", "Actualités"), ("hy", "Նորություններ")]
)
def test_news_index_renders_in_each_language(client, news_indexes, make_news, language, heading):
    item = make_news(title="PACE calls for release", date=PACE_DATE)
    if language != "en":
        item.copy_for_translation(news_indexes[language].locale).save_revision().publish()

    response = client.get(f"/{language}/news/")

    assert response.status_code == 200
    document = soup(response)
    assert document.html["lang"] == language
    assert document.h1.get_text(strip=True) == heading
    assert card_titles(document) == ["PACE calls for release"]
    card_date = document.select_one(".news-list time")
    assert card_date["datetime"] == "2021-04-22"
    with translation.override(language):
        assert card_date.get_text() == formats.date_format(PACE_DATE, "DATE_FORMAT")
    # The news index is in the menu of its language.
    menu = [a.get_text(strip=True) for a in document.select(".main-nav a")]
    assert menu == [heading]


def test_french_dates_are_written_the_french_way(client, news_indexes, make_news):
    item = make_news(date=PACE_DATE)
    french = item.copy_for_translation(news_indexes["fr"].locale)
    french.save_revision().publish()
    assert soup(client.get(french.url)).select_one(".news-article__meta time").get_text() == (
        "22 avril 2021"
    )


def test_index_lists_newest_first_and_only_live_public_items(client, news_indexes, make_news):
    make_news(title="Older", date=datetime.date(2021, 1, 28))
    make_news(title="Newer", date=datetime.date(2021, 6, 15))
    draft = make_news(title="Draft", date=datetime.date(2021, 7, 1))
    draft.unpublish()
    private = make_news(title="Private", date=datetime.date(2021, 7, 2))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    document = soup(client.get("/en/news/"))

    assert card_titles(document) == ["Newer", "Older"]
    assert document.select_one(".result-count").get_text(strip=True) == "2 news items"


def test_index_paginates(client, news_indexes, make_news):
    for day in range(1, 13):
        make_news(title=f"Day {day:02d}", date=datetime.date(2021, 5, day))

    first = soup(client.get("/en/news/"))
    second_response = client.get("/en/news/?page=2")
    second = soup(second_response)

    assert card_titles(first) == [f"Day {day:02d}" for day in range(12, 2, -1)]
    assert card_titles(second) == ["Day 02", "Day 01"]
    assert first.select_one('.pagination a[rel="next"]')["href"] == "?page=2"
    assert second.select_one('.pagination a[rel="prev"]')["href"] == "?page=1"
    assert second.select_one(".pagination a[aria-current]").get_text(" ", strip=True) == "Page 2"
    # Each page of the list is its own canonical URL.
    assert first.find("link", rel="canonical")["href"] == "http://localhost/en/news/"
    assert second.find("link", rel="canonical")["href"] == "http://localhost/en/news/?page=2"
    # Out of range or garbage: the nearest page, never an error.
    assert card_titles(soup(client.get("/en/news/?page=99"))) == ["Day 02", "Day 01"]
    assert card_titles(soup(client.get("/en/news/?page=abc"))) == card_titles(first)


def test_tag_filter_works_in_every_language_with_translated_tag_names(
    client, news_indexes, make_news, translate, pace_tag
):
    other_tag = NewsTagFactory(name="ECtHR", slug="ecthr")
    tagged = make_news(title="PACE call", tags=[pace_tag])
    untagged = make_news(title="Court measures", tags=[other_tag])
    translate(tagged, "fr", title="Appel de l'APCE")
    translate(untagged, "fr", title="Mesures de la Cour")

    english = soup(client.get("/en/news/?tag=council-of-europe"))
    french_response = client.get("/fr/news/?tag=council-of-europe")
    french = soup(french_response)

    assert card_titles(english) == ["PACE call"]
    assert card_titles(french) == ["Appel de l'APCE"]
    # The French page shows the French name of the tag, in the filter and on the card.
    current = french.select_one(".tag-filter a[aria-current]")
    assert current.get_text(strip=True) == "Conseil de l'Europe"
    assert [li.get_text(strip=True) for li in french.select(".news-list .tag-list li")] == [
        "Conseil de l'Europe"
    ]
    filters = {a.get_text(strip=True): a["href"] for a in french.select(".tag-filter a")}
    assert filters == {
        "Toutes les actualités": "/fr/news/",
        "Conseil de l'Europe": "/fr/news/?tag=council-of-europe",
        # Not translated yet: shown under its own name rather than hidden.
        "ECtHR": "/fr/news/?tag=ecthr",
    }
    assert french.select_one(".result-count").get_text(" ", strip=True) == (
        "1 actualité avec le mot-clé «\u00a0Conseil de l'Europe\u00a0»"
    )
    assert french.find("link", rel="canonical")["href"] == (
        "http://localhost/fr/news/?tag=council-of-europe"
    )


def test_unknown_tag_is_not_found(client, news_indexes):
    assert client.get("/en/news/?tag=no-such-tag").status_code == 404


def test_news_item_page(client, news_indexes, make_news, pace_tag):
    image = wagtail_factories.ImageFactory(title="Strasbourg", file__width=1600, file__height=900)
    item = make_news(
        title="PACE calls for the release of Armenian prisoners",
        date=PACE_DATE,
        author="British Armenian humanitarian group",
        lead="The Assembly called on Azerbaijan to release them without delay.",
        image=image,
        image_caption="The Palace of Europe",
        image_credit="Photo: Council of Europe",
        body=[
            ("paragraph", "<p>PACE called for their release 'without delay' [1].</p>"),
            (
                "references",
                {"heading": "References", "references": [{"text": "PACE announcement"}]},
            ),
        ],
        tags=[pace_tag],
    )

    response = client.get(item.url)

    assert response.status_code == 200
    document = soup(response)
    article = document.select_one("article.news-article")
    assert article.h1.get_text(strip=True) == item.title
    assert article.select_one(".news-article__meta time")["datetime"] == "2021-04-22"
    assert "British Armenian humanitarian group" in article.select_one(".news-article__author").text
    assert article.select_one(".lead").get_text(strip=True) == item.lead
    assert article.select_one(".news-article__image figcaption").get_text(" ", strip=True) == (
        "The Palace of Europe Photo: Council of Europe"
    )
    # Numbered references from the shared story blocks: linked both ways.
    assert article.select_one('.citation a[href="#ref-1"]')["id"] == "cite-1"
    assert article.select_one("#ref-1 a.backlink")["href"] == "#cite-1"
    tag_link = article.select_one(".tag-list--links a")
    assert tag_link["href"] == "/en/news/?tag=council-of-europe"
    assert document.select_one(".breadcrumb a")["href"] == "/en/news/"
    # Sharing: an article with its picture and dates; share links carry only the URL.
    assert document.find("meta", property="og:type")["content"] == "article"
    assert document.find("meta", property="og:image")["content"].startswith(
        "http://testserver/media/images/"
    )
    assert document.find("meta", property="og:image:width")["content"] == "1200"
    assert document.find("meta", property="article:published_time")["content"].startswith(
        "2021-04-22T00:00:00"
    )
    assert document.find("meta", property="article:tag")["content"] == "Council of Europe"
    assert document.find("meta", attrs={"name": "description"})["content"] == item.lead
    share = {a.get_text(strip=True): a["href"] for a in document.select(".share__links a")}
    assert set(share) == {"Email", "WhatsApp", "Telegram", "Facebook", "X"}
    encoded = "http%3A%2F%2Flocalhost%2Fen%2Fnews%2F" + item.slug + "%2F"
    assert all(encoded in href for href in share.values())


@pytest.mark.parametrize("language", ["fr", "hy"])
def test_news_item_translations_render_with_their_own_language(
    client, news_indexes, make_news, translate, pace_tag, language
):
    item = make_news(date=PACE_DATE, tags=[pace_tag])
    titles = {"fr": "L'APCE appelle à libérer les prisonniers", "hy": "ԵԽԽՎ-ն կոչ է անում"}
    translated = translate(item, language, title=titles[language])

    response = client.get(f"/{language}/news/{item.slug}/")

    assert response.status_code == 200
    document = soup(response)
    assert document.html["lang"] == language
    assert document.h1.get_text(strip=True) == titles[language]
    names = {"fr": "Conseil de l'Europe", "hy": "Եվրոպայի խորհուրդ"}
    assert document.select_one(".tag-list--links a").get_text(strip=True) == names[language]
    assert document.select_one(".breadcrumb a")["href"] == f"/{language}/news/"
    alternates = {
        link["hreflang"]: link["href"]
        for link in document.select('link[rel="alternate"][hreflang]')
    }
    assert alternates == {
        "en": f"http://localhost/en/news/{item.slug}/",
        language: f"http://localhost/{language}/news/{item.slug}/",
    }
    assert translated.url == f"/{language}/news/{item.slug}/"


def test_tags_follow_the_source_through_wagtail_localize(
    news_indexes, make_news, pace_tag, django_capture_on_commit_callbacks
):
    """Translations keep the source's tags when synced, including when all are removed."""
    item = make_news(title="PACE call", tags=[pace_tag])

    with django_capture_on_commit_callbacks(execute=True):
        publish_translation(item, "fr", {"PACE call": "Appel de l'APCE"})
    french = NewsPage.objects.get(translation_key=item.translation_key, locale__language_code="fr")
    assert french.title == "Appel de l'APCE"
    assert list(french.tags.all()) == [pace_tag]

    item.tags.set([])
    item.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        publish_translation(item, "fr", {"PACE call": "Appel de l'APCE"})
    french.refresh_from_db()
    assert list(french.tags.all()) == []


def test_tag_slugs_are_made_from_names_and_unique_per_language(db):
    from django.core.exceptions import ValidationError
    from wagtail.models import Locale

    translation.activate("en")
    tag = NewsTag(name="Prisoners of war", locale=Locale.get_default())
    tag.full_clean()
    tag.save()
    assert tag.slug == "prisoners-of-war"

    clash = NewsTag(name="Prisoners of War", locale=Locale.get_default())
    with pytest.raises(ValidationError, match="already uses this slug"):
        clash.full_clean()
    # The same slug in another language is the tag's translation, allowed.
    french = tag.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.name = "Prisonniers de guerre"
    french.full_clean()
    french.save()
    assert french.slug == "prisoners-of-war"


def test_a_translation_edited_directly_keeps_its_own_tags(
    news_indexes, make_news, pace_tag, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import Translation

    item = make_news(title="PACE call", tags=[pace_tag])
    with django_capture_on_commit_callbacks(execute=True):
        publish_translation(item, "fr", {"PACE call": "Appel de l'APCE"})
    french = NewsPage.objects.get(translation_key=item.translation_key, locale__language_code="fr")
    french_tag = NewsTagFactory(name="APCE", slug="apce", locale=french.locale)

    # While synced, the source's tags win over any change made on the translation.
    french.tags = [french_tag]
    french.save_revision().publish()
    french.refresh_from_db()
    assert list(french.tags.all()) == [pace_tag]

    # Once a translator stops syncing to edit the page directly, it keeps its own.
    Translation.objects.filter(source__object_id=item.translation_key).update(enabled=False)
    french.tags = [french_tag]
    french.save_revision().publish()
    french.refresh_from_db()
    assert list(french.tags.all()) == [french_tag]
