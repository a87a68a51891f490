"""The design system's promises that need no browser: one stylesheet, fonts that match their
@font-face rules, short menu labels, portrait crops that keep heads, a favicon, and a home page
light enough for a slow phone connection."""

import gzip
import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model

from petitions.signing import sign
from prisoners.forms import SponsorshipForm
from tests.petitions.factories import make_petition, signer

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parent.parent


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def stylesheets(document):
    return [link["href"] for link in document.select('link[rel="stylesheet"]')]


def test_every_page_type_loads_the_one_stylesheet(client, demo):
    from home.models import NewsPage
    from petitions.models import PetitionPage
    from prisoners.models import PrisonerIndexPage, PrisonerPage

    urls = ["/en/", "/fr/search/?q=petition", "/hy/news/"]
    for model in (PetitionPage, PrisonerIndexPage, NewsPage):
        urls.append(model.objects.live().filter(locale__language_code="hy").first().url)
    urls.append(PrisonerPage.publicly_listed_pages().first().url)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert stylesheets(soup(response)) == ["/static/css/site.css"], url


def test_font_files_cover_the_ranges_the_stylesheet_declares():
    """The @font-face unicode-range rules and scripts/build_assets.py must say the same."""
    from fontTools.ttLib import TTFont

    css = (PROJECT / "campaign_site/static/css/site.css").read_text()
    faces = re.findall(r'url\("\.\./fonts/([^"]+)"\)[^;]*;\s*unicode-range: ([^;]+);', css)
    assert len(faces) == 4
    build = (PROJECT / "scripts/build_assets.py").read_text()
    for file_name, ranges in faces:
        assert "font-display: swap" in css
        declared = ranges.replace(" ", "")
        constant = "ARMENIAN" if "armenian" in file_name else "LATIN"
        source = re.search(
            rf"^{constant} = \((.*?)\)$|^{constant} = (\".*?\")$", build, re.S | re.M
        )
        assert declared == "".join(re.findall(r'"([^"]*)"', source.group(0))), file_name
        font = TTFont(PROJECT / "campaign_site/static/fonts" / file_name)
        characters = set(font.getBestCmap())
        # Spot checks: French and Armenian letters each page needs.
        wanted = "Ա ա Ք ք ։ և" if "armenian" in file_name else "é è à ç œ « » ’ … €"
        missing = [c for c in wanted.split() if ord(c) not in characters]
        assert missing == [], (file_name, missing)
        assert (PROJECT / "campaign_site/static/fonts" / file_name).stat().st_size < 20_000


def font_faces():
    """(file name, set of code points) of each @font-face rule in the stylesheet."""
    css = (PROJECT / "campaign_site/static/css/site.css").read_text()
    faces = []
    for file_name, ranges in re.findall(
        r'url\("\.\./fonts/([^"]+)"\)[^;]*;\s*unicode-range: ([^;]+);', css
    ):
        points = set()
        for part in ranges.replace(" ", "").replace("U+", "").split(","):
            first, _, last = part.partition("-")
            points.update(range(int(first, 16), int(last or first, 16) + 1))
        faces.append((file_name, points))
    return faces


@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_pages_preload_the_font_files_their_text_needs(client, demo, language):
    """A font file found only while laying the page out arrives late and lays it out again:
    the files the main text needs are preloaded with the stylesheet, and no other."""
    from petitions.models import PetitionPage

    petition = PetitionPage.objects.live().filter(locale__language_code=language).first()
    for url in (f"/{language}/", petition.url):
        document = soup(client.get(url))
        text = {ord(character) for character in document.select_one("main").get_text()}
        needed = {name for name, points in font_faces() if points & text}
        preloaded = {
            link["href"].rsplit("/", 1)[-1]
            for link in document.select('link[rel="preload"][as="font"]')
        }
        assert preloaded == needed, url


def test_the_menu_shows_the_short_label_and_falls_back_to_the_title(client, home_pages):
    labelled = make_petition(
        home_pages["en"], title="A very long petition title", show_in_menus=True, menu_label="Sign"
    )
    make_petition(home_pages["en"], title="Untitled in menus", show_in_menus=True)

    document = soup(client.get(labelled.url))

    items = [(a.get_text(), a.get("aria-current")) for a in document.select(".main-nav a")]
    assert items == [("Sign", "page"), ("Untitled in menus", None)]


