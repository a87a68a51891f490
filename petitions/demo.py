"""The campaign's petition, from the seed page (../shared/seeds/000_522af4a079bc878a.txt).

Written in English and translated into French and Armenian through
wagtail-localize (demo_translations.py), as translators would. The 42,424
signatures the petition gathered on its previous platform are counted as
signatures gathered elsewhere. The seed marks its sources [1]–[8] without
giving them, so the references say what the text cites, with no invented links.
Safe to run again: the page is found by its slug and updated in place.
"""

import datetime

from wagtail.models import Locale

from campaign_site.localization import publish_translation

from .demo_translations import ARMENIAN, FRENCH
from .models import PetitionDecisionMaker, PetitionPage, PetitionStatus

SLUG = "free-armenian-pows"

PETITION = {
    "title": "Free ALL Armenian POWs and hostages held illegally in Azerbaijan",
    "lead": (
        "We call upon the peaceful citizens of the world, who defend universal human rights and "
        "the principles of justice, to sign this petition urging world leaders to act."
    ),
    "search_description": (
        "A petition to world leaders for the immediate release of all Armenian prisoners of war "
        "and captives held in Azerbaijan."
    ),
    "launch_date": datetime.date(2021, 1, 28),
    "organiser_name": "British Armenian humanitarian group",
    "organiser_contact": "Twitter: BritArm",
    "status": PetitionStatus.OPEN,
    "goal": 0,
    "offline_count": 42_424,
    "offline_note": "on the petition platform where this petition started",
    "count_unconfirmed": False,
    "show_recent_signers": True,
    "thank_you_text": (
        "<p>Every signature adds to the pressure on the leaders who can bring the prisoners "
        "home. Please ask your friends and family to sign too.</p>"
    ),
}

DEMANDS = [
    "Demand the immediate and unconditional release of ALL Armenian POWs and captives held "
    "unlawfully in Azerbaijan.",
    "Urgently send international observers or organisations to visit Armenian hostages in Baku "
    "and report on their health and detention conditions.",
    "Impose sanctions against Azerbaijan for torture, mistreatment, and holding Armenian "
    "civilians and POWs after the ceasefire, thus breaking UN legislation on human rights, the "
    "Geneva Convention on Prisoners of War, and the European Convention on Human Rights.",
]

# The seed's "To:" list, in its order, with the names its addressee list gives.
DECISION_MAKERS = [
    ("António Guterres", "Secretary-General", "United Nations"),
    ("Michelle Bachelet", "High Commissioner for Human Rights", "United Nations"),
    ("Marija Pejčinović Burić", "Secretary General", "Council of Europe"),
    ("Matteo Mecacci", "Director", "OSCE Office for Democratic Institutions and Human Rights"),
    ("OSCE Secretary General", "Secretary General", "OSCE"),
    ("Joe Biden", "President", "United States of America"),
    ("Antony Blinken", "Secretary of State", "United States of America"),
    ("Mirjana Spoljaric Egger", "President", "International Committee of the Red Cross"),
    ("Emmanuel Macron", "President", "France"),
    ("Rishi Sunak", "Prime Minister", "United Kingdom of Great Britain and Northern Ireland"),
    ("James Cleverly", "Foreign Secretary", "United Kingdom of Great Britain and Northern Ireland"),
    ("Charles Michel", "President", "European Union"),
    (
        "Josep Borrell",
        "High Representative for Foreign Affairs and Security Policy",
        "European Union",
    ),
]

