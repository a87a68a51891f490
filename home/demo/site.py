"""The site, its languages and the home page in English, French and Armenian."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site

from campaign_site.localization import ensure_translator_groups, publish_translation
from home.models import CampaignSettings, HomePage

from . import home_sections

SITE_NAME = "Free Armenian POWs"

HOME = {
    "title": "Home",
    "headline": "Free ALL Armenian POWs and hostages held illegally in Azerbaijan",
    "introduction": (
        "<p>According to information from human rights NGOs, confirmed by the ICRC, Azerbaijan "
        "is still holding 23 Armenian prisoners: 9 prisoners of war, 6 civilians and 8 political "
        "leaders of Artsakh (Nagorno-Karabakh), sentenced after sham trials to 4 to 20 years in "
        "prison. At least 80 more people have been forcibly disappeared.</p>"
    ),
    "search_description": (
        "An international solidarity campaign for the release of the Armenian prisoners of war "
        "and civilians held in Azerbaijan."
    ),
}

HOME_TRANSLATIONS = {
    "fr": {
        "Home": "Accueil",
        HOME["headline"]: (
            "Libérez TOUS les prisonniers de guerre et otages arméniens détenus illégalement "
            "en Azerbaïdjan"
        ),
        HOME["introduction"][3:-4]: (
            "Selon les informations des ONG de défense des droits humains, confirmées par le "
            "CICR, l'Azerbaïdjan détient toujours 23 prisonniers arméniens : 9 prisonniers de "
            "guerre, 6 civils et 8 dirigeants politiques de l'Artsakh (Haut-Karabakh), condamnés "
            "à l'issue de simulacres de procès à des peines de 4 à 20 ans de prison. Au moins "
            "80 autres personnes ont été victimes de disparition forcée."
        ),
        HOME["search_description"]: (
            "Une campagne de solidarité internationale pour la libération des prisonniers de "
            "guerre et des civils arméniens détenus en Azerbaïdjan."
        ),
    },
    "hy": {
        "Home": "Գլխավոր",
        HOME["headline"]: (
            "Ազատություն Ադրբեջանում ապօրինի պահվող ԲՈԼՈՐ հայ ռազմագերիներին և պատանդներին"
        ),
        HOME["introduction"][3:-4]: (
            "Մարդու իրավունքների պաշտպան հասարակական կազմակերպությունների տվյալներով, որոնք "
            "հաստատել է Կարմիր խաչի միջազգային կոմիտեն, Ադրբեջանը դեռ պահում է 23 հայ գերիի՝ "
            "9 ռազմագերի, 6 քաղաքացիական անձ և Արցախի (Լեռնային Ղարաբաղի) 8 քաղաքական "
            "ղեկավար, որոնք կեղծ դատավարություններից հետո դատապարտվել են 4-ից 20 տարվա "
            "ազատազրկման։ Եվս առնվազն 80 մարդ բռնի անհետացման է ենթարկվել։"
        ),
        HOME["search_description"]: (
            "Միջազգային համերաշխության արշավ՝ Ադրբեջանում պահվող հայ ռազմագերիների և "
            "քաղաքացիական անձանց ազատ արձակման համար։"
        ),
    },
}


# The home page's sections (call to action, timeline, partners) are filled by
# home.demo.content; its strings are translated in the same passes.
for _language, _catalogue in HOME_TRANSLATIONS.items():
    _catalogue.update(home_sections.catalogue(_language))


def ensure_english_home():
    """The English home page at the site root, replacing Wagtail's welcome page."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    # Wagtail's "Welcome to your new Wagtail site!" placeholder is a bare Page.
    root.get_children().filter(content_type=ContentType.objects.get_for_model(Page)).delete()

    home = HomePage.objects.filter(locale=english, depth=2).first()
    if home is None:
        home = root.add_child(instance=HomePage(slug="home", locale=english, **HOME))
    else:
        for field, value in HOME.items():
            setattr(home, field, value)
    home.save_revision().publish()

    # Canonical and share URLs are built from the Site; match where the demo is served.
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname = base_url.hostname or "localhost"
    site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
    site.root_page = home
    site.site_name = SITE_NAME
    site.save()
    return site, home


def load(context):
    site, home = ensure_english_home()
    context.objects["site"] = site
    context.objects["home"] = home
    context.log(f"Site {SITE_NAME!r} with its English home page")

    campaign_settings = CampaignSettings.for_site(site)
    campaign_settings.organisation_name = "Covcas Center · Hyestart · Armenophobia Observatory"
    campaign_settings.contact_email = "contact@example.org"
    campaign_settings.save()

    for language_code, catalogue in HOME_TRANSLATIONS.items():
        missing = publish_translation(home, language_code, catalogue)
        for text in missing:
            context.warn(f"home ({language_code}): no translation for {text[:60]!r}")
        context.log(f"Home page translated into {language_code}")

    for language_code, group in ensure_translator_groups(site).items():
        context.log(f"Translator group {group.name!r} for {language_code} pages")
