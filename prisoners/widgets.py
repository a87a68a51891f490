"""Prisoner widgets for partner sites: one person's card, or the list with its filters.

They show exactly what the index and the profile show (the same context
functions, so the same visibility rule), inside campaign_site.embeds' frame.
"""

from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from campaign_site.embeds import localized_embeddable_page, register_widget, widget_theme

from .context import index_context, profile_context
from .models import PrisonerIndexPage, PrisonerPage


def _widget_context(context, request, page):
    context.update({"theme": widget_theme(request), "page": page, "request": request})
    return context


@register_widget("prisoner")
def prisoner_card(request, page_id):
    page = localized_embeddable_page(page_id, translation.get_language(), model=PrisonerPage)
    context = profile_context(page, request)
    context["profile_url"] = page.get_full_url(request)
    return TemplateResponse(
        request, "prisoners/widgets/prisoner.html", _widget_context(context, request, page)
    )


@register_widget("prisoners")
def prisoner_list(request, page_id):
    index = localized_embeddable_page(page_id, translation.get_language(), model=PrisonerIndexPage)
    context = index_context(index, request)
    cards = context["cards"]

    def absolute_cards():
        for card in cards:
            card.url = request.build_absolute_uri(card.url)
        return cards

    # Read only when the template shows them: it keeps what it renders of them.
    context["cards"] = SimpleLazyObject(absolute_cards)
    context["index_url"] = index.get_full_url(request)
    return TemplateResponse(
        request, "prisoners/widgets/prisoners.html", _widget_context(context, request, index)
    )
