"""Demo: the prisoner index with the seed's figures, sample profiles and sample sponsors.

The figures and their sources come from the campaign's page
(../shared/seeds/001_262bdf0e91b92808.txt). The people are NOT real: every
profile is an invented person with an obviously made-up name, flagged
`is_sample` (shown as "sample data" in the admin and on the site), covering
every category, status and visibility level. Safe to run again.
"""

import datetime
import io

from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from campaign_site.localization import publish_translation

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

SEED_TITLE = "Sponsor an Armenian POW or the complete group"
ORGANISATIONS = "Covcas Center, Hyestart and Armenophobia Observatory"

INDEX = {
    "title": "Prisoners",
    "slug": "prisoners",
    "show_in_menus": True,
    "introduction": (
        "<p>According to information from human rights NGOs, confirmed by the ICRC, "
        "Azerbaijan is still holding 23 Armenian prisoners: 9 prisoners of war, 6 civilians "
        "and 8 political leaders from Artsakh (Nagorno-Karabakh), sentenced after sham trials "
        "to 4 to 20 years in prison. At least 80 more captured people are forcibly "
        "disappeared.</p>"
        "<p>The profiles listed below are fictional samples that show how this site works; "
        "they are not real people.</p>"
    ),
    "search_description": (
        "The Armenian prisoners of war, civilians and political leaders held in Azerbaijan, "
        "in figures, and how to sponsor them."
    ),
    "figures_source_title": f"Human rights NGOs, confirmed by the ICRC ({ORGANISATIONS})",
    "reported_held": 23,
    "reported_prisoners_of_war": 9,
    "reported_civilians": 6,
    "reported_political_leaders": 8,
    "reported_sentence_min": 4,
    "reported_sentence_max": 20,
    "disappeared_count": 80,
    "disappeared_at_least": True,
    "disappeared_source_title": f"{ORGANISATIONS}: “{SEED_TITLE}”",
    "group_sponsorship_text": (
        "<p>Local and regional authorities, NGOs and public figures can sponsor one named "
        "prisoner or the whole group, to demand their repatriation as soon as possible.</p>"
    ),
    "data_licence": "CC-BY-4.0",
    "data_attribution": ORGANISATIONS,
}

