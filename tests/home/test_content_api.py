"""The content API gives a decoupled front end everything to render a news item's body."""

import json

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from tests.factories import file_stem

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_with_everything(news_indexes, make_news):
    photo = wagtail_factories.ImageFactory(title="Court", file__filename="court.jpg")
    target = make_news(title="Earlier hearing", slug="earlier-hearing")
    body = [
        {
            "type": "paragraph",
            "value": (
                f'<p>After the <a linktype="page" id="{target.pk}">first hearing</a>, '
                "the court sat again [1].</p>"
            ),
        },
        {
            "type": "image",
            "value": {
                "image": {"image": photo.pk, "decorative": False, "alt_text": "The court"},
                "caption": "The courthouse",
                "credit": "Photo: campaign",
            },
        },
        {"type": "quote", "value": {"quote": "Release them.", "attribution": "PACE"}},
        {
            "type": "references",
            "value": {"heading": "Sources", "references": [{"text": "Court record", "url": ""}]},
        },
    ]
    item = make_news(title="Second hearing", slug="second-hearing", body=json.dumps(body))
    return {"item": item, "target": target, "photo": photo}


def render_from_json(blocks):
    """What a front end with nothing but the API's JSON would write."""
    html = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "paragraph":
            html.append(value)
        elif block["type"] == "image":
            image = value["image"]
            medium = image["renditions"]["medium"]
            html.append(
                f'<figure><img src="{medium["url"]}" alt="{image["alt"]}" '
                f'width="{medium["width"]}"><figcaption>{value["caption"]}</figcaption></figure>'
            )
        elif block["type"] == "quote":
            html.append(f"<blockquote>{value['quote']}</blockquote>")
        elif block["type"] == "references":
            items = "".join(f"<li>{reference['text']}</li>" for reference in value["references"])
            html.append(f"<h2>{value['heading']}</h2><ol>{items}</ol>")
    return BeautifulSoup("".join(html), "html.parser")


def test_a_news_item_renders_from_the_api_json_alone(client, news_with_everything):
    item, target = news_with_everything["item"], news_with_everything["target"]
    data = client.get(f"/api/v2/pages/{item.pk}/").json()

    assert data["meta"]["type"] == "home.NewsPage"
    assert data["lead"] == item.lead
    assert [block["type"] for block in data["body"]] == [
        "paragraph",
        "image",
        "quote",
        "references",
    ]
    rendered = render_from_json(data["body"])

    # Rich text arrives rendered: a real link, no Wagtail-internal markup.
    link = rendered.select_one("p a")
    assert link["href"] == target.url
    assert "linktype" not in str(rendered)
    # The image is a rendition a browser can load, with its alt text.
    image = rendered.select_one("img")
    assert image["alt"] == "The court"
    assert image["src"].startswith("http://")  # absolute: the front end is elsewhere
    assert f"/{file_stem(news_with_everything['photo'])}" in image["src"]
    assert ".width-800." in image["src"]

    page = BeautifulSoup(client.get(item.url).content, "html.parser")
    page_text = " ".join(page.get_text(" ").split())
    for text in ("first hearing", "the court sat again", "Release them.", "Court record"):
        assert text in " ".join(rendered.get_text(" ").split())
        assert text in page_text
    assert rendered.select_one("figcaption").get_text() == "The courthouse"


def test_the_petition_body_is_in_the_api_as_typed_blocks(client, home_pages):
    from tests.petitions.factories import make_petition

    petition = make_petition(home_pages["en"], title="Free them")
    petition.body = json.dumps([{"type": "paragraph", "value": "<p><b>Now</b>.</p>"}])
    petition.save_revision().publish()

    data = client.get(f"/api/v2/pages/{petition.pk}/").json()

    assert data["body"][0]["type"] == "paragraph"
    assert data["body"][0]["value"] == "<p><b>Now</b>.</p>"


def test_a_detail_names_its_translations_ids(client, news_with_everything, translate):
    item = news_with_everything["item"]
    french = translate(item, "fr", title="Deuxième audience")

    data = client.get(f"/api/v2/pages/{french.pk}/").json()

    assert data["meta"]["translations"] == {"en": item.pk, "fr": french.pk}
    listing = client.get("/api/v2/pages/", {"type": "home.NewsPage"}).json()
    assert all("translations" not in page["meta"] for page in listing["items"])


