"""/share-cards/<page>/<language>/<key>.png: a page's share card, drawn on first request.

The key names everything drawn on the card (campaign_site.share_cards), so a
card's address never shows two different pictures and browsers may keep it.
Shared caches revalidate it as often as pages: a person's profile can be made
private at any time, and from then on the page has no card (404) and its stored
cards are deleted.
"""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils import translation
from wagtail.models import Page

from campaign_site import share_cards
from campaign_site.http_cache import page_cache_control

#: Browsers keep a card a day: its address changes when its content does.
BROWSER_SECONDS = 24 * 3600
#: Page ids are 32-bit integers: a larger number in the address is no page (PostgreSQL
#: would refuse the query).
LARGEST_PAGE_ID = 2**31 - 1


def share_card(request, page_id, language, key):
    if language not in dict(settings.LANGUAGES) or page_id > LARGEST_PAGE_ID:
        raise Http404
    page = (
        Page.objects.live()
        .public()
        .filter(pk=page_id, locale__language_code=language)
        .select_related("locale")
        .first()
    )
    if page is None:
        share_cards.forget(page_id)
        raise Http404
    page = page.specific
    with translation.override(language):
        card = page.share_card() if hasattr(page, "share_card") else None
    if card is None:
        share_cards.forget(page_id)
        raise Http404
    if card.key(language) != key:
        # An older card (the count has moved on): the current one, which crawlers re-read.
        return HttpResponseRedirect(share_cards.card_url(page, card))
    response = HttpResponse(share_cards.card_png(page.pk, language, card), content_type="image/png")
    response["ETag"] = f'"{key}"'
    # Shared caches keep it as long as the page it shows, no longer: a photo made
    # private leaves both together.
    page_cache_control(response, browser_seconds=BROWSER_SECONDS)
    return response
