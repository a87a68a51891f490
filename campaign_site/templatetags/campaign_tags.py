"""Template tags every public page uses: language links, the site menu and share metadata.

In the base so that base.html and the feature apps' templates load no composing app.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

from campaign_site.models import campaign_site_settings

register = template.Library()


def _language_homes(request):
    """Live home pages by language code for the request's site, fetched once per request."""
    cached = getattr(request, "_language_homes", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    homes = {}
    if site is not None:
        for home in site.root_page.get_translations(inclusive=True).live().select_related("locale"):
            homes[home.locale.language_code] = home
    request._language_homes = homes
    return homes


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
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translated.locale.language_code] = translated
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
                "url": target.get_url(request),
                "full_url": target.get_full_url(request),
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
    return home.get_url(request) if home else "/"


@register.simple_tag(takes_context=True)
def share_image(context, page=None):
    """The page's share image, else the site's default, or None."""
    page = page or context.get("page")
    image = None
    if page is not None and hasattr(page, "get_share_image"):
        image = page.get_share_image()
    request = context.get("request")
    if image is None and request is not None:
        settings_for_site = campaign_site_settings(request)
        image = settings_for_site.default_share_image if settings_for_site else None
    return image


@register.simple_tag(takes_context=True)
def site_settings(context):
    """The campaign's identity (name, contact links) for the footer, or None."""
    request = context.get("request")
    return campaign_site_settings(request) if request is not None else None


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """Live, public pages right under the current language's home that editors put in menus."""
    request = context.get("request")
    if request is None:
        return []
    home = _language_homes(request).get(translation.get_language())
    if home is None:
        return []
    return home.get_children().live().public().in_menu()


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` made absolute against the current request (share images, feeds)."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url
