"""One record of the facts per person: one publish changes every language, API and file.

The facts (status, dates, consent, visibility, photo...) live on the `Prisoner`
every translation of a profile points at; editors set them on the source page and
they apply when it is published, to every language at once.
"""

import datetime
import json

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from prisoners.models import Prisoner, PrisonerPage, Status
from prisoners.visibility import Consent, Visibility
from tests import frontend_cache

from .conftest import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(make_prisoner, translate):
    """A sentenced man with his profile in English, French and Armenian."""
    page = make_prisoner(title="Aram Example", slug="aram", status=Status.SENTENCED)
    return {
        "en": page,
        "fr": translate(page, "fr", title="Aram Exemple"),
        "hy": translate(page, "hy", title="Արամ Օրինակ"),
    }


def edit_form(page, **facts):
    """What the editor's form posts for `page` with `facts` changed, publishing it."""
    values = {
        "title": page.title,
        "slug": page.slug,
        "biography": streamfield([]),
        "timeline": inline_formset([]),
        "sources": inline_formset([]),
        "comments": inline_formset([]),
        "category": page.category,
        "status": page.status,
        "captured_on": page.captured_on.isoformat() if page.captured_on else "",
        "sentence_years": page.sentence_years or "",
        "released_on": "",
        "icrc_registration": page.icrc_registration,
        "acknowledged": page.acknowledged,
        "consent": page.consent,
        "visibility": str(page.visibility),
        "action-publish": "publish",
    }
    values.update(facts)
    return nested_form_data(values)


def release(admin_client, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = admin_client.post(
        url, edit_form(page, status=Status.RELEASED, released_on="2024-01-19")
    )
    assert response.status_code == 302, soup(response).select(".error-message, .help-critical")


def test_every_translation_shares_one_record(person):
    records = {language: page.prisoner_id for language, page in person.items()}
    assert len(set(records.values())) == 1
    record = Prisoner.objects.get()
    assert record.translation_key == person["en"].translation_key
    assert record.page_id == person["en"].pk


def test_one_publish_of_the_english_page_releases_him_in_every_language(
    admin_client, person, client
):
    release(admin_client, person["en"])

    for language in ("en", "fr", "hy"):
        page = PrisonerPage.objects.get(pk=person[language].pk)
        assert page.status == Status.RELEASED, language
        assert page.released_on == datetime.date(2024, 1, 19), language

    for language, released in (("fr", "Libéré"), ("hy", "Ազատ")):
        text = soup(client.get(f"/{language}/prisoners/aram/")).main.get_text(" ", strip=True)
        assert released.lower() in text.lower(), language
        card = json.loads(
            client.get(f"/api/widgets/prisoners/{person['en'].pk}?lang={language}").content
        )
        assert card["status"] == Status.RELEASED, language
        assert card["status_label"].startswith(released), language
        data = json.loads(client.get(f"/open-data/prisoners.json?lang={language}").content)
        row = next(
            row for row in data["prisoners"] if row["id"] == str(person["en"].translation_key)
        )
        assert row["status"] == Status.RELEASED, language
        assert row["released_on"] == "2024-01-19", language
        assert data["figures"]["held"] == 0, language


def open_data_row(client, language, page):
    data = json.loads(client.get(f"/open-data/prisoners.json?lang={language}").content)
    key = str(page.translation_key)
    return next((row for row in data["prisoners"] if row["id"] == key), None)


def test_one_publish_of_a_transfer_moves_him_in_every_language(admin_client, client, person):
    """Issue 11: the place of detention is a fact of the person, set once on the source
    page; after a transfer no translation keeps the old prison."""
    record = Prisoner.objects.get()
    record.detention_place = "Baku pre-trial detention centre"
    record.save()
    url = reverse("wagtailadmin_pages:edit", args=[person["en"].pk])
    form = admin_client.get(url).context["form"]
    assert form.initial["detention_place"] == "Baku pre-trial detention centre"

    data = edit_form(person["en"], detention_place="Sample prison (fictional)")
    response = admin_client.post(url, data)
    assert response.status_code == 302, soup(response).select(".error-message, .help-critical")

    assert Prisoner.objects.get().detention_place == "Sample prison (fictional)"
    for language in ("en", "fr", "hy"):
        page = person[language]
        assert PrisonerPage.objects.get(pk=page.pk).detention_place == "Sample prison (fictional)"
        text = soup(client.get(page.url)).main.get_text(" ", strip=True)
        assert "Sample prison (fictional)" in text, language
        assert "Baku pre-trial" not in text, language
        profile = client.get(f"/api/v2/pages/{page.pk}/").json()["profile"]
        assert profile["detention_place"] == "Sample prison (fictional)", language
        row = open_data_row(client, language, person["en"])
        assert row["detention_place"] == "Sample prison (fictional)", language
    csv = client.get("/open-data/prisoners.csv?lang=fr").content.decode()
    assert "Sample prison (fictional)" in csv and "Baku pre-trial" not in csv


def test_translators_no_longer_translate_the_place_of_detention(admin_client, person):
    french = person["fr"]
    form = admin_client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])).context["form"]
    assert "detention_place" not in form.fields
    assert "detention_place" not in {field.field_name for field in PrisonerPage.translatable_fields}
    # Set on a translation in code, it is never applied.
    record = Prisoner.objects.get()
    record.detention_place = "Sample prison"
    record.save()
    french = PrisonerPage.objects.get(pk=french.pk)
    french.detention_place = "Prison fictive"
    french.save_revision().publish()
    assert Prisoner.objects.get().detention_place == "Sample prison"
    assert PrisonerPage.objects.get(pk=french.pk).detention_place == "Sample prison"


