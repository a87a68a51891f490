"""Widget API for petitions: read the count, and sign through the one signing service."""

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema, Status

from campaign_site.abuse import ClientMeta, proof_of_work_refusal
from campaign_site.embeds import localized_embeddable_page, widget_language
from campaign_site.http_cache import LIVE_FIGURES_SECONDS, live_cache_control
from campaign_site.render_cache import remember

from .models import PetitionPage, SignatureSource
from .origins import decide, presented_secret
from .serializers import petition_summary
from .signing import RATE_LIMITED_MESSAGE, Outcome, refused_attempt_limited, sign

router = Router(tags=["petitions"])


class Target(Schema):
    name: str
    role: str
    organisation: str


class Labels(Schema):
    signatures: str
    goal: str
    sign: str
    retention_notice: str = ""  # when signers' names and emails are erased (petitions.retention)


class PetitionSummary(Schema):
    id: int
    petition_key: str
    title: str
    url: str
    language: str
    status: str
    is_open: bool
    total_signatures: int
    online_signatures: int
    offline_signatures: int
    goal: int
    percent: int
    target: list[Target]
    labels: Labels


class SignatureIn(Schema):
    first_name: str
    last_name: str
    email: str
    country: str
    postcode: str = ""
    comment: str = ""
    contact_consent: bool = False
    named_consent: bool = False
    partner: str = ""
    altcha: str = ""  # the proof of work, while the site is under attack (GET /challenge)


class SignatureOut(Schema):
    outcome: str
    message: str
    errors: dict[str, list[str]] = {}
    total_signatures: int


MESSAGES = {
    Outcome.SIGNED: _(
        "Thank you! Please confirm your signature with the link we have emailed you."
    ),
    Outcome.ALREADY_SIGNED: _("You have already signed this petition. Thank you!"),
    Outcome.INVALID: _("Please check the form."),
    Outcome.RATE_LIMITED: RATE_LIMITED_MESSAGE,
    Outcome.CLOSED: _("This petition no longer takes signatures."),
}

STATUS_CODES = {
    Outcome.SIGNED: 201,
    Outcome.ALREADY_SIGNED: 200,
    Outcome.INVALID: 400,
    Outcome.RATE_LIMITED: 429,
    Outcome.CLOSED: 409,
}


@router.get("/{page_id}", response=PetitionSummary, summary="A petition's count, goal and status")
def petition(request, page_id: int, response: HttpResponse, lang: str = ""):
    """Live figures of a petition, in `lang` when it is translated. At most 10 seconds old."""
    language = widget_language(request)
    live_cache_control(response)

    def build():
        with translation.override(language):
            page = localized_embeddable_page(page_id, language, model=PetitionPage)
            return petition_summary(page, request)

    # The same for every reader for as long as live figures may be (it holds the count).
    return remember(
        "api-petition",
        build,
        vary=(request.get_host(), request.scheme, page_id, language),
        timeout=LIVE_FIGURES_SECONDS,
    )


@router.post(
    "/{page_id}/signatures",
    response={
        200: SignatureOut,
        201: SignatureOut,
        400: SignatureOut,
        401: SignatureOut,
        403: SignatureOut,
        409: SignatureOut,
        429: SignatureOut,
    },
    summary="Sign a petition",
)
def sign_petition(request, page_id: int, data: SignatureIn, lang: str = ""):
    """Sign with the same rules as the page: one signature per email, confirmation by email
    in `lang`, rate limits. Browsers may sign from a partner's registered origins; a
    partner's server sends its secret key as `Authorization: Bearer <key>`. Nothing about
    other signers is ever returned."""
    language = widget_language(request)
    with translation.override(language):
        page = localized_embeddable_page(page_id, language, model=PetitionPage)
        meta = ClientMeta.from_request(request)
        decision = decide(request, data.partner)
        if not decision.allowed:
            # A partner's server with a wrong (or just rotated) key is told so, and not
            # counted: all its signers share its address, and a key cannot be guessed.
            counted = not presented_secret(request)
            return _refused(
                page, meta, "refused", decision.refusal, decision.status, counted=counted
            )
        partner = decision.partner
        refusal = None if decision.partner_server else proof_of_work_refusal(request, data.altcha)
        if refusal:
            return _refused(page, meta, "proof_of_work", refusal, 400)
        fields = data.dict(exclude={"partner", "altcha"})
        result = sign(
            page.petition,
            fields,
            source=SignatureSource.API,
            language=language,
            meta=meta,
            partner_ref=partner.key if partner else "",
        )
        outcome = result.outcome
        if outcome == Outcome.ALREADY_SIGNED and not decision.partner_server:
            # A browser is answered as the page form answers: nobody learns from it whether
            # an address has signed (the signer is told by email). A partner's server, which
            # holds its secret key, is told, as the API documents.
            outcome = Outcome.SIGNED
        return Status(
            STATUS_CODES[outcome],
            {
                "outcome": str(outcome),
                "message": str(MESSAGES[outcome]),
                "errors": result.errors or {},
                "total_signatures": page.petition.counts().total,
            },
        )


def _refused(page, meta, outcome, message, status, *, counted=True):
    """A signature refused before signing: it counts against the address as every attempt
    does (petitions.signing), and past the limits the answer is the page's "too many"."""
    if counted and refused_attempt_limited(meta):
        outcome, message, status = Outcome.RATE_LIMITED, MESSAGES[Outcome.RATE_LIMITED], 429
    return Status(
        status,
        {
            "outcome": str(outcome),
            "message": str(message),
            "total_signatures": page.petition.counts().total,
        },
    )
