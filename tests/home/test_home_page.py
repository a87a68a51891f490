"""The home page: built by editors in the admin, with live figures, in three languages."""

import datetime

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.blocks import SupportingOrganisationBlock, TimelineEventBlock
from home.models import HomePage, HomePageFeaturedPrisoner
from prisoners.models import PrisonerPage, Sponsorship, Status
from prisoners.visibility import Consent, Visibility
from tests.factories import file_stem
from tests.petitions.factories import add_signatures, make_petition
from tests.petitions.factories import translate as translate_petition
from tests.prisoners.factories import (
    PrisonerIndexPageFactory,
    PrisonerPageFactory,
    SponsorshipFactory,
)

from .conftest import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(home_pages, news_indexes, translate):
    """A petition and a prisoner index with reported figures, in three languages."""
    english = home_pages["en"]
    petition = make_petition(english, title="Free all Armenian prisoners", slug="petition")
    petition.offline_count = 42424
    petition.save_revision().publish()
    prisoners = PrisonerIndexPageFactory(
        parent=english,
        disappeared_count=80,
        disappeared_at_least=True,
        figures_source_title="Human-rights NGOs, confirmed by the ICRC",
        figures_as_of=datetime.date(2024, 1, 15),
    )
    return {
        "petition": petition,
        "petition_fr": translate_petition(petition, "fr", title="Libérez tous les prisonniers"),
        "prisoners": prisoners,
        "prisoners_fr": translate(prisoners, "fr", title="Prisonniers"),
        "prisoners_hy": translate(prisoners, "hy", title="Գերիներ"),
    }


def person(campaign, title, **fields):
    return PrisonerPageFactory(parent=campaign["prisoners"], title=title, **fields)


def fill_home(home, *, petition=None, prisoners=(), events=2, partners=1, logo=None):
    """Give `home` (any translation) every section, as an editor would."""
    home = HomePage.objects.get(pk=home.pk)
    home.main_petition = petition
    home.call_to_action = "Support now"
    home.featured_prisoners = [HomePageFeaturedPrisoner(prisoner=p) for p in prisoners]
    home.timeline = [
        (
            "event",
            {
                "date": datetime.date(2020, 9, 27) + datetime.timedelta(days=n),
                "precision": "month" if n == 0 else "day",
                "title": f"Event {n}",
                "text": "<p>What happened.</p>",
            },
        )
        for n in range(events)
    ]
    home.partners = [
        ("partner", {"name": f"Partner {n}", "url": f"https://example.org/{n}", "logo": logo})
        for n in range(partners)
    ]
    home.save_revision().publish()
    return home


def test_editor_builds_the_whole_home_page_in_the_admin(admin_client, home_pages, campaign):
    home = home_pages["en"]
    hero = wagtail_factories.ImageFactory(title="Vigil in Yerevan", file__width=2400)
    logo = wagtail_factories.ImageFactory(title="Covcas Center logo")
    full = person(campaign, "Sample Person One")
    other = person(campaign, "Sample Person Two", status=Status.HELD, sentence_years=None)

    response = admin_client.post(
        f"/admin/pages/{home.pk}/edit/",
        nested_form_data(
            {
                "title": "Home",
                "slug": "home",
                "headline": "Free ALL Armenian POWs and hostages",
                "introduction": rich_text("<p>Azerbaijan still holds Armenian prisoners.</p>"),
                "hero_image": hero.pk,
                "hero_image_credit": "Photo: the campaign",
                "main_petition": campaign["petition"].pk,
                "call_to_action": "Support now",
                "featured_heading": "",
                "featured_prisoners": inline_formset(
                    [{"prisoner": full.pk}, {"prisoner": other.pk}]
                ),
                "news_heading": "",
                "latest_news_count": "3",
                "timeline_heading": "",
                "timeline": streamfield(
                    [
                        (
                            "event",
                            {
                                "date": "2020-09-27",
                                "precision": "month",
                                "title": "The 44-day war begins",
                                "text": rich_text("<p>After 26 years of frozen conflict.</p>"),
                            },
                        ),
                        (
                            "event",
                            {
                                "date": "2020-11-10",
                                "precision": "day",
                                "title": "Tripartite ceasefire declaration",
                                "text": rich_text("<p>All prisoners of war to be exchanged.</p>"),
                            },
                        ),
                    ]
                ),
                "partners_heading": "",
                "partners": streamfield(
                    [
                        (
                            "partner",
                            {
                                "name": "Covcas Center",
                                "logo": logo.pk,
                                "url": "https://example.org",
                            },
                        ),
                        ("partner", {"name": "Hyestart", "logo": "", "url": ""}),
                    ]
                ),
                "action-publish": "publish",
            }
        ),
    )

    assert response.status_code == 302, response.content.decode()[-4000:]
    document = soup(Client().get("/en/"))
    assert document.h1.get_text(strip=True) == "Free ALL Armenian POWs and hostages"
    cta = document.select_one(".hero__cta a")
    assert cta.get_text(strip=True) == "Support now"
    assert cta["href"] == campaign["petition"].url
    assert document.select_one(".hero__figure figcaption").get_text(strip=True) == (
        "Photo: the campaign"
    )
    assert [h.get_text(strip=True) for h in document.select(".profile-card__name")] == [
        "Sample Person One",
        "Sample Person Two",
    ]
    events = document.select(".timeline__event")
    assert [e.select_one(".timeline__title").get_text(strip=True) for e in events] == [
        "The 44-day war begins",
        "Tripartite ceasefire declaration",
    ]
    # A month-only date says only the month.
    assert events[0].time["datetime"] == "2020-09"
    assert events[0].time.get_text() == "September 2020"
    assert events[1].time.get_text() == "Nov. 10, 2020"
    partners = document.select(".partner")
    assert [p.select_one(".partner__name").get_text(strip=True) for p in partners] == [
        "Covcas Center",
        "Hyestart",
    ]
    assert partners[0].a["href"] == "https://example.org"
    assert partners[0].img["alt"] == ""  # the name next to it is the text
    assert partners[1].a is None
    # Social networks show the campaign's card (campaign_site.share_cards), not a bare photo.
    og_image = document.find("meta", property="og:image")["content"]
    assert "/share-cards/" in og_image


