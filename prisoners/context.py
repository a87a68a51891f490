"""What the index, a profile and their widgets show: the template context, built once.

Pages (`get_context`), partner widgets and the widgets API all render these
dicts, so they show the same people under the same visibility rule. Built from
the page objects they are given and the facts; no model is imported here, so
the page models can call these builders.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from campaign_site import abuse
from campaign_site.embeds import THEMES
from campaign_site.pages import related_sections
from campaign_site.render_cache import remember

from .cards import CARD_PHOTO
from .charts import bar_chart
from .facts import needs_sponsor, searchable_text
from .filters import ProfileFilterForm
from .templatetags.prisoner_tags import days_phrase
from .visibility import Visibility, is_publicly_visible, public_profile

#: The photo on a profile page: a portrait.
PROFILE_PHOTO = "fillhead-480x600"


def kept(request, name, build, *, vary):
    """`build()`, shared between anonymous visitors until an editor changes something
    (campaign_site.render_cache); built afresh for previews and signed-in editors."""
    return remember(f"prisoners:{name}", build, vary=vary, request=request)


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


#: Query parameters of the index a kept listing may answer (campaign_site.render_cache),
#: and those a widget's address carries besides (its language and theme).
LISTING_PARAMETERS = {"category", "status", "needs_sponsor", "page", "lang", "theme"}


def listing_key(request, form):
    """What the index's kept listing of cards varies with, or None when it must be built
    afresh: a name search (endless), or anything else in the query string (pagination
    links repeat it)."""
    parameters = request.GET
    if set(parameters) - LISTING_PARAMETERS or any(
        len(values) > 1 for _name, values in parameters.lists()
    ):
        return None
    page = parameters.get("page", "1")
    if not (page.isdigit() and len(page) <= 4) or (parameters and not form.is_valid()):
        return None
    # A widget's language and theme: made-up values would each take a key too.
    languages = {"", *(code for code, _name in settings.LANGUAGES)}
    if parameters.get("lang", "") not in languages or parameters.get("theme", "") not in {
        "",
        *THEMES,
    }:
        return None
    return "&".join(f"{name}={parameters[name]}" for name in sorted(parameters))


def index_context(index, request):
    """Cards, filters, figures and the group's sponsors: a fixed number of queries, each
    run only when a template reads it (the index keeps what it renders of them:
    prisoner_index_page.html)."""
    form = ProfileFilterForm(request.GET or None)
    filters = form.filters()

    def listing():
        profiles = (
            index.public_profiles(locale=index.locale)
            .with_sponsor_counts()
            .select_related(None)
            .select_related("locale", "prisoner")
            .prefetch_related(
                Prefetch(
                    "prisoner__photo",
                    queryset=get_image_model().objects.prefetch_renditions(CARD_PHOTO),
                )
            )
        )
        if filters.get("category"):
            profiles = profiles.filter(prisoner__category=filters["category"])
        if filters.get("status"):
            profiles = profiles.filter(prisoner__status=filters["status"])
        if filters.get("needs_sponsor"):
            profiles = profiles.needs_a_sponsor()
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
        return paginator, page_of_profiles, cards

    listed = SimpleLazyObject(listing)
    figures = SimpleLazyObject(index.figures)
    sponsors = SimpleLazyObject(lambda: list(index.group_sponsorships().approved()))
    return {
        "filter_form": form,
        "filters": filters,
        "cards": SimpleLazyObject(lambda: listed[2]),
        "paginator": SimpleLazyObject(lambda: listed[0]),
        "page_of_profiles": SimpleLazyObject(lambda: listed[1]),
        "listing_key": listing_key(request, form),
        "figures": figures,
        "category_chart": SimpleLazyObject(
            lambda: bar_chart(
                figures.by_category,
                title=_("People held, by category"),
                chart_id="chart-categories",
            )
        ),
        "status_chart": SimpleLazyObject(
            lambda: bar_chart(
                figures.by_status, title=_("Profiles, by status"), chart_id="chart-statuses"
            )
        ),
        "group_sponsors": SimpleLazyObject(
            lambda: [sponsor for sponsor in sponsors if sponsor.consent_to_list]
        ),
        # A callable, which templates call: a number, for plurals (not a lazy object).
        "group_sponsor_count": lambda: len(sponsors),
        "group_sponsor_url": sponsor_url(index),
        "card_photo": CARD_PHOTO,
    }


def profile_context(page, request):
    """What the public may see of `page`; in an editor's preview, what it would show.

    Each part is read only when a template shows it: the profile page keeps what it
    renders of them between visitors (prisoner_page.html, campaign_site.render_cache)
    until an editor changes something (facts, visibility, a sponsorship or letter decided).
    """
    if getattr(request, "is_preview", False) and not is_publicly_visible(page):
        level = Visibility.FULL
        preview_hidden = True
    else:
        level = None
        preview_hidden = False
    sponsors = SimpleLazyObject(lambda: list(page.sponsorships().approved()))

    def profile():
        shown = public_profile(page, level=level)
        shown.sponsor_count = len(sponsors)
        shown.needs_sponsor = needs_sponsor(shown)
        return shown

    profile = SimpleLazyObject(profile)
    return {
        "profile": profile,
        # For <meta> descriptions (base.html, every view): kept like what the page shows.
        "profile_summary": SimpleLazyObject(
            lambda: kept(
                request,
                "prisoner-summary",
                lambda: public_summary(profile),
                vary=(page.pk, get_language()),
            )
        ),
        "preview_hidden": preview_hidden,
        "sponsors": SimpleLazyObject(
            lambda: [sponsor for sponsor in sponsors if sponsor.consent_to_list]
        ),
        "sponsor_url": sponsor_url(page),
        "profile_photo": PROFILE_PHOTO,
        # What other apps show about this person (petitions naming them), by base hook.
        "related_sections": SimpleLazyObject(lambda: related_sections(page, request)),
        **letters_context(page, preview_hidden),
    }


def letters_context(page, preview_hidden):
    """The profile's letters of support: the count, those the family lets show, the form."""
    record = page.prisoner_record
    if record is None or preview_hidden:
        return {}
    letters = record.letters.all()
    return {
        # A callable, which templates call: a number, for plurals.
        "letter_count": lambda: letters.approved().count(),
        "letters": SimpleLazyObject(
            lambda: list(letters.shown_on_profile(record).order_by("-decided_at")[:20])
        ),
        **letter_form_context(page),
    }


def letter_form_context(profile, form=None, form_problem=None):
    """What the letter form needs, on the profile and on its own page."""
    from .forms import (  # the forms import the models, which import this module
        LETTER_FORM_SCOPE,
        LetterForm,
    )

    return {
        "letter_form": form or LetterForm(),
        "letter_form_problem": form_problem,
        "letter_url": reverse("prisoners_letter", kwargs={"key": profile.translation_key}),
        "letter_token": abuse.issue_form_token(LETTER_FORM_SCOPE),
        "token_field": abuse.TOKEN_FIELD,
        "letter_honeypot_field": abuse.HONEYPOT_FIELD,
    }
