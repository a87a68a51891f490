"""Partner sites that embed petitions: who they are, where they embed, how signatures are credited.

A partner's public key travels in the embed itself (data-partner="…"), not in
UTM parameters that sites and CDNs strip, and is stored with each signature
made through its widget (Signature.partner_ref). Signing from other origins is
refused when editors restrict a partner to its own origins.
"""

import secrets
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.search import index


def new_partner_key():
    return secrets.token_urlsafe(9)


def normalize_origin(value):
    """'https://Example.org/path' -> 'https://example.org'; None when not an http(s) origin."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname.lower()}{port}"


class Partner(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    allowed_origins = models.TextField(
        _("allowed origins"),
        blank=True,
        help_text=_(
            "The addresses of the partner's sites, one per line, e.g. https://example.org. "
            "Signing through the API is accepted from these origins."
        ),
    )
    restrict_signing = models.BooleanField(
        _("sign only from these origins"),
        default=False,
        help_text=_(
            "When ticked, the petition widget with this partner's key can only be embedded "
            "and signed on the origins above."
        ),
    )
    key = models.CharField(
        _("attribution key"),
        max_length=32,
        unique=True,
        default=new_partner_key,
        help_text=_("Public: it goes in the partner's embed snippet as data-partner."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("website"),
        FieldPanel("allowed_origins"),
        FieldPanel("restrict_signing"),
        FieldPanel("active"),
        HelpPanel(
            template="petitions/admin/partner_key_panel.html",
            heading=_("Embed snippet"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        invalid = [line for line in self.allowed_origins.split() if normalize_origin(line) is None]
        if invalid:
            raise ValidationError(
                {
                    "allowed_origins": _("Not a web address: %(values)s")
                    % {"values": ", ".join(invalid)}
                }
            )
        self.allowed_origins = "\n".join(
            dict.fromkeys(normalize_origin(line) for line in self.allowed_origins.split())
        )
        if self.restrict_signing and not self.allowed_origins:
            raise ValidationError(
                {"allowed_origins": _("Give at least one origin to restrict signing to.")}
            )

    @property
    def origins(self):
        return [origin for origin in self.allowed_origins.split() if origin]

    def allows_origin(self, origin):
        return normalize_origin(origin or "") in self.origins

    @classmethod
    def for_key(cls, key):
        if not key:
            return None
        return cls.objects.filter(key=key, active=True).first()

    @classmethod
    def origin_is_registered(cls, origin):
        normalized = normalize_origin(origin or "")
        if normalized is None:
            return False
        candidates = cls.objects.filter(active=True, allowed_origins__contains=normalized)
        return any(normalized in partner.origins for partner in candidates)
