"""The demo fills the home page and three news items from the seeds, in three languages."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from home.models import NewsPage

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_demo_news_in_three_languages_with_the_seed_numbering(client, demo):
    assert "no translation for" not in demo, demo
    for language, title in (("en", "News"), ("fr", "Actualités"), ("hy", "Նորություններ")):
        document = soup(client.get(f"/{language}/news/"))
        assert document.h1.get_text(strip=True) == title
        assert len(document.select(".news-list .card")) == 3
        menu = [a.get_text(strip=True) for a in document.select(".main-nav a")]
        assert title in menu

    pace = soup(client.get("/fr/news/pace-calls-for-release/"))
    assert pace.h1.get_text(strip=True) == (
        "L'APCE appelle l'Azerbaïdjan à libérer « sans délai » les prisonniers arméniens"
    )
    # The PACE call is source [6] of the petition, and keeps that number.
    citation = pace.select_one('.citation a[href="#ref-6"]')
    assert citation.get_text() == "[6]"
    references = pace.select(".references li")
    assert len(references) == 8
    assert (
        references[5]
        .get_text(" ", strip=True)
        .startswith("Assemblée parlementaire du Conseil de l'Europe, annonce du 22 avril 2021")
    )
    # Neutral titles only: the seeds give no addresses, so no reference links anywhere.
    assert pace.select(".references li a[rel='noopener']") == []
    assert [a.get_text(strip=True) for a in pace.select(".tag-list--links a")] == [
        "Conseil de l'Europe",
        "Prisonniers de guerre",
    ]

    ecthr = soup(client.get("/hy/news/ecthr-interim-measures/"))
    assert {a.get_text() for a in ecthr.select(".citation a")} == {"[3]", "[4]"}
    statement = soup(client.get("/en/news/aliyev-admits-holding-prisoners/"))
    assert statement.select(".references") == []  # its seed numbers no sources
    assert statement.select_one(".news-article__meta time")["datetime"] == "2021-06-15"


def test_demo_home_page(client, demo):
    document = soup(client.get("/fr/"))

    figures = {
        tile["id"]: tile.select_one(".figure-tile__number").get_text(strip=True)
        for tile in document.select(".figure-tile")
    }
    assert figures["figure-held"] == "23"
    assert figures["figure-disappeared"] == "au moins 80"
    assert figures["figure-signatures"] == "42\xa0424"
    assert document.select_one(".hero__cta a").get_text(strip=True) == "Je soutiens"
    assert [
        e.select_one(".timeline__title").get_text(strip=True)
        for e in document.select(".timeline__event")
    ][1] == "Déclaration tripartite de cessez-le-feu"
    assert document.select(".timeline__event time")[0].get_text() == "septembre 2020"
    assert [p.get_text(strip=True) for p in document.select(".partner__name")] == [
        "Covcas Center",
        "Hyestart",
        "Armenophobia Observatory",
    ]
    cards = document.select(".profile-card")
    assert cards, "the demo features sample prisoners"
    assert all(card.select_one(".sample-badge") for card in cards)
    assert len(document.select(".news-list .card")) == 3


def test_demo_content_can_run_again(demo, load_demo):
    pages = Page.objects.count()
    output = load_demo()

    assert Page.objects.count() == pages
    assert NewsPage.objects.filter(locale__language_code="hy").count() == 3
    assert "no translation for" not in output, output
