"""What the index, a profile and their widgets show: the template context, built once.

Pages (`get_context`), partner widgets and the widgets API all render these
dicts, so they show the same people under the same visibility rule. Built from
the page objects they are given and the facts; no model is imported here, so
the page models can call these builders.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from .cards import CARD_PHOTO
from .charts import bar_chart
from .facts import needs_sponsor, searchable_text
from .filters import ProfileFilterForm
from .templatetags.prisoner_tags import days_phrase
from .visibility import Visibility, is_publicly_visible, public_profile

#: The photo on a profile page: a portrait.
PROFILE_PHOTO = "fill-480x600"


def sponsor_url(page):
    return reverse("prisoners_sponsor", kwargs={"key": page.translation_key})


def public_summary(profile):
    """One line of public facts about a PublicProfile, for descriptions and cards."""
    days = days_phrase(profile.status, profile.days_in_captivity)
    summary = _("%(name)s: %(category)s, %(status)s.") % {
        "name": profile.name,
        "category": profile.category_label,
        "status": profile.status_label.lower(),
    }
    if days:
        summary = f"{summary} {capfirst(days)}."
    return summary


def index_context(index, request):
    """Cards, filters, figures and the group's sponsors: a fixed number of queries."""
    form = ProfileFilterForm(request.GET or None)
    filters = form.filters()
    profiles = (
        index.public_profiles(locale=index.locale)
        .with_sponsor_counts()
        .select_related(None)
        .select_related("locale")
        .prefetch_related(
            Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions(CARD_PHOTO))
        )
    )
    if filters.get("category"):
        profiles = profiles.filter(category=filters["category"])
    if filters.get("status"):
        profiles = profiles.filter(status=filters["status"])
    if filters.get("q"):
        profiles = profiles.filter(name_search__contains=searchable_text(filters["q"]))
    paginator = Paginator(profiles.order_by("title", "pk"), index.PER_PAGE)
    page_of_profiles = paginator.get_page(request.GET.get("page"))

    cards = []
    for page in page_of_profiles.object_list:
        card = public_profile(page, with_children=False)
        card.url = page.get_url(request)
        card.needs_sponsor = needs_sponsor(card)
        cards.append(card)

    figures = index.figures()
    group_sponsors = list(index.group_sponsorships().approved())
    return {
        "filter_form": form,
        "filters": filters,
        "cards": cards,
        "paginator": paginator,
        "page_of_profiles": page_of_profiles,
        "figures": figures,
        "category_chart": bar_chart(
            figures.by_category, title=_("People held, by category"), chart_id="chart-categories"
        ),
        "status_chart": bar_chart(
            figures.by_status, title=_("Profiles, by status"), chart_id="chart-statuses"
        ),
        "group_sponsors": [sponsor for sponsor in group_sponsors if sponsor.consent_to_list],
        "group_sponsor_count": len(group_sponsors),
        "group_sponsor_url": sponsor_url(index),
        "card_photo": CARD_PHOTO,
    }


def profile_context(page, request):
    """What the public may see of `page`; in an editor's preview, what it would show."""
    if getattr(request, "is_preview", False) and not is_publicly_visible(page):
        profile = public_profile(page, level=Visibility.FULL)
        preview_hidden = True
    else:
        profile = public_profile(page)
        preview_hidden = False
    sponsors = list(page.sponsorships().approved())
    profile.sponsor_count = len(sponsors)
    profile.needs_sponsor = needs_sponsor(profile)
    return {
        "profile": profile,
        "profile_summary": public_summary(profile),
        "preview_hidden": preview_hidden,
        "sponsors": [sponsor for sponsor in sponsors if sponsor.consent_to_list],
        "sponsor_url": sponsor_url(page),
        "profile_photo": PROFILE_PHOTO,
    }
