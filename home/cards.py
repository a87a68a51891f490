"""Cards for pages of other apps (prisoner profiles, petitions) shown on news and home pages.

A card needs a title, a link in the reader's language, a picture and a line of
text. Pages say which of their fields hold those (`card_image_fields`,
`card_summary`); the defaults fit the campaign's page types. Everything is
fetched in a fixed number of queries however many cards there are, and only
pages the public may see become cards (`public_pages`).
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Page

# Page types that can be linked from news items and featured on the home page.
# Referenced by name: each app adds its model when it is ready.
RELATED_PAGE_TYPES = ("prisoners.PrisonerPage", "petitions.PetitionPage")

# One 16:9 picture per card, at two sizes for phones and wide screens.
CARD_RENDITIONS = ("fill-400x225", "fill-800x450")
DEFAULT_CARD_IMAGE_FIELDS = ("photo", "image", "share_image")


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


def public_pages(queryset):
    """Restrict a queryset of pages to what any visitor may see.

    Live, not behind a privacy restriction, and, for prisoner profiles, allowed
    by the profile's visibility rule (the prisoners app owns that rule).
    """
    queryset = queryset.live().public()
    hidden = hidden_by_rule()
    return queryset if hidden is None else queryset.exclude(hidden)


def hidden_page_ids(queryset):
    """Ids of the pages in `queryset` that their type's visibility rule hides.

    For search backends, which filter on indexed fields only (ids are).
    """
    hidden = hidden_by_rule()
    if hidden is None:
        return []
    return list(queryset.filter(hidden).values_list("pk", flat=True))


def hidden_by_rule():
    """A Q() matching pages that their type's own visibility rule hides, or None."""
    rules = []
    for model in installed_models(RELATED_PAGE_TYPES):
        publicly_listed = getattr(model, "publicly_listed_pages", None)
        if publicly_listed is None:
            continue
        rules.append(
            Q(
                content_type__app_label=model._meta.app_label,
                content_type__model=model._meta.model_name,
            )
            & ~Q(pk__in=publicly_listed().values("pk"))
        )
    if not rules:
        return None
    combined = rules[0]
    for rule in rules[1:]:
        combined |= rule
    return combined


@dataclass
class Card:
    page: Page
    title: str
    url: str
    image: object
    summary: str
    kind: str


def public_specific_pages(page_ids):
    """{pk: specific page} for the pages among `page_ids` that a visitor may see.

    Each page type is fetched through its own public queryset
    (`publicly_listed_pages()` when the type has a visibility rule), so rules
    apply and their annotations (a profile's effective visibility) come along:
    one query per page type, whatever the number of pages.
    """
    from django.contrib.contenttypes.models import ContentType

    page_ids = list(page_ids)
    if not page_ids:
        return {}
    by_type = {}
    for pk, content_type_id in Page.objects.filter(pk__in=page_ids).values_list(
        "pk", "content_type_id"
    ):
        by_type.setdefault(content_type_id, []).append(pk)
    found = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        listed = getattr(model, "publicly_listed_pages", None)
        queryset = listed() if listed is not None else model.objects.live().public()
        queryset = queryset.filter(pk__in=pks).select_related("locale")
        if hasattr(queryset, "defer_streamfields"):
            queryset = queryset.defer_streamfields()
        found.update((page.pk, page) for page in queryset)
    return found


def localized_pages(pages, locale):
    """Each page of `pages` in `locale` when translated, else as it is; public ones only.

    Keeps the order of `pages` and drops the ones a visitor may not see.
    Specific pages, without their StreamFields.
    """
    keys = [page.translation_key for page in pages]
    if not keys:
        return []
    candidates = Page.objects.filter(translation_key__in=keys).filter(
        Q(locale=locale) | Q(pk__in=[page.pk for page in pages])
    )
    visible = public_specific_pages(candidates.values_list("pk", flat=True))
    by_key = {}
    for candidate in visible.values():
        current = by_key.get(candidate.translation_key)
        if current is None or candidate.locale_id == locale.pk:
            by_key[candidate.translation_key] = candidate
    seen, result = set(), []
    for page in pages:
        found = by_key.get(page.translation_key)
        if found is not None and found.pk not in seen:
            seen.add(found.pk)
            result.append(found)
    return result


def card_image_id(page):
    for name in getattr(page, "card_image_fields", DEFAULT_CARD_IMAGE_FIELDS):
        image_id = getattr(page, f"{name}_id", None)
        if image_id:
            return image_id
    return None


def card_summary(page):
    summary = getattr(page, "card_summary", None)
    if callable(summary):
        summary = summary()
    return summary or getattr(page, "lead", "") or page.search_description


def images_with_renditions(image_ids, specs=CARD_RENDITIONS):
    from wagtail.images import get_image_model

    image_ids = {image_id for image_id in image_ids if image_id}
    if not image_ids:
        return {}
    images = get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions(*specs)
    return {image.pk: image for image in images}


def public_cards(pages, locale, request=None):
    """Cards for `pages` in `locale`: localized, visible to the public, with their pictures."""
    shown = localized_pages(pages, locale)
    images = images_with_renditions(card_image_id(page) for page in shown)
    return [
        Card(
            page=page,
            title=page.title,
            url=page.get_url(request),
            image=images.get(card_image_id(page)),
            summary=card_summary(page),
            kind=page._meta.verbose_name,
        )
        for page in shown
    ]
