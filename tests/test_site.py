"""The skeleton every page relies on: languages, switcher, errors, admin, settings."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize(
    ("language", "headline"),
    [
        ("en", "Free all Armenian prisoners"),
        ("fr", "Libérez tous les prisonniers arméniens"),
        ("hy", "Ազատություն բոլոր հայ գերիներին"),
    ],
)
def test_home_page_renders_in_each_language(client, home_pages, language, headline):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    document = soup(response)
    assert document.html["lang"] == language
    assert document.html["dir"] == "ltr"
    assert document.h1.get_text(strip=True) == headline
    assert document.find("a", class_="skip-link")["href"] == "#main"
    assert document.find("main", id="main") is not None


def test_every_site_language_has_a_locale():
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}


def test_root_redirects_to_the_visitors_best_language(client, home_pages):
    response = client.get("/", headers={"accept-language": "hy,fr;q=0.8"})
    assert response.status_code == 302
    assert response["Location"] == "/hy/"
    assert "Accept-Language" in response["Vary"]

    assert client.get("/", headers={"accept-language": "de"})["Location"] == "/en/"


def test_language_switcher_links_to_each_translation(client, home_pages):
    document = soup(client.get("/fr/"))
    switcher = document.find("nav", class_="language-switcher")
    links = {a["hreflang"]: a for a in switcher.find_all("a")}

    assert {code: a["href"] for code, a in links.items()} == {
        "en": "/en/",
        "fr": "/fr/",
        "hy": "/hy/",
    }
    assert links["fr"].get("aria-current") == "true"
    assert links["hy"].get_text() == "Հայերեն"
    assert links["hy"]["lang"] == "hy"


def test_switcher_falls_back_to_the_language_home_for_untranslated_pages(client, home_pages):
    from .factories import HomePageFactory

    # A page that exists in English only.
    only_english = HomePageFactory(parent=home_pages["en"], title="About", slug="about")
    document = soup(client.get(only_english.url))
    links = {a["hreflang"]: a["href"] for a in document.select(".language-switcher a")}

    assert links == {"en": "/en/about/", "fr": "/fr/", "hy": "/hy/"}
    # hreflang alternates name only real translations.
    alternates = document.select('link[rel="alternate"][hreflang]')
    assert [link["hreflang"] for link in alternates] == ["en"]


def test_switcher_ignores_unpublished_translations(client, home_pages):
    home_pages["hy"].unpublish()
    links = soup(client.get("/en/")).select(".language-switcher a")
    assert [a["hreflang"] for a in links] == ["en", "fr"]


def test_head_has_canonical_description_and_open_graph(client, home_pages):
    home = home_pages["fr"]
    home.search_description = "Une campagne de solidarité"
    home.save_revision().publish()

    document = soup(client.get("/fr/"))

    assert document.find("link", rel="canonical")["href"] == "http://localhost/fr/"
    assert document.find("meta", attrs={"name": "description"})["content"] == (
        "Une campagne de solidarité"
    )
    # The home page is titled with the site name, never "Accueil".
    assert document.find("meta", property="og:title")["content"] == "Campaign"
    assert document.find("meta", property="og:locale")["content"] == "fr_FR"
    alternates = document.find_all("meta", property="og:locale:alternate")
    assert sorted(meta["content"] for meta in alternates) == ["en_GB", "hy_AM"]
    hreflangs = {
        link["hreflang"]: link["href"]
        for link in document.select('link[rel="alternate"][hreflang]')
    }
    assert hreflangs == {
        "en": "http://localhost/en/",
        "fr": "http://localhost/fr/",
        "hy": "http://localhost/hy/",
    }


def test_share_image_becomes_an_open_graph_rendition(client, home_pages):
    import wagtail_factories

    image = wagtail_factories.ImageFactory(title="Vigil", file__width=1600, file__height=900)
    home = home_pages["en"]
    home.share_image = image
    home.save_revision().publish()

    document = soup(client.get("/en/"))
    og_image = document.find("meta", property="og:image")["content"]
    assert og_image.startswith("http://testserver/media/images/")
    assert document.find("meta", property="og:image:width")["content"] == "1200"
    assert document.find("meta", attrs={"name": "twitter:card"})["content"] == (
        "summary_large_image"
    )


def test_not_found_under_fr_is_in_french(client, home_pages):
    response = client.get("/fr/cette-page-nexiste-pas/")

    assert response.status_code == 404
    document = soup(response)
    assert document.html["lang"] == "fr"
    assert document.h1.get_text(strip=True) == "Page introuvable"
    assert document.select_one(".language-switcher") is not None


def test_not_found_under_hy_is_in_armenian(client, home_pages):
    response = client.get("/hy/no-such-page/")
    assert response.status_code == 404
    assert soup(response).h1.get_text(strip=True) == "Էջը չի գտնվել"


def test_admin_login_renders_without_a_language_prefix(client, home_pages):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert soup(response).find("input", attrs={"name": "username"}) is not None


def test_editor_can_create_and_publish_a_home_page(admin_client, home_pages):
    from wagtail.models import Page
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    root = Page.get_first_root_node()
    response = admin_client.post(
        f"/admin/pages/add/home/homepage/{root.pk}/",
        nested_form_data(
            {
                "title": "Second campaign",
                "slug": "second-campaign",
                "headline": "A second campaign site",
                "introduction": rich_text("<p>Another tree.</p>"),
                # The home page's sections (tests/home/test_home_page.py fills them all).
                "featured_prisoners": inline_formset([]),
                "timeline": streamfield([]),
                "partners": streamfield([]),
                "latest_news_count": "3",
                "action-publish": "publish",
            }
        ),
    )

    assert response.status_code == 302
    from home.models import HomePage

    created = HomePage.objects.get(slug="second-campaign")
    assert created.live
    assert created.headline == "A second campaign site"


def test_footer_shows_contact_links_from_campaign_settings(client, home_pages):
    from wagtail.models import Site

    from home.models import CampaignSettings

    campaign = CampaignSettings.for_site(Site.objects.get(is_default_site=True))
    campaign.contact_email = "contact@example.org"
    campaign.x_handle = "BritArm"
    campaign.save()

    footer = soup(client.get("/en/")).find("footer")
    hrefs = [a["href"] for a in footer.find_all("a")]
    assert hrefs == ["mailto:contact@example.org", "https://x.com/BritArm"]


def test_numbers_are_grouped_the_way_each_language_writes_them():
    from django.contrib.humanize.templatetags.humanize import intcomma
    from django.utils import translation

    with translation.override("en"):
        assert intcomma(42424) == "42,424"
    with translation.override("fr"):
        assert intcomma(42424) == "42\xa0424"
    with translation.override("hy"):
        assert intcomma(42424) == "42\xa0424"
