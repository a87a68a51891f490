"""Demo: the home page's sections and three news items, in English, French and Armenian.

Everything said about real people and events comes from the campaign's two
seed pages (../shared/seeds/): the PACE call of 22 April 2021 and the ECtHR
interim measures from the petition, whose sources are numbered [1]–[8]; the
statement of 15 June 2021 and the context timeline from the sponsorship page,
which numbers no sources. References keep the petition's numbering, carry
neutral descriptive titles and no URLs (the seeds give none).

Translations go through wagtail-localize (campaign_site.localization.publish_translation),
so translators find them in the admin and see when the English changes. Runs
last in load_demo: it features the sample prisoners and links the petition that
earlier loaders made. Safe to run again.
"""

import datetime

from wagtail.models import Locale

from campaign_site.localization import publish_translation
from home.models import HomePage, NewsIndexPage, NewsPage, NewsPageRelatedPage, NewsTag

from . import site as site_demo
from .home_sections import CALL_TO_ACTION, FEATURED_PRISONERS, PARTNERS, TIMELINE

LANGUAGES = ("fr", "hy")

# --- The references of the petition, numbered as the petition numbers them ---------

REFERENCES_HEADING = {
    "en": "References (numbered as in the campaign's petition)",
    "fr": "Références (numérotées comme dans la pétition de la campagne)",
    "hy": "Աղբյուրներ (համարակալված ինչպես արշավի խնդրագրում)",
}

REFERENCES = [
    {
        "en": "Trilateral ceasefire statement of 9 November 2020",
        "fr": "Déclaration trilatérale de cessez-le-feu du 9 novembre 2020",
        "hy": "2020 թվականի նոյեմբերի 9-ի եռակողմ հրադադարի հայտարարությունը",
    },
    {
        "en": "Reports of new military and civilian captives taken in Nagorno-Karabakh and in "
        "Armenia",
        "fr": "Informations sur de nouveaux captifs militaires et civils pris au Haut-Karabakh "
        "et en Arménie",
        "hy": "Տեղեկություններ Լեռնային Ղարաբաղում և Հայաստանում գերեվարված նոր զինվորականների "
        "և քաղաքացիական անձանց մասին",
    },
    {
        "en": "Human Rights Defender of Armenia, Ad Hoc Report, January 2021",
        "fr": "Défenseur des droits de l'homme d'Arménie, rapport ad hoc, janvier 2021",
        "hy": "Հայաստանի մարդու իրավունքների պաշտպան, արտահերթ զեկույց, 2021 թվականի հունվար",
    },
    {
        "en": "Human rights lawyers representing families of Armenian captives, on prisoners of "
        "war reportedly murdered in captivity",
        "fr": "Avocats des droits humains représentant les familles de captifs arméniens, sur les "
        "prisonniers de guerre qui auraient été tués en captivité",
        "hy": "Հայ գերիների ընտանիքները ներկայացնող իրավապաշտպան փաստաբանները՝ գերության մեջ "
        "սպանված ռազմագերիների մասին",
    },
    {
        "en": "Evidence of war crimes against Armenian prisoners of war and captives",
        "fr": "Preuves de crimes de guerre commis contre des prisonniers de guerre et captifs "
        "arméniens",
        "hy": "Հայ ռազմագերիների և պատանդների նկատմամբ կատարված ռազմական հանցագործությունների "
        "ապացույցներ",
    },
    {
        "en": "Parliamentary Assembly of the Council of Europe, announcement of 22 April 2021",
        "fr": "Assemblée parlementaire du Conseil de l'Europe, annonce du 22 avril 2021",
        "hy": "Եվրոպայի խորհրդի խորհրդարանական վեհաժողով, 2021 թվականի ապրիլի 22-ի հայտարարություն",
    },
    {
        "en": "Former US Ambassador to Armenia John Evans on the “trophy park” in Baku",
        "fr": "L'ancien ambassadeur des États-Unis en Arménie John Evans à propos du « parc des "
        "trophées » de Bakou",
        "hy": "ԱՄՆ-ի նախկին դեսպան Հայաստանում Ջոն Էվանսը Բաքվի «ավարների պուրակի» մասին",
    },
    {
        "en": "Evidence of torture and abuse of Armenian prisoners of war and captives",
        "fr": "Preuves de tortures et de sévices infligés aux prisonniers de guerre et captifs "
        "arméniens",
        "hy": "Հայ ռազմագերիների և պատանդների նկատմամբ խոշտանգումների և դաժան վերաբերմունքի "
        "ապացույցներ",
    },
]

