"""Widget API for petitions: read the count, and sign through the one signing service."""

from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema, Status

from campaign_site.abuse import ClientMeta
from campaign_site.embeds import localized_embeddable_page, widget_language

from .models import Partner, PetitionPage, SignatureSource
from .serializers import petition_summary
from .signing import Outcome, sign

router = Router(tags=["petitions"])


class Target(Schema):
    name: str
    role: str
    organisation: str


class Labels(Schema):
    signatures: str
    goal: str
    sign: str


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
    Outcome.RATE_LIMITED: _(
        "Too many signatures were sent from here in a short time. Please try again later."
    ),
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
    """Live figures of a petition, in `lang` when it is translated. Cached for 30 seconds."""
    language = widget_language(request)
    with translation.override(language):
        page = localized_embeddable_page(page_id, language, model=PetitionPage)
        patch_cache_control(response, public=True, max_age=30)
        return petition_summary(page, request)


@router.post(
    "/{page_id}/signatures",
    response={
        200: SignatureOut,
        201: SignatureOut,
        400: SignatureOut,
        403: SignatureOut,
        409: SignatureOut,
        429: SignatureOut,
    },
    summary="Sign a petition",
)
def sign_petition(request, page_id: int, data: SignatureIn, lang: str = ""):
    """Sign with the same rules as the page: one signature per email, confirmation by email
    in `lang`, rate limits. Nothing about other signers is ever returned."""
    language = widget_language(request)
    with translation.override(language):
        page = localized_embeddable_page(page_id, language, model=PetitionPage)
        partner = Partner.for_key(data.partner)
        if (
            partner is not None
            and partner.restrict_signing
            and not partner.allows_origin(request.headers.get("Origin"))
        ):
            return Status(
                403,
                {
                    "outcome": "refused",
                    "message": str(_("This petition cannot be signed from this website.")),
                    "total_signatures": page.petition.counts().total,
                },
            )
        fields = data.dict(exclude={"partner"})
        result = sign(
            page.petition,
            fields,
            source=SignatureSource.API,
            language=language,
            meta=ClientMeta.from_request(request),
            partner_ref=partner.key if partner else "",
        )
        return Status(
            STATUS_CODES[result.outcome],
            {
                "outcome": str(result.outcome),
                "message": str(MESSAGES[result.outcome]),
                "errors": result.errors or {},
                "total_signatures": page.petition.counts().total,
            },
        )
