"""What every public page type shares, and the one rule for what the public may see."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, get_page_models


class ShareablePageMixin(models.Model):
    """What every public page shows outside itself: a menu label and a picture for link previews.

    The menu label keeps the site menu to a word or two on a phone, where a petition's
    full title would take three lines. Pages without their own share image show their
    drawn share card (`share_card()`, when their type has one), else the site's default one.
    """

    menu_label = models.CharField(
        _("menu label"),
        max_length=30,
        blank=True,
        help_text=_(
            "A word or two for the site menu, e.g. “Sign” or “Prisoners”. Empty: the page title."
        ),
    )

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
        FieldPanel("menu_label"),
        FieldPanel("share_image"),
    ]

    class Meta:
        abstract = True

    @property
    def menu_title(self):
        return self.menu_label or self.title

    def get_share_image(self):
        return self.share_image

    def share_card(self):
        """What this page's drawn share card shows (a campaign_site.share_cards.ShareCard).

        None: the page has no card, and link previews show its share image, if any.
        """
        return None


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
    apply and what they fetch along (a profile's shared facts) comes along:
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


# --- What other apps add to a page --------------------------------------------
#
# A feature shows its own records on another feature's pages without either
# importing the other: it registers a function under this Wagtail hook name,
# called as `fn(page, request)`, returning HTML (safe) or nothing. Petitions
# register one that lists the petitions naming the page (a prisoner's profile).
RELATED_SECTIONS_HOOK = "campaign_page_related_sections"

# Same shape for the admin's file of one person (prisoners' admin view): each
# function returns a section of HTML about the page for that staff `request`.
PERSON_FILE_SECTIONS_HOOK = "campaign_person_file_sections"


def related_sections(page, request, hook_name=RELATED_SECTIONS_HOOK):
    """The HTML sections other apps add to `page`, in hook order."""
    sections = []
    for section in hooks.get_hooks(hook_name):
        html = section(page, request)
        if html:
            sections.append(html)
    return sections