def figure(document, key):
    return document.select_one(f"#figure-{key} .figure-tile__number").get_text(strip=True)


def test_figures_are_read_live_from_the_data(client, home_pages, campaign):
    fill_home(home_pages["en"], petition=campaign["petition"])
    person(campaign, "Sample Held One", status=Status.SENTENCED)
    person(campaign, "Sample Hidden", consent=Consent.REFUSED, visibility=Visibility.COUNTED)
    person(
        campaign, "Sample Released", status=Status.RELEASED, released_on=datetime.date(2021, 3, 1)
    )

    before = soup(client.get("/en/"))
    assert figure(before, "held") == "2"  # the hidden person counts; the released one does not
    assert figure(before, "disappeared") == "at least 80"
    assert figure(before, "signatures") == "42,424"
    assert figure(before, "sponsors") == "0"
    assert "Next goal: 50,000" in " ".join(
        before.select_one("#figure-signatures").get_text(" ").split()
    )
    assert before.select_one("#figure-signatures progress")["max"] == "50000"
    assert "Human-rights NGOs, confirmed by the ICRC" in before.select_one(".figures-source").text

    add_signatures(campaign["petition"].petition, 3)
    person(campaign, "Sample Held Two", status=Status.HELD, sentence_years=None)
    SponsorshipFactory(campaign_key=campaign["prisoners"].translation_key)
    SponsorshipFactory(
        campaign_key=campaign["prisoners"].translation_key, status=Sponsorship.Status.PENDING
    )

    after = soup(client.get("/en/"))
    assert figure(after, "held") == "3"
    assert figure(after, "signatures") == "42,427"
    assert figure(after, "sponsors") == "1"  # approved only


@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_home_page_renders_in_each_language(client, home_pages, campaign, language):
    profile = person(campaign, "Sample Person")
    for code in ("en", "fr", "hy"):
        fill_home(home_pages[code], petition=campaign["petition"], prisoners=[profile])

    response = client.get(f"/{language}/")

    assert response.status_code == 200
    document = soup(response)
    assert document.html["lang"] == language
    headings = [h.get_text(strip=True) for h in document.select("main h2")]
    expected = {
        "en": ["The campaign in figures", "Who they are", "The current context"],
        "fr": ["La campagne en chiffres", "Qui sont-ils", "Le contexte actuel"],
        "hy": ["Արշավը թվերով", "Ովքեր են նրանք", "Ներկա իրավիճակը"],
    }[language]
    assert headings[:3] == expected
    # The call to action leads to the petition in the reader's language when it exists.
    petition_url = {"fr": campaign["petition_fr"].url}.get(language, campaign["petition"].url)
    assert document.select_one(".hero__cta a")["href"] == petition_url
    number = {"en": "42,424", "fr": "42\xa0424", "hy": "42\xa0424"}[language]
    assert figure(document, "signatures") == number


def test_featured_prisoners_respect_each_profiles_visibility(client, home_pages, campaign):
    portrait = wagtail_factories.ImageFactory(file__filename="portrait-face.jpg")
    # A photo also used by a "name only" profile would be private (prisoners.photos).
    restricted_portrait = wagtail_factories.ImageFactory()
    full = person(campaign, "Sample Full", photo=portrait)
    name_only = person(
        campaign,
        "Sample Name Only",
        photo=restricted_portrait,
        consent=Consent.NAME_ONLY,
        visibility=Visibility.NAME_ONLY,
    )
    hidden = person(
        campaign, "Sample Hidden", consent=Consent.REFUSED, visibility=Visibility.COUNTED
    )
    draft = person(campaign, "Sample Draft")
    draft.unpublish()
    fill_home(home_pages["en"], prisoners=[hidden, name_only, draft, full])

    response = client.get("/en/")

    document = soup(response)
    cards = document.select(".profile-card")
    assert [c.select_one(".profile-card__name").get_text(strip=True) for c in cards] == [
        "Sample Name Only",
        "Sample Full",
    ]
    assert cards[0].select_one("img") is None
    assert file_stem(portrait) in str(cards[1].select_one("img"))
    assert response.content.decode().count(file_stem(portrait)) == 1
    assert file_stem(restricted_portrait) not in response.content.decode()
    assert "Sample Hidden" not in response.content.decode()