def test_revisions_made_before_the_move_still_open(admin_client, person):
    """A revision saved when the place was a page field keeps it in its JSON: opening it
    (edit form, preview, comparison) works and shows the record's place, in any language."""
    record = Prisoner.objects.get()
    record.detention_place = "Sample prison"
    record.save()
    for language in ("en", "fr"):
        page = PrisonerPage.objects.get(pk=person[language].pk)
        old = page.save_revision()
        old.content = {**old.content, "detention_place": f"Old prison ({language})"}
        old.content.pop("prisoner_facts", None)  # made before the record
        old.save(update_fields=["content"])
        latest = page.save_revision()
        args = [page.pk, old.pk]
        revert = admin_client.get(reverse("wagtailadmin_pages:revisions_revert", args=args))
        assert revert.status_code == 200, language
        if language == "en":
            assert revert.context["form"].initial["detention_place"] == "Sample prison"
        assert "Old prison" not in revert.content.decode()
        view = admin_client.get(reverse("wagtailadmin_pages:revisions_view", args=args))
        assert view.status_code == 200, language
        assert "Sample prison" in view.content.decode()
        compare = admin_client.get(
            reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, old.pk, latest.pk])
        )
        assert compare.status_code == 200, language
        assert PrisonerPage.objects.get(pk=page.pk).detention_place == "Sample prison"
    assert Prisoner.objects.get().detention_place == "Sample prison"


@pytest.mark.parametrize(
    ("consent", "visibility", "shown"),
    [
        (Consent.NAME_ONLY, Visibility.NAME_ONLY, True),
        (Consent.REFUSED, Visibility.COUNTED, False),
    ],
)
def test_the_place_follows_the_visibility_rule_as_before(
    client, make_prisoner, translate, consent, visibility, shown
):
    """Name only shows the facts of the detention, the place among them; a person only
    counted shows nothing anywhere, in any language."""
    page = make_prisoner(
        title="Aram Example",
        slug="aram",
        consent=consent,
        visibility=visibility,
        detention_place="Sample prison (fictional)",
    )
    french = translate(page, "fr", title="Aram Exemple")
    assert Prisoner.objects.get().detention_place == "Sample prison (fictional)"
    for translation in (page, french):
        language = translation.locale.language_code
        response = client.get(f"/{language}/prisoners/aram/")
        assert response.status_code == (200 if shown else 404)
        assert ("Sample prison" in response.content.decode()) is shown
        detail = client.get(f"/api/v2/pages/{translation.pk}/")
        assert detail.status_code == (200 if shown else 404)
        if shown:
            assert detail.json()["profile"]["detention_place"] == "Sample prison (fictional)"
        if not shown:  # listings carry cards, without the place: a hidden one not even a card
            listing = client.get("/api/v2/pages/", {"type": "prisoners.PrisonerPage"})
            assert "Sample prison" not in listing.content.decode()
        row = open_data_row(client, language, page)
        assert (row is not None and row["detention_place"] == "Sample prison (fictional)") is shown
        for kind in ("json", "csv"):
            data = client.get(f"/open-data/prisoners.{kind}?lang={language}").content.decode()
            assert ("Sample prison" in data) is shown
        # The partner widgets follow the same rule: their card, their listing, their embed.
        card = client.get(f"/api/widgets/prisoners/{page.pk}", {"lang": language})
        assert card.status_code == (200 if shown else 404)
        if shown:
            assert card.json()["detention_place"] == "Sample prison (fictional)"
        listing = client.get("/api/widgets/prisoners/", {"lang": language}).json()
        places = [card["detention_place"] for card in listing["prisoners"]]
        assert places == (["Sample prison (fictional)"] if shown else [])
        embed = client.get(f"/embed/prisoner/{page.pk}/", {"lang": language})
        assert embed.status_code == (200 if shown else 404)
        assert ("Sample prison" in embed.content.decode()) is shown


