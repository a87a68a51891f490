"""Widget API: the campaign's figures, as the home page shows them, live."""

from django.http import Http404, HttpResponse
from django.utils import translation
from ninja import Router, Schema

from campaign_site.embeds import widget_language
from campaign_site.http_cache import LIVE_FIGURES_SECONDS, live_cache_control
from campaign_site.render_cache import remember
from campaign_site.routing import site_for_request

from .campaign import petition_call, prisoner_figures

router = Router(tags=["campaign"])


class PetitionFigures(Schema):
    title: str
    url: str
    total_signatures: int
    goal: int
    status: str


class CampaignFigures(Schema):
    language: str
    people_held: int | None
    held_by_category: dict[str, int]
    disappeared: int | None
    sponsorships: int | None
    needing_a_sponsor: int | None
    main_petition: PetitionFigures | None


@router.get("/", response=CampaignFigures, summary="The campaign's figures")
def figures(request, response: HttpResponse, lang: str = ""):
    """People held, the disappeared, sponsorships and the main petition's count and goal."""
    live_cache_control(response)
    language = widget_language(request)
    # The figures hold counts: kept no longer than live figures may be stale.
    return remember(
        "api-figures",
        lambda: _figures(request, language),
        vary=(request.get_host(), request.scheme, language),
        timeout=LIVE_FIGURES_SECONDS,
    )


def _figures(request, language):
    with translation.override(language):
        site = site_for_request(request)
        if site is None:
            raise Http404
        home = site.root_page.localized.specific
        call = petition_call(home, request)
        prisoners = prisoner_figures(home, request)
        figures = prisoners.figures if prisoners else None
        return {
            "language": language,
            "people_held": figures.held.value if figures else None,
            "held_by_category": (
                {figure.key: figure.value for figure in figures.by_category} if figures else {}
            ),
            "disappeared": figures.disappeared if figures else None,
            "sponsorships": prisoners.sponsorships if prisoners else None,
            "needing_a_sponsor": prisoners.needing_sponsor if prisoners else None,
            "main_petition": (
                {
                    "title": call.page.title,
                    "url": request.build_absolute_uri(call.url),
                    "total_signatures": call.counts.total,
                    "goal": call.counts.goal,
                    "status": call.petition.status,
                }
                if call
                else None
            ),
        }
