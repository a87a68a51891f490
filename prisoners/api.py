"""Widget API for prisoner cards: only what the visibility rule lets the public see."""

from django.http import Http404
from django.utils import translation
from ninja import Router, Schema

from campaign_site.embeds import localized_embeddable_page, widget_language

from .cards import card_data
from .context import index_context, profile_context
from .models import PrisonerIndexPage, PrisonerPage

router = Router(tags=["prisoners"])


class PrisonerCard(Schema):
    id: str
    page_id: int
    name: str
    url: str
    language: str
    category: str
    category_label: str
    status: str
    status_label: str
    days_in_captivity: int | None
    sponsor_count: int
    needs_sponsor: bool
    photo_url: str | None
    is_sample: bool


class PrisonerList(Schema):
    index_url: str
    language: str
    count: int
    held: int
    prisoners: list[PrisonerCard]


@router.get("/{page_id}", response=PrisonerCard, summary="One prisoner's public card")
def prisoner(request, page_id: int, lang: str = ""):
    """A public profile as its card shows it, in `lang` when translated. 404 when hidden."""
    language = widget_language(request)
    with translation.override(language):
        page = localized_embeddable_page(page_id, language, model=PrisonerPage)
        context = profile_context(page, request)
        return card_data(request, context["profile"])


@router.get("/", response=PrisonerList, summary="The public prisoner cards")
def prisoners(
    request, lang: str = "", category: str = "", status: str = "", q: str = "", page: int = 1
):
    """The cards of the site's prisoner index, with the index's filters and pagination."""
    language = widget_language(request)
    with translation.override(language):
        index = PrisonerIndexPage.objects.live().filter(locale__language_code=language).first()
        if index is None:
            index = PrisonerIndexPage.objects.live().first()
        if index is None:
            raise Http404
        context = index_context(index, request)
        return {
            "index_url": index.get_full_url(request),
            "language": language,
            "count": context["paginator"].count,
            "held": context["figures"].held.value,
            "prisoners": [card_data(request, card) for card in context["cards"]],
        }
