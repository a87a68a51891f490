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
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import ngettext
from wagtail.images import get_image_model

from campaign_site.http_cache import LIVE_FIGURES_SECONDS
from campaign_site.localization import localized_page
from campaign_site.models import site_identity
from campaign_site.render_cache import remember
from campaign_site.share_cards import ShareCard
from home.cards import CARD_RENDITIONS
from home.models.news import NewsIndexPage
from home.news_tags import set_display_tags
from petitions.models import Petition, PetitionPage
from prisoners.cards import CARD_PHOTO
from prisoners.facts import needs_sponsor
from prisoners.figures import compute_figures
from prisoners.models import PrisonerIndexPage, PrisonerPage
from prisoners.queries import approved_sponsorship_count
from prisoners.visibility import public_profile

# The share image, and the sizes and formats home_page.html's {% picture %} asks for: a
# rendition missing from this prefetch is drawn again on every request (Wagtail trusts it).
HERO_RENDITIONS = (
    "fill-1200x630",
    *(
        f"fill-{size}|format-{kind}"
        for size in ("720x480", "1440x960", "2160x1440")
        for kind in ("webp", "jpeg")
    ),
)
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
    """What the home page shows, kept for anonymous visitors (campaign_site.render_cache):
    what only editors change until they change something, what holds a count (people
    held, sponsors, signatures) at most LIVE_FIGURES_SECONDS."""

    def editorial():
        found = {
            "hero": hero_image(home),
            "latest_news": latest_news(home),
            "partner_list": partners(home),
        }
        with_renditions([found["hero"]], HERO_RENDITIONS)
        with_renditions([item.image for item in found["latest_news"]["items"]], CARD_RENDITIONS)
        with_renditions([partner["logo"] for partner in found["partner_list"]], [PARTNER_LOGO])
        return found

    def live():
        found = {
            "campaign_figures": campaign_figures_of(home),
            "petition_call": petition_call(home, request),
            "prisoner_figures": prisoner_figures(home, request),
            "featured_profiles": featured_profiles(home, request),
        }
        with_renditions([card.photo for card in found["featured_profiles"]], [CARD_PHOTO])
        return found

    from campaign_site.routing import site_for_request  # imported with the models

    site = site_for_request(request)
    vary = (site.pk if site else None, home.pk, translation.get_language())
    context = {
        **remember("home-editorial", editorial, vary=vary, request=request),
        **remember("home-live", live, vary=vary, timeout=LIVE_FIGURES_SECONDS, request=request),
    }
    # The share card (og:image) reads them from the page object.
    if context["hero"] is not None:
        home.hero_image = context["hero"]
    home._campaign_figures = context.pop("campaign_figures")
    return context


def with_renditions(images, specs):
    """Create now the renditions a template will ask `images` for. A kept image carries
    the renditions prefetched with it, and Wagtail then takes that list as complete: one
    made only while rendering would be looked up in the database on every request."""
    for image in images:
        if image is not None:
            image.get_renditions(*specs)


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


def share_card(home):
    """The campaign's card: its headline and how many people are still held, over the hero."""
    identity = site_identity(home.locale.language_code)
    title = home.headline or identity.tagline or identity.name or home.title
    index, figures = campaign_figures_of(home)
    held = figures.held.value if index is not None else None
    figure = ""
    if held:
        figure = ngettext("%(count)s person held", "%(count)s people held", held) % {
            "count": number_format(held, force_grouping=True)
        }
    return ShareCard(
        title=title,
        site_name=identity.name,
        figure=figure,
        milestone=held,
        picture=home.hero_image,
    )


def prisoner_index_for(home):
    indexes = PrisonerIndexPage.objects.live().public()
    return (
        indexes.descendant_of(home).filter(locale_id=home.locale_id).first()
        or indexes.order_by("pk").first()
    )


def campaign_figures_of(home):
    """The home's prisoner index and its figures, read once per page object: the page's
    sections and its share card (drawn from the same render) both show them."""
    cached = getattr(home, "_campaign_figures", None)
    if cached is None:
        index = prisoner_index_for(home)
        cached = (index, compute_figures(index) if index is not None else None)
        home._campaign_figures = cached
    return cached


def prisoner_figures(home, request):
    index, figures = campaign_figures_of(home)
    if index is None:
        return None
    return PrisonerFigures(
        index=index,
        figures=figures,
        sponsorships=approved_sponsorship_count(index),
        needing_sponsor=figures.needs_sponsor,
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
        .select_related("locale", "prisoner")
        .prefetch_related(
            Prefetch(
                "prisoner__photo",
                queryset=get_image_model().objects.prefetch_renditions(CARD_PHOTO),
            )
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
