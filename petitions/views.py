"""Public views: signing, confirming, and the counter as JSON.

Signing and confirming are POSTs that rely on no cookie (no session, no CSRF
cookie): they work on cached pages and inside cross-origin iframes where
third-party cookies are blocked. The sign form carries a signed, timestamped
token and a honeypot instead; the confirmation link carries a signed token.
"""

import copy
import logging

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail.models import Locale

from campaign_site import abuse
from campaign_site.abuse import ClientMeta
from campaign_site.embeds import MAX_PAGE_ID
from campaign_site.http_cache import live_cache_control
from campaign_site.localization import localized_page
from campaign_site.render_cache import remember

from .confirmation import read_confirmation_token
from .counter import COUNT_URL_FIELDS, SIGNED_ANSWER_FIELDS, counter_payload
from .forms import PublicSignatureForm
from .models import Petition, PetitionPage, Signature, SignatureSource
from .origins import decide
from .page_context import recent_signers
from .signing import RATE_LIMITED_MESSAGE, Outcome, accept, confirm, refused_attempt_limited

logger = logging.getLogger(__name__)

PERSONAL_FIELDS = ("first_name", "last_name", "email", "postcode", "comment")


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
        return JsonResponse(
            {
                "state": state,
                "html": html,
                **counter_payload(
                    context["petition"], context["counts"], fields=SIGNED_ANSWER_FIELDS
                ),
                "counter_html": render_to_string(
                    "petitions/includes/counter.html", context, request=request
                ),
            }
        )
    url = getattr(page, "signed_url", None) if state == "signed" else None
    return HttpResponseRedirect((url or page.thanks_url(state)) + "#petition-thanks", status=303)


def handle_sign_post(request, page, *, source=SignatureSource.PAGE, partner_key=""):
    """The POST of a sign form, from the page or a widget: (form, state, status).

    `state` is "signed" when the visitor is done (petitions.signing.accept), else None and
    `form` (None for a closed petition) carries the errors to show again.
    `partner_key` is the public key of the partner to credit (the widget's).
    """
    petition = page.petition
    language = translation.get_language()
    form = PublicSignatureForm(request.POST, petition=petition, language=language)

    if not petition.is_open:
        return None, None, 409
    meta = ClientMeta.from_request(request)
    decision = decide(request, partner_key)
    if not decision.allowed:
        return _refused(form, meta, str(decision.refusal), decision.status)
    partner_ref = decision.partner.key if decision.partner else ""
    refusal = abuse.proof_of_work_refusal(request, request.POST.get(abuse.PROOF_OF_WORK_FIELD))
    if refusal:
        return _refused(form, meta, refusal, 400)
    if form.is_spam:
        # Bots are told they succeeded and learn nothing; nothing is stored. The attempt
        # counts all the same (one round trip), so a wave of them still meets the limit
        # on the attempts that follow.
        logger.info("Petition %s: honeypot filled, submission dropped", petition.pk)
        refused_attempt_limited(meta)
        return form, "signed", 200
    if not form.is_valid():
        return _refused(form, meta, None, 400)

    result = accept(
        petition,
        form.service_data(),
        source=source,
        language=language,
        meta=meta,
        partner_ref=partner_ref,
        form=form,  # validated above: not built and run twice
    )
    if result.ok:
        # Taken, signed now, or signed before: one answer, "check your inbox", so the
        # form tells nobody whether an address has signed.
        return form, "signed", 200
    if result.outcome == Outcome.RATE_LIMITED:
        return _too_many(form)
    if result.outcome == Outcome.CLOSED:
        return None, None, 409
    for name, messages in result.errors.items():
        for message in messages:
            form.add_error(None if name == "__all__" else name, message)
    return form, None, 400


