"""Editors build news in the admin: the index, news items with every block, and tags."""

import pytest
import wagtail_factories
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import NewsIndexPage, NewsPage, NewsTag

from .conftest import soup
from .factories import NewsTagFactory

pytestmark = pytest.mark.django_db


def news_item_form(tags=(), **overrides):
    data = {
        "title": "PACE calls for the release of Armenian prisoners",
        "slug": "pace-call",
        "date": "2021-04-22",
        "author": "Campaign team",
        "lead": "The Assembly called on Azerbaijan to release them without delay.",
        "image_caption": "",
        "image_credit": "",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>PACE called for their release [1].</p>")),
                (
                    "quote",
                    {
                        "quote": "Release them without delay.",
                        "attribution": "PACE",
                        "source_url": "",
                    },
                ),
                (
                    "references",
                    {
                        "heading": "References",
                        "references": streamfield(
                            [("item", {"text": "PACE announcement, 22 April 2021", "url": ""})]
                        ),
                    },
                ),
            ]
        ),
        "related_pages": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    form_data = nested_form_data(data)
    form_data["tags"] = list(tags)  # a multiple choice: one value per ticked box
    return form_data


def test_editor_creates_and_publishes_a_news_index(admin_client, home_pages):
    home = home_pages["en"]
    response = admin_client.post(
        f"/admin/pages/add/home/newsindexpage/{home.pk}/",
        nested_form_data(
            {
                "title": "News",
                "slug": "news",
                "introduction": rich_text("<p>What the campaign has to report.</p>"),
                "show_in_menus": "on",
                "action-publish": "publish",
            }
        ),
    )

    assert response.status_code == 302, response.content.decode()[-3000:]
    index = NewsIndexPage.objects.get(slug="news")
    assert index.live and index.show_in_menus
    assert "What the campaign has to report." in admin_client.get("/en/news/").content.decode()


def test_editor_creates_and_publishes_a_news_item_with_tags(admin_client, news_indexes):
    english_tag = NewsTagFactory(name="Council of Europe", slug="council-of-europe")
    french_tag = NewsTagFactory(
        name="Conseil de l'Europe", slug="conseil", locale=Locale.objects.get(language_code="fr")
    )
    image = wagtail_factories.ImageFactory(title="Strasbourg")
    index = news_indexes["en"]

    form_page = admin_client.get(f"/admin/pages/add/home/newspage/{index.pk}/")
    assert form_page.status_code == 200
    offered = {
        box["value"] for box in soup(form_page).select('input[type="checkbox"][name="tags"]')
    }
    # Only tags of the page's own language are offered.
    assert offered == {str(english_tag.pk)}
    assert str(french_tag.pk) not in offered

    response = admin_client.post(
        f"/admin/pages/add/home/newspage/{index.pk}/",
        news_item_form(tags=[str(english_tag.pk)], image=str(image.pk)),
    )

    assert response.status_code == 302, response.content.decode()[-3000:]
    item = NewsPage.objects.get(slug="pace-call")
    assert item.live
    assert str(item.date) == "2021-04-22"
    assert list(item.tags.all()) == [english_tag]
    assert [block.block_type for block in item.body] == ["paragraph", "quote", "references"]
    page = soup(admin_client.get("/en/news/pace-call/"))
    assert page.select_one(".citation a")["href"] == "#ref-1"
    assert (
        page.select_one("#ref-1")
        .get_text(" ", strip=True)
        .startswith("PACE announcement, 22 April 2021")
    )
    assert page.select_one(".quote blockquote").get_text(strip=True) == (
        "Release them without delay."
    )


def test_news_item_needs_a_lead_and_a_body(admin_client, news_indexes):
    response = admin_client.post(
        f"/admin/pages/add/home/newspage/{news_indexes['en'].pk}/",
        news_item_form(lead="", body=streamfield([])),
    )

    assert response.status_code == 200
    assert not NewsPage.objects.filter(slug="pace-call").exists()


def test_editor_creates_a_tag_and_its_slug_is_made_from_the_name(admin_client, home_pages):
    response = admin_client.post(
        "/admin/snippets/home/newstag/add/",
        {"name": "Prisoners of war", "slug": "", "locale": "en"},
    )

    assert response.status_code == 302, response.content.decode()[-3000:]
    tag = NewsTag.objects.get(name="Prisoners of war")
    assert tag.slug == "prisoners-of-war"
    assert tag.locale.language_code == "en"


def test_news_pages_can_only_go_under_a_news_index(admin_client, news_indexes):
    home = news_indexes["en"].get_parent()
    assert not NewsPage.can_create_at(home)
    assert NewsPage.can_create_at(news_indexes["en"])
    # One news index per language tree.
    assert not NewsIndexPage.can_create_at(home)
    response = admin_client.get(f"/admin/pages/add/home/newspage/{home.pk}/")
    assert response.status_code == 302
    assert not NewsPage.objects.exists()
