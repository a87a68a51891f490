"""The site's name, tagline and footer in each language: titles, feeds, emails, the admin."""

from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from django.core import mail
from django.core.exceptions import ValidationError

from campaign_site.models import SiteIdentity, email_sender, site_identity
from petitions.signing import sign
from tests.home.factories import NewsIndexPageFactory
from tests.petitions.factories import make_petition, signer

NAMES = {
    "en": "Free Armenian POWs",
    "fr": "Libérez les prisonniers de guerre arméniens",
    "hy": "Ազատություն հայ ռազմագերիներին",
}
TAGLINES = {
    "en": "Free them all",
    "fr": "Libérez-les tous",
    "hy": "Ազատություն բոլորին",
}


@pytest.fixture
def identities(home_pages):
    english = SiteIdentity.objects.create(
        locale=home_pages["en"].locale,
        site_name=NAMES["en"],
        tagline=TAGLINES["en"],
        footer_text="A campaign of volunteers.",
    )
    for code in ("fr", "hy"):
        copy = english.copy_for_translation(home_pages[code].locale)
        copy.site_name, copy.tagline = NAMES[code], TAGLINES[code]
        copy.footer_text = {"fr": "Une campagne de bénévoles.", "hy": "Կամավորների արշավ։"}[code]
        copy.save()
    return english


def document(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_titles_header_and_footer_carry_the_name_in_the_page_language(client, identities, language):
    page = document(client, f"/{language}/")
    # The home page: the tagline, then the name; never "Accueil · Free Armenian POWs".
    assert page.title.get_text() == f"{TAGLINES[language]} · {NAMES[language]}"
    assert page.find("meta", property="og:site_name")["content"] == NAMES[language]
    assert page.select_one(".site-name").get_text(strip=True) == NAMES[language]
    assert page.select_one(".site-footer__text").get_text(strip=True)

    search = document(client, f"/{language}/search/?q=x")
    assert search.title.get_text().endswith(f" · {NAMES[language]}")


def test_feeds_carry_the_name_in_their_language(client, identities, home_pages):
    index = NewsIndexPageFactory(parent=home_pages["fr"], title="Actualités")
    response = client.get(index.url + "rss/")
    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.findtext("title") == f"Actualités · {NAMES['fr']}"


def test_confirmation_email_is_signed_and_sent_in_the_signer_language(
    home_pages, identities, settings, django_capture_on_commit_callbacks
):
    settings.DEFAULT_FROM_EMAIL = "campaign@example.org"
    page = make_petition(home_pages["en"])
    with django_capture_on_commit_callbacks(execute=True):
        sign(page, signer(email="anna@example.org"), source="page", language="hy")

    (message,) = mail.outbox
    assert message.from_email == f'"{NAMES["hy"]}" <campaign@example.org>'
    # Encoded for the wire; what mail readers decode (RFC 2047 joins adjacent encoded words).
    raw = message_from_bytes(message.message().as_bytes())["From"]
    assert str(make_header(decode_header(raw))).startswith(NAMES["hy"])
    assert message.body.rstrip().endswith(NAMES["hy"])


def test_a_sender_with_a_name_of_its_own_is_kept(settings, identities):
    settings.DEFAULT_FROM_EMAIL = "Campaign desk <desk@example.org>"
    assert email_sender("fr") == "Campaign desk <desk@example.org>"


def test_without_an_identity_the_site_name_stands_in(home_pages):
    assert site_identity("fr").name == "Campaign"


def test_a_language_without_its_own_identity_gets_the_source_language_one(home_pages):
    SiteIdentity.objects.create(locale=home_pages["en"].locale, site_name="Only English")
    assert site_identity("hy").name == "Only English"


def test_one_identity_per_language(home_pages, identities):
    second = SiteIdentity(locale=home_pages["en"].locale, site_name="Another")
    with pytest.raises(ValidationError):
        second.full_clean()


def test_editors_edit_and_translators_translate_it_in_the_admin(admin_client, identities):
    listing = admin_client.get("/admin/snippets/campaign_site/siteidentity/")
    assert listing.status_code == 200
    edit = admin_client.get(f"/admin/snippets/campaign_site/siteidentity/edit/{identities.pk}/")
    assert edit.status_code == 200
    assert NAMES["en"] in edit.content.decode()