def test_every_page_type_gives_what_its_page_shows(client, home_pages, news_indexes, make_news):
    """A decoupled front end renders home, indexes, news and petitions from their details:
    rich text rendered, images as renditions, child rows and StreamFields as typed data."""
    from tests.petitions.factories import make_petition
    from tests.prisoners.factories import PrisonerIndexPageFactory

    picture = wagtail_factories.ImageFactory(title="Hero", file__filename="hero.jpg")
    target = make_news(title="Earlier hearing", slug="earlier-hearing")
    link = f'<p>See <a linktype="page" id="{target.pk}">the hearing</a>.</p>'

    home = home_pages["en"]
    home.introduction = link
    home.hero_image = picture
    home.timeline = json.dumps(
        [
            {
                "type": "event",
                "value": {
                    "date": "2020-11-10",
                    "precision": "day",
                    "title": "Ceasefire",
                    "text": link,
                },
            }
        ]
    )
    home.partners = json.dumps(
        [
            {
                "type": "partner",
                "value": {"name": "Campaign partner", "logo": picture.pk, "url": ""},
            }
        ]
    )
    home.save_revision().publish()
    data = client.get(f"/api/v2/pages/{home.pk}/").json()
    assert data["headline"] == "Free all Armenian prisoners"
    # A chosen image inside blocks comes as renditions, not a bare id.
    (partner,) = data["partners"]
    assert partner["value"]["logo"]["renditions"]["medium"]["url"].startswith("http://")
    assert f'href="{target.url}"' in data["introduction"]
    assert data["hero_image"]["renditions"]["large"]["url"].startswith("http://")
    (event,) = data["timeline"]
    assert event["type"] == "event" and event["value"]["title"] == "Ceasefire"
    assert f'href="{target.url}"' in event["value"]["text"]
    assert "linktype" not in json.dumps(data)

    index = news_indexes["en"]
    index.introduction = link
    index.save_revision().publish()
    data = client.get(f"/api/v2/pages/{index.pk}/").json()
    assert f'href="{target.url}"' in data["introduction"]

    prisoners = PrisonerIndexPageFactory(parent=home, introduction=link)
    data = client.get(f"/api/v2/pages/{prisoners.pk}/").json()
    assert f'href="{target.url}"' in data["introduction"]
    assert data["data_licence"] == "CC-BY-4.0"

    item = make_news(
        title="With a picture", slug="with-a-picture", image=picture, image_caption="The courthouse"
    )
    data = client.get(f"/api/v2/pages/{item.pk}/").json()
    assert data["image"]["alt"] == picture.default_alt_text
    assert f"/{file_stem(picture)}" in data["image"]["renditions"]["medium"]["url"]
    assert data["image_caption"] == "The courthouse"
    assert data["tags"] == []

    petition = make_petition(
        home, title="Free them", hero_image=picture, outcome=link, launch_date="2024-05-01"
    )
    data = client.get(f"/api/v2/pages/{petition.pk}/").json()
    assert data["hero_image"]["renditions"]["medium"]["url"].startswith("http://")
    assert [person["name"] for person in data["decision_makers"]] == [
        "Decision maker 1",
        "Decision maker 2",
    ]
    assert data["decision_makers"][0]["role"] == "Minister"
    assert data["organiser_name"] == "Campaign group"
    assert data["launch_date"] == "2024-05-01"
    assert f'href="{target.url}"' in data["outcome"]
    assert "linktype" not in json.dumps(data)

    # Listings stay for cards: what renders one page is a detail's.
    listing = client.get("/api/v2/pages/", {"type": "petitions.PetitionPage", "fields": "*"})
    assert listing.status_code == 200
    assert "decision_makers" not in listing.json()["items"][0]


def test_a_news_items_tags_in_its_language(client, make_news, pace_tag, translate):
    item = make_news(title="Tagged", slug="tagged", tags=[pace_tag])
    data = client.get(f"/api/v2/pages/{item.pk}/").json()
    assert data["tags"] == [{"slug": "council-of-europe", "name": "Council of Europe"}]
    french = translate(item, "fr", title="Étiqueté")
    data = client.get(f"/api/v2/pages/{french.pk}/").json()
    assert data["tags"] == [{"slug": "council-of-europe", "name": "Conseil de l'Europe"}]
