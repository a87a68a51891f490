"""What a profile lists below the biography: its timeline and its sources."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TimelineEvent(TranslatableMixin, Orderable):
    page = ParentalKey("prisoners.PrisonerPage", related_name="timeline", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    event = models.CharField(_("event"), max_length=500)
    source_url = models.URLField(_("source link"), blank=True)

    panels = [FieldPanel("date"), FieldPanel("event"), FieldPanel("source_url")]
    translatable_fields = [
        TranslatableField("event"),
        SynchronizedField("date"),
        SynchronizedField("source_url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline")


class ProfileSource(TranslatableMixin, Orderable):
    """A reference about the person: a report, an article, a court record."""

    page = ParentalKey("prisoners.PrisonerPage", related_name="sources", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=500)
    url = models.URLField(_("link"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("date")]
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("url"),
        SynchronizedField("date"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")
