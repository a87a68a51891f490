"""The delivery pack: a printable page and a PDF for decision makers, with who signed by name.

One pack for the whole petition, and one per decision maker (addressed to them, with
their deliveries and responses), each in any language the petition is published in:
the text, the country names and the delivery notes are that language's.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views import View
from django_countries import countries
from wagtail.models import Locale

from campaign_site.localization import localized_page

from ..models import Petition, PetitionPage, deliveries_in
from ..models.signatures import VALID
from ..page_context import country_rows
from .pack_pdf import render_pack_pdf
from .permissions import require

TEMPLATE = "petitions/admin/delivery_pack.html"


def pack_url(petition, *, decision_maker=None, pdf=False, language=None):
    if decision_maker is None:
        name, args = "petitions_delivery_pack", [petition.pk]
    else:
        name, args = "petitions_delivery_pack_to", [petition.pk, decision_maker]
    url = reverse(f"{name}_pdf" if pdf else name, args=args)
    return f"{url}?lang={language}" if language else url


def pack_page(petition, language):
    """The petition's page in `language` when published there, else its source page."""
    pages = PetitionPage.objects.all()
    page = None
    if language and petition.page_id:
        locale = Locale.objects.filter(language_code=language).first()
        page = localized_page(petition.page, locale, queryset=pages) if locale else None
    if page is None and petition.page_id:
        page = pages.filter(pk=petition.page_id).first()
    return page


def pack_context(petition, language="", decision_maker=None):
    """What a pack shows, with every word, date and country name in the pack's language.

    `decision_maker` (a decision maker's translation_key) narrows it to one addressee;
    Http404 when the petition's page has nobody with that key.
    """
    page = pack_page(petition, language)
    language = page.locale.language_code if page else translation.get_language()
    people = list(page.decision_makers.all()) if page else []
    for person in people:
        person.pack_url = pack_url(
            petition, decision_maker=person.translation_key, language=page.locale.language_code
        )
    deliveries = deliveries_in(petition, page.locale_id) if page else []
    if decision_maker is not None:
        people = [person for person in people if person.translation_key == decision_maker]
        if not people:
            raise Http404
        deliveries = [item for item in deliveries if item.decision_maker_key == decision_maker]
    with translation.override(language):
        counts = petition.counts()
        countries_listed, countries_other = country_rows(counts, limit=250)
        named = (
            petition.counted(petition.signatures.filter(VALID, named_consent=True, erased_at=None))
            .order_by("last_name", "first_name")
            .values_list("first_name", "last_name", "country")
        )
        named_signers = [
            (first, last, str(countries.name(code)) if code else "")
            for first, last, code in named.iterator(chunk_size=2000)
        ]
    other_languages = []
    if page:
        translations = page.get_translations().live().select_related("locale")
        other_languages = [
            (other.locale.language_code, other.locale.get_display_name())
            for other in translations.order_by("locale__language_code")
        ]
    return {
        "petition": petition,
        "page": page,
        "pack_language": language,
        "counts": counts,
        "country_counts": countries_listed,
        "country_counts_other": countries_other,
        "named_signers": named_signers,
        "decision_makers": people,
        "addressee": people[0] if decision_maker is not None else None,
        "deliveries": deliveries,
        "generated_at": timezone.now(),
        "pdf_url": pack_url(
            petition,
            decision_maker=decision_maker,
            pdf=True,
            language=language,
        ),
        "whole_pack_url": pack_url(petition, language=language),
        "other_languages": [
            (code, name, pack_url(petition, decision_maker=decision_maker, language=code))
            for code, name in other_languages
        ],
    }


class DeliveryPackView(View):
    """A pack as a printable page, or as a PDF (`pdf=True`)."""

    pdf = False

    def get(self, request, petition_id, decision_maker=None):
        require(request, "petitions.export_signature")
        petition = get_object_or_404(Petition, pk=petition_id)
        context = pack_context(petition, request.GET.get("lang", ""), decision_maker)
        with translation.override(context["pack_language"]):
            if self.pdf:
                response = HttpResponse(render_pack_pdf(context), content_type="application/pdf")
                name = f"petition-{petition.pk}-{context['pack_language']}.pdf"
                response["Content-Disposition"] = f'inline; filename="{name}"'
            else:
                response = TemplateResponse(request, TEMPLATE, context)
                response.render()
        response["X-Robots-Tag"] = "noindex"
        return response
