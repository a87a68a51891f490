"""What the petition page and its widget show: counts, signers, deliveries, share links.

The page model, the sign views and the widget build their context here, so the
page never depends on the views that serve it.
"""

from urllib.parse import quote

from django.apps import apps
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.images import get_image_model

from . import conf
from .models.deliveries import Delivery
from .models.signatures import Signature

PHOTO_FILTER = "fill-160x160"


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
    for delivery in Delivery.objects.filter(petition=petition).order_by("delivered_on", "pk"):
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
        {"first_name": first_name, "country": countries.name(code) if code else ""}
        for first_name, code in rows
    ]


def country_rows(counts, limit=10):
    rows = [
        {"code": code, "name": countries.name(code), "count": count}
        for code, count in counts.by_country[:limit]
        if code
    ]
    listed = sum(row["count"] for row in rows)
    return rows, counts.online - listed


def petition_context(page, request, *, form=None, state=None):
    """What the petition page, its sign box and the widget show."""
    petition = page.petition
    counts = petition.counts()
    language = translation.get_language()
    decision_makers, other_deliveries = decision_makers_with_deliveries(page, petition)
    countries_listed, countries_other = country_rows(counts)
    with translation.override(page.locale_code):
        sign_url = reverse("petitions_sign", kwargs={"page_id": page.pk})
    page_url = page.get_full_url(request)
    return {
        "petition": petition,
        "counts": counts,
        "form": form,
        "state": state,
        "sign_url": sign_url,
        "decision_makers": decision_makers,
        "other_deliveries": other_deliveries,
        "recent_signers": recent_signers(petition) if page.show_recent_signers else [],
        "country_counts": countries_listed,
        "country_counts_other": countries_other,
        "people_index": people_index(language),
        "share_links": share_links(page_url, page.title),
        "page_full_url": page_url,
    }