# --- Tags ----------------------------------------------------------------------------

TAGS = {
    "prisoners-of-war": {
        "en": "Prisoners of war",
        "fr": "Prisonniers de guerre",
        "hy": "Ռազմագերիներ",
    },
    "council-of-europe": {
        "en": "Council of Europe",
        "fr": "Conseil de l'Europe",
        "hy": "Եվրոպայի խորհուրդ",
    },
    "ecthr": {
        "en": "European Court of Human Rights",
        "fr": "Cour européenne des droits de l'homme",
        "hy": "Մարդու իրավունքների եվրոպական դատարան",
    },
}

# --- The news index and the three news items -------------------------------------------

NEWS_INDEX = {
    "title": {"en": "News", "fr": "Actualités", "hy": "Նորություններ"},
    "introduction": {
        "en": "What the campaign knows, as it happens: statements, court decisions and calls by "
        "international bodies.",
        "fr": "Ce que la campagne sait, au fil des événements : déclarations, décisions de "
        "justice et appels des instances internationales.",
        "hy": "Այն, ինչ արշավը գիտի՝ իրադարձություններին զուգընթաց. հայտարարություններ, "
        "դատական որոշումներ և միջազգային կառույցների կոչեր։",
    },
}

NEWS = [
    {
        "slug": "pace-calls-for-release",
        "date": datetime.date(2021, 4, 22),
        "tags": ["prisoners-of-war", "council-of-europe"],
        "references": True,
        "title": {
            "en": "PACE calls on Azerbaijan to release Armenian prisoners “without delay”",
            "fr": "L'APCE appelle l'Azerbaïdjan à libérer « sans délai » les prisonniers arméniens",
            "hy": "ԵԽԽՎ-ն կոչ է անում Ադրբեջանին «անհապաղ» ազատ արձակել հայ գերիներին",
        },
        "lead": {
            "en": "The Parliamentary Assembly of the Council of Europe called on Azerbaijan to "
            "release the Armenian prisoners of war and other captives it holds.",
            "fr": "L'Assemblée parlementaire du Conseil de l'Europe a appelé l'Azerbaïdjan à "
            "libérer les prisonniers de guerre et autres captifs arméniens qu'il détient.",
            "hy": "Եվրոպայի խորհրդի խորհրդարանական վեհաժողովը կոչ է արել Ադրբեջանին ազատ "
            "արձակել իր մոտ պահվող հայ ռազմագերիներին և մյուս գերիներին։",
        },
        "paragraphs": [
            {
                "en": "In an announcement on 22 April 2021, the Parliamentary Assembly of the "
                "Council of Europe (PACE) called on Azerbaijan to release Armenian POWs and other "
                "captives “without delay” [6].",
                "fr": "Dans une annonce du 22 avril 2021, l'Assemblée parlementaire du Conseil "
                "de l'Europe (APCE) a appelé l'Azerbaïdjan à libérer « sans délai » les "
                "prisonniers de guerre et autres captifs arméniens [6].",
                "hy": "2021 թվականի ապրիլի 22-ի հայտարարությամբ Եվրոպայի խորհրդի "
                "խորհրդարանական վեհաժողովը (ԵԽԽՎ) կոչ արեց Ադրբեջանին «անհապաղ» ազատ արձակել "
                "հայ ռազմագերիներին և մյուս գերիներին [6]։",
            },
            {
                "en": "Since the trilateral ceasefire of 9 November 2020 [1], over 200 Armenian "
                "prisoners of war had not been released, in breach of the Third Geneva "
                "Convention, under which prisoners of war “must be released and repatriated "
                "without delay after the end of hostilities”.",
                "fr": "Depuis le cessez-le-feu trilatéral du 9 novembre 2020 [1], plus de 200 "
                "prisonniers de guerre arméniens n'avaient pas été libérés, en violation de la "
                "troisième Convention de Genève, selon laquelle les prisonniers de guerre "
                "« doivent être libérés et rapatriés sans délai après la fin des hostilités ».",
                "hy": "2020 թվականի նոյեմբերի 9-ի եռակողմ հրադադարից [1] հետո ավելի քան 200 "
                "հայ ռազմագերի ազատ չէր արձակվել՝ ի խախտում Ժնևի երրորդ կոնվենցիայի, որի "
                "համաձայն՝ ռազմագերիները «պետք է ազատ արձակվեն և հայրենադարձվեն ռազմական "
                "գործողությունների ավարտից հետո անհապաղ»։",
            },
            {
                "en": "The campaign's petition to world leaders asks for the immediate and "
                "unconditional release of all Armenian POWs and captives held unlawfully in "
                "Azerbaijan.",
                "fr": "La pétition de la campagne adressée aux dirigeants du monde demande la "
                "libération immédiate et inconditionnelle de tous les prisonniers de guerre et "
                "captifs arméniens détenus illégalement en Azerbaïdjan.",
                "hy": "Աշխարհի առաջնորդներին ուղղված արշավի խնդրագիրը պահանջում է անհապաղ և "
                "անվերապահորեն ազատ արձակել Ադրբեջանում ապօրինի պահվող բոլոր հայ "
                "ռազմագերիներին և պատանդներին։",
            },
        ],
    },
    {
        "slug": "ecthr-interim-measures",
        # The petition says "at the beginning of April 2021"; the item is dated then.
        "date": datetime.date(2021, 4, 1),
        "tags": ["prisoners-of-war", "ecthr"],
        "references": True,
        "title": {
            "en": "European Court of Human Rights orders interim measures for Armenian captives",
            "fr": "La Cour européenne des droits de l'homme ordonne des mesures provisoires pour "
            "les captifs arméniens",
            "hy": "Մարդու իրավունքների եվրոպական դատարանը միջանկյալ միջոցներ է կիրառում հայ "
            "գերիների համար",
        },
        "lead": {
            "en": "By the beginning of April 2021, no less than 230 cases had been brought before "
            "the Court, which ordered interim measures to protect the lives of Armenian captives.",
            "fr": "Début avril 2021, au moins 230 affaires avaient été portées devant la Cour, qui "
            "a ordonné des mesures provisoires pour protéger la vie des captifs arméniens.",
            "hy": "2021 թվականի ապրիլի սկզբին Դատարան էր ներկայացվել առնվազն 230 գործ, և "
            "Դատարանը միջանկյալ միջոցներ կիրառեց՝ հայ գերիների կյանքը պաշտպանելու համար։",
        },
        "paragraphs": [
            {
                "en": "At the beginning of April 2021, no less than 230 cases were reported to the "
                "European Court of Human Rights (ECtHR) by Yegishe Kirakosyan, Armenia's "
                "representative to the Court. Human rights lawyers Siranush Sahakyan and Artak "
                "Zeynalyan have also filed over 95 individual cases on behalf of the captives' "
                "families.",
                "fr": "Début avril 2021, au moins 230 affaires avaient été signalées à la Cour "
                "européenne des droits de l'homme (CEDH) par Yegishe Kirakosyan, représentant de "
                "l'Arménie auprès de la Cour. Les avocats des droits humains Siranush Sahakyan et "
                "Artak Zeynalyan ont en outre déposé plus de 95 requêtes individuelles au nom des "
                "familles des captifs.",
                "hy": "2021 թվականի ապրիլի սկզբին Մարդու իրավունքների եվրոպական դատարանում "
                "(ՄԻԵԴ) Հայաստանի ներկայացուցիչ Եղիշե Կիրակոսյանը ներկայացրել էր առնվազն 230 "
                "գործ։ Իրավապաշտպան փաստաբաններ Սիրանուշ Սահակյանը և Արտակ Զեյնալյանը գերիների "
                "ընտանիքների անունից ներկայացրել են ավելի քան 95 անհատական գանգատ։",
            },
            {
                "en": "The Court accepted these complaints and ordered interim measures to protect "
                "the Armenian captives whose lives are at immediate risk. The Azerbaijani "
                "authorities have failed to comply and have refused to provide accurate "
                "information on the condition and the number of Armenian POWs in captivity.",
                "fr": "La Cour a accepté ces requêtes et ordonné des mesures provisoires pour "
                "protéger les captifs arméniens dont la vie est en danger immédiat. Les autorités "
                "azerbaïdjanaises ne s'y sont pas conformées et ont refusé de fournir des "
                "informations exactes sur l'état et le nombre des prisonniers de guerre arméniens "
                "en captivité.",
                "hy": "Դատարանն ընդունեց այս գանգատները և միջանկյալ միջոցներ կիրառեց՝ "
                "պաշտպանելու այն հայ գերիներին, որոնց կյանքին անմիջական վտանգ է սպառնում։ "
                "Ադրբեջանի իշխանությունները չեն կատարել այդ որոշումը և հրաժարվել են ճշգրիտ "
                "տեղեկություններ տրամադրել գերության մեջ գտնվող հայ ռազմագերիների վիճակի և թվի "
                "մասին։",
            },
            {
                "en": "The Ad Hoc Report of the Human Rights Defender of Armenia of January "
                "2021 [3] revealed numerous cases of brutal treatment of Armenian civilians and "
                "soldiers in captivity in Azerbaijan. According to human rights lawyers "
                "representing the families, over 50 Armenian POWs held in Azerbaijan were "
                "reportedly murdered [4].",
                "fr": "Le rapport ad hoc du Défenseur des droits de l'homme d'Arménie de janvier "
                "2021 [3] a révélé de nombreux cas de traitements brutaux infligés à des civils et "
                "soldats arméniens captifs en Azerbaïdjan. Selon les avocats des droits humains "
                "qui représentent les familles, plus de 50 prisonniers de guerre arméniens "
                "détenus en Azerbaïdjan auraient été tués [4].",
                "hy": "Հայաստանի մարդու իրավունքների պաշտպանի 2021 թվականի հունվարի արտահերթ "
                "զեկույցը [3] բացահայտեց Ադրբեջանում գերության մեջ գտնվող հայ քաղաքացիական "
                "անձանց և զինվորների նկատմամբ դաժան վերաբերմունքի բազմաթիվ դեպքեր։ Ընտանիքները "
                "ներկայացնող իրավապաշտպան փաստաբանների տվյալներով՝ Ադրբեջանում պահվող ավելի "
                "քան 50 հայ ռազմագերի, ըստ տեղեկությունների, սպանվել է [4]։",
            },
        ],
    },
    {
        "slug": "aliyev-admits-holding-prisoners",
        "date": datetime.date(2021, 6, 15),
        "tags": ["prisoners-of-war"],
        # The sponsorship page this comes from numbers no sources.
        "references": False,
        "title": {
            "en": "Aliyev admits he is “still holding many Armenian prisoners of war”",
            "fr": "Aliyev admet détenir « encore de nombreux prisonniers de guerre arméniens »",
            "hy": "Ալիևը խոստովանում է, որ «դեռ պահում է բազմաթիվ հայ ռազմագերիների»",
        },
        "lead": {
            "en": "During a trip to Nagorno-Karabakh on 15 June 2021, President Ilham Aliyev "
            "openly admitted holding Armenian prisoners of war, to use them for blackmail against "
            "Armenia.",
            "fr": "Lors d'un déplacement au Haut-Karabakh le 15 juin 2021, le président Ilham "
            "Aliyev a ouvertement admis détenir des prisonniers de guerre arméniens, pour s'en "
            "servir comme moyen de chantage contre l'Arménie.",
            "hy": "2021 թվականի հունիսի 15-ին Լեռնային Ղարաբաղ կատարած այցի ժամանակ նախագահ "
            "Իլհամ Ալիևը բացահայտ խոստովանեց, որ պահում է հայ ռազմագերիների՝ նրանց Հայաստանի "
            "դեմ որպես շանտաժի միջոց օգտագործելու համար։",
        },
        "paragraphs": [
            {
                "en": "On 15 June 2021, during a trip to Nagorno-Karabakh in the company of "
                "Turkish President Erdogan and his wife, Azerbaijani President Ilham Aliyev openly "
                "admitted that he was still holding many Armenian prisoners of war, in order to "
                "use them for blackmail against Armenia and to demand concessions not provided "
                "for in the tripartite agreement of November 2020.",
                "fr": "Le 15 juin 2021, lors d'un déplacement au Haut-Karabakh en compagnie du "
                "président turc Erdogan et de son épouse, le président azerbaïdjanais Ilham "
                "Aliyev a ouvertement admis qu'il détenait encore de nombreux prisonniers de "
                "guerre arméniens, afin de s'en servir pour faire chanter l'Arménie et exiger des "
                "concessions non prévues par l'accord tripartite de novembre 2020.",
                "hy": "2021 թվականի հունիսի 15-ին Լեռնային Ղարաբաղ կատարած այցի ժամանակ, "
                "Թուրքիայի նախագահ Էրդողանի և նրա տիկնոջ ուղեկցությամբ, Ադրբեջանի նախագահ "
                "Իլհամ Ալիևը բացահայտ խոստովանեց, որ դեռ պահում է բազմաթիվ հայ "
                "ռազմագերիների, որպեսզի նրանց օգտագործի Հայաստանին շանտաժի ենթարկելու և 2020 "
                "թվականի նոյեմբերի եռակողմ համաձայնագրով չնախատեսված զիջումներ պահանջելու "
                "համար։",
            },
            {
                "en": "The tripartite ceasefire declaration of 10 November 2020 provided for the "
                "exchange of all prisoners of war. By the beginning of 2021, Armenia had returned "
                "all Azeri POWs to Azerbaijan; the return of Armenian POWs and civilians, done in "
                "several waves in 2021, was deliberately stopped prematurely by Azerbaijan.",
                "fr": "La déclaration tripartite de cessez-le-feu du 10 novembre 2020 prévoyait "
                "l'échange de tous les prisonniers de guerre. Dès le début de 2021, l'Arménie "
                "avait rendu tous les prisonniers de guerre azerbaïdjanais à l'Azerbaïdjan ; le "
                "retour des prisonniers de guerre et civils arméniens, effectué en plusieurs "
                "vagues en 2021, a été délibérément interrompu prématurément par l'Azerbaïdjan.",
                "hy": "2020 թվականի նոյեմբերի 10-ի եռակողմ հրադադարի հայտարարությունը "
                "նախատեսում էր բոլոր ռազմագերիների փոխանակում։ Մինչև 2021 թվականի սկիզբը "
                "Հայաստանը Ադրբեջանին էր վերադարձրել բոլոր ադրբեջանցի ռազմագերիներին, իսկ հայ "
                "ռազմագերիների և քաղաքացիական անձանց վերադարձը, որն իրականացվեց մի քանի փուլով "
                "2021 թվականին, Ադրբեջանը դիտավորյալ վաղաժամ դադարեցրեց։",
            },
            {
                "en": "According to information from human rights NGOs, confirmed by the ICRC, "
                "Azerbaijan is still holding 23 Armenian prisoners. Evidence shows the existence "
                "of at least 80 other captured persons of whom there is no news; Azerbaijan "
                "denies their existence.",
                "fr": "Selon les informations des ONG de défense des droits humains, confirmées "
                "par le CICR, l'Azerbaïdjan détient toujours 23 prisonniers arméniens. Des "
                "preuves attestent l'existence d'au moins 80 autres personnes capturées dont on "
                "n'a plus de nouvelles ; l'Azerbaïdjan nie leur existence.",
                "hy": "Մարդու իրավունքների պաշտպան հասարակական կազմակերպությունների տվյալներով, "
                "որոնք հաստատել է Կարմիր խաչի միջազգային կոմիտեն, Ադրբեջանը դեռ պահում է 23 "
                "հայ գերիի։ Ապացույցները վկայում են առնվազն 80 այլ գերեվարված անձանց գոյության "
                "մասին, որոնցից լուր չկա. Ադրբեջանը հերքում է նրանց գոյությունը։",
            },
        ],
    },
]