PLACE_LABELS = {"en": "Place of detention", "fr": "Lieu de détention", "hy": "Կալանքի վայր"}


def test_a_full_profile_s_widgets_show_the_place_in_every_language(client, person):
    """The partner card, its listing and its embed carry the place of detention as the
    profile, the content API and the open data do: one value, a label per language."""
    record = Prisoner.objects.get()
    record.detention_place = "Sample prison (fictional)"
    record.save()
    for language, label in PLACE_LABELS.items():
        card = client.get(f"/api/widgets/prisoners/{person['en'].pk}", {"lang": language})
        assert card.status_code == 200
        assert card.json()["name"] == person[language].title
        assert card.json()["detention_place"] == "Sample prison (fictional)", language
        listing = client.get("/api/widgets/prisoners/", {"lang": language}).json()
        assert [card["detention_place"] for card in listing["prisoners"]] == [
            "Sample prison (fictional)"
        ], language
        embed = soup(client.get(f"/embed/prisoner/{person['en'].pk}/", {"lang": language}))
        facts = embed.select_one(".widget-prisoner .facts")
        assert facts.dt.get_text(strip=True) == label, language
        assert facts.dd.get_text(strip=True) == "Sample prison (fictional)", language


def test_a_card_without_a_known_place_says_null_and_the_embed_shows_no_label(client, person):
    card = client.get(f"/api/widgets/prisoners/{person['en'].pk}").json()
    assert card["detention_place"] is None
    embed = client.get(f"/embed/prisoner/{person['en'].pk}/").content.decode()
    assert "Place of detention" not in embed


def test_a_draft_changes_nothing_until_it_is_published(admin_client, person):
    url = reverse("wagtailadmin_pages:edit", args=[person["en"].pk])
    data = edit_form(person["en"], status=Status.RELEASED, released_on="2024-01-19")
    del data["action-publish"]
    assert admin_client.post(url, data).status_code == 302
    assert Prisoner.objects.get().status == Status.SENTENCED
    # The draft keeps what the editor set, for the next visit to the form.
    draft = PrisonerPage.objects.get(pk=person["en"].pk).get_latest_revision_as_object()
    assert draft.status == Status.RELEASED

    draft.get_latest_revision().publish()
    assert Prisoner.objects.get().status == Status.RELEASED


def test_translators_neither_see_nor_change_the_facts(admin_client, person):
    french = person["fr"]
    url = reverse("wagtailadmin_pages:edit", args=[french.pk])
    form = admin_client.get(url).context["form"]
    assert not {"status", "visibility", "consent", "photo"} & set(form.fields)

    admin_client.post(url, edit_form(french, status=Status.RELEASED, visibility="2"))
    record = Prisoner.objects.get()
    assert record.status == Status.SENTENCED
    # Publishing a translation never applies facts, even set in code.
    french = PrisonerPage.objects.get(pk=french.pk)
    french.visibility = Visibility.COUNTED
    french.save_revision().publish()
    assert Prisoner.objects.get().visibility == Visibility.FULL


def test_the_consent_caps_the_record_whatever_code_sets(person):
    record = Prisoner.objects.get()
    record.consent = Consent.REFUSED
    record.visibility = Visibility.FULL
    record.save()
    record.refresh_from_db()
    assert (record.consent, record.visibility) == (Consent.REFUSED, Visibility.COUNTED)
    for language in ("en", "fr", "hy"):
        assert Client().get(f"/{language}/prisoners/aram/").status_code == 404


