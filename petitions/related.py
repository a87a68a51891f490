"""The petitions naming a page (a person's profile), for that page and the admin's file.

Called through the base's hooks (`campaign_site.pages.RELATED_SECTIONS_HOOK`,
`PERSON_FILE_SECTIONS_HOOK`): the app owning the page never imports petitions.
"""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language

from campaign_site.http_cache import LIVE_FIGURES_SECONDS
from campaign_site.localization import localized_pages
from campaign_site.render_cache import remember

from .models import Petition, PetitionPage, PetitionSubject


def petitions_naming(page):
    """The shared Petition rows whose source page names `page` (in any language).

    One query; only the choice made on each petition's source page counts.
    """
    return list(
        Petition.objects.filter(
            page_id__in=PetitionSubject.objects.filter(
                subject__translation_key=page.translation_key
            ).values("page_id")
        ).order_by("-created_at")
    )


def public_petitions_for(page, request):
    """[(petition page in `page`'s language, its counts)] a visitor may see."""
    petitions = petitions_naming(page)
    if not petitions:
        return []
    sources = [PetitionPage(pk=p.page_id, translation_key=p.translation_key) for p in petitions]
    shown = localized_pages(
        sources, page.locale, queryset=PetitionPage.objects.defer_streamfields()
    )
    by_key = {petition.translation_key: petition for petition in petitions}
    rows = []
    for petition_page in shown:
        petition = by_key[petition_page.translation_key]
        # One page may be for several people: each petition's count is one query.
        rows.append(
            {
                "page": petition_page,
                "url": petition_page.get_url(request),
                "petition": petition,
                "counts": petition.counts(),
            }
        )
    return rows


def petitions_section(page, request):
    """The petitions for the person on `page`: their counts and a call to sign.

    Shared between anonymous visitors no longer than live figures (it shows counts),
    and retired at once by any editor's change (campaign_site.render_cache)."""

    def build():
        rows = public_petitions_for(page, request)
        if not rows:
            return ""
        return render_to_string(
            "petitions/includes/petitions_for_page.html", {"rows": rows}, request=request
        )

    return remember(
        "petitions-for-page",
        build,
        vary=(page.pk, get_language()),
        timeout=LIVE_FIGURES_SECONDS,
        request=request,
    )


def petitions_file_section(page, request):
    """For editors: every petition naming the person, live or not, with its count."""
    petitions = petitions_naming(page)
    rows = []
    for petition in petitions:
        rows.append(
            {
                "petition": petition,
                "counts": petition.counts(),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[petition.page_id]),
                "signatures_url": reverse("petitions_signature:list") + f"?petition={petition.pk}",
            }
        )
    context = {
        "rows": rows,
        "can_view_signatures": request.user.has_perm("petitions.view_signature"),
    }
    return render_to_string("petitions/admin/person_file_petitions.html", context, request=request)