def set_stream(page, field_name, items):
    """Set a StreamField to `items` [(type, value)], keeping the block ids already stored.

    Stable ids keep wagtail-localize's segments in place when the demo runs again.
    """
    old_ids = [child.id for child in getattr(page, field_name)] if page.pk else []
    setattr(page, field_name, items)
    for child, block_id in zip(getattr(page, field_name), old_ids, strict=False):
        child.id = block_id


def catalogue_of(pairs, language):
    """{English: translation} from dicts holding both."""
    return {pair["en"]: pair[language] for pair in pairs}


def ensure_tags(context):
    english = Locale.objects.get(language_code="en")
    tags = {}
    for slug, names in TAGS.items():
        tag, _created = NewsTag.objects.update_or_create(
            slug=slug, locale=english, defaults={"name": names["en"]}
        )
        tags[slug] = tag
        for language in LANGUAGES:
            report(
                context,
                f"tag {slug}",
                language,
                publish_translation(tag, language, {names["en"]: names[language]}),
            )
    return tags


def ensure_news_index(home):
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=NewsIndexPage(title="News", slug="news"))
        index = NewsIndexPage.objects.get(pk=index.pk)
    index.title = NEWS_INDEX["title"]["en"]
    index.introduction = f"<p>{NEWS_INDEX['introduction']['en']}</p>"
    index.show_in_menus = True
    index.search_description = NEWS_INDEX["introduction"]["en"]
    index.save_revision().publish()
    return index


