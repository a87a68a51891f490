"""Partner sites that embed petitions: who they are, where they embed, how signatures are credited.

A partner's public key travels in the embed itself (data-partner="…"), not in
UTM parameters that sites and CDNs strip, and is stored with each signature
made through its widget (Signature.partner_ref). Signing from other origins is
refused when editors restrict a partner to its own origins.
"""

import hashlib
import hmac
import ipaddress
import re
import secrets
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.search import index

from campaign_site.abuse import ascii_domain


def new_partner_key():
    return secrets.token_urlsafe(9)


def hash_secret(secret):
    """The stored form of a partner's secret key.

    SHA-256 without salt or stretching is enough for a random 256-bit token (nobody
    guesses it from its hash), and keeps each server-to-server call cheap; a slow
    password hasher would cost every signature a quarter of a second.
    """
    return hashlib.sha256(secret.encode()).hexdigest()


#: The port a browser leaves out of an origin it sends.
DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize_origin(value):
    """'https://Example.org:443/path' -> 'https://example.org'; None when not an http(s) origin.

    Also reads what a browser sends in `Origin` and `Referer`, which anyone can forge:
    a malformed address (a port out of range, an unclosed IPv6 bracket) is None, never
    an exception.
    """
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError:
        return None
    host = _host(parts.hostname or "")
    if parts.scheme not in DEFAULT_PORTS or not host:
        return None
    port = f":{port}" if port and port != DEFAULT_PORTS[parts.scheme] else ""
    return f"{parts.scheme}://{host}{port}"


_ASCII_HOST = re.compile(r"[a-z0-9_.-]+")


def _host(hostname):
    """The host as browsers write it in an origin (IDNA for international names, IPv6 in
    brackets); None when it is no host name at all (a NUL byte, a space…)."""
    try:
        address = ipaddress.ip_address(hostname)
    except ValueError:
        pass
    else:
        return f"[{address}]" if address.version == 6 else str(address)
    hostname = hostname.lower()
    if hostname.isascii():
        return hostname if _ASCII_HOST.fullmatch(hostname) else None
    return ascii_domain(hostname)


def normalized_origins_text(text):
    """The origins of `text` (one per line) as stored: normalised, once each, invalid
    lines dropped (the admin's form refuses them first)."""
    origins = (normalize_origin(line) for line in text.split())
    return "\n".join(origin for origin in dict.fromkeys(origins) if origin)


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
    secret_hash = models.CharField(max_length=64, blank=True, editable=False)
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

    def save(self, *args, **kwargs):
        # Stored normalised, whoever saves (the admin's clean, code, a fixture): every
        # check below compares with the stored text and normalises nothing per request.
        self.allowed_origins = normalized_origins_text(self.allowed_origins)
        super().save(*args, **kwargs)

    def clean(self):
        invalid = [line for line in self.allowed_origins.split() if normalize_origin(line) is None]
        if invalid:
            raise ValidationError(
                {
                    "allowed_origins": _("Not a web address: %(values)s")
                    % {"values": ", ".join(invalid)}
                }
            )
        self.allowed_origins = normalized_origins_text(self.allowed_origins)
        if self.restrict_signing and not self.allowed_origins:
            raise ValidationError(
                {"allowed_origins": _("Give at least one origin to restrict signing to.")}
            )

    @property
    def origins(self):
        return self.allowed_origins.split()

    def allows_origin(self, origin):
        return normalize_origin(origin or "") in self.origins

    def new_secret(self):
        """Give the partner a new secret key (the old one stops working); returns it.

        The key is shown once and only its hash is kept.
        """
        secret = secrets.token_urlsafe(32)
        self.secret_hash = hash_secret(secret)
        self.save(update_fields=["secret_hash"])
        return secret

    def secret_matches(self, secret):
        return bool(self.secret_hash and secret) and hmac.compare_digest(
            self.secret_hash, hash_secret(secret)
        )

    @classmethod
    def for_secret(cls, secret):
        if not secret:
            return None
        return cls.objects.filter(secret_hash=hash_secret(secret), active=True).first()

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
