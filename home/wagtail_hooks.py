"""Admin customisations of the home app (menus, reports, panels).

Kept as a list of small registrations; each says why it exists.
"""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .translation_admin import OutdatedTranslationsView


# Translators need to know which pages changed after they translated them;
# wagtail-localize shows this per page only.
@hooks.register("register_admin_urls")
def register_outdated_translations_report():
    return [
        path(
            "reports/translations-to-update/",
            OutdatedTranslationsView.as_view(),
            name="outdated_translations",
        ),
        path(
            "reports/translations-to-update/results/",
            OutdatedTranslationsView.as_view(results_only=True),
            name="outdated_translations_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_outdated_translations_menu_item():
    return MenuItem(
        _("Translations to update"),
        reverse("outdated_translations"),
        icon_name="globe",
        order=900,
    )


# Wagtail routes /fr/... through the English tree when the French home page is
# not live, which would show English pages labelled as French. A page is only
# ever served under its own language's prefix; elsewhere, send the visitor to it.
@hooks.register("before_serve_page")
def serve_pages_only_in_their_own_language(page, request, serve_args, serve_kwargs):
    if page.locale.language_code != translation.get_language():
        return redirect(page.get_url(request))
    return None