INDEX_TRANSLATIONS = {
    "fr": {
        "Prisoners": "Prisonniers",
        INDEX["search_description"]: (
            "Les prisonniers de guerre, civils et dirigeants politiques arméniens détenus en "
            "Azerbaïdjan, en chiffres, et comment les parrainer."
        ),
        (
            "According to information from human rights NGOs, confirmed by the ICRC, Azerbaijan "
            "is still holding 23 Armenian prisoners: 9 prisoners of war, 6 civilians and 8 "
            "political leaders from Artsakh (Nagorno-Karabakh), sentenced after sham trials to 4 "
            "to 20 years in prison. At least 80 more captured people are forcibly disappeared."
        ): (
            "Selon les informations des ONG de défense des droits humains, confirmées par le "
            "CICR, l'Azerbaïdjan détient toujours 23 prisonniers arméniens : 9 prisonniers de "
            "guerre, 6 civils et 8 dirigeants politiques de l'Artsakh (Haut-Karabakh), condamnés "
            "à l'issue de simulacres de procès à des peines de 4 à 20 ans de prison. Au moins 80 "
            "autres personnes capturées sont victimes de disparition forcée."
        ),
        (
            "The profiles listed below are fictional samples that show how this site works; "
            "they are not real people."
        ): (
            "Les fiches ci-dessous sont des exemples fictifs qui montrent le fonctionnement du "
            "site ; ce ne sont pas des personnes réelles."
        ),
        INDEX["figures_source_title"]: (
            f"ONG de défense des droits humains, confirmé par le CICR ({ORGANISATIONS})"
        ),
        INDEX["disappeared_source_title"]: (
            f"{ORGANISATIONS} : « Parrainez un prisonnier de guerre arménien ou le groupe entier »"
        ),
        (
            "Local and regional authorities, NGOs and public figures can sponsor one named "
            "prisoner or the whole group, to demand their repatriation as soon as possible."
        ): (
            "Collectivités locales et régionales, ONG et personnalités peuvent parrainer un "
            "prisonnier nommément ou le groupe entier, pour exiger leur rapatriement au plus vite."
        ),
    },
    "hy": {
        "Prisoners": "Գերիներ",
        INDEX["search_description"]: (
            "Ադրբեջանում պահվող հայ ռազմագերիները, քաղաքացիական անձինք և քաղաքական "
            "ղեկավարները՝ թվերով, և ինչպես հովանավորել նրանց։"
        ),
        (
            "According to information from human rights NGOs, confirmed by the ICRC, Azerbaijan "
            "is still holding 23 Armenian prisoners: 9 prisoners of war, 6 civilians and 8 "
            "political leaders from Artsakh (Nagorno-Karabakh), sentenced after sham trials to 4 "
            "to 20 years in prison. At least 80 more captured people are forcibly disappeared."
        ): (
            "Մարդու իրավունքների պաշտպան հասարակական կազմակերպությունների տվյալներով, որոնք "
            "հաստատել է Կարմիր խաչի միջազգային կոմիտեն, Ադրբեջանը դեռ պահում է 23 հայ գերիի՝ "
            "9 ռազմագերի, 6 քաղաքացիական անձ և Արցախի (Լեռնային Ղարաբաղի) 8 քաղաքական "
            "ղեկավար, որոնք կեղծ դատավարություններից հետո դատապարտվել են 4-ից 20 տարվա "
            "ազատազրկման։ Եվս առնվազն 80 գերեվարված մարդ բռնի անհետացման է ենթարկվել։"
        ),
        (
            "The profiles listed below are fictional samples that show how this site works; "
            "they are not real people."
        ): (
            "Ստորև ներկայացված էջերը հորինված օրինակներ են, որոնք ցույց են տալիս, թե ինչպես է "
            "աշխատում կայքը. դրանք իրական մարդիկ չեն։"
        ),
        INDEX["figures_source_title"]: (
            "Մարդու իրավունքների պաշտպան ՀԿ-ներ, հաստատված Կարմիր խաչի միջազգային կոմիտեի "
            f"կողմից ({ORGANISATIONS})"
        ),
        INDEX["disappeared_source_title"]: (
            f"{ORGANISATIONS}. «Հովանավորե՛ք հայ ռազմագերու կամ ամբողջ խմբին»"
        ),
        (
            "Local and regional authorities, NGOs and public figures can sponsor one named "
            "prisoner or the whole group, to demand their repatriation as soon as possible."
        ): (
            "Տեղական և տարածքային իշխանությունները, հասարակական կազմակերպությունները և "
            "հասարակական գործիչները կարող են հովանավորել մեկ գերու կամ ամբողջ խմբին՝ "
            "պահանջելու նրանց շուտափույթ հայրենադարձությունը։"
        ),
    },
}

SAMPLE_NOTE = "Sample profile: this person is fictional."


def _d(text):
    return datetime.date.fromisoformat(text)


