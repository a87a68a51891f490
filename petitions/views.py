"""Public views: signing, confirming, the counter as JSON, and the page's context.

Signing and confirming are POSTs that rely on no cookie (no session, no CSRF
cookie): they work on cached pages and inside cross-origin iframes where
third-party cookies are blocked. The sign form carries a signed, timestamped
token and a honeypot instead; the confirmation link carries a signed token.
"""

import logging
from urllib.parse import quote

from django.apps import apps
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_countries import countries
from wagtail.images import get_image_model

from . import conf, tokens
from .forms import PublicSignatureForm
from .models import Delivery, Petition, PetitionPage, Signature, Source
from .signing import Outcome, RequestMeta, confirm, sign

logger = logging.getLogger(__name__)

PERSONAL_FIELDS = ("first_name", "last_name", "email", "postcode", "comment")
PHOTO_FILTER = "fill-160x160"


# --- the page's context -----------------------------------------------------------


def prisoners_index(language_code):
    """The live prisoner index in `language_code`, if the prisoners app provides one."""
    try:
        model = apps.get_model("prisoners", "PrisonerIndexPage")
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
        "prisoners_index": prisoners_index(language),
        "share_links": share_links(page_url, page.title),
        "page_full_url": page_url,
        "count_url": reverse("petitions_count", kwargs={"key": petition.translation_key}),
    }


# --- signing -----------------------------------------------------------------------


def _render_sign_response(request, page, form, *, status):
    if _wants_json(request):
        context = page.get_context(request, form=form)
        html = render_to_string("petitions/includes/sign_box.html", context, request=request)
        return JsonResponse(
            {"state": "invalid", "errors": form.errors.get_json_data(), "html": html},
            status=status,
        )
    response = page.render(request, form=form)
    response.status_code = status
    return response


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _signed_response(request, page, state):
    if _wants_json(request):
        context = page.get_context(request, state=state)
        html = render_to_string("petitions/includes/sign_box.html", context, request=request)
        counts = context["counts"]
        return JsonResponse(
            {
                "state": state,
                "html": html,
                "total_signatures": counts.total,
                "goal": counts.goal,
                "counter_html": render_to_string(
                    "petitions/includes/counter.html", context, request=request
                ),
            }
        )
    return HttpResponseRedirect(page.thanks_url(state) + "#petition-thanks", status=303)


def handle_sign_post(request, page, *, source=Source.PAGE, partner_ref=""):
    """The POST of a sign form, from the page or a widget: (form, state, status).

    `state` is "signed" or "already" when the visitor is done, else None and
    `form` (None for a closed petition) carries the errors to show again.
    """
    petition = page.petition
    language = translation.get_language()
    form = PublicSignatureForm(request.POST, petition=petition, language=language)

    if not petition.is_open:
        return None, None, 409
    if form.is_spam:
        # Bots are told they succeeded and learn nothing; nothing is stored.
        logger.info("Petition %s: honeypot filled, submission dropped", petition.pk)
        return form, "signed", 200
    if not form.is_valid():
        return form, None, 400

    result = sign(
        petition,
        form.service_data(),
        source=source,
        language=language,
        meta=RequestMeta.from_request(request),
        partner_ref=partner_ref,
    )
    if result.outcome == Outcome.SIGNED:
        return form, "signed", 200
    if result.outcome == Outcome.ALREADY_SIGNED:
        return form, "already", 200
    if result.outcome == Outcome.RATE_LIMITED:
        form.add_error(
            None,
            _("Too many signatures were sent from here in a short time. Please try again later."),
        )
        return form, None, 429
    if result.outcome == Outcome.CLOSED:
        return None, None, 409
    for name, messages in result.errors.items():
        for message in messages:
            form.add_error(None if name == "__all__" else name, message)
    return form, None, 400


@csrf_exempt  # no cookie to protect; the form's signed token stands in (see module doc)
@sensitive_post_parameters(*PERSONAL_FIELDS)
@never_cache
@require_POST
def sign_view(request, page_id):
    # The body is only needed to show the form again with errors; load it then.
    page = get_object_or_404(PetitionPage.objects.live().public().defer_streamfields(), pk=page_id)
    form, state, status = handle_sign_post(request, page)
    if state:
        return _signed_response(request, page, state)
    return _render_sign_response(request, page, form, status=status)


# --- confirming ----------------------------------------------------------------------


@csrf_exempt  # the signed token in the URL is the authority; there is no cookie
@never_cache
@require_http_methods(["GET", "POST"])
def confirm_view(request, token):
    """GET shows a button; only pressing it (POST) confirms. Mail scanners only GET."""
    pk = tokens.read_confirmation_token(token)
    signature = (
        Signature.objects.select_related("petition").filter(pk=pk, erased_at=None).first()
        if pk
        else None
    )
    page = signature.petition.page_in(translation.get_language()) if signature else None
    if page is not None:
        page = page.specific
    if signature is None:
        response = TemplateResponse(
            request, "petitions/confirm.html", {"invalid": True, "page": None}, status=404
        )
    elif request.method == "POST":
        confirm(signature.pk)
        if page is None:
            response = TemplateResponse(
                request, "petitions/confirm.html", {"confirmed": True, "page": None}
            )
        else:
            response = HttpResponseRedirect(
                page.thanks_url("confirmed") + "#petition-thanks", status=303
            )
    else:
        response = TemplateResponse(
            request,
            "petitions/confirm.html",
            {
                "page": page,
                "petition": signature.petition,
                "already_confirmed": signature.confirmed_at is not None,
                "title": page.title if page else signature.petition.title,
            },
        )
    # The token must not travel to other sites in a Referer header.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


# --- the counter for scripts, the home page and partners ---------------------------------


@require_GET
def count_view(request, key):
    petition = Petition.objects.filter(translation_key=key).first()
    if petition is None:
        raise Http404
    counts = petition.counts()
    response = JsonResponse(
        {
            "total_signatures": counts.total,
            "online_signatures": counts.online,
            "offline_signatures": counts.offline,
            "goal": counts.goal,
            "status": petition.status,
        }
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=15"
    return response
