"""What the petition page and its widget show: counts, signers, deliveries, share links.

The page model, the sign views and the widget build their context here, so the
page never depends on the views that serve it.
"""

import functools
from urllib.parse import quote

from django.apps import apps
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.images import get_image_model

from campaign_site.cards import public_cards
from campaign_site.http_cache import LIVE_FIGURES_SECONDS
from campaign_site.render_cache import remember

from . import conf
from .models.deliveries import deliveries_in
from .models.signatures import Signature
from .retention import erasure_notice

PHOTO_FILTER = "fillhead-160x160"


def people_index(language_code):
    """The live index of the people the campaign fights for, in `language_code`.

    Which page type that is belongs to the site composing this app
    (PETITIONS_PEOPLE_INDEX_PAGE_TYPE); without one, or without that app, no link.
    """
    page_type = conf.get("PETITIONS_PEOPLE_INDEX_PAGE_TYPE")
    if not page_type:
        return None
    try:
        model = apps.get_model(page_type)
    except LookupError:
        return None
    return (
        model.objects.live()
        .public()
        .filter(locale__language_code=language_code)
        .order_by("path")
        .first()
    )


def share_links(url, title):
    """Share links carrying the petition's address and title: nothing about the signer."""
    text = quote(title)
    link = quote(url, safe="")
    both = quote(f"{title} {url}")
    return [
        {"network": "email", "label": _("Email"), "url": f"mailto:?subject={text}&body={both}"},
        {"network": "whatsapp", "label": "WhatsApp", "url": f"https://wa.me/?text={both}"},
        {
            "network": "telegram",
            "label": "Telegram",
            "url": f"https://t.me/share/url?url={link}&text={text}",
        },
        {
            "network": "facebook",
            "label": "Facebook",
            "url": f"https://www.facebook.com/sharer/sharer.php?u={link}",
        },
        {"network": "x", "label": "X", "url": f"https://x.com/intent/post?text={text}&url={link}"},
    ]


def decision_makers_with_deliveries(page, petition):
    """The page's decision makers, each with its deliveries: two queries, whatever the number."""
    images = get_image_model().objects.prefetch_renditions(PHOTO_FILTER)
    people = list(
        page.decision_makers.all()
        .prefetch_related(Prefetch("photo", queryset=images))
        .order_by("sort_order")
    )
    by_key = {person.translation_key: person for person in people}
    for person in people:
        person.deliveries = []
    others = []
    for delivery in deliveries_in(petition, page.locale_id):
        person = by_key.get(delivery.decision_maker_key)
        (person.deliveries if person else others).append(delivery)
    return people, others


def recent_signers(petition):
    """First names and countries of the latest confirmed signers; never more."""
    rows = (
        Signature.objects.filter(
            petition=petition, confirmed_at__isnull=False, invalidated_at=None, erased_at=None
        )
        .order_by("-created_at")
        .values_list("first_name", "country")[: conf.get("PETITIONS_RECENT_SIGNERS")]
    )
    return [
        {"first_name": first_name, "country": country_name(code) if code else ""}
        for first_name, code in rows
    ]


@functools.lru_cache(maxsize=2048)
def _country_name(code, language):
    return countries.name(code)


def country_name(code):
    """A country's name in the active language (looking it up costs more than the rest
    of the countries' table on every view of a petition: remembered by the process)."""
    return _country_name(code, translation.get_language())


def country_rows(counts, limit=10):
    rows = [
        {"code": code, "name": country_name(code), "count": count}
        for code, count in counts.by_country[:limit]
        if code
    ]
    listed = sum(row["count"] for row in rows)
    return rows, counts.online - listed


def kept(request, name, build, *, vary, timeout=None):
    """`build()`, shared between anonymous visitors until an editor changes something
    (campaign_site.render_cache), and only evaluated when a template reads it: the
    widget shows neither cards nor decision makers. A preview shows the page being
    edited (its unsaved decision makers), so it is always built afresh."""

    def value():
        options = {} if timeout is None else {"timeout": timeout}
        return remember(f"petition:{name}", build, vary=vary, request=request, **options)

    return SimpleLazyObject(value)


def petition_live_context(page, request, *, form=None, state=None):
    """What changes from one view of the petition to the next: its counts and what
    follows them, and the form (its fresh token). A petition page kept whole
    (render_cache.kept_page) draws its live parts from this alone."""
    petition = page.petition
    counts = page.rendered_counts()
    language = translation.get_language()
    countries_listed, countries_other = country_rows(counts)
    return {
        "petition": petition,
        "counts": counts,
        "form": form,
        "state": state,
        # Names of signers: no older than the live figures (a signer erased leaves soon).
        "recent_signers": kept(
            request,
            "recent-signers",
            lambda: recent_signers(petition),
            # A new signature (or an erased one) changes the count read afresh above:
            # the list follows at once, and is shared while nobody signs.
            vary=(petition.pk, language, counts.total),
            timeout=LIVE_FIGURES_SECONDS,
        )
        if page.show_recent_signers
        else [],
        "country_counts": countries_listed,
        "country_counts_other": countries_other,
    }


def petition_context(page, request, *, form=None, state=None):
    """What the petition page, its sign box and the widget show."""
    context = petition_live_context(page, request, form=form, state=state)
    petition = context["petition"]
    language = translation.get_language()
    people = kept(
        request,
        "decision-makers",
        lambda: decision_makers_with_deliveries(page, petition),
        vary=(page.pk, language),
    )
    with translation.override(page.locale_code):
        sign_url = reverse("petitions_sign", kwargs={"page_id": page.pk})
    page_url = page.get_full_url(request)
    return {
        **context,
        "sign_url": sign_url,
        "decision_makers": SimpleLazyObject(lambda: people[0]),
        "other_deliveries": SimpleLazyObject(lambda: people[1]),
        "people_index": kept(
            request, "people-index", lambda: people_index(language), vary=(language,)
        ),
        # Public ones only, in the page's language (the base's public-page rule). A person
        # made hidden retires what was kept (prisoners.signals -> content_changed).
        "subject_cards": kept(
            request,
            "subject-cards",
            lambda: public_cards(page.subject_pages(), page.locale, request),
            vary=(page.pk, language),
        ),
        "share_links": share_links(page_url, page.title),
        "page_full_url": page_url,
        "retention_notice": erasure_notice(petition),
    }
