"""The home page of each language tree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.translation import page_fields

from .mixins import ShareablePageMixin


class HomePage(ShareablePageMixin, Page):
    """The root of one language's page tree: /en/, /fr/, /hy/."""

    headline = models.CharField(_("headline"), max_length=255, blank=True)
    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("headline"),
        FieldPanel("introduction"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("headline"),
        index.SearchField("introduction"),
    ]

    translatable_fields = page_fields(
        TranslatableField("headline"),
        TranslatableField("introduction"),
        SynchronizedField("share_image"),
    )

    # A home page sits directly under the tree's root and nowhere else.
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