BODY = [
    (
        "paragraph",
        "<p>Since the trilateral ceasefire of 9 November 2020 [1] by the Russian, Azerbaijani "
        "and Armenian heads of state, over 200 Armenian prisoners of war (POWs) have not been "
        "released. Moreover, Azerbaijani forces continue taking new military and civilian "
        "captives, in Nagorno-Karabakh and the Republic of Armenia [2]. By refusing to free the "
        "Armenian captives, the Azerbaijani regime grossly violates the III Geneva Convention "
        "relative to the Treatment of Prisoners of War of 12 August 1949.</p>"
        "<p>The Convention particularly states that \u201cPOWs cannot be prosecuted for taking "
        "part in hostilities,\u201d and that \u201cthey must be released and repatriated "
        "without delay after the end of hostilities\u201d. "
        "Aliyev's government also violates Article 8 of the trilateral ceasefire statement of "
        "9 November concerning the return of POWs. Nevertheless, over 60 Armenian hostages were "
        "sentenced at sham trials in Baku courts under false accusations.</p>"
        "<p>The UN Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or "
        "Punishment, and the European Convention on Human Rights prohibit torture altogether. "
        "The latest ad hoc report by the Human Rights Defender of Armenia of January 2021 [3] "
        "revealed numerous cases of brutal treatment of Armenian civilians and soldiers in "
        "captivity in Azerbaijan, which included:</p>"
        "<ul><li>beating the POWs, causing mental trauma and physical injuries,</li>"
        "<li>humiliation and debasement of captives to induce false statements,</li>"
        "<li>physical torture of captives resulting in death,</li>"
        "<li>beheading and dismembering of Armenian captives.</li></ul>"
        "<p>At the beginning of April 2021, no less than 230 cases were reported to the European "
        "Court of Human Rights (ECtHR) by Yegishe Kirakosyan, Armenia's representative to the "
        "Court. Additionally, human rights lawyers Siranush Sahakyan and Artak Zeynalyan have "
        "filed over 95 individual cases on behalf of the captives' families at the ECtHR. The "
        "Court has accepted these complaints and ordered interim measures to protect the lives "
        "of the Armenian captives whose lives are at immediate risk. The Azerbaijani authorities "
        "have failed to comply with the ECtHR ruling and have refused to provide accurate "
        "information on the condition and the number of Armenian POWs in captivity.</p>"
        "<p>Over 50 Armenian POWs held in Azerbaijan were reportedly murdered [4], according to "
        "human rights lawyers representing families of Armenian hostages. One of them was only "
        "18-year-old Eric Mkhitaryan, missing since October 2020. In November, a video of Eric "
        "captured and abused by Azeri forces was released on social media. His dismembered body "
        "was returned at the beginning of April 2021. By concealing the exact number of Armenian "
        "captives, the Azerbaijani government retains them for political manipulation to achieve "
        "more concessions from Armenia. There are justified concerns that the true number of "
        "Armenian POWs illegally held or brutally murdered by Aliyev's regime is much higher.</p>"
        "<p>The families of Armenian hostages confirm that the International Committee of the "
        "Red Cross (ICRC) has not been able to fully report about the well-being, health and "
        "detention conditions of their relatives detained in Azerbaijan. No foreign monitor has "
        "been allowed to visit Armenian hostages and bring them the much needed support.</p>"
        "<p>The inhumane treatment of POWs and captives is a gross violation of international "
        "law by the Azerbaijani regime and overwhelming evidence of war crimes perpetrated by "
        "Aliyev's regime, that must be condemned by international organisations [5].</p>"
        "<p>In an announcement on 22 April 2021, the Parliamentary Assembly of the Council of "
        "Europe (PACE) called on Azerbaijan to release Armenian POWs and other captives "
        "'without delay' [6].</p>"
        "<p>President Aliyev openly supports and encourages ethnic hatred and glorifies violence "
        "towards Armenians through his public speeches and state-sponsored propaganda. One of "
        "the examples of this state-sponsored hatred towards ethnic Armenians was the opening of "
        "the 'trophy park' in Baku. Former US Ambassador to Armenia, John Evans, called the park "
        "\u201cracist, degrading, indeed, redolent of genocidal intent\u201d. Aliyev's "
        "irresponsible conduct jeopardises any prospect of peace in the wider region [7].</p>"
        "<p>Failure to condemn the Azerbaijani government for violating international law has "
        "caused more killings and kidnappings of indigenous Armenians in Nagorno-Karabakh as "
        "well as Armenia.</p>"
        "<p>Human lives matter. Every day, every hour, every minute, and every second counts. "
        "Tomorrow will be too late. Act today to release ALL ARMENIAN POWs and CAPTIVES, victims "
        "of unlawful torture, barbaric mental and physical abuse [8].</p>",
    ),
    (
        "references",
        {
            "heading": "References",
            "references": [
                {
                    "text": "Trilateral ceasefire statement by the leaders of Armenia, "
                    "Azerbaijan and Russia",
                    "url": "",
                    "date": datetime.date(2020, 11, 9),
                },
                {
                    "text": "Reports of Armenian servicemen and civilians taken captive after "
                    "the ceasefire, in Nagorno-Karabakh and Armenia",
                    "url": "",
                    "date": None,
                },
                {
                    "text": "Human Rights Defender of Armenia, ad hoc report on the treatment of "
                    "Armenian captives in Azerbaijan, January 2021",
                    "url": "",
                    "date": None,
                },
                {
                    "text": "Statements by lawyers representing the families of Armenian "
                    "captives on prisoners of war reported killed",
                    "url": "",
                    "date": None,
                },
                {
                    "text": "Calls on international organisations to condemn the treatment of "
                    "prisoners of war and captives as war crimes",
                    "url": "",
                    "date": None,
                },
                {
                    "text": "Parliamentary Assembly of the Council of Europe, announcement on "
                    "Armenian prisoners of war and other captives",
                    "url": "",
                    "date": datetime.date(2021, 4, 22),
                },
                {
                    "text": "Former US Ambassador to Armenia John Evans on the 'trophy park' "
                    "in Baku",
                    "url": "",
                    "date": None,
                },
                {
                    "text": "Reports of torture and abuse of Armenian prisoners of war and "
                    "captives in Azerbaijan",
                    "url": "",
                    "date": None,
                },
            ],
        },
    ),
]


def build_petition(home):
    """Create or update the English petition page under `home`; returns it, published."""
    english = Locale.objects.get(language_code="en")
    page = PetitionPage.objects.child_of(home).filter(slug=SLUG, locale=english).first()
    created = page is None
    if created:
        page = PetitionPage(slug=SLUG, locale=english)
    for name, value in PETITION.items():
        setattr(page, name, value)
    page.show_in_menus = True
    page.demands = [("demand", text) for text in DEMANDS]
    page.body = BODY

    existing = {person.name: person for person in page.decision_makers.all()} if not created else {}
    people = []
    for name, role, organisation in DECISION_MAKERS:
        person = existing.get(name) or PetitionDecisionMaker(name=name)
        person.role = role
        person.organisation = organisation
        people.append(person)
    page.decision_makers = people

    if created:
        home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page, created


def load(context):
    page, created = build_petition(context.objects["home"])
    context.objects["petition"] = page
    counts = page.petition.counts()
    context.log(
        f"Petition {page.title!r} {'created' if created else 'updated'}: "
        f"{len(DECISION_MAKERS)} decision makers, {counts.total:,} signatures, "
        f"next goal {counts.goal:,}"
    )
    for language_code, catalogue in (("fr", FRENCH), ("hy", ARMENIAN)):
        for text in publish_translation(page, language_code, catalogue):
            context.warn(f"petition ({language_code}): no translation for {text[:60]!r}")
    context.log("Petition translated into French and Armenian")