# Fictional people. Names, places, dates and stories are invented for the demo.
PROFILES = [
    {
        "slug": "sample-aram-sampleyan",
        "title": "Aram Sampleyan",
        "name_native": "Արամ Սամփլյան",
        "other_spellings": "Aram Sampleian\nAram Samplian",
        "category": Category.PRISONER_OF_WAR,
        "status": Status.SENTENCED,
        "captured_on": _d("2020-11-03"),
        "capture_place": "Sample front line (fictional)",
        "born_on": _d("1999-05-14"),
        "home_town": "Sampleville (fictional)",
        "occupation": "Conscript soldier",
        "detention_place": "Sample prison (fictional)",
        "icrc_registration": Answer.YES,
        "icrc_last_visit_on": _d("2023-06-01"),
        "acknowledged": Answer.YES,
        "charges": "Sample charges (fictional)",
        "court": "Sample court (fictional)",
        "sentenced_on": _d("2021-07-01"),
        "sentence_years": 6,
        "expected_release_on": _d("2026-11-03"),
        "consent": Consent.GIVEN,
        "visibility": Visibility.FULL,
        "photo": ("AS", "#7a2e2e"),
        "photo_credit": "Sample photo (generated)",
        "biography": "Aram is a fictional sample person. His story shows where a real "
        "biography goes: who he is, how he was captured, and what his family asks for.",
        "timeline": [
            ("2020-11-03", "Captured (fictional sample event)."),
            ("2021-07-01", "Sentenced to 6 years (fictional sample event)."),
        ],
        "sources": [("Sample source (fictional)", "https://example.org/sample-source", None)],
    },
    {
        "slug": "sample-ani-exampleyan",
        "title": "Ani Exampleyan",
        "name_native": "Անի Էքզամփլյան",
        "other_spellings": "Ani Exampleian",
        "category": Category.CIVILIAN,
        "status": Status.HELD,
        "captured_on": _d("2020-12-10"),
        "capture_place": "Sample village (fictional)",
        "born_on": None,
        "age_at_capture": 54,
        "home_town": "Sample village (fictional)",
        "occupation": "Teacher",
        "detention_place": "Sample detention centre (fictional)",
        "icrc_registration": Answer.YES,
        "icrc_last_visit_on": None,
        "acknowledged": Answer.YES,
        "consent": Consent.GIVEN,
        "visibility": Visibility.FULL,
        "photo": ("AE", "#2e4f7a"),
        "photo_credit": "Sample photo (generated)",
        "biography": "Ani is a fictional sample person, a civilian held without trial.",
        "timeline": [("2020-12-10", "Taken from her home (fictional sample event).")],
        "sources": [],
    },
    {
        "slug": "sample-vardan-demoyan",
        "title": "Vardan Demoyan",
        "name_native": "Վարդան Դեմոյան",
        "other_spellings": "Vardan Demoian",
        "category": Category.POLITICAL_LEADER,
        "status": Status.SENTENCED,
        "captured_on": _d("2021-02-02"),
        "capture_place": "Sample checkpoint (fictional)",
        "detention_place": "Sample prison (fictional)",
        "icrc_registration": Answer.YES,
        "acknowledged": Answer.YES,
        "charges": "Sample charges (fictional)",
        "court": "Sample court (fictional)",
        "sentenced_on": _d("2022-01-20"),
        "sentence_years": 20,
        "expected_release_on": _d("2041-02-02"),
        "consent": Consent.PUBLIC_RECORD,
        "visibility": Visibility.NAME_ONLY,
        "photo": ("VD", "#3d6b3d"),
        "photo_credit": "Sample photo (generated)",
        "biography": "This biography must never be shown: the profile is name only.",
    },
    {
        "slug": "sample-hayk-placeholderyan",
        "title": "Hayk Placeholderyan",
        "name_native": "Հայկ Փլեյսհոլդերյան",
        "category": Category.OTHER,
        "status": Status.RELEASED,
        "captured_on": _d("2020-10-20"),
        "released_on": _d("2021-05-04"),
        "capture_place": "Sample road (fictional)",
        "born_on": _d("1975-01-30"),
        "occupation": "Volunteer driver",
        "icrc_registration": Answer.YES,
        "acknowledged": Answer.YES,
        "consent": Consent.GIVEN,
        "visibility": Visibility.FULL,
        "biography": "Hayk is a fictional sample person who was released and came home.",
        "timeline": [("2021-05-04", "Repatriated (fictional sample event).")],
    },
    {
        "slug": "sample-gor-fictionyan",
        "title": "Gor Fictionyan",
        "name_native": "Գոռ Ֆիքշնյան",
        "category": Category.PRISONER_OF_WAR,
        "status": Status.DISAPPEARED,
        "captured_on": _d("2020-11-08"),
        "capture_place": "Sample hills (fictional)",
        "icrc_registration": Answer.NO,
        "acknowledged": Answer.NO,
        "consent": Consent.NAME_ONLY,
        "visibility": Visibility.NAME_ONLY,
        "biography": "This biography must never be shown: the profile is name only.",
    },
    {
        "slug": "sample-levon-testyan",
        "title": "Levon Testyan",
        "name_native": "Լևոն Թեստյան",
        "category": Category.CIVILIAN,
        "status": Status.DIED,
        "captured_on": _d("2020-12-01"),
        "released_on": _d("2022-03-15"),
        "capture_place": "Sample town (fictional)",
        "born_on": _d("1950-08-08"),
        "occupation": "Retired engineer",
        "detention_place": "Sample prison (fictional)",
        "icrc_registration": Answer.YES,
        "acknowledged": Answer.YES,
        "consent": Consent.GIVEN,
        "visibility": Visibility.FULL,
        "biography": "Levon is a fictional sample person who died in custody.",
    },
    {
        "slug": "sample-counted-person",
        "title": "Sample person counted but not shown",
        "category": Category.POLITICAL_LEADER,
        "status": Status.SENTENCED,
        "captured_on": _d("2021-03-03"),
        "sentence_years": 4,
        "acknowledged": Answer.YES,
        "consent": Consent.REFUSED,
        "visibility": Visibility.COUNTED,
        "consent_notes": "Fictional: the family refused publication; counted in the figures only.",
        "photo": ("SP", "#555555"),
        "biography": "This biography must never be shown: the profile is counted only.",
    },
]