def test_a_change_of_the_facts_purges_every_translation(person, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.frontend_cache.RecordingBackend"}
    }
    frontend_cache.PURGED.clear()
    page = PrisonerPage.objects.get(pk=person["en"].pk)
    page.status = Status.RELEASED
    page.released_on = datetime.date(2024, 1, 19)
    page.save_revision().publish()

    purged = set(frontend_cache.PURGED)
    frontend_cache.PURGED.clear()
    for language in ("en", "fr", "hy"):
        assert f"http://localhost/{language}/prisoners/aram/" in purged, language
        assert f"http://localhost/{language}/prisoners/" in purged, language
        assert f"http://localhost/open-data/prisoners.json?lang={language}" in purged
        assert f"http://localhost/open-data/prisoners.csv?lang={language}" in purged
        card = f"http://localhost/api/widgets/prisoners/{person[language].pk}?lang={language}"
        assert card in purged
        assert f"http://localhost/embed/prisoner/{person[language].pk}/" in purged


def test_pages_read_their_facts_without_a_query_each(
    client, make_prisoner, django_assert_max_num_queries
):
    for number in range(3):
        make_prisoner(title=f"Person {number}", slug=f"person-{number}")
    # Measured cold: every editor's change retires what pages keep (render_cache).
    cache.clear()
    client.get("/en/prisoners/")  # the settings rows Wagtail creates on a first view
    cache.clear()
    with django_assert_max_num_queries(40) as few:
        client.get("/en/prisoners/")
    for number in range(3, 12):
        make_prisoner(title=f"Person {number}", slug=f"person-{number}")
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/en/prisoners/")


# --- The data migration ------------------------------------------------------------


def old_profile(apps, locale, key, path, **facts):
    """A profile in the shape it had before the record: facts on every translation."""
    content_type, _created = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="prisoners", model="prisonerpage"
    )
    defaults = {
        "category": "pow",
        "status": "sentenced",
        "consent": "given",
        "visibility": 2,
        "icrc_registration": "yes",
        "acknowledged": "yes",
    }
    return apps.get_model("prisoners", "PrisonerPage").objects.create(
        title=f"Person {path}",
        draft_title=f"Person {path}",
        slug=f"person-{path}",
        path=path,
        depth=1,
        url_path=f"/person-{path}/",
        content_type=content_type,
        locale=locale,
        translation_key=key,
        **{**defaults, **facts},
    )


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_keeps_the_source_facts_and_the_most_private_choice():
    import uuid

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    before = [("prisoners", "0004_prisoner_record")]
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    Locale = apps.get_model("wagtailcore", "Locale")
    english = Locale.objects.get_or_create(language_code="en")[0]
    french = Locale.objects.get_or_create(language_code="fr")[0]
    released, hidden = uuid.uuid4(), uuid.uuid4()
    # The French page was never synced: older facts, and a more private choice.
    old_profile(apps, french, released, "9001", status="held", consent="name-only", visibility=1)
    old_profile(
        apps,
        english,
        released,
        "9002",
        status="released",
        released_on=datetime.date(2024, 1, 19),
        consent_notes="His mother agreed.",
    )
    old_profile(apps, english, hidden, "9003", visibility=1, consent="name-only")
    old_profile(apps, french, hidden, "9004", visibility=2, consent="refused")

    executor = MigrationExecutor(connection)
    executor.migrate(leaves)

    record = Prisoner.objects.get(translation_key=released)
    assert record.status == Status.RELEASED  # the default language's page
    assert record.released_on == datetime.date(2024, 1, 19)
    assert record.consent_notes == "His mother agreed."
    assert (record.consent, record.visibility) == (Consent.NAME_ONLY, Visibility.NAME_ONLY)
    assert record.page_id == PrisonerPage.objects.get(path="9002").pk
    assert set(
        PrisonerPage.objects.filter(translation_key=released).values_list("prisoner_id", flat=True)
    ) == {record.pk}

    record = Prisoner.objects.get(translation_key=hidden)
    assert (record.consent, record.visibility) == (Consent.REFUSED, Visibility.COUNTED)


def profile_with_place(apps, locale, key, path, place, record=None):
    """A profile page as it was before 0013: its own place of detention, per language."""
    content_type, _created = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="prisoners", model="prisonerpage"
    )
    return apps.get_model("prisoners", "PrisonerPage").objects.create(
        title=f"Person {path}",
        draft_title=f"Person {path}",
        slug=f"person-{path}",
        path=path,
        depth=1,
        url_path=f"/person-{path}/",
        content_type=content_type,
        locale=locale,
        translation_key=key,
        prisoner=record,
        detention_place=place,
    )