def test_launch_counter_says_where_the_count_comes_from(client, home_pages):
    page = make_petition(home_pages["en"], offline_count=42424, count_unconfirmed=True)

    note = soup(client.get(page.url)).select_one(".petition-counter").get_text(" ", strip=True)
    assert "Including" not in note
    assert "Gathered so far on paper and on other platforms. Add your name here." in note

    sign(page.petition, signer(), source="page", language="en", notify=False)
    note = soup(client.get(page.url)).select_one(".petition-counter").get_text(" ", strip=True)
    assert "42,425 signatures" in note
    assert "Including 42,424 signatures gathered elsewhere" in note


def test_petition_title_count_and_sign_call_come_before_the_lead(client, home_pages):
    page = make_petition(home_pages["en"], offline_count=12)
    hero = soup(client.get(page.url)).select_one(".petition-hero")

    order = [
        element.get("class", [element.name])[0]
        for element in hero.find_all(["h1", "div", "a", "p"], recursive=False)
    ]
    assert order.index("h1") < order.index("petition-counter") < order.index("button")
    assert order.index("button") < order.index("lead")


def image_with_red_top(**fields):
    """A 300×400 portrait: its top 40 px red (the head), the rest blue."""
    canvas = Image.new("RGB", (300, 400), (0, 0, 255))
    canvas.paste((255, 0, 0), (0, 0, 300, 40))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return get_image_model().objects.create(
        title="Portrait", file=ImageFile(buffer, name="portrait.png"), **fields
    )


def top_pixel(rendition):
    with rendition.file.open() as handle:
        return Image.open(handle).convert("RGB").getpixel((150, 2))


def test_portrait_crops_keep_the_head_without_a_focal_point():
    image = image_with_red_top()

    assert top_pixel(image.get_rendition("fill-160x90")) == (0, 0, 255)  # Wagtail: forehead lost
    headroom = image.get_rendition("fillhead-160x90")
    assert (headroom.width, headroom.height) == (160, 90)
    red, green, blue = top_pixel(headroom)
    assert red > 200 and blue < 60


def test_portrait_crops_follow_the_editors_focal_point():
    image = image_with_red_top(
        focal_point_x=150, focal_point_y=380, focal_point_width=40, focal_point_height=20
    )

    assert top_pixel(image.get_rendition("fillhead-160x90")) == (0, 0, 255)


def test_favicon_is_served_at_the_address_browsers_ask_for(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=86400" in response["Cache-Control"]
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).format == "ICO"


def test_sponsor_country_choice_starts_with_a_sentence(settings):
    choices = SponsorshipForm().fields["country"].choices

    assert choices[0] == ("", "Choose the country")
    assert all(code for code, _ in choices[1:])
    assert not any(label.startswith("---") for _, label in choices)


def test_search_page_has_one_search_box_and_a_plain_results_heading(client, home_pages):
    document = soup(client.get("/en/search/?q=prisoners"))

    assert len(document.select('input[type="search"]')) == 1
    heading = document.select_one("#results-heading")
    assert heading.name == "h2" and heading.get("role") is None


def test_the_header_menu_works_without_javascript(client, home_pages):
    document = soup(client.get("/fr/"))

    menu = document.select_one("header details.site-menu")
    assert menu.select_one("summary").get_text(strip=True) == "Menu"
    assert menu.select_one("form.site-search[role=search]") is not None
    assert menu.select_one("nav.language-switcher") is not None
    assert not document.select("script")


def test_home_is_light_on_a_slow_connection(client, demo):
    """Home HTML, CSS and scripts, gzipped, stay under 60 KB (fonts and images aside)."""
    response = client.get("/en/")
    document = soup(response)
    total = len(gzip.compress(response.content))
    assets = stylesheets(document) + [script["src"] for script in document.select("script[src]")]
    for url in assets:
        path = finders.find(url.removeprefix("/static/"))
        total += len(gzip.compress(Path(path).read_bytes()))
    assert total <= 60_000, total


@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_pages_with_a_hero_draw_no_picture_once_their_renditions_exist(
    client, demo, language, monkeypatch
):
    """A rendition the page asks for but its prefetch does not name is drawn again on every
    request (a second or more of the server's time before the first byte): once a page has
    been seen, showing it again draws nothing."""
    from home.models import NewsPage
    from petitions.models import PetitionPage

    urls = [f"/{language}/"]
    for model in (PetitionPage, NewsPage):
        urls.append(model.objects.live().filter(locale__language_code=language).first().url)
    for url in urls:
        assert client.get(url).status_code == 200, url
    drawn = []
    image_model = get_image_model()
    create = image_model.create_renditions

    def spy(image, *filters):
        drawn.extend(filter.spec for filter in filters)
        return create(image, *filters)

    monkeypatch.setattr(image_model, "create_renditions", spy)
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert drawn == [], url
