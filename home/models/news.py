"""News: an index per language with tag filter, pagination and feeds, and the news items.

Tags are a translatable snippet (`NewsTag`), not free-form taggit tags. A
ClusterTaggableManager is a synchronised field to wagtail-localize: the French
and Armenian copies of a news item would carry the English tag names, and a tag
typed on a French page would be a different tag from its English twin. Here:

- a news item links to tags of its own language tree; translations of the
  item keep the same links (synchronised), and are shown in the reader's
  language through the tag's own translation (`home.news_tags`), falling
  back to the source name until a translator has translated the tag;
- a tag's slug is the same in every language, so `?tag=pace` filters the
  English, French and Armenian indexes alike and links stay shareable.
"""

import datetime
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtail_localize.models import Translation

from campaign_site.api_fields import ImageRenditionsField, RichTextHTMLField
from campaign_site.blocks import StoryBlock
from campaign_site.localization import localized_objects
from campaign_site.pages import ShareablePageMixin
from campaign_site.translation import page_fields
from home.cards import CARD_RENDITIONS, RelatedPageChooserPanel, public_cards
from home.feeds import NewsAtomFeed, NewsRssFeed
from home.news_tags import one_per_slug_by_name, set_display_tags


@register_snippet
class NewsTag(TranslatableMixin, models.Model):
    """A subject news items are filed under; translated like any snippet."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=True,
        blank=True,
        help_text=_(
            "Used in the address of the tag's news list, the same in every language. "
            "Left empty, it is made from the name."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    translatable_fields = [TranslatableField("name"), SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="home_newstag_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)
        if not self.slug:
            raise ValidationError({"slug": _("Give this tag a slug made of letters and digits.")})
        clash = NewsTag.objects.filter(locale_id=self.locale_id, slug=self.slug)
        if self.pk:
            clash = clash.exclude(pk=self.pk)
        if self.locale_id and clash.exists():
            raise ValidationError({"slug": _("Another tag already uses this slug.")})


class NewsIndexPage(RoutablePageMixin, ShareablePageMixin, Page):
    """The list of news items of one language, newest first, with RSS and Atom feeds."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    per_page = 10

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    api_fields = [APIField("introduction", serializer=RichTextHTMLField())]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    translatable_fields = page_fields(
        TranslatableField("introduction"),
        SynchronizedField("share_image"),
        SynchronizedField("show_in_menus"),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def news_items(self):
        """Live, public news under this index, newest first, without their bodies."""
        return (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .order_by("-date", "-first_published_at", "-pk")
        )

    def listing(self, queryset):
        """`queryset` ready for cards: images with their renditions and tags, no N+1."""
        return queryset.prefetch_related(
            models.Prefetch(
                "image", queryset=get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
            ),
            "tags",
        )

    def selected_tag(self, request):
        """The tag of `?tag=`, in this index's language; 404 for an unknown one."""
        slug = request.GET.get("tag", "").strip()
        if not slug:
            return None
        tag = NewsTag.objects.filter(slug=slug, locale_id=self.locale_id).first()
        if tag is None:
            # A tag may exist only in the language the news was written in.
            tag = NewsTag.objects.filter(slug=slug).order_by("pk").first()
        if tag is None:
            raise Http404("No such tag")
        return tag

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tag = self.selected_tag(request)
        all_items = items = self.news_items()
        if tag is not None:
            items = items.filter(tags__slug=tag.slug).distinct()
        paginator = Paginator(self.listing(items), self.per_page)
        news_page = paginator.get_page(request.GET.get("page"))
        set_display_tags(news_page.object_list, self.locale)
        query = {}
        if tag is not None:
            query["tag"] = tag.slug
        if news_page.number > 1:
            query["page"] = news_page.number
        context.update(
            tag=tag,
            tags=self.tags_in_use(all_items),
            canonical_query=urlencode(query),
            tag_query=urlencode({"tag": tag.slug}) if tag else "",
            rss_url=self.feed_url("rss", request),
            atom_url=self.feed_url("atom", request),
            news_page=news_page,
            paginator=paginator,
            page_range=paginator.get_elided_page_range(news_page.number, on_each_side=2),
        )
        return context

    def tags_in_use(self, news_items=None):
        """The tags of this index's live news, in this index's language, by name."""
        news_items = self.news_items() if news_items is None else news_items
        used = NewsTag.objects.filter(news_pages__in=news_items.values("pk")).distinct()
        return one_per_slug_by_name(localized_objects(used, self.locale_id))

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed()(request, index=self)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed()(request, index=self)

    def get_cached_paths(self):
        # Its feeds change with every news item published below it.
        return ["/", self.reverse_subpage("rss"), self.reverse_subpage("atom")]

    def feed_url(self, kind, request=None):
        return self.get_url(request) + self.reverse_subpage(kind)


class NewsPageForm(WagtailAdminPageForm):
    """Offers only the tags of the news item's own language tree."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "tags" in self.fields:
            locale_id = self.instance.locale_id
            if locale_id is None and self.parent_page is not None:
                locale_id = self.parent_page.locale_id
            if locale_id is not None:
                self.fields["tags"].queryset = NewsTag.objects.filter(locale_id=locale_id)


def today():
    return timezone.localdate()


class NewsTagsField(serializers.Field):
    """A news item's tags for the content API, `[{"slug", "name"}]`, as its page shows
    them: in its language, one per slug, by name (home.news_tags)."""

    def to_representation(self, page):
        set_display_tags([page], page.locale)
        return [{"slug": tag.slug, "name": tag.name} for tag in page.display_tags]


class NewsPage(ShareablePageMixin, Page):
    """One news item: what happened, when, who says so, and the sources."""

    date = models.DateField(
        _("date"), default=today, help_text=_("The day of the news. Lists are sorted by it.")
    )
    author = models.CharField(
        _("author"),
        max_length=255,
        blank=True,
        help_text=_("A person or an organisation. Leave empty to sign as the campaign."),
    )
    lead = models.TextField(
        _("lead"),
        help_text=_("One or two sentences: shown under the title, on cards and in feeds."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the item and on its card."),
    )
    image_caption = models.CharField(_("image caption"), max_length=255, blank=True)
    image_credit = models.CharField(
        _("image credit"), max_length=255, blank=True, help_text=_("e.g. “Photo: ICRC”.")
    )
    body = StreamField(StoryBlock(), verbose_name=_("body"))
    tags = ParentalManyToManyField(
        "home.NewsTag", verbose_name=_("tags"), blank=True, related_name="news_pages"
    )

    base_form_class = NewsPageForm

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("author")],
            heading=_("Date and author"),
        ),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_caption"), FieldPanel("image_credit")],
            heading=_("Image"),
        ),
        FieldPanel("body"),
        FieldPanel("tags", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "related_pages",
            heading=_("Related prisoners and petitions"),
            label=_("Related page"),
            help_text=_("Shown as cards under the item."),
        ),
    ]

    # The content API's detail of a news item holds all a decoupled page needs:
    # the body as typed blocks with rendered rich text (campaign_site.blocks).
    api_fields = [
        APIField("date"),
        APIField("author"),
        APIField("lead"),
        APIField("image", serializer=ImageRenditionsField()),
        APIField("image_caption"),
        APIField("image_credit"),
        APIField("body"),
        APIField("tags", serializer=NewsTagsField(source="*")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead", boost=1.5),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("date"),
    ]

    translatable_fields = page_fields(
        TranslatableField("lead"),
        TranslatableField("author"),
        TranslatableField("image_caption"),
        TranslatableField("image_credit"),
        TranslatableField("body"),
        SynchronizedField("date"),
        SynchronizedField("image"),
        SynchronizedField("share_image"),
        SynchronizedField("tags"),
        SynchronizedField("related_pages"),
    )

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def save(self, *args, **kwargs):
        self.synchronise_tags()
        return super().save(*args, **kwargs)

    def get_share_image(self):
        return self.share_image or self.image

    def synchronise_tags(self):
        """A translation kept in sync by wagtail-localize carries exactly its source's tags.

        wagtail-localize copies a synchronised many-to-many field only when the
        source has values (fields.copy_synchronised_fields), so removing the
        last tag from the source would leave it on every translation. Tags are
        not offered to translators; a translation whose syncing was stopped
        (edited directly) keeps its own tags.
        """
        if not self.pk:
            return
        translation = (
            Translation.objects.filter(
                source__object_id=self.translation_key,
                target_locale_id=self.locale_id,
                enabled=True,
            )
            .select_related("source")
            .first()
        )
        if translation is None or translation.source.locale_id == self.locale_id:
            return
        original = NewsPage.objects.filter(
            translation_key=self.translation_key, locale_id=translation.source.locale_id
        ).first()
        if original is not None:
            self.tags = list(original.tags.all())

    @property
    def published_at(self):
        """The news date as an aware datetime, for feeds and `article:published_time`."""
        return datetime.datetime.combine(self.date, datetime.time(), tzinfo=datetime.UTC)

    @cached_property
    def related_cards(self):
        """Cards for the related prisoners and petitions a visitor may see, in page order."""
        related = self.related_pages.select_related("target").order_by("sort_order", "pk")
        targets = [link.target for link in related]
        return public_cards(targets, self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        set_display_tags([self], self.locale)
        news_index = self.get_parent().specific
        context["news_index"] = news_index
        if isinstance(news_index, NewsIndexPage):
            context["rss_url"] = news_index.feed_url("rss", request)
            context["atom_url"] = news_index.feed_url("atom", request)
        return context


class NewsPageRelatedPage(Orderable):
    """A prisoner profile or petition shown as a card under a news item."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_pages")
    target = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [RelatedPageChooserPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
