"""The site, its languages and the home page in English, French and Armenian.

The words live in data/home.yaml; this module turns them into the site and its home page.
"""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site

from campaign_site.demo_data import (
    catalogue,
    english,
    read_demo_data,
    texts_in,
    translation_languages,
)
from campaign_site.localization import ensure_translator_groups, publish_translation
from campaign_site.models import SiteIdentity
from home.models import CampaignSettings, HomePage

DATA_DIR = Path(__file__).parent / "data"

HOME_TEXT_FIELDS = ("title", "headline", "search_description", "hero_image_credit")


def home_data():
    return read_demo_data(DATA_DIR / "home.yaml")


def home_fields(data):
    """The English home page's own fields; its sections are filled by home.demo.content."""
    page = data["home"]
    fields = {name: english(page[name]) for name in HOME_TEXT_FIELDS}
    fields["introduction"] = f"<p>{english(page['introduction'])}</p>"
    return fields


def home_catalogue(data, language):
    """Every string of the home page, sections included (call to action, timeline, partners).

    One catalogue for both translation passes of the home page (before and after
    home.demo.content fills the sections), so neither leaves a string behind.
    """
    return catalogue(
        [*texts_in(data["home"]), *texts_in(data["timeline"]), *data["partners"]], language
    )


def ensure_english_home(data):
    """The English home page at the site root, replacing Wagtail's welcome page."""
    fields = home_fields(data)
    english_locale = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    # Wagtail's "Welcome to your new Wagtail site!" placeholder is a bare Page.
    root.get_children().filter(content_type=ContentType.objects.get_for_model(Page)).delete()

    home = HomePage.objects.filter(locale=english_locale, depth=2).first()
    if home is None:
        home = root.add_child(instance=HomePage(slug="home", locale=english_locale, **fields))
    else:
        for field, value in fields.items():
            setattr(home, field, value)
    home.save_revision().publish()

    # Canonical and share URLs are built from the Site; match where the demo is served.
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname = base_url.hostname or "localhost"
    site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
    site.root_page = home
    site.site_name = english(data["site"]["name"])
    site.save()
    return site, home


IDENTITY_FIELDS = {"site_name": "name", "tagline": "tagline", "footer_text": "footer"}


def ensure_site_identity(context, site_data):
    """The site's name, tagline and footer in English, translated like any snippet."""
    english_locale = Locale.objects.get(language_code="en")
    identity = SiteIdentity.objects.filter(locale=english_locale).first()
    identity = identity or SiteIdentity(locale=english_locale)
    for field, key in IDENTITY_FIELDS.items():
        setattr(identity, field, english(site_data[key]))
    identity.save()
    texts = [site_data[key] for key in IDENTITY_FIELDS.values()]
    for language_code in translation_languages():
        missing = publish_translation(identity, language_code, catalogue(texts, language_code))
        for text in missing:
            context.warn(f"site identity ({language_code}): no translation for {text[:60]!r}")
    context.log(f"Site identity {identity.site_name!r} in every language")


def load(context):
    data = home_data()
    site, home = ensure_english_home(data)
    context.objects["site"] = site
    context.objects["home"] = home
    context.log(f"Site {site.site_name!r} with its English home page")

    campaign_settings = CampaignSettings.for_site(site)
    campaign_settings.organisation_name = data["site"]["organisation_name"]
    campaign_settings.contact_email = data["site"]["contact_email"]
    campaign_settings.save()

    ensure_site_identity(context, data["site"])

    for language_code in translation_languages():
        missing = publish_translation(home, language_code, home_catalogue(data, language_code))
        for text in missing:
            context.warn(f"home ({language_code}): no translation for {text[:60]!r}")
        context.log(f"Home page translated into {language_code}")

    for language_code, group in ensure_translator_groups(site).items():
        context.log(f"Translator group {group.name!r} for {language_code} pages")