PROFILE_TRANSLATIONS = {
    "fr": {
        "Sample front line (fictional)": "Ligne de front fictive",
        "Sampleville (fictional)": "Exempleville (fictive)",
        "Conscript soldier": "Soldat appelé",
        "Sample prison (fictional)": "Prison fictive",
        "Sample charges (fictional)": "Chefs d'accusation fictifs",
        "Sample court (fictional)": "Tribunal fictif",
        "Sample photo (generated)": "Photo d'exemple (générée)",
        PROFILES[0]["biography"]: (
            "Aram est une personne fictive. Son histoire montre où va une vraie biographie : "
            "qui il est, comment il a été capturé, et ce que demande sa famille."
        ),
        "Captured (fictional sample event).": "Capturé (événement fictif).",
        "Sentenced to 6 years (fictional sample event).": "Condamné à 6 ans (événement fictif).",
        "Sample source (fictional)": "Source fictive",
        "Sample village (fictional)": "Village fictif",
        "Teacher": "Enseignante",
        "Sample detention centre (fictional)": "Centre de détention fictif",
        PROFILES[1]["biography"]: ("Ani est une personne fictive, une civile détenue sans procès."),
        "Taken from her home (fictional sample event).": (
            "Emmenée de chez elle (événement fictif)."
        ),
        "Sample checkpoint (fictional)": "Poste de contrôle fictif",
        "This biography must never be shown: the profile is name only.": (
            "Cette biographie ne doit jamais s'afficher : la fiche ne montre que le nom."
        ),
        "Sample road (fictional)": "Route fictive",
        "Volunteer driver": "Chauffeur bénévole",
        PROFILES[3]["biography"]: ("Hayk est une personne fictive, libérée et rentrée chez elle."),
        "Repatriated (fictional sample event).": "Rapatrié (événement fictif).",
        "Sample hills (fictional)": "Collines fictives",
        "Sample town (fictional)": "Ville fictive",
        "Retired engineer": "Ingénieur retraité",
        PROFILES[5]["biography"]: "Levon est une personne fictive, mort en détention.",
    },
    "hy": {
        "Aram Sampleyan": "Արամ Սամփլյան",
        "Ani Exampleyan": "Անի Էքզամփլյան",
        "Vardan Demoyan": "Վարդան Դեմոյան",
        "Hayk Placeholderyan": "Հայկ Փլեյսհոլդերյան",
        "Gor Fictionyan": "Գոռ Ֆիքշնյան",
        "Levon Testyan": "Լևոն Թեստյան",
        "Sample front line (fictional)": "Հորինված առաջնագիծ",
        "Sampleville (fictional)": "Օրինակավան (հորինված)",
        "Conscript soldier": "Ժամկետային զինծառայող",
        "Sample prison (fictional)": "Հորինված բանտ",
        "Sample charges (fictional)": "Հորինված մեղադրանքներ",
        "Sample court (fictional)": "Հորինված դատարան",
        "Sample photo (generated)": "Օրինակ լուսանկար (ստեղծված)",
        PROFILES[0]["biography"]: (
            "Արամը հորինված անձ է։ Նրա պատմությունը ցույց է տալիս, թե որտեղ է տեղադրվում "
            "իրական կենսագրությունը՝ ով է նա, ինչպես է գերեվարվել և ինչ է խնդրում նրա ընտանիքը։"
        ),
        "Captured (fictional sample event).": "Գերեվարվել է (հորինված իրադարձություն)։",
        "Sentenced to 6 years (fictional sample event).": (
            "Դատապարտվել է 6 տարվա (հորինված իրադարձություն)։"
        ),
        "Sample source (fictional)": "Հորինված աղբյուր",
        "Sample village (fictional)": "Հորինված գյուղ",
        "Teacher": "Ուսուցչուհի",
        "Sample detention centre (fictional)": "Հորինված կալանավայր",
        PROFILES[1]["biography"]: (
            "Անին հորինված անձ է՝ քաղաքացիական անձ, որին պահում են առանց դատի։"
        ),
        "Taken from her home (fictional sample event).": (
            "Տարվել է իր տնից (հորինված իրադարձություն)։"
        ),
        "Sample checkpoint (fictional)": "Հորինված անցակետ",
        "This biography must never be shown: the profile is name only.": (
            "Այս կենսագրությունը երբեք չպետք է ցուցադրվի. էջը ցույց է տալիս միայն անունը։"
        ),
        "Sample road (fictional)": "Հորինված ճանապարհ",
        "Volunteer driver": "Կամավոր վարորդ",
        PROFILES[3]["biography"]: ("Հայկը հորինված անձ է, որն ազատ է արձակվել և վերադարձել տուն։"),
        "Repatriated (fictional sample event).": "Հայրենադարձվել է (հորինված իրադարձություն)։",
        "Sample hills (fictional)": "Հորինված բլուրներ",
        "Sample town (fictional)": "Հորինված քաղաք",
        "Retired engineer": "Թոշակառու ինժեներ",
        PROFILES[5]["biography"]: "Լևոնը հորինված անձ է, որը մահացել է կալանքի տակ։",
    },
}

