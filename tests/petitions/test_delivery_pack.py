"""Delivery packs for the whole petition and for one decision maker, in the reader's
language (country names too), as a printable page and a PDF; deliveries translated."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from campaign_site.localization import publish_translation
from petitions.models import Delivery, deliveries_in
from petitions.signing import sign

from .factories import signer, translate

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def petition(petition_page):
    """Two named signers (Armenia, France), one unnamed; a delivery to each decision maker."""
    petition = petition_page.petition
    for fields in (
        {"first_name": "Bedros", "last_name": "Avagyan", "country": "AM", "named_consent": True},
        {"first_name": "Claire", "last_name": "Martin", "country": "FR", "named_consent": True},
        {"first_name": "Hidden", "last_name": "Person", "country": "DE"},
    ):
        sign(petition, signer(**fields), source="import", language="en", confirmed=True)
    first, second = petition_page.decision_makers.order_by("sort_order")
    for person, note in ((first, "Handed over in Paris."), (second, "Sent with the count.")):
        Delivery.objects.create(
            petition=petition,
            decision_maker_key=person.translation_key,
            decision_maker_name=person.name,
            delivered_on="2024-05-03",
            channel="email",
            note=note,
            response_status="acknowledged",
            response_text="We have received your petition.",
        )
    return petition


def pack(client, petition, *, to=None, pdf=False, lang=None):
    if to is None:
        url = reverse(
            "petitions_delivery_pack_pdf" if pdf else "petitions_delivery_pack", args=[petition.pk]
        )
    else:
        name = "petitions_delivery_pack_to_pdf" if pdf else "petitions_delivery_pack_to"
        url = reverse(name, args=[petition.pk, to])
    return client.get(url, {"lang": lang} if lang else {})


def test_a_pack_for_one_decision_maker_in_french_with_french_countries_and_notes(
    admin_client, petition_page, petition
):
    french = translate(petition_page, "fr", title="Libérez les prisonniers")
    second = petition_page.decision_makers.order_by("sort_order")[1]
    delivery = Delivery.objects.get(decision_maker_key=second.translation_key)
    publish_translation(
        delivery,
        "fr",
        {
            "Sent with the count.": "Envoyée avec le décompte.",
            "We have received your petition.": "Nous avons reçu votre pétition.",
        },
    )

    response = pack(admin_client, petition, to=second.translation_key, lang="fr")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    document = soup(response)
    assert document.html["lang"] == "fr"
    assert document.h1.get_text() == french.title
    assert document.select_one(".addressee").get_text(strip=True).startswith("À")
    assert "Decision maker 2" in document.select_one(".addressee").get_text()
    text = document.get_text(" ", strip=True)
    assert "Decision maker 1" not in text  # only the addressee, only their deliveries
    deliveries = [li.get_text(" ", strip=True) for li in document.select(".deliveries li")]
    assert len(deliveries) == 1
    assert "Envoyée avec le décompte." in deliveries[0]
    assert "Nous avons reçu votre pétition." in deliveries[0]
    assert "Remise le 3 mai 2024" in deliveries[0]
    names = [li.get_text(strip=True) for li in document.select(".signers li")]
    assert names == ["Bedros Avagyan (Arménie)", "Claire Martin (France)"]
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in document.select("tbody tr")]
    assert ["Arménie", "1"] in rows and ["Allemagne", "1"] in rows
    assert "Hidden" not in text
    links = {a.get_text(strip=True): a["href"] for a in document.select("a")}
    assert links["Télécharger en PDF"].endswith(f"/to/{second.translation_key}/pdf/?lang=fr")


def test_the_whole_pack_links_each_decision_makers_pack_and_lists_every_delivery(
    admin_client, petition_page, petition
):
    document = soup(pack(admin_client, petition))
    people = petition_page.decision_makers.order_by("sort_order")
    links = [a["href"] for a in document.select(".decision-makers a")]
    assert links == [
        reverse("petitions_delivery_pack_to", args=[petition.pk, person.translation_key])
        + "?lang=en"
        for person in people
    ]
    assert len(document.select(".deliveries li")) == 2
    assert document.select_one(".addressee") is None


def test_a_decision_maker_of_another_petition_is_a_404(admin_client, petition, home_pages):
    from .factories import make_petition

    other = make_petition(home_pages["en"]).decision_makers.first()
    assert pack(admin_client, petition, to=other.translation_key).status_code == 404


def test_the_pdf_is_drawn_with_the_armenian_font_for_armenian_readers(
    admin_client, petition_page, petition
):
    translate(petition_page, "hy", title="Ազատե՛ք գերիներին")
    person = petition_page.decision_makers.first()
    for to in (None, person.translation_key):
        response = pack(admin_client, petition, to=to, pdf=True, lang="hy")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")
        assert b"NotoSansArmenian" in response.content
        assert 'filename="petition-' in response["Content-Disposition"]
        assert b"Bedros" not in response.content  # text is glyphs in embedded subsets

    english = pack(admin_client, petition, pdf=True)
    assert english.status_code == 200 and english.content.startswith(b"%PDF-")


def test_packs_need_the_export_permission(client, petition):
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    for pdf in (False, True):
        assert pack(client, petition, pdf=pdf).status_code in (302, 403)


def test_deliveries_are_shown_once_in_the_pages_language(client, petition_page, petition):
    french = translate(petition_page, "fr", title="Libérez les prisonniers")
    first = petition_page.decision_makers.order_by("sort_order")[0]
    delivery = Delivery.objects.get(decision_maker_key=first.translation_key)
    publish_translation(delivery, "fr", {"Handed over in Paris.": "Remise en main propre à Paris."})

    assert len(deliveries_in(petition, french.locale)) == 2
    french_page = soup(client.get(french.url)).get_text(" ", strip=True)
    assert "Remise en main propre à Paris." in french_page
    assert "Handed over in Paris." not in french_page
    assert "Sent with the count." in french_page  # not translated yet: the source's words
    english_page = soup(client.get(petition_page.url)).get_text(" ", strip=True)
    assert "Handed over in Paris." in english_page
    assert english_page.count("We have received your petition.") == 2


def test_the_pdf_lists_at_most_the_configured_number_of_names(
    admin_client, petition, settings, monkeypatch
):
    from petitions.admin import pack_pdf

    drawn = []
    draw = pack_pdf._names

    def recording(pdf, names):
        drawn.extend(names)
        draw(pdf, drawn)

    monkeypatch.setattr(pack_pdf, "_names", recording)
    settings.PETITIONS_PACK_PDF_MAX_NAMES = 1
    response = pack(admin_client, petition, pdf=True)
    assert response.status_code == 200
    assert drawn == ["Bedros Avagyan (Armenia)"]


def test_editors_submit_a_delivery_for_translation_from_its_listing(
    admin_client, petition_page, petition
):
    from wagtail.models import Locale

    delivery = Delivery.objects.order_by("pk").first()
    listing = soup(admin_client.get("/admin/petitions/deliveries/"))
    submit_url = f"/admin/localize/submit/snippet/petitions/delivery/{delivery.pk}/"
    assert listing.select_one(f'a[href^="{submit_url}"]') is not None

    french = Locale.objects.get(language_code="fr")
    response = admin_client.post(submit_url, {"locales": [french.pk]})
    assert response.status_code == 302
    copy = Delivery.objects.get(translation_key=delivery.translation_key, locale=french)
    assert (copy.delivered_on, copy.channel, copy.decision_maker_key) == (
        delivery.delivered_on,
        delivery.channel,
        delivery.decision_maker_key,
    )
    assert [item.pk for item in deliveries_in(petition, french)].count(copy.pk) == 1
    # The translator gets wagtail-localize's editor with the note and the response to translate.
    editor = admin_client.get(f"/admin/petitions/deliveries/edit/{copy.pk}/")
    assert editor.status_code == 200
    assert "Handed over in Paris." in editor.content.decode()
    assert "We have received your petition." in editor.content.decode()