@pytest.mark.django_db(transaction=True)
def test_the_place_of_detention_migrates_from_the_source_page_and_back():
    import uuid

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    before = [("prisoners", "0012_prisoner_detention_place")]
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    Locale = apps.get_model("wagtailcore", "Locale")
    Prisoner = apps.get_model("prisoners", "Prisoner")
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "fr", "hy")
    }
    # First written in French: the record's facts come from the French page.
    french_first, unlinked = uuid.uuid4(), uuid.uuid4()
    record = Prisoner.objects.create(translation_key=french_first, category="pow", status="held")
    profile_with_place(apps, locales["en"], french_first, "9101", "Baku prison", record)
    source = profile_with_place(
        apps, locales["fr"], french_first, "9102", "Prison de Bakou", record
    )
    profile_with_place(apps, locales["hy"], french_first, "9103", "Բաքվի բանտ", record)
    Prisoner.objects.filter(pk=record.pk).update(page_id=source.pk)
    # A record whose source page is gone: the default language's page.
    other = Prisoner.objects.create(translation_key=unlinked, category="pow", status="held")
    profile_with_place(apps, locales["hy"], unlinked, "9104", "Արտաքին բանտ", other)
    profile_with_place(apps, locales["en"], unlinked, "9105", "Outer prison", other)

    executor = MigrationExecutor(connection)
    executor.migrate([("prisoners", "0014_remove_prisonerpage_detention_place")])
    apps = executor.loader.project_state(
        [("prisoners", "0014_remove_prisonerpage_detention_place")]
    ).apps
    Prisoner = apps.get_model("prisoners", "Prisoner")
    moved = Prisoner.objects.get(translation_key=french_first)
    assert moved.detention_place == "Prison de Bakou"
    assert Prisoner.objects.get(translation_key=unlinked).detention_place == "Outer prison"

    # Backwards: every translation gets its person's place.
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    places = dict(
        apps.get_model("prisoners", "PrisonerPage").objects.values_list("path", "detention_place")
    )
    assert places == {
        "9101": "Prison de Bakou",
        "9102": "Prison de Bakou",
        "9103": "Prison de Bakou",
        "9104": "Outer prison",
        "9105": "Outer prison",
    }

    executor = MigrationExecutor(connection)
    executor.migrate(leaves)


def test_a_copy_of_a_profile_is_another_person_with_the_same_facts(person):
    english = PrisonerPage.objects.get(pk=person["en"].pk)
    copy = english.copy(
        update_attrs={"title": "Aram Copy", "slug": "aram-copy"}, keep_live=False
    ).specific
    assert copy.translation_key != english.translation_key
    assert copy.prisoner_id not in (None, english.prisoner_id)
    copy.refresh_from_db()
    assert (copy.status, copy.visibility) == (english.status, english.visibility)
    assert Prisoner.objects.get(pk=english.prisoner_id).page_id == english.pk


def test_publishing_an_older_draft_never_reopens_a_profile_made_private_since(person):
    english = PrisonerPage.objects.get(pk=person["en"].pk)
    english.sentence_years = 8
    draft = english.save_revision()  # an editor's draft: the sentence only

    record = Prisoner.objects.get()
    other_editor = PrisonerPage.objects.get(pk=person["en"].pk)
    other_editor.consent = Consent.REFUSED
    other_editor.visibility = Visibility.COUNTED
    other_editor.save_revision().publish()

    draft.publish()
    record.refresh_from_db()
    assert record.sentence_years == 8
    assert (record.consent, record.visibility) == (Consent.REFUSED, Visibility.COUNTED)
    assert Client().get("/fr/prisoners/aram/").status_code == 404


def test_every_fact_is_a_column_a_page_property_a_form_field_and_in_a_panel():
    """A fact missing from one of these places is silently lost: not stored, not read
    through the page, or not editable. FACTS is the list; each place must follow it."""
    from prisoners.models.prisoner import FACTS
    from prisoners.page_form import PrisonerPageForm

    def panel_fields(panels):
        for panel in panels:
            if getattr(panel, "field_name", None):
                yield panel.field_name
            yield from panel_fields(getattr(panel, "children", ()))

    facts = set(FACTS)
    columns = {field.name for field in Prisoner._meta.get_fields()} | {"detention_events"}
    assert facts <= columns
    assert {name for name in facts if isinstance(getattr(PrisonerPage, name), property)} == facts
    assert facts <= set(PrisonerPageForm.declared_fields)
    shown = set(panel_fields(PrisonerPage.facts_panels)) | set(
        panel_fields(PrisonerPage.safety_panels)
    )
    assert facts <= shown, facts - shown
