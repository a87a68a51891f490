"""The petition widget partners embed: the live counter and the sign form, in an iframe.

It signs through the same handler as the page (views.handle_sign_post, hence
signing.sign), credits the partner whose key is in the embed, and works with
cookies blocked and without JavaScript: the form posts back to the widget.
A partner restricted to its origins gets CSP frame-ancestors naming them, so
browsers show the widget, and its form, nowhere else. Like the page, a GET may be
kept by the cache in front (its form needs no cookie; live.js keeps its count
live); the answer to a POST never is (campaign_site.http_cache).
"""

from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.debug import sensitive_post_parameters

from campaign_site.embeds import (
    frame_ancestors,
    localized_embeddable_page,
    register_widget,
    widget_theme,
)

from .forms import PublicSignatureForm
from .models import Partner, PetitionPage, SignatureSource
from .page_context import petition_context
from .views import PERSONAL_FIELDS, handle_sign_post


@register_widget("petition")
@sensitive_post_parameters(*PERSONAL_FIELDS)
def petition_widget(request, page_id):
    page = localized_embeddable_page(page_id, translation.get_language(), model=PetitionPage)
    partner = Partner.for_key(request.GET.get("partner"))
    form, state, status = None, None, 200
    if request.method == "POST":
        form, state, status = handle_sign_post(
            request, page, source=SignatureSource.WIDGET, partner_key=partner.key if partner else ""
        )
    if form is None and state is None and page.petition.is_open and status != 409:
        form = PublicSignatureForm(petition=page.petition, language=translation.get_language())

    context = petition_context(page, request, form=form, state=state)
    context.update(
        {
            "page": page,
            "theme": widget_theme(request),
            "sign_url": request.get_full_path(),
            "form_target": "_self",
        }
    )
    response = TemplateResponse(request, "petitions/widgets/petition.html", context, status=status)
    if partner is not None and partner.restrict_signing:
        # The browser refuses to show (and so to sign in) the widget anywhere else.
        frame_ancestors(response, partner.origins)
    return response
