"""The petition delivered to its decision makers, and what they answered. Shown publicly."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class ResponseStatus(models.TextChoices):
    NONE = "none", _("No response")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    AGREED = "agreed", _("Agreed")
    REFUSED = "refused", _("Refused")


class DeliveryChannel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    EMAIL = "email", _("Email")
    POST = "post", _("Post")
    ONLINE = "online", _("Online form")
    SOCIAL = "social", _("Social media")
    OTHER = "other", _("Other")


class Delivery(TranslatableMixin, models.Model):
    """The petition delivered to one decision maker, and their response. Shown publicly."""

    petition = models.ForeignKey(
        "Petition", verbose_name=_("petition"), on_delete=models.CASCADE, related_name="deliveries"
    )
    # The decision maker in the source page; every translation has a copy with the
    # same translation_key, which is how the public page finds its own.
    decision_maker_key = models.UUIDField(_("decision maker"))
    decision_maker_name = models.CharField(
        _("decision maker's name"),
        max_length=255,
        editable=False,
        help_text=_("Kept in case the decision maker is later removed from the page."),
    )
    delivered_on = models.DateField(_("delivered on"), default=timezone.localdate)
    channel = models.CharField(_("channel"), max_length=20, choices=DeliveryChannel.choices)
    note = models.TextField(_("note"), blank=True)
    response_status = models.CharField(
        _("response"),
        max_length=20,
        choices=ResponseStatus.choices,
        default=ResponseStatus.NONE,
    )
    response_text = models.TextField(_("response text"), blank=True)
    response_date = models.DateField(_("response date"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    translatable_fields = [
        TranslatableField("note"),
        TranslatableField("response_text"),
        SynchronizedField("petition"),
        SynchronizedField("decision_maker_key"),
        SynchronizedField("decision_maker_name"),
        SynchronizedField("delivered_on"),
        SynchronizedField("channel"),
        SynchronizedField("response_status"),
        SynchronizedField("response_date"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-delivered_on", "-pk"]

    def __str__(self):
        return f"{self.decision_maker_name} · {self.delivered_on:%Y-%m-%d}"


def deliveries_in(petition, locale):
    """Each delivery of `petition` once, oldest first: its translation in `locale` when there
    is one, else the version first written. `locale` may be a Locale or its id. One query."""
    locale_id = getattr(locale, "pk", locale)
    chosen = {}
    for delivery in Delivery.objects.filter(petition=petition).order_by("pk"):
        current = chosen.get(delivery.translation_key)
        if current is None or (delivery.locale_id == locale_id and current.locale_id != locale_id):
            chosen[delivery.translation_key] = delivery
    return sorted(chosen.values(), key=lambda delivery: (delivery.delivered_on, delivery.pk))
