"""Editors publish profiles; visitors read them and the index in every language."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaign_site.storage import is_private_name, private_storage, public_storage
from prisoners.charts import bar_chart
from prisoners.figures import Figure, compute_figures
from prisoners.models import Category, PrisonerPage, ProfileSource, Status, TimelineEvent
from prisoners.queries import campaign_figures
from prisoners.templatetags.prisoner_tags import days_phrase
from prisoners.visibility import Consent, Visibility

from .conftest import soup
from .factories import SponsorshipFactory

pytestmark = pytest.mark.django_db


# --- Editors -----------------------------------------------------------------------


def test_editor_creates_and_publishes_a_complete_profile(admin_client, prisoner_index, photo):
    url = reverse("wagtailadmin_pages:add", args=["prisoners", "prisonerpage", prisoner_index.pk])
    assert admin_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Aram Example",
            "slug": "aram-example",
            "name_native": "Արամ Օրինակյան",
            "other_spellings": "Aram Primeryan\nAram Exampleian",
            "category": Category.PRISONER_OF_WAR,
            "status": Status.SENTENCED,
            "photo": photo.pk,
            "photo_credit": "Family archive",
            "captured_on": "2020-11-03",
            "capture_place": "Near the front line",
            "born_on": "1999-05-14",
            "home_town": "Exampleville",
            "occupation": "Student",
            "biography": streamfield(
                [("paragraph", rich_text("<p>Aram studied history before the war.</p>"))]
            ),
            "detention_place": "A prison in Baku",
            "icrc_registration": "yes",
            "icrc_last_visit_on": "2023-06-01",
            "acknowledged": "yes",
            "charges": "Terrorism (as the holding state calls it)",
            "court": "A court in Baku",
            "sentenced_on": "2021-07-01",
            "sentence_years": "6",
            "expected_release_on": "2026-11-03",
            "released_on": "",
            "timeline": inline_formset(
                [
                    {"date": "2020-11-03", "event": "Captured", "source_url": ""},
                    {
                        "date": "2021-07-01",
                        "event": "Sentenced",
                        "source_url": "https://example.org/verdict",
                    },
                ]
            ),
            "sources": inline_formset(
                [{"title": "NGO report", "url": "https://example.org/report", "date": ""}]
            ),
            "consent": Consent.GIVEN,
            "visibility": str(Visibility.FULL.value),
            "consent_notes": "His mother agreed on 1 May.",
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, soup(response).select(".error-message, .help-critical")

    page = PrisonerPage.objects.get(slug="aram-example")
    assert page.live
    assert page.sentence_years == 6
    assert page.other_spelling_list == ["Aram Primeryan", "Aram Exampleian"]
    assert [event.event for event in page.timeline.all()] == ["Captured", "Sentenced"]
    assert TimelineEvent.objects.filter(page=page).count() == 2
    assert ProfileSource.objects.get(page=page).title == "NGO report"

    document = soup(admin_client.get("/en/prisoners/aram-example/"))
    assert document.h1.get_text(strip=True) == "Aram Example"
    text = document.main.get_text(" ", strip=True)
    for expected in ("Aram studied history", "Exampleville", "6 years", "NGO report", "Captured"):
        assert expected in text


def test_the_admin_refuses_a_full_profile_without_the_familys_consent(admin_client, prisoner_index):
    url = reverse("wagtailadmin_pages:add", args=["prisoners", "prisonerpage", prisoner_index.pk])
    data = nested_form_data(
        {
            "title": "Aram Example",
            "slug": "aram-example",
            "category": Category.PRISONER_OF_WAR,
            "status": Status.HELD,
            "biography": streamfield([]),
            "timeline": inline_formset([]),
            "sources": inline_formset([]),
            "consent": Consent.NAME_ONLY,
            "visibility": str(Visibility.FULL.value),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)

    # The editor stays on the form, told why, and nothing reaches the public.
    assert response.status_code == 200
    errors = " ".join(
        error.get_text(" ", strip=True) for error in soup(response).select(".error-message")
    )
    refusal = (
        f"The family's consent (“{Consent.NAME_ONLY.label}”) "
        f"allows at most “{Visibility.NAME_ONLY.label}”."
    )
    assert refusal in errors
    assert not PrisonerPage.objects.filter(slug="aram-example").exists()
    assert admin_client.get("/en/prisoners/aram-example/").status_code == 404


def test_the_model_refuses_a_full_profile_without_the_familys_consent(make_prisoner):
    page = make_prisoner(consent=Consent.NAME_ONLY, visibility=Visibility.NAME_ONLY)
    page.visibility = Visibility.FULL
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert list(error.value.message_dict) == ["visibility"]


def test_a_sentenced_person_needs_a_sentence_and_an_end_needs_a_date(make_prisoner):
    page = make_prisoner()
    page.sentence_years = None
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "sentence_years" in error.value.message_dict

    page = make_prisoner(status=Status.HELD, sentence_years=None)
    page.status = Status.RELEASED
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "released_on" in error.value.message_dict


def test_sample_profiles_are_marked_in_the_admin_and_on_the_page(client, make_prisoner):
    page = make_prisoner(title="Sam Sample", slug="sam", is_sample=True)
    assert page.get_admin_display_title() == "Sam Sample (sample data)"
    text = soup(client.get("/en/prisoners/sam/")).main.get_text(" ", strip=True)
    assert "Sample data: this is a fictional person" in text


def test_editors_list_prisoners_without_a_sponsor(admin_client, make_prisoner):
    lonely = make_prisoner(title="Lonely Person", slug="lonely")
    sponsored = make_prisoner(title="Sponsored Person", slug="sponsored")
    make_prisoner(title="Released Person", status=Status.RELEASED, released_on="2021-01-01")
    make_prisoner(title="Counted Person", consent=Consent.REFUSED, visibility=0)
    SponsorshipFactory(
        campaign_key=sponsored.get_parent().translation_key,
        prisoner_key=sponsored.translation_key,
    )
    # A pending application does not count.
    SponsorshipFactory(
        campaign_key=lonely.get_parent().translation_key,
        prisoner_key=lonely.translation_key,
        status="pending",
    )
    response = admin_client.get(reverse("prisoners_needs_sponsor"))
    assert response.status_code == 200
    text = soup(response).get_text(" ", strip=True)
    assert "Lonely Person" in text
    assert "Sponsored Person" not in text
    assert "Released Person" not in text
    assert "Counted Person" not in text


# --- Days in captivity ---------------------------------------------------------------


def test_days_are_counted_from_capture_to_release_or_today(make_prisoner):
    held = make_prisoner(captured_on=datetime.date(2020, 11, 3))
    assert held.days_in_captivity(today=datetime.date(2020, 11, 4)) == 1
    released = make_prisoner(
        status=Status.RELEASED,
        captured_on=datetime.date(2020, 11, 3),
        released_on=datetime.date(2021, 11, 3),
    )
    assert released.days_in_captivity(today=datetime.date(2030, 1, 1)) == 365
    unknown = make_prisoner(captured_on=None)
    assert unknown.days_in_captivity() is None


@pytest.mark.parametrize(
    ("language", "days", "expected"),
    [
        ("en", 1, "1 day in captivity"),
        ("en", 2, "2 days in captivity"),
        ("en", 1234, "1,234 days in captivity"),
        ("fr", 1, "1 jour de captivité"),
        ("fr", 0, "0 jour de captivité"),
        ("fr", 1234, "1\xa0234 jours de captivité"),
        ("hy", 1, "1 օր գերության մեջ"),
        ("hy", 0, "0 օր գերության մեջ"),
        ("hy", 1234, "1\xa0234 օր գերության մեջ"),
    ],
)
def test_days_in_captivity_use_each_languages_plural_rule(language, days, expected):
    with translation.override(language):
        assert days_phrase(Status.SENTENCED, days) == expected


# --- Pages in three languages ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading", "filter_label"),
    [
        ("en", "The people held", "Category"),
        ("fr", "Les personnes détenues", "Catégorie"),
        ("hy", "Պահվող մարդիկ", "Կատեգորիա"),
    ],
)
def test_index_and_profile_render_in_each_language(
    client, make_prisoner, translate, language, heading, filter_label
):
    page = make_prisoner(title="Aram Example", slug="aram")
    if language != "en":
        translate(page, language, title={"fr": "Aram Exemple", "hy": "Արամ Օրինակ"}[language])

    index = soup(client.get(f"/{language}/prisoners/"))
    assert index.html["lang"] == language
    assert index.find("h2", id="profiles-heading").get_text(strip=True) == heading
    assert index.find("label", attrs={"for": "id_category"}).get_text(strip=True) == filter_label
    card = index.select_one(".profile-card")
    assert card.h3.a["href"] == f"/{language}/prisoners/aram/"

    profile = client.get(f"/{language}/prisoners/aram/")
    assert profile.status_code == 200
    assert soup(profile).html["lang"] == language


def test_an_untranslated_profile_appears_in_the_default_language(client, make_prisoner):
    make_prisoner(title="Only English", slug="only-english")
    card = soup(client.get("/fr/prisoners/")).select_one(".profile-card")
    assert card["lang"] == "en"
    assert card.h3.a["href"] == "/en/prisoners/only-english/"


# --- Index: filters, search, figures, chart ---------------------------------------------


@pytest.fixture
def varied(make_prisoner):
    make_prisoner(title="Aram Alpha", slug="a", category="pow", status="sentenced")
    make_prisoner(
        title="Ani Beta",
        slug="b",
        category="civilian",
        status="held",
        sentence_years=None,
        other_spellings="Anna Betayan",
    )
    make_prisoner(
        title="Գոռ Գամմա",
        slug="c",
        category="political-leader",
        status="sentenced",
        sentence_years=20,
    )
    make_prisoner(
        title="Davit Delta",
        slug="d",
        category="pow",
        status="released",
        released_on=datetime.date(2021, 5, 4),
        sentence_years=None,
    )
    make_prisoner(
        title="Hidden Epsilon",
        slug="e",
        category="civilian",
        status="sentenced",
        sentence_years=4,
        consent=Consent.REFUSED,
        visibility=Visibility.COUNTED,
    )


def _names(client, **params):
    document = soup(client.get("/en/prisoners/", params))
    return sorted(card.h3.get_text(strip=True) for card in document.select(".profile-card"))


def test_filters_and_search_work_with_a_plain_get_form(client, varied):
    document = soup(client.get("/en/prisoners/"))
    form = document.find("form", class_="profile-filters")
    assert form["method"] == "get"
    assert {field["name"] for field in form.select("input[name], select[name]")} == {
        "q",
        "category",
        "status",
        "needs_sponsor",
    }

    assert _names(client, category="pow") == ["Aram Alpha", "Davit Delta"]
    assert _names(client, status="sentenced") == ["Aram Alpha", "Գոռ Գամմա"]
    assert _names(client, category="pow", status="released") == ["Davit Delta"]
    assert _names(client, q="ani") == ["Ani Beta"]
    assert _names(client, q="betayan") == ["Ani Beta"]  # another spelling
    assert _names(client, q="գոռ") == ["Գոռ Գամմա"]  # Armenian, any case
    assert _names(client, q="Hidden") == []
    assert _names(client, category="nonsense") == _names(client)  # a bad value is ignored


def test_needs_a_sponsor_is_a_filter_and_a_figure(client, varied, prisoner_index):
    for slug, status in (("a", "approved"), ("b", "pending")):
        SponsorshipFactory(
            campaign_key=prisoner_index.translation_key,
            prisoner_key=PrisonerPage.objects.get(slug=slug).translation_key,
            status=status,
        )
    # Aram is sponsored, Davit released, Hidden not public; a pending application is no sponsor.
    assert _names(client, needs_sponsor="on") == ["Ani Beta", "Գոռ Գամմա"]
    assert compute_figures(prisoner_index).needs_sponsor == 2
    assert compute_figures(prisoner_index).as_dict()["needs_sponsor"] == 2

    document = soup(client.get("/en/prisoners/", {"needs_sponsor": "on"}))
    assert document.select_one("#id_needs_sponsor").has_attr("checked")
    figure = document.find("a", href="?needs_sponsor=on#profiles-heading")
    assert figure.get_text(strip=True) == "2"


def test_the_count_and_the_chosen_filters_are_shown(client, varied):
    document = soup(client.get("/en/prisoners/", {"category": "pow"}))
    assert document.select_one(".profile-count").get_text(strip=True) == "2 people"
    assert document.select_one("#id_category option[selected]")["value"] == "pow"


def test_figures_count_every_person_once_including_the_hidden(varied, prisoner_index, translate):
    # A translation does not count twice.
    translate(PrisonerPage.objects.get(slug="a"), "fr")
    figures = compute_figures(prisoner_index)
    assert figures.profiles == 5
    assert figures.held.value == 4 and not figures.held.reported
    assert {f.key: f.value for f in figures.by_category} == {
        "pow": 1,
        "civilian": 2,
        "political-leader": 1,
    }
    assert {f.key: f.value for f in figures.by_status}["released"] == 1
    assert (figures.sentenced, figures.not_sentenced) == (3, 1)
    assert (figures.sentence_min, figures.sentence_max) == (4, 20)


def test_reported_figures_replace_counted_ones_with_their_source(client, prisoner_index, varied):
    prisoner_index.reported_held = 23
    prisoner_index.reported_prisoners_of_war = 9
    prisoner_index.reported_sentence_min = 4
    prisoner_index.reported_sentence_max = 20
    prisoner_index.figures_source_title = "Human rights NGOs, confirmed by the ICRC"
    prisoner_index.disappeared_count = 80
    prisoner_index.disappeared_source_title = "The campaign's page"
    prisoner_index.save_revision().publish()

    figures = compute_figures(prisoner_index)
    assert figures.held.value == 23 and figures.held.reported
    assert {f.key: f.value for f in figures.by_category}["pow"] == 9
    assert {f.key: f.value for f in figures.by_category}["civilian"] == 2  # counted

    text = soup(client.get("/en/prisoners/")).select_one(".figures").get_text(" ", strip=True)
    assert "People held 23" in text.replace("\n", " ")
    assert "at least 80" in text
    assert "Human rights NGOs, confirmed by the ICRC" in text
    assert "The campaign's page" in text


def test_the_chart_is_an_accessible_svg_with_a_table(client, varied):
    document = soup(client.get("/en/prisoners/"))
    svg = document.find("svg", id="chart-categories")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).get_text() == "People held, by category"
    assert svg.find("desc", id=desc_id).get_text() == (
        "Prisoner of war: 1; Civilian: 2; Political leader: 1"
    )
    assert len(svg.find_all("rect")) == 3
    table = svg.find_parent("div").find("table")
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in table.tbody.find_all("tr")
    ]
    assert rows == [["Prisoner of war", "1"], ["Civilian", "2"], ["Political leader", "1"]]


def test_chart_bars_are_proportional_and_text_is_escaped():
    svg = bar_chart(
        [Figure("a", "<b>A</b>", 10), Figure("b", "B", 5), Figure("c", "C", 0)],
        title="T & T",
        chart_id="x",
    )
    widths = [int(part.split('"')[0]) for part in svg.split('width="')[2:]]
    assert widths[0] == 2 * widths[1]
    assert widths[2] == 2  # a zero still shows a sliver
    assert "&lt;b&gt;A&lt;/b&gt;" in svg and "T &amp; T" in svg


def test_cards_show_days_sponsors_and_the_needs_a_sponsor_marker(client, make_prisoner):
    sponsored = make_prisoner(title="Sponsored One", slug="s1")
    make_prisoner(title="Lonely Two", slug="s2")
    for _ in range(2):
        SponsorshipFactory(
            campaign_key=sponsored.get_parent().translation_key,
            prisoner_key=sponsored.translation_key,
        )
    document = soup(client.get("/en/prisoners/"))
    cards = {card.h3.get_text(strip=True): card for card in document.select(".profile-card")}
    assert "2 sponsors" in cards["Sponsored One"].get_text(" ", strip=True)
    assert cards["Sponsored One"].select_one(".needs-sponsor") is None
    assert cards["Lonely Two"].select_one(".needs-sponsor").get_text() == "Needs a sponsor"
    assert "days in captivity" in cards["Lonely Two"].get_text(" ", strip=True)


def test_pagination_keeps_the_filters(client, make_prisoner, prisoner_index):
    for number in range(prisoner_index.PER_PAGE + 2):
        make_prisoner(title=f"Person {number:02d}", slug=f"p{number}")
    document = soup(client.get("/en/prisoners/", {"category": "pow"}))
    next_link = document.select_one(".pagination a[rel=next]")["href"]
    assert "category=pow" in next_link and "page=2" in next_link
    second = soup(client.get("/en/prisoners/", {"category": "pow", "page": 2}))
    assert len(second.select(".profile-card")) == 2


def test_the_index_is_in_the_main_menu(client, prisoner_indexes):
    nav = soup(client.get("/fr/")).select_one("nav.main-nav")
    assert "/fr/prisoners/" in [a["href"] for a in nav.find_all("a")]


def test_other_apps_get_the_figures_in_any_language(varied, prisoner_indexes):
    english = campaign_figures(Locale.objects.get(language_code="en"))
    armenian = campaign_figures(Locale.objects.get(language_code="hy"))
    assert english.as_dict() == armenian.as_dict()
    assert english.as_dict()["held"] == 4


def test_hiding_a_profile_in_the_admin_takes_its_photo_off_public_storage(
    admin_client, make_prisoner, photo, django_capture_on_commit_callbacks
):
    page = make_prisoner(title="To Hide", slug="to-hide", photo=photo)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = nested_form_data(
        {
            "title": "To Hide",
            "slug": "to-hide",
            "category": Category.PRISONER_OF_WAR,
            "status": Status.SENTENCED,
            "sentence_years": "6",
            "photo": photo.pk,
            "biography": streamfield([]),
            "icrc_registration": "yes",
            "acknowledged": "yes",
            "timeline": inline_formset([]),
            "sources": inline_formset([]),
            "consent": Consent.GIVEN,
            "visibility": str(Visibility.COUNTED.value),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    public_name = photo.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data, follow=True)
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.visibility == Visibility.COUNTED  # hiding is never blocked
    photo.refresh_from_db()
    assert is_private_name(photo.file.name)
    assert not public_storage().exists(public_name)
    assert private_storage().exists(photo.file.name)


def test_translators_get_the_words_not_the_private_notes_or_identifiers(make_prisoner):
    from wagtail_localize.models import TranslationSource

    page = make_prisoner(
        title="Aram Example",
        capture_place="Near the front line",
        consent_notes="Mother's phone: +374 00 000000",
        other_spellings="Aram Exampleian",
        name_native="Արամ Օրինակ",
        biography=[("paragraph", "<p>Aram studied history.</p>")],
    )
    source, _created = TranslationSource.get_or_create_from_instance(page)
    strings = set(source.stringsegment_set.values_list("string__data", flat=True))
    assert {"Aram Example", "Near the front line", "Aram studied history."} <= strings
    for private in ("Mother's phone", "Aram Exampleian", "Արամ Օրինակ", "test-person"):
        assert not any(private in string for string in strings), private


def test_admin_forms_and_exports_render(admin_client, prisoner_index, make_prisoner):
    page = make_prisoner()
    for url in (
        reverse("wagtailadmin_pages:edit", args=[prisoner_index.pk]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse(
            "wagtailadmin_pages:add",
            args=["prisoners", "prisonerindexpage", prisoner_index.get_parent().pk],
        ),
        reverse("sponsorships:add"),
    ):
        assert admin_client.get(url).status_code == 200, url
    SponsorshipFactory(campaign_key=prisoner_index.translation_key, email="x@example.org")
    export = admin_client.get(reverse("sponsorships:index") + "?export=csv")
    assert export.status_code == 200
    assert "x@example.org" in b"".join(export.streaming_content).decode()
    report = admin_client.get(reverse("prisoners_needs_sponsor") + "?export=csv")
    assert report.status_code == 200
