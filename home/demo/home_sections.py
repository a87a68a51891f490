"""The home page's own sections in the demo: call to action, timeline, partners.

Shared by home.demo.site (which translates the home page first) and
home.demo.content (which fills these sections), so every translation pass of the
home page knows every string. From the sponsorship page of the seeds.
"""

import datetime

CALL_TO_ACTION = {"en": "Support now", "fr": "Je soutiens", "hy": "Աջակցել հիմա"}

# "The Current Context" of the sponsorship page, as dated events.
TIMELINE = [
    {
        "date": datetime.date(2020, 9, 1),
        "precision": "month",
        "title": {
            "en": "Azerbaijan starts a second large-scale war in Nagorno-Karabakh",
            "fr": "L'Azerbaïdjan déclenche une deuxième guerre de grande ampleur au Haut-Karabakh",
            "hy": "Ադրբեջանը սանձազերծում է երկրորդ լայնամասշտաբ պատերազմը Լեռնային Ղարաբաղում",
        },
        "text": {
            "en": "After 26 years of frozen conflict. The war lasts 44 days.",
            "fr": "Après 26 ans de conflit gelé. La guerre dure 44 jours.",
            "hy": "Քսանվեց տարվա սառեցված հակամարտությունից հետո։ Պատերազմը տևում է 44 օր։",
        },
    },
    {
        "date": datetime.date(2020, 11, 10),
        "precision": "day",
        "title": {
            "en": "Tripartite ceasefire declaration",
            "fr": "Déclaration tripartite de cessez-le-feu",
            "hy": "Եռակողմ հրադադարի հայտարարություն",
        },
        "text": {
            "en": "Signed by the Azeri and Russian presidents and the Armenian prime minister in "
            "preparation for a peace agreement, it provides for the exchange of all prisoners of "
            "war.",
            "fr": "Signée par les présidents azerbaïdjanais et russe et le Premier ministre "
            "arménien en vue d'un accord de paix, elle prévoit l'échange de tous les prisonniers "
            "de guerre.",
            "hy": "Ստորագրվել է Ադրբեջանի և Ռուսաստանի նախագահների և Հայաստանի վարչապետի "
            "կողմից՝ հետագա խաղաղության համաձայնագրի նախապատրաստման նպատակով, և նախատեսում է "
            "բոլոր ռազմագերիների փոխանակում։",
        },
    },
    {
        "date": datetime.date(2021, 1, 1),
        "precision": "year",
        "title": {
            "en": "Prisoners returned in waves, until Azerbaijan stops",
            "fr": "Des retours par vagues, jusqu'à l'arrêt décidé par l'Azerbaïdjan",
            "hy": "Գերիները վերադարձվում են փուլերով, մինչև Ադրբեջանը դադարեցնում է գործընթացը",
        },
        "text": {
            "en": "By the beginning of 2021, Armenia had returned all Azeri POWs. Armenian POWs "
            "and civilians were returned in several waves, until Azerbaijan deliberately stopped "
            "the process prematurely.",
            "fr": "Dès le début de 2021, l'Arménie avait rendu tous les prisonniers de guerre "
            "azerbaïdjanais. Les prisonniers de guerre et civils arméniens ont été rendus en "
            "plusieurs vagues, jusqu'à ce que l'Azerbaïdjan interrompe délibérément le processus "
            "de façon prématurée.",
            "hy": "Մինչև 2021 թվականի սկիզբը Հայաստանը վերադարձրել էր բոլոր ադրբեջանցի "
            "ռազմագերիներին։ Հայ ռազմագերիներն ու քաղաքացիական անձինք վերադարձվեցին մի քանի "
            "փուլով, մինչև Ադրբեջանը դիտավորյալ վաղաժամ դադարեցրեց գործընթացը։",
        },
    },
    {
        "date": datetime.date(2021, 6, 15),
        "precision": "day",
        "title": {
            "en": "Aliyev admits “still holding many Armenian prisoners of war”",
            "fr": "Aliyev admet détenir « encore de nombreux prisonniers de guerre arméniens »",
            "hy": "Ալիևը խոստովանում է, որ «դեռ պահում է բազմաթիվ հայ ռազմագերիների»",
        },
        "text": {
            "en": "During a trip to Nagorno-Karabakh with Turkish President Erdogan, President "
            "Ilham Aliyev openly admits holding them, in order to use them for blackmail against "
            "Armenia.",
            "fr": "Lors d'un déplacement au Haut-Karabakh avec le président turc Erdogan, le "
            "président Ilham Aliyev admet ouvertement les détenir, afin de s'en servir pour faire "
            "chanter l'Arménie.",
            "hy": "Թուրքիայի նախագահ Էրդողանի հետ Լեռնային Ղարաբաղ կատարած այցի ժամանակ "
            "նախագահ Իլհամ Ալիևը բացահայտ խոստովանում է, որ պահում է նրանց՝ Հայաստանին "
            "շանտաժի ենթարկելու համար։",
        },
    },
]

# The three NGOs running the sponsorship campaign. The seeds give no addresses or logos.
PARTNERS = ["Covcas Center", "Hyestart", "Armenophobia Observatory"]

FEATURED_PRISONERS = 4


def catalogue(language):
    """{English: translation} of every string of these sections."""
    strings = {CALL_TO_ACTION["en"]: CALL_TO_ACTION[language]}
    for event in TIMELINE:
        strings[event["title"]["en"]] = event["title"][language]
        strings[event["text"]["en"]] = event["text"][language]
    for name in PARTNERS:
        strings[name] = name  # organisations keep their own names
    return strings
