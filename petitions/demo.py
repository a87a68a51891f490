"""The campaign's petition, from the seed page, in English, French and Armenian.

The words live in demo_data/petition.yaml (where the seed rules are written down);
this module turns them into the English page and translates it through
wagtail-localize, as translators would. Safe to run again: the page is found by
its slug and updated in place.
"""

from pathlib import Path

from wagtail.models import Locale

from campaign_site.demo_data import (
    catalogue,
    english,
    read_demo_data,
    texts_in,
    translation_languages,
)
from campaign_site.demo_images import sample_image
from campaign_site.localization import publish_translation

from .models import PetitionDecisionMaker, PetitionPage, PetitionStatus, PetitionSubject

DATA_DIR = Path(__file__).parent / "demo_data"

TEXT_FIELDS = (
    "title",
    "menu_label",
    "lead",
    "search_description",
    "organiser_name",
    "offline_note",
    "hero_image_credit",
)
PLAIN_FIELDS = (
    "launch_date",
    "organiser_contact",
    "goal",
    "offline_count",
    "count_unconfirmed",
    "show_recent_signers",
)


def petition_data():
    return read_demo_data(DATA_DIR / "petition.yaml")


def petition_fields(data):
    fields = {name: english(data[name]) for name in TEXT_FIELDS}
    fields.update({name: data[name] for name in PLAIN_FIELDS})
    fields["status"] = PetitionStatus(data["status"])
    fields["thank_you_text"] = f"<p>{english(data['thank_you_text'])}</p>"
    return fields


def body_html(parts):
    """The petition's text as one rich-text block: paragraphs, and lists of bullet points."""
    html = []
    for part in parts:
        if isinstance(part, dict) and "list" in part:
            items = "".join(f"<li>{english(item)}</li>" for item in part["list"])
            html.append(f"<ul>{items}</ul>")
        else:
            html.append(f"<p>{english(part)}</p>")
    return "".join(html)


def body(data):
    references = data["references"]
    return [
        ("paragraph", body_html(data["body"])),
        (
            "references",
            {
                "heading": english(references["heading"]),
                "references": [
                    {"text": english(item["text"]), "url": "", "date": item.get("date")}
                    for item in references["items"]
                ],
            },
        ),
    ]


def build_petition(home, data):
    """Create or update the English petition page under `home`; returns it, published."""
    english_locale = Locale.objects.get(language_code="en")
    slug = data["slug"]
    page = PetitionPage.objects.child_of(home).filter(slug=slug, locale=english_locale).first()
    created = page is None
    if created:
        page = PetitionPage(slug=slug, locale=english_locale)
    for name, value in petition_fields(data).items():
        setattr(page, name, value)
    page.show_in_menus = True
    page.hero_image = sample_image("lights", "a vigil of candles")
    page.demands = [("demand", english(text)) for text in data["demands"]]
    page.body = body(data)

    existing = {person.name: person for person in page.decision_makers.all()} if not created else {}
    people = []
    for position, entry in enumerate(data["decision_makers"]):
        name = english(entry["name"])
        person = existing.get(name) or PetitionDecisionMaker(name=name)
        # The data's order, also for people kept from an earlier run (PostgreSQL returns
        # equal sort orders in any order).
        person.sort_order = position
        person.role = english(entry["role"])
        person.organisation = english(entry["organisation"])
        people.append(person)
    page.decision_makers = people

    if created:
        home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page, created


def load(context):
    data = petition_data()
    page, created = build_petition(context.objects["home"], data)
    context.objects["petition"] = page
    counts = page.petition.counts()
    context.log(
        f"Petition {page.title!r} {'created' if created else 'updated'}: "
        f"{len(data['decision_makers'])} decision makers, {counts.total:,} signatures, "
        f"next goal {counts.goal:,}"
    )
    for language_code in translation_languages():
        strings = catalogue(texts_in(data), language_code)
        for text in publish_translation(page, language_code, strings):
            context.warn(f"petition ({language_code}): no translation for {text[:60]!r}")
    context.log("Petition translated into French and Armenian")


def name_subjects(page, pages_by_slug):
    """The demo petition is for the demo's people (`subjects` in petition.yaml).

    Called by the site that loads both petitions and profiles; a slug it does not
    know is left out. Chosen on the source page, as editors do, then published.
    """
    chosen = [
        pages_by_slug[slug] for slug in petition_data().get("subjects", ()) if slug in pages_by_slug
    ]
    page = PetitionPage.objects.get(pk=page.pk)
    if [link.subject_id for link in page.subjects.all()] == [person.pk for person in chosen]:
        return page
    page.subjects = [PetitionSubject(subject=person) for person in chosen]
    page.save_revision().publish()
    return page