def test_latest_news_shows_the_newest_of_the_language(
    client, home_pages, news_indexes, make_news, translate
):
    for day in range(1, 6):
        item = make_news(title=f"News {day}", date=datetime.date(2021, 6, day))
        translate(item, "fr", title=f"Actualité {day}")
    home = HomePage.objects.get(pk=home_pages["fr"].pk)
    home.latest_news_count = 2
    home.save_revision().publish()

    document = soup(client.get("/fr/"))

    assert [t.get_text(strip=True) for t in document.select(".news-list .card__title")] == [
        "Actualité 5",
        "Actualité 4",
    ]
    assert document.select_one(".home-section__more a[href='/fr/news/']") is not None


def test_home_page_queries_do_not_grow_with_content(client, home_pages, news_indexes, campaign):
    from .factories import NewsPageFactory

    logo = wagtail_factories.ImageFactory()

    def add(prisoners, news, events, partners):
        profiles = [
            person(campaign, f"Sample {n}", photo=wagtail_factories.ImageFactory())
            for n in range(prisoners)
        ]
        for _n in range(news):
            NewsPageFactory(parent=news_indexes["en"], image=wagtail_factories.ImageFactory())
        for profile in profiles:
            SponsorshipFactory(
                campaign_key=campaign["prisoners"].translation_key,
                prisoner_key=profile.translation_key,
            )
        add_signatures(campaign["petition"].petition, news)
        fill_home(
            home_pages["en"],
            petition=campaign["petition"],
            prisoners=profiles,
            events=events,
            partners=partners,
            logo=logo,
        )

    def queries():
        # Renditions (and the site's settings row) are created on the first view,
        # and creating the settings row retires what pages keep: warm twice.
        client.get("/en/")
        client.get("/en/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/").status_code == 200
        return len(captured)

    add(prisoners=1, news=1, events=1, partners=1)
    small = queries()
    add(prisoners=8, news=6, events=12, partners=6)
    large = queries()

    assert large == small
    print("home page queries:", small)
    assert small <= 45, small


@pytest.mark.parametrize("block", [TimelineEventBlock(), SupportingOrganisationBlock()])
def test_home_page_blocks_have_previews_in_the_admin(admin_client, block):
    assert block.meta.description
    assert block.is_previewable

    response = admin_client.get("/admin/block-preview/", {"id": block.definition_prefix})

    assert response.status_code == 200
    preview = soup(response)
    expected = {
        "TimelineEventBlock": "Ceasefire declaration",
        "SupportingOrganisationBlock": "Covcas Center",
    }
    assert expected[type(block).__name__] in preview.get_text()


def test_timeline_date_precision():
    block = TimelineEventBlock()
    rendered = {}
    for precision in ("day", "month", "year"):
        value = block.to_python(
            {"date": "2021-06-15", "precision": precision, "title": "Statement", "text": ""}
        )
        rendered[precision] = BeautifulSoup(block.render(value), "html.parser").time
    assert rendered["day"]["datetime"] == "2021-06-15"
    assert rendered["month"]["datetime"] == "2021-06"
    assert rendered["year"].get_text() == "2021"


@pytest.mark.parametrize("how", ["facts", "page"])
def test_a_person_made_hidden_leaves_the_kept_home_page_at_once(client, home_pages, campaign, how):
    portrait = wagtail_factories.ImageFactory(file__filename="kept-face.jpg")
    profile = person(campaign, "Sample Kept", photo=portrait)
    fill_home(home_pages["en"], prisoners=[profile])
    for _visit in range(2):  # the second answer is the kept one
        assert "Sample Kept" in client.get("/en/").content.decode()

    if how == "facts":  # the shared record, as the facts tab or a script saves it
        facts = profile.prisoner
        facts.consent, facts.visibility = Consent.REFUSED, Visibility.COUNTED
        facts.save()
    else:
        page = PrisonerPage.objects.get(pk=profile.pk)
        page.consent, page.visibility = Consent.REFUSED, Visibility.COUNTED
        page.save_revision().publish()

    content = client.get("/en/").content.decode()
    assert "Sample Kept" not in content
    assert file_stem(portrait) not in content


def test_an_editor_sees_the_home_page_built_afresh(admin_client, home_pages, campaign):
    from campaign_site.render_cache import generation

    fill_home(home_pages["en"], prisoners=[person(campaign, "Sample Fresh")])
    visitor = Client()
    visitor.get("/en/")
    kept = generation()
    with CaptureQueriesContext(connection) as anonymous:
        visitor.get("/en/")
    with CaptureQueriesContext(connection) as editor:
        assert "Sample Fresh" in admin_client.get("/en/").content.decode()
    assert generation() == kept
    assert len(editor) > len(anonymous) + 5
