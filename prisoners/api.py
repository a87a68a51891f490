"""Widget API for prisoner cards: only what the visibility rule lets the public see."""

from django.http import Http404
from django.utils import translation
from ninja import Field, Router, Schema

from campaign_site.embeds import localized_embeddable_page, widget_language
from campaign_site.render_cache import remember

from .cards import card_data
from .context import index_context, listing_key, profile_context
from .filters import ProfileFilterForm
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
    detention_place: str | None = Field(
        ...,
        description=(
            "The last known place of detention, as the profile writes it (not translated);"
            " null when unknown or when the person's visibility does not show it."
        ),
    )
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

    def build():
        with translation.override(language):
            page = localized_embeddable_page(page_id, language, model=PrisonerPage)
            context = profile_context(page, request)
            return card_data(request, context["profile"])

    # A public card, the same for every reader until an editor changes something (a
    # person made hidden retires it: campaign_site.render_cache).
    return remember(
        "api-prisoner", build, vary=(request.get_host(), request.scheme, page_id, language)
    )


@router.get("/", response=PrisonerList, summary="The public prisoner cards")
def prisoners(
    request, lang: str = "", category: str = "", status: str = "", q: str = "", page: int = 1
):
    """The cards of the site's prisoner index, with the index's filters and pagination."""
    language = widget_language(request)

    def build():
        return _prisoner_list(request, language)

    # Kept only for what the index itself keeps (valid filters and page numbers): a name
    # search, or made-up parameters, are endless and would fill the cache.
    key = listing_key(request, ProfileFilterForm(request.GET or None))
    if q or key is None:
        return build()
    return remember(
        "api-prisoners", build, vary=(request.get_host(), request.scheme, language, key)
    )


def _prisoner_list(request, language):
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
