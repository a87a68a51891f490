"""Cards for pages of other apps (prisoner profiles, petitions) shown on news and home pages.

A card needs a title, a link in the reader's language, a picture and a line of
text. Pages say which of their fields hold those (`card_image_fields`,
`card_summary`); the defaults fit the campaign's page types. Everything is
fetched in a fixed number of queries however many cards there are, and only
pages the public may see become cards (`campaign_site.pages.public_pages`).

Which page types are "related" (linked from news, featured) is the campaign's
choice, made here where the features are composed.
"""

from django.apps import apps
from wagtail.admin.panels import PageChooserPanel

# The card builder is the base's, shared with the features (a petition's people).
from campaign_site.cards import (  # noqa: F401 (re-exported for home's modules)
    CARD_RENDITIONS,
    Card,
    card_image_id,
    card_summary,
    images_with_renditions,
    public_cards,
)

# Page types that can be linked from news items and featured on the home page.
# Referenced by name: each app adds its model when it is ready.
RELATED_PAGE_TYPES = ("prisoners.PrisonerPage", "petitions.PetitionPage")


def installed_models(names):
    """The models among `names` ("app_label.ModelName") that exist in this project."""
    found = []
    for name in names:
        app_label, model_name = name.split(".")
        try:
            found.append(apps.get_model(app_label, model_name))
        except LookupError:
            continue
    return found


class RelatedPageChooserPanel(PageChooserPanel):
    """A page chooser limited to the related page types that exist."""

    def __init__(self, field_name, page_type=None, **kwargs):
        super().__init__(field_name, page_type=page_type, **kwargs)

    def get_form_options(self):
        if not self.page_type:
            self.page_type = [
                f"{model._meta.app_label}.{model.__name__}"
                for model in installed_models(RELATED_PAGE_TYPES)
            ] or None
        return super().get_form_options()