def _refused(form, meta, message, status):
    """A sign POST refused before signing: counted against the address as every attempt
    is (petitions.signing), and answered "too many" once the address is over its limits.
    What was typed is shown again either way, with the refusal above it."""
    form.is_valid()
    if refused_attempt_limited(meta):
        return _too_many(form)
    if message:
        form.add_error(None, message)
    return form, None, status


def _too_many(form):
    form.add_error(None, RATE_LIMITED_MESSAGE)
    return form, None, 429


def sign_target(page_id):
    """The live, public petition page `page_id` with its shared Petition, or None.

    Every signature asks (three queries without the cache); the answer changes only when an editor
    publishes, unpublishes, moves, deletes or restricts a page, and a petition's
    settings (its status first) change only when its source page is published: it is
    kept until such a change (campaign_site.render_cache), which retires it at once.
    """

    def build():
        # The body is only needed to show the form again with errors; loaded then.
        page = PetitionPage.objects.live().public().defer_streamfields().filter(pk=page_id).first()
        if page is not None:
            page.petition  # noqa: B018 - kept with the page
            # Where every signer is sent: its URL reads the sites' root paths; kept too.
            page.signed_url = page.thanks_url("signed")
        return page

    # Kept in each process as well: one round trip less per signature. Shared by the
    # requests of this process, so never changed: see sign_view.
    return remember("petition-sign-target", build, vary=(page_id,), in_process=True)


@csrf_exempt  # no cookie to protect; the form's signed token stands in (see module doc)
@sensitive_post_parameters(*PERSONAL_FIELDS)
@never_cache
@require_POST
def sign_view(request, page_id):
    if not 0 < page_id <= MAX_PAGE_ID:
        raise Http404
    page = sign_target(page_id)
    if page is None:
        raise Http404
    form, state, status = handle_sign_post(request, page)
    if state and not _wants_json(request):
        return _signed_response(request, page, state)  # a redirect: reads the page only
    # What draws the page (its body, its context) loads onto it: onto a copy of its own.
    page = copy.copy(page)
    if state:
        return _signed_response(request, page, state)
    return _render_sign_response(request, page, form, status=status)


# --- confirming ----------------------------------------------------------------------


@csrf_exempt  # the signed token in the URL is the authority; there is no cookie
@never_cache
@require_http_methods(["GET", "POST"])
def confirm_view(request, token):
    """GET shows a button; only pressing it (POST) confirms. Mail scanners only GET."""
    pk = read_confirmation_token(token)
    signature = (
        Signature.objects.select_related("petition__page").filter(pk=pk, erased_at=None).first()
        if pk
        else None
    )
    page = (
        localized_page(
            signature.petition.page,
            Locale.objects.filter(language_code=translation.get_language()).first(),
            queryset=PetitionPage.objects.all(),
        )
        if signature
        else None
    )
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


@require_safe
def count_view(request, key):
    """The live figures of a petition, for the scripts of its page, widget and home card
    (petitions/static/petitions/live.js) and for partners.

    `?lang=` gives numbers and countries as that language writes them. The latest
    signers are included only where the page shows them.
    """

    def find():
        petition = Petition.objects.filter(translation_key=key).first()
        if petition is None:
            raise Http404
        shows_signers = (
            PetitionPage.objects.filter(pk=petition.page_id, show_recent_signers=True).exists()
            if petition.page_id
            else False
        )
        return petition, shows_signers

    # The petition's settings change with editors only (campaign_site.render_cache): kept.
    # The count and the latest signers are read afresh on every request.
    petition, shows_signers = remember("count-petition", find, vary=(key,))
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        counts = petition.counts()
        payload = counter_payload(petition, counts, fields=COUNT_URL_FIELDS)
        payload["display"] = {
            "total_signatures": intcomma(counts.total),
            "goal": intcomma(counts.goal),
        }
        if shows_signers:
            payload["recent_signers"] = recent_signers(petition)
    # Other origins may read it: settings.CORS_URLS_REGEX covers this URL (petitions.cors).
    return live_cache_control(JsonResponse(payload))
