"""The sponsor's certificate: a printable page, in the sponsor's language, once approved.

The sponsor reaches it by a secret link in the approval email (the sponsorship's
random reference, signed, so a leaked reference alone opens nothing); editors from
the sponsorship's edit screen. Both show the same page, which names the person only
while the public may see them.
"""

from django.conf import settings
from django.core import signing
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from campaign_site.models import site_identity

from .models import Sponsorship
from .visibility import public_profile

_SALT = "prisoners.sponsor-certificate"


def certificate_token(sponsorship):
    return signing.Signer(salt=_SALT).sign(sponsorship.reference.hex)


def approved_sponsorship(token):
    """The approved sponsorship the token was made for, or None."""
    try:
        reference = signing.Signer(salt=_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return Sponsorship.objects.approved().filter(reference=reference).first()


def certificate_url(sponsorship):
    """The secret, absolute link for the approval email, under the sponsor's language."""
    with translation.override(sponsorship.language):
        path = reverse(
            "prisoners_sponsor_certificate", kwargs={"token": certificate_token(sponsorship)}
        )
    site = Site.objects.filter(is_default_site=True).first()
    base = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def render_certificate(request, sponsorship):
    """The certificate page, rendered now in the sponsor's language (not the request's)."""
    with translation.override(sponsorship.language):
        page = sponsorship.prisoner_page(locale=sponsorship.language)
        profile = public_profile(page, with_children=False) if page and page.live else None
        response = TemplateResponse(
            request,
            "prisoners/sponsor_certificate.html",
            {
                "sponsorship": sponsorship,
                "for_group": sponsorship.is_for_group,
                "prisoner_name": profile.name if profile else None,
                "site_name": site_identity(sponsorship.language).name,
                "language": sponsorship.language,
            },
        )
        response.render()
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Content-Language"] = sponsorship.language
    return response