SPONSORS = [
    {
        "name": "Exampleville Town Council (sample)",
        "sponsor_type": SponsorType.MUNICIPALITY,
        "country": "FR",
        "city": "Exampleville",
        "contact_person": "Sample Contact",
        "email": "town-council@example.org",
        "website": "https://example.org/exampleville",
        "statement": (
            "Our council sponsors Aram Sampleyan and asks for his release. "
            "(Sample statement from a fictional municipality.)"
        ),
        "profile": "sample-aram-sampleyan",
    },
    {
        "name": "Sample Solidarity Network (fictional NGO)",
        "sponsor_type": SponsorType.NGO,
        "country": "BE",
        "city": "Sampletown",
        "contact_person": "Sample Coordinator",
        "email": "network@example.org",
        "website": "",
        "statement": (
            "We sponsor the whole group until every prisoner is home. "
            "(Sample statement from a fictional NGO.)"
        ),
        "profile": None,
    },
]


def sample_photo(initials, colour, title):
    """A generated placeholder portrait with the word SAMPLE: no real face is used."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

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


def ensure_index(home):
    index = PrisonerIndexPage.objects.filter(locale=home.locale, slug=INDEX["slug"]).first()
    if index is None:
        index = home.add_child(instance=PrisonerIndexPage(**INDEX))
    else:
        for name, value in INDEX.items():
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
    data = dict(data)
    photo = data.pop("photo", None)
    timeline = data.pop("timeline", [])
    sources = data.pop("sources", [])
    biography = data.pop("biography", "")
    fields = {
        "is_sample": True,
        "search_description": "",
        "biography": [("paragraph", f"<p>{biography}</p>")] if biography else [],
        **data,
    }
    if photo:
        fields["photo"] = sample_photo(*photo, title=f"Sample photo: {data['title']} (fictional)")
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
        [{"date": _d(date), "event": event} for date, event in timeline],
    )
    _replace_children(
        "sources",
        page,
        ProfileSource,
        [{"title": title, "url": url, "date": date} for title, url, date in sources],
    )
    page.save_revision().publish()
    return page


def ensure_sponsors(index, profiles):
    made = []
    for data in SPONSORS:
        data = dict(data)
        slug = data.pop("profile")
        prisoner = profiles.get(slug)
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
    home = context.objects["home"]
    index = ensure_index(home)
    context.objects["prisoner_index"] = index
    profiles = {data["slug"]: ensure_profile(index, data) for data in PROFILES}
    context.objects["prisoners"] = profiles
    ensure_sponsors(index, profiles)
    context.log(
        f"Prisoner index with the seed's figures, {len(profiles)} sample profiles "
        f"and {len(SPONSORS)} sample sponsors"
    )

    for language_code, catalogue in INDEX_TRANSLATIONS.items():
        _report(
            context,
            "prisoner index",
            language_code,
            publish_translation(index, language_code, catalogue),
        )
        for slug, page in profiles.items():
            if page.visibility == Visibility.COUNTED:
                continue  # counted everywhere from the English page; nothing to translate
            names = {page.title: PROFILE_TRANSLATIONS[language_code].get(page.title, page.title)}
            missing = publish_translation(
                page, language_code, {**PROFILE_TRANSLATIONS[language_code], **names}
            )
            _report(context, slug, language_code, missing)
        context.log(f"Prisoner index and sample profiles translated into {language_code}")


def _report(context, what, language_code, missing):
    for text in missing:
        context.warn(f"{what} ({language_code}): no translation for {text[:60]!r}")