def references_block(language="en"):
    return (
        "references",
        {
            "heading": REFERENCES_HEADING[language],
            "references": [
                {"text": reference[language], "url": "", "date": None} for reference in REFERENCES
            ],
        },
    )


def ensure_news_item(index, data, tags, petition):
    item = NewsPage.objects.child_of(index).filter(slug=data["slug"]).first()
    created = item is None
    if created:
        item = NewsPage(slug=data["slug"])
    item.title = data["title"]["en"]
    item.date = data["date"]
    item.lead = data["lead"]["en"]
    item.search_description = data["lead"]["en"]
    body = [("paragraph", f"<p>{paragraph['en']}</p>") for paragraph in data["paragraphs"]]
    if data["references"]:
        body.append(references_block())
    set_stream(item, "body", body)
    item.tags = [tags[slug] for slug in data["tags"]]
    item.related_pages = [NewsPageRelatedPage(target=petition)] if petition is not None else []
    if created:
        index.add_child(instance=item)
    item.save_revision().publish()
    return NewsPage.objects.get(pk=item.pk)


def news_catalogue(data, language):
    pairs = [data["title"], data["lead"], *data["paragraphs"]]
    if data["references"]:
        pairs += [REFERENCES_HEADING, *REFERENCES]
    catalogue = catalogue_of(pairs, language)
    # The search description repeats the lead.
    return catalogue


