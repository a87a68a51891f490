"""Public views: the index's and the profile's context, and the sponsorship form."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from wagtail.images import get_image_model
from wagtail.models import Locale

from . import spam
from .charts import bar_chart
from .forms import ProfileFilterForm, SponsorshipForm
from .models import (
    CARD_PHOTO,
    PROFILE_PHOTO,
    STILL_HELD,
    PrisonerIndexPage,
    PrisonerPage,
    Sponsorship,
    Status,
    searchable_text,
)
from .templatetags.prisoner_tags import days_phrase
from .visibility import Visibility, is_publicly_visible, public_profile

#: Statuses for which a person still needs sponsors.
NEEDS_SPONSOR_STATUSES = STILL_HELD | {Status.DISAPPEARED}


def needs_sponsor(profile):
    return profile.status in NEEDS_SPONSOR_STATUSES and not profile.sponsor_count


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
    group_sponsors = list(Sponsorship.objects.approved().for_group(index))
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
    sponsors = list(Sponsorship.objects.approved().for_prisoner(page))
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


# --- Sponsorship ----------------------------------------------------------


def _target(key):
    """(profile or None, index) for a translation key, in the current language if possible."""
    locale = Locale.get_active()
    profile_pages = list(
        PrisonerPage.objects.live().public().filter(translation_key=key).select_related("locale")
    )
    if profile_pages:
        page = _prefer(profile_pages, locale)
        if not is_publicly_visible(page):
            raise Http404
        return page, page.get_parent().specific
    index_pages = list(PrisonerIndexPage.objects.live().public().filter(translation_key=key))
    if index_pages:
        return None, _prefer(index_pages, locale)
    raise Http404


def _prefer(pages, locale):
    for page in pages:
        if page.locale_id == locale.pk:
            return page
    from django.conf import settings

    for page in pages:
        if page.locale.language_code == settings.LANGUAGE_CODE:
            return page
    return pages[0]


FORM_TOO_OLD = gettext_lazy(
    "This form was open for a long time. Please check your answers and send it again."
)
SPAM_MESSAGES = {
    "too-fast": gettext_lazy("Please check your answers, then send the form again."),
    "expired": FORM_TOO_OLD,
    "invalid": FORM_TOO_OLD,
}


@csrf_exempt  # A signed, timestamped form token replaces the CSRF cookie (see prisoners.spam).
@never_cache
def sponsor(request, key):
    prisoner, index = _target(key)
    form_problem = None
    status = 200
    if request.method == "POST":
        form = SponsorshipForm(request.POST, request.FILES)
        if spam.honeypot_filled(request.POST):
            # Bots are told they succeeded, and nothing is kept.
            return redirect("prisoners_sponsor_thanks", key=key)
        problem = spam.token_age_problem(request.POST.get(spam.TOKEN_FIELD), "sponsor")
        email = request.POST.get("email", "")
        if problem:
            form_problem = SPAM_MESSAGES[problem]
            form.is_valid()  # show field errors at the same time
        elif spam.rate_limited(request, "prisoners.sponsor", email=email):
            form_problem = _(
                "Too many applications have been sent from your connection or with this "
                "email address. Please try again tomorrow."
            )
            status = 429
            form.is_valid()
        elif form.is_valid():
            sponsorship = form.save(commit=False)
            sponsorship.campaign_key = index.translation_key
            sponsorship.prisoner_key = prisoner.translation_key if prisoner else None
            sponsorship.language = translation.get_language()
            sponsorship.save()
            return redirect("prisoners_sponsor_thanks", key=key)
    else:
        form = SponsorshipForm()

    file_lost = bool(request.FILES.get("proof")) and (bool(form.errors) or bool(form_problem))
    return TemplateResponse(
        request,
        "prisoners/sponsor_form.html",
        {
            # No `page`: the language switcher then leads to this same form in another language.
            "target_page": prisoner or index,
            "prisoner": public_profile(prisoner, with_children=False) if prisoner else None,
            "index": index,
            "form": form,
            "form_problem": form_problem,
            "file_lost": file_lost,
            "token": spam.issue_token("sponsor"),
            "token_field": spam.TOKEN_FIELD,
            "honeypot_field": spam.HONEYPOT_FIELD,
        },
        status=status,
    )


def sponsor_thanks(request, key):
    prisoner, index = _target(key)
    return TemplateResponse(
        request,
        "prisoners/sponsor_thanks.html",
        {
            # No `page`: the language switcher then leads to this same form in another language.
            "target_page": prisoner or index,
            "prisoner": public_profile(prisoner, with_children=False) if prisoner else None,
            "index": index,
            "back_url": (prisoner or index).get_url(request),
        },
    )
