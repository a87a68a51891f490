"""Admin report: translated pages whose source changed since translators last synced it.

wagtail-localize snapshots a page's text when it is submitted or synced for
translation (TranslationSource.last_updated_at). An edit to the source page
after that snapshot reaches nobody until an editor presses "Sync translated
pages", so this report lists, per language, each translation that is behind.
"""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, get_page_models
from wagtail_localize.models import Translation

from prisoners.permissions import hide_sensitive_translations


def outdated_page_translations():
    """Enabled page translations whose source page was edited after its last sync."""
    source_pages = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    )
    target_pages = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("target_locale_id")
    )
    return (
        Translation.objects.filter(enabled=True, source__specific_content_type__in=_page_types())
        .annotate(
            source_page_id=Subquery(source_pages.values("pk")[:1]),
            source_changed_at=Subquery(source_pages.values("latest_revision_created_at")[:1]),
            target_page_id=Subquery(target_pages.values("pk")[:1]),
        )
        .filter(source_changed_at__gt=F("source__last_updated_at"))
        .select_related("source", "source__locale", "target_locale")
        .order_by("target_locale__language_code", "-source_changed_at")
    )


def _page_types():
    return ContentType.objects.get_for_models(*get_page_models()).values()


class OutdatedTranslationsFilterSet(WagtailFilterSet):
    target_locale = django_filters.ModelChoiceFilter(
        label=_("Language"),
        queryset=Locale.objects.all(),
        empty_label=_("All languages"),
    )

    class Meta:
        model = Translation
        fields = ["target_locale"]


class SourcePageColumn(TitleColumn):
    def get_link_url(self, instance, parent_context):
        return reverse("wagtailadmin_pages:edit", args=[instance.source_page_id])


class TranslatedPageColumn(Column):
    cell_template_name = "home/admin/translated_page_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if instance.target_page_id:
            context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[instance.target_page_id])
        return context


class OutdatedTranslationsView(ReportView):
    page_title = _("Translations to update")
    header_icon = "globe"
    index_url_name = "outdated_translations"
    index_results_url_name = "outdated_translations_results"
    filterset_class = OutdatedTranslationsFilterSet
    list_export = [
        "source.object_repr",
        "target_locale",
        "source_changed_at",
        "source.last_updated_at",
    ]
    export_headings = {
        "source.object_repr": _("Page"),
        "target_locale": _("Language"),
        "source_changed_at": _("Source edited"),
        "source.last_updated_at": _("Last synced"),
    }
    columns = [
        SourcePageColumn("source", label=_("Source page"), accessor="source.object_repr"),
        Column("source_locale", label=_("From"), accessor="source.locale.get_display_name"),
        TranslatedPageColumn(
            "target_locale", label=_("Translation"), accessor="target_locale.get_display_name"
        ),
        DateColumn("source_changed_at", label=_("Source edited")),
        DateColumn("last_synced", label=_("Last synced"), accessor="source.last_updated_at"),
    ]

    def get_queryset(self):
        # Staff who may not see hidden or name-only people do not see their translations.
        return hide_sensitive_translations(outdated_page_translations(), self.request.user)
