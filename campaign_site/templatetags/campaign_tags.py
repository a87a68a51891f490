"""Template tags every public page uses: language links, the site menu and share metadata.

In the base so that base.html and the feature apps' templates load no composing app.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

from campaign_site import share_cards
from campaign_site.models import campaign_site_settings, site_identity
from campaign_site.render_cache import KEEP_SECONDS, remember

register = template.Library()

_NOT_YET = object()


def _kept(request, name, build, vary=(), timeout=KEEP_SECONDS):
    """`build()`, kept for every anonymous visitor until the content changes
    (campaign_site.render_cache); built afresh for editors and previews."""
    return remember(name, build, vary=vary, timeout=timeout, request=request)


def _site_pk(request):
    site = Site.find_for_request(request)
    return site.pk if site is not None else None


def _links_to(pages, request):
    """{language code: {"pk", "url", "full_url"}} of `pages`: what links need, kept
    instead of the pages themselves (URLs relative to the request's site)."""
    return {
        page.locale.language_code: {
            "pk": page.pk,
            "url": page.get_url(request),
            "full_url": page.get_full_url(request),
        }
        for page in pages
    }


def _language_homes(request):
    """Live home pages' links by language code for the request's site, once per request."""
    cached = getattr(request, "_language_homes", None)
    if cached is not None:
        return cached

    def build():
        site = Site.find_for_request(request)
        if site is None:
            return {}
        homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
        return _links_to(homes, request)

    homes = _kept(request, "language-homes", build, vary=(_site_pk(request),))
    request._language_homes = homes
    return homes


def _translations(request, page):
    """Live translations' links of `page` (itself included) by language code."""

    def build():
        translated = page.get_translations(inclusive=True).live().select_related("locale")
        return _links_to(translated, request)

    return _kept(request, "page-translations", build, vary=(_site_pk(request), page.pk))


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per site language for the language switcher and hreflang.

    Each goes to the live translation of the current page when there is one,
    otherwise to that language's home page, so switching never ends on a 404
    or on an untranslated copy. Languages without a live home are left out.
    """
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    homes = _language_homes(request)
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = _translations(request, page)
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target is None:
            continue
        same_view = _same_view_in(request, code) if page is None else None
        if same_view is not None:
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": same_view,
                    "full_url": request.build_absolute_uri(same_view),
                    "is_current": code == current,
                    "is_translation": False,
                }
            )
            continue
        links.append(
            {
                "code": code,
                "name": name,
                "url": target["url"],
                "full_url": target["full_url"],
                "is_current": code == current,
                "is_translation": code in translations,
            }
        )
    return links


def _same_view_in(request, language_code):
    """For views that are not pages (search, confirmations): the same URL in another language.

    Keeps the query string, so switching language on a search repeats it.
    None for Wagtail's page view (a missing page falls back to the home page).
    """
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name or match.url_name == "wagtail_serve":
        return None
    path = request.get_full_path()
    translated = translate_url(path, language_code)
    if translated == path and language_code != translation.get_language():
        return None
    return translated


@register.simple_tag(takes_context=True)
def language_home_url(context):
    """The current language's home page, for the site name link."""
    request = context.get("request")
    if request is None:
        return "/"
    home = _language_homes(request).get(translation.get_language())
    return home["url"] if home else "/"


@register.simple_tag(takes_context=True)
def share_image(context, page=None):
    """The page's share image, else the site's default, or None."""
    page = page or context.get("page")
    image = None
    if page is not None and hasattr(page, "get_share_image"):
        image = page.get_share_image()
    request = context.get("request")
    if image is None and request is not None:
        settings_for_site = _site_settings(request)
        image = settings_for_site.default_share_image if settings_for_site else None
    return image


@register.simple_tag(takes_context=True)
def share_picture(context, page=None):
    """What `og:image` shows: {"url", "width", "height", "alt"}, or None.

    In this order: the share image an editor chose for the page; the page's
    generated share card (`share_card()`: a petition's count, a full profile's
    days held, the campaign on the home page); another picture of the page
    (`get_share_image()`: a news item's image); the site's default share image.
    A page type decides what the public may see in each (a hidden or "name
    only" person has neither a share image nor a card).
    """
    page = page or context.get("page")
    request = context.get("request")
    is_page = isinstance(page, Page) and bool(page.pk)
    vary = (_site_pk(request), page.pk if is_page else None)
    chosen = getattr(page, "share_image_id", None) and _kept(
        request, "share-image-chosen", lambda: bool(page.get_share_image()), vary=vary
    )
    if not chosen and is_page and hasattr(page, "share_card"):
        # Built each time: a card may show a live count (its page keeps what it costs).
        card = page.share_card()
        if card is not None:
            return {
                "url": share_cards.card_url(page, card),
                "width": share_cards.WIDTH,
                "height": share_cards.HEIGHT,
                "alt": card.title,
            }
    # A picture and its rendition: only editors change them.
    return _kept(
        request,
        "share-picture",
        lambda: _picture(share_image(context, page)),
        vary=vary,
    )


def _picture(image):
    if not image:
        return None
    rendition = image.get_rendition("fill-1200x630")
    return {
        "url": rendition.url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


@register.simple_tag(takes_context=True)
def identity(context):
    """The site's name, tagline and footer in the current language (campaign_site.models)."""
    request = context.get("request")
    language = translation.get_language()
    memo = getattr(request, "_site_identity", None) if request is not None else None
    if memo is not None and memo[0] == language:
        return memo[1]
    site = Site.find_for_request(request) if request is not None else None
    found = site_identity(language, site=site)
    if request is not None:
        request._site_identity = (language, found)
    return found


#: OpenGraph wants a territory. British English: the site writes "organisation".
OPENGRAPH_LOCALES = {"en": "en_GB", "fr": "fr_FR", "hy": "hy_AM"}


@register.simple_tag
def opengraph_locale(language_code):
    """`og:locale` for a language code: fr → fr_FR (OpenGraph ignores a bare "fr")."""
    configured = getattr(settings, "CAMPAIGN_OPENGRAPH_LOCALES", OPENGRAPH_LOCALES)
    return configured.get(language_code) or translation.to_locale(language_code)


@register.simple_tag(takes_context=True)
def is_language_home(context, page=None):
    """Whether `page` is the home page of its language (its title is the site's, not "Home")."""
    page = page or context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or request is None:
        return False
    return any(home["pk"] == page.pk for home in _language_homes(request).values())


@register.simple_tag(takes_context=True)
def site_settings(context):
    """The campaign's identity (name, contact links) for the footer, or None."""
    request = context.get("request")
    return _site_settings(request) if request is not None else None


def _site_settings(request):
    """The campaign's site settings, kept until an editor saves them (or any content)."""
    memo = getattr(request, "_campaign_site_settings", _NOT_YET)
    if memo is _NOT_YET:
        memo = _kept(
            request,
            "campaign-site-settings",
            lambda: campaign_site_settings(request),
            vary=(_site_pk(request),),
        )
        request._campaign_site_settings = memo
    return memo


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """Live, public pages right under the current language's home that editors put in menus."""
    request = context.get("request")
    if request is None:
        return []
    language = translation.get_language()
    home = _language_homes(request).get(language)
    if home is None:
        return []

    def build():
        # Specific pages: each carries its editors' short menu label.
        children = Page.objects.get(pk=home["pk"]).get_children()
        return [
            {
                "pk": item.pk,
                "url": item.get_url(request),
                "label": getattr(item, "menu_title", "") or item.title,
            }
            for item in children.live().public().in_menu().specific()
        ]

    return _kept(request, "site-menu", build, vary=(_site_pk(request), language))


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` made absolute against the current request (share images, feeds)."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url
