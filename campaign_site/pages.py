"""What every public page type shares, and the one rule for what the public may see."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, get_page_models


class ShareablePageMixin(models.Model):
    """A picture for link previews (OpenGraph and Twitter cards).

    Pages without their own fall back to the site's default share image.
    """

    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks. 1200×630 works best."),
    )

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("share_image"),
    ]

    class Meta:
        abstract = True

    def get_share_image(self):
        return self.share_image


# --- What the public may see, wherever pages are listed ----------------------
#
# A page type with its own visibility rule says so with a classmethod
# `publicly_listed_pages()` returning the pages of that type the public may
# see. Every listing (cards, search, sitemap, "this page in another language")
# applies it, whichever app defines the type: the base names none of them.


def page_models_with_listing_rule():
    """The page models that define `publicly_listed_pages()`."""
    return [model for model in get_page_models() if hasattr(model, "publicly_listed_pages")]


def hidden_by_rule():
    """A Q() matching pages that their type's own visibility rule hides, or None."""
    combined = None
    for model in page_models_with_listing_rule():
        rule = Q(
            content_type__app_label=model._meta.app_label,
            content_type__model=model._meta.model_name,
        ) & ~Q(pk__in=model.publicly_listed_pages().values("pk"))
        combined = rule if combined is None else combined | rule
    return combined


def public_pages(queryset):
    """Restrict a queryset of pages to what any visitor may see.

    Live, not behind a privacy restriction, and allowed by its type's
    visibility rule (`publicly_listed_pages()`), when the type has one.
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


def public_specific_pages(page_ids):
    """{pk: specific page} for the pages among `page_ids` that a visitor may see.

    Each page type is fetched through its own public queryset
    (`publicly_listed_pages()` when the type has a visibility rule), so rules
    apply and their annotations (a profile's effective visibility) come along:
    one query per page type, whatever the number of pages.
    """
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
