"""The delivery pack: a printable page for decision makers, with who signed by name."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.views.generic import TemplateView
from django_countries import countries
from wagtail.models import Locale

from campaign_site.localization import localized_page

from ..models import Petition, PetitionPage
from ..page_context import country_rows
from .permissions import require


class DeliveryPackView(TemplateView):
    """A printable page for the decision makers: the text, the count, who signed by name."""

    template_name = "petitions/admin/delivery_pack.html"

    def dispatch(self, request, *args, petition_id=None, **kwargs):
        require(request, "petitions.export_signature")
        self.petition = get_object_or_404(Petition, pk=petition_id)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        petition = self.petition
        language = self.request.GET.get("lang", "")
        pages = PetitionPage.objects.all()
        page = (
            localized_page(
                petition.page,
                Locale.objects.filter(language_code=language).first(),
                queryset=pages,
            )
            if language and petition.page_id
            else None
        )
        if page is None and petition.page_id:
            page = pages.filter(pk=petition.page_id).first()
        language = page.locale.language_code if page else translation.get_language()
        with translation.override(language):
            counts = petition.counts()
            countries_listed, countries_other = country_rows(counts, limit=250)
        named = (
            petition.counted(
                petition.signatures.filter(named_consent=True, invalidated_at=None, erased_at=None)
            )
            .order_by("last_name", "first_name")
            .values_list("first_name", "last_name", "country")
        )
        return {
            **super().get_context_data(**kwargs),
            "petition": petition,
            "page": page,
            "pack_language": language,
            "counts": counts,
            "country_counts": countries_listed,
            "country_counts_other": countries_other,
            "named_signers": [
                (first, last, countries.name(code) if code else "")
                for first, last, code in named.iterator(chunk_size=2000)
            ],
            "decision_makers": page.decision_makers.all() if page else [],
            "generated_at": timezone.now(),
        }

    def render_to_response(self, context, **kwargs):
        with translation.override(context["pack_language"]):
            response = TemplateResponse(self.request, self.template_names(), context)
            response.render()
        response["X-Robots-Tag"] = "noindex"
        return response

    def template_names(self):
        return [self.template_name]