def fill_home(home, context):
    home = HomePage.objects.get(pk=home.pk)
    home.main_petition = context.objects.get("petition")
    home.call_to_action = CALL_TO_ACTION["en"]
    home.latest_news_count = 3
    set_stream(
        home,
        "timeline",
        [
            (
                "event",
                {
                    "date": event["date"],
                    "precision": event["precision"],
                    "title": event["title"]["en"],
                    "text": f"<p>{event['text']['en']}</p>",
                },
            )
            for event in TIMELINE
        ],
    )
    set_stream(
        home,
        "partners",
        [("partner", {"name": name, "logo": None, "url": ""}) for name in PARTNERS],
    )
    from home.models import HomePageFeaturedPrisoner
    from prisoners.visibility import Visibility

    profiles = [
        page
        for page in (context.objects.get("prisoners") or {}).values()
        if page.visibility != Visibility.COUNTED
    ][:FEATURED_PRISONERS]
    home.featured_prisoners = [HomePageFeaturedPrisoner(prisoner=page) for page in profiles]
    home.save_revision().publish()
    return home


def home_catalogue(language):
    # site.py's catalogue of the home page includes these sections (home_sections.py).
    return site_demo.HOME_TRANSLATIONS[language]


def report(context, what, language, missing):
    for text in missing:
        context.warn(f"{what} ({language}): no translation for {text[:60]!r}")


def load(context):
    home = fill_home(context.objects["home"], context)
    for language in LANGUAGES:
        report(
            context, "home", language, publish_translation(home, language, home_catalogue(language))
        )
    context.log("Home page: call to action, figures, featured prisoners, timeline, partners")

    tags = ensure_tags(context)
    index = ensure_news_index(home)
    for language in LANGUAGES:
        report(
            context,
            "news index",
            language,
            publish_translation(
                index,
                language,
                {
                    NEWS_INDEX["title"]["en"]: NEWS_INDEX["title"][language],
                    NEWS_INDEX["introduction"]["en"]: NEWS_INDEX["introduction"][language],
                },
            ),
        )
    petition = context.objects.get("petition")
    for data in NEWS:
        item = ensure_news_item(index, data, tags, petition)
        for language in LANGUAGES:
            report(
                context,
                data["slug"],
                language,
                publish_translation(item, language, news_catalogue(data, language)),
            )
    context.log(f"News index and {len(NEWS)} news items in English, French and Armenian")
