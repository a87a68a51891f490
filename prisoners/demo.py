"""Demo: the prisoner index with the seed's figures, sample profiles and sample sponsors.

The words and figures live in demo_data/prisoners.yaml, where the seed rules are
written down: the figures come from the campaign's page, the people are NOT real
(every profile is flagged `is_sample`, shown as "sample data" in the admin and on
the site). This module turns them into pages. Safe to run again.
"""

import io
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from campaign_site.demo_data import (
    catalogue,
    english,
    read_demo_data,
    texts_in,
    translation_languages,
)
from campaign_site.localization import publish_translation

from .facts import AppealOutcome, Compliance, ContactChannel
from .models import (
    Answer,
    Category,
    PrisonerIndexPage,
    PrisonerPage,
    ProfileSource,
    Sponsorship,
    SponsorType,
    Status,
    TimelineEvent,
)
from .visibility import Consent, Visibility

DATA_DIR = Path(__file__).parent / "demo_data"

# The data file names choices by their values ("pow", "sentenced"); visibility, an
# integer in the database, by its name ("full", "name-only", "counted").
PROFILE_CHOICES = {
    "category": Category,
    "status": Status,
    "icrc_registration": Answer,
    "acknowledged": Answer,
    "consent": Consent,
    "appeal_outcome": AppealOutcome,
    "echr_compliance": Compliance,
    "family_contact_channel": ContactChannel,
}

# Rich-text fields of the index, written in the data file as paragraphs.
INDEX_PARAGRAPH_FIELDS = ("introduction", "group_sponsorship_text")


def prisoners_data():
    return read_demo_data(DATA_DIR / "prisoners.yaml")


def visibility(name):
    return Visibility[name.upper().replace("-", "_")]


def paragraphs_html(value):
    paragraphs = value if isinstance(value, list) else [value]
    return "".join(f"<p>{english(paragraph)}</p>" for paragraph in paragraphs)


def index_fields(data):
    return {
        name: paragraphs_html(value) if name in INDEX_PARAGRAPH_FIELDS else english(value)
        for name, value in data.items()
    }


def profile_fields(data):
    """The English page's fields; photo, timeline and sources are made by ensure_profile."""
    fields = {}
    for name, value in data.items():
        if name in ("photo", "timeline", "sources"):
            continue
        if name in PROFILE_CHOICES:
            value = PROFILE_CHOICES[name](value)
        elif name == "visibility":
            value = visibility(value)
        elif name == "detention_events":
            value = [dict(event) for event in value]  # plain values: never translated
        elif name == "biography":
            value = [("paragraph", f"<p>{english(value)}</p>")] if value else []
        else:
            value = english(value)
        fields[name] = value
    return fields


def sample_photo(initials, colour, title):
    """A generated placeholder portrait with the word SAMPLE: no real face is used."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", (480, 600), colour)
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((140, 120, 340, 320), fill="#e8e2d6")
    draw.rectangle((90, 360, 390, 600), fill="#e8e2d6")
    draw.text((200, 200), initials, fill=colour)
    draw.text((205, 470), "SAMPLE", fill=colour)
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=85)
    name = f"sample-{initials.lower()}.jpg"
    return image_model.objects.create(
        title=title, file=ImageFile(buffer, name=name), description="Generated sample portrait"
    )


def ensure_index(home, data):
    fields = index_fields(data)
    index = PrisonerIndexPage.objects.filter(locale=home.locale, slug=fields["slug"]).first()
    if index is None:
        index = home.add_child(instance=PrisonerIndexPage(**fields))
    else:
        for name, value in fields.items():
            setattr(index, name, value)
    index.save_revision().publish()
    return index


def _replace_children(manager_name, page, model, rows):
    """Update the page's child objects in place when their number is unchanged (stable keys)."""
    existing = list(getattr(page, manager_name).all())
    if len(existing) == len(rows):
        for child, values in zip(existing, rows, strict=True):
            for name, value in values.items():
                setattr(child, name, value)
        setattr(page, manager_name, existing)
    else:
        setattr(page, manager_name, [model(**values) for values in rows])


def ensure_profile(index, data):
    fields = {"is_sample": True, "search_description": "", "biography": [], **profile_fields(data)}
    if "photo" in data:
        fields["photo"] = sample_photo(
            data["photo"]["initials"],
            data["photo"]["colour"],
            title=f"Sample photo: {fields['title']} (fictional)",
        )
    page = PrisonerPage.objects.filter(locale=index.locale, slug=data["slug"]).first()
    if page is None:
        page = PrisonerPage(**fields)
        index.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    _replace_children(
        "timeline",
        page,
        TimelineEvent,
        [
            {"date": event["date"], "event": english(event["event"])}
            for event in data.get("timeline", [])
        ],
    )
    _replace_children(
        "sources",
        page,
        ProfileSource,
        [
            {"title": english(source["title"]), "url": source["url"], "date": source.get("date")}
            for source in data.get("sources", [])
        ],
    )
    page.save_revision().publish()
    return page


def ensure_sponsors(index, profiles, sponsors):
    made = []
    for data in sponsors:
        data = dict(data)
        prisoner = profiles.get(data.pop("profile"))
        data["sponsor_type"] = SponsorType(data["sponsor_type"])
        sponsorship, _created = Sponsorship.objects.update_or_create(
            email=data["email"],
            is_sample=True,
            defaults={
                **data,
                "campaign_key": index.translation_key,
                "prisoner_key": prisoner.translation_key if prisoner else None,
                "consent_to_list": True,
                "status": Sponsorship.Status.APPROVED,
                "language": "en",
            },
        )
        made.append(sponsorship)
    return made


def load(context):
    data = prisoners_data()
    home = context.objects["home"]
    index = ensure_index(home, data["index"])
    context.objects["prisoner_index"] = index
    profiles = {profile["slug"]: ensure_profile(index, profile) for profile in data["profiles"]}
    context.objects["prisoners"] = profiles
    ensure_sponsors(index, profiles, data["sponsors"])
    context.log(
        f"Prisoner index with the seed's figures, {len(profiles)} sample profiles "
        f"and {len(data['sponsors'])} sample sponsors"
    )

    profile_data = {profile["slug"]: profile for profile in data["profiles"]}
    for language_code in translation_languages():
        _report(
            context,
            "prisoner index",
            language_code,
            publish_translation(
                index, language_code, catalogue(texts_in(data["index"]), language_code)
            ),
        )
        for slug, page in profiles.items():
            if page.visibility == Visibility.COUNTED:
                continue  # counted everywhere from the English page; nothing to translate
            strings = catalogue(texts_in(profile_data[slug]), language_code)
            _report(context, slug, language_code, publish_translation(page, language_code, strings))
        context.log(f"Prisoner index and sample profiles translated into {language_code}")


def _report(context, what, language_code, missing):
    for text in missing:
        context.warn(f"{what} ({language_code}): no translation for {text[:60]!r}")
