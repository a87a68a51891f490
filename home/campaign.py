"""What the home page shows beyond its own fields, read live from the other apps.

Nothing here is typed in by editors: people held and disappeared come from the
prisoner profiles and the figures editors record on the prisoner index
(prisoners.figures), signatures and the goal from the petition's shared counter
(petitions.models.Petition.counts), sponsors from approved sponsorships.

Every part costs a fixed number of queries whatever the amount of content:
`tests/home/test_home_page.py` counts them at two sizes.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from wagtail.images import get_image_model

from campaign_site.localization import localized_page
from home.models.news import NewsIndexPage
from home.news_tags import set_display_tags
from petitions.models import Petition, PetitionPage
from prisoners.cards import CARD_PHOTO
from prisoners.facts import needs_sponsor
from prisoners.figures import compute_figures
from prisoners.models import PrisonerIndexPage, PrisonerPage
from prisoners.queries import approved_sponsorship_count, needing_a_sponsor_count
from prisoners.visibility import public_profile

HERO_RENDITIONS = ("fill-1200x630", "width-800", "width-1600", "width-2400")
PARTNER_LOGO = "height-128"


@dataclass
class PetitionCall:
    """The main petition in the reader's language, with its live count."""

    page: object
    petition: object
    counts: object
    url: str


@dataclass
class PrisonerFigures:
    """The prisoner index's figures and the state of sponsorship."""

    index: object
    figures: object
    sponsorships: int
    needing_sponsor: int
    url: str


def home_page_context(home, request):
    hero = hero_image(home)
    return {
        "hero": hero,
        "petition_call": petition_call(home, request),
        "prisoner_figures": prisoner_figures(home, request),
        "featured_profiles": featured_profiles(home, request),
        "latest_news": latest_news(home),
        "partner_list": partners(home),
    }


def hero_image(home):
    """The hero image with its renditions; also used for the share image (og:image)."""
    if not home.hero_image_id:
        return None
    image = (
        get_image_model()
        .objects.prefetch_renditions(*HERO_RENDITIONS)
        .filter(pk=home.hero_image_id)
        .first()
    )
    if image is not None:
        home.hero_image = image  # get_share_image() reuses it, renditions included
    return image


def petition_call(home, request):
    page = localized_page(
        home.main_petition_id, home.locale, queryset=PetitionPage.objects.defer_streamfields()
    )
    if page is None:
        return None
    petition = Petition.for_page(page)
    return PetitionCall(
        page=page, petition=petition, counts=petition.counts(), url=page.get_url(request)
    )


def prisoner_index_for(home):
    indexes = PrisonerIndexPage.objects.live().public()
    return (
        indexes.descendant_of(home).filter(locale_id=home.locale_id).first()
        or indexes.order_by("pk").first()
    )


def prisoner_figures(home, request):
    index = prisoner_index_for(home)
    if index is None:
        return None
    return PrisonerFigures(
        index=index,
        figures=compute_figures(index),
        sponsorships=approved_sponsorship_count(index),
        needing_sponsor=needing_a_sponsor_count(index),
        url=index.get_url(request),
    )


def featured_profiles(home, request):
    """Cards of the featured prisoners the public may see, in the reader's language.

    Built by the prisoners app's own rule (`public_profile`): a name-only
    profile has no photo, a hidden one no card, a sample one its badge.
    """
    keys = list(
        home.featured_prisoners.order_by("sort_order", "pk").values_list(
            "prisoner__translation_key", flat=True
        )
    )
    if not keys:
        return []
    profiles = {
        profile.translation_key: profile
        for profile in PrisonerPage.objects.filter(translation_key__in=keys)
        .publicly_listed()
        .in_language(home.locale)
        .with_sponsor_counts()
        .defer_streamfields()
        .select_related("locale")
        .prefetch_related(
            Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions(CARD_PHOTO))
        )
    }
    cards = []
    for key in keys:
        profile = profiles.get(key)
        if profile is None:
            continue
        card = public_profile(profile, with_children=False, url=profile.get_url(request))
        if card is None:
            continue
        card.needs_sponsor = needs_sponsor(card)
        cards.append(card)
    return cards


def latest_news(home):
    if not home.latest_news_count:
        return {"index": None, "items": []}
    index = NewsIndexPage.objects.live().public().child_of(home).first()
    if index is None:
        return {"index": None, "items": []}
    items = list(index.listing(index.news_items())[: home.latest_news_count])
    set_display_tags(items, home.locale)
    return {"index": index, "items": items}


def partners(home):
    """The partner organisations, their logos fetched with renditions in two queries."""
    raw = [child for child in home.partners.raw_data if child["type"] == "partner"]
    logo_ids = {child["value"].get("logo") for child in raw} - {None}
    logos = {}
    if logo_ids:
        logos = {
            image.pk: image
            for image in get_image_model()
            .objects.filter(pk__in=logo_ids)
            .prefetch_renditions(PARTNER_LOGO)
        }
    return [
        {
            "name": child["value"].get("name", ""),
            "url": child["value"].get("url", ""),
            "logo": logos.get(child["value"].get("logo")),
        }
        for child in raw
    ]
