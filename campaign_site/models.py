"""What every campaign site has, whichever features it composes: its public identity,
and the switch editors turn on when a bot wave hits the public forms.

Contact details: abstract here; the composing app registers the concrete setting
(home.CampaignSettings), so the base's templates find it through Wagtail's settings
registry without naming it. The name, tagline and footer text are translated, so
they are a translatable snippet (`SiteIdentity`), one per language.
UnderAttackSettings is the base's own: every public form of every feature asks
campaign_site.abuse about it.
"""

from dataclasses import dataclass
from email.utils import parseaddr

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.contrib.settings.registry import registry
from wagtail.models import Site, TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import TranslatableField

from campaign_site.render_cache import remember


class CampaignSiteSettings(BaseSiteSetting):
    """Contact details and social accounts shown in every page's footer."""

    organisation_name = models.CharField(_("organisation name"), max_length=255, blank=True)
    contact_email = models.EmailField(
        _("public contact email"),
        blank=True,
        help_text=_("Shown publicly. Use a shared campaign address, not a person's."),
    )
    x_handle = models.CharField(
        _("X (Twitter) handle"), max_length=50, blank=True, help_text=_("Without the @.")
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram profile"), blank=True)
    telegram_url = models.URLField(_("Telegram channel"), blank=True)
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("default share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("x_handle"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("telegram_url"),
            ],
            heading=_("Contact links"),
        ),
        FieldPanel("default_share_image"),
    ]

    class Meta:
        abstract = True


def campaign_site_settings(request):
    """The registered campaign site settings for `request`'s site, or None when none is."""
    for model in registry:
        if issubclass(model, CampaignSiteSettings):
            return model.for_request(request)
    return None


# --- The site's name in each language ----------------------------------------


class SiteIdentity(TranslatableMixin, models.Model):
    """The campaign's name, tagline and footer text in one language.

    A translatable snippet (Snippets › Site identity): editors write it once, and
    translators translate it with wagtail-localize like a page. Titles, feeds,
    emails and share cards read it through `site_identity()`.
    """

    site_name = models.CharField(_("site name"), max_length=100)
    tagline = models.CharField(
        _("tagline"),
        max_length=255,
        blank=True,
        help_text=_("One line saying what the campaign wants. Shown on the home page title."),
    )
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        help_text=_("A short paragraph at the bottom of every page, e.g. who runs the campaign."),
    )

    panels = [FieldPanel("site_name"), FieldPanel("tagline"), FieldPanel("footer_text")]

    translatable_fields = [
        TranslatableField("site_name"),
        TranslatableField("tagline"),
        TranslatableField("footer_text"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")

    def __str__(self):
        return self.site_name

    def clean(self):
        super().clean()
        others = SiteIdentity.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(
                _("This language already has a site identity: edit that one instead.")
            )


register_snippet(SiteIdentity)


@dataclass(frozen=True)
class Identity:
    name: str
    tagline: str = ""
    footer: str = ""


IDENTITY_CACHE_KEY = "campaign:site-identity"


def _identities():
    """{language code: Identity} of every SiteIdentity, cached until one is saved or deleted."""
    found = cache.get(IDENTITY_CACHE_KEY)
    if found is None:
        found = {
            identity.locale.language_code: Identity(
                identity.site_name, identity.tagline, identity.footer_text
            )
            for identity in SiteIdentity.objects.select_related("locale")
        }
        cache.set(IDENTITY_CACHE_KEY, found, 3600)
    return found


def forget_identities(**kwargs):
    cache.delete(IDENTITY_CACHE_KEY)


post_save.connect(forget_identities, sender=SiteIdentity)
post_delete.connect(forget_identities, sender=SiteIdentity)


def site_identity(language_code=None, *, site=None):
    """The site's identity in `language_code` (the active language by default).

    Falls back to the default language's identity, then to the Site's name, then
    to WAGTAIL_SITE_NAME, so a site without a SiteIdentity still has a name.
    """
    language_code = language_code or translation.get_language() or settings.LANGUAGE_CODE
    found = _identities()
    identity = found.get(language_code) or found.get(settings.LANGUAGE_CODE)
    if identity is not None:
        return identity
    if site is None:
        name = remember("default-site-name", _default_site_name)
    else:
        name = site.site_name or ""
    return Identity(name or getattr(settings, "WAGTAIL_SITE_NAME", ""))


def _default_site_name():
    site = Site.objects.filter(is_default_site=True).first()
    return site.site_name if site is not None and site.site_name else ""


def email_sender(language_code=None):
    """DEFAULT_FROM_EMAIL shown with the site's name in the reader's language.

    "Libérez les prisonniers arméniens <campaign@example.org>": people recognise a
    campaign by its name, not its address. A name already in the setting is kept.
    """
    configured = settings.DEFAULT_FROM_EMAIL
    name, address = parseaddr(configured)
    if name or not address:
        return configured
    site_name = site_identity(language_code).name
    if not site_name:
        return configured
    # Left unencoded: Django encodes the header when it builds the message.
    quoted = site_name.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{quoted}" <{address}>'


@register_setting(icon="warning")
class UnderAttackSettings(BaseSiteSetting):
    """The under-attack switch (campaign_site.abuse.under_attack)."""

    proof_of_work = models.BooleanField(
        _("ask every signer's browser for a proof of work"),
        default=False,
        help_text=_(
            "Turn on during a wave of automated signatures or applications. The sign and "
            "sponsorship forms and the sign API then need a few seconds of work from the "
            "visitor's browser (ALTCHA, served from this site, no cookie). Visitors without "
            "JavaScript cannot sign while it is on. Turn it off when the wave is over."
        ),
    )

    class Meta:
        verbose_name = _("under attack")


class UndeliveredEmail(models.Model):
    """An email the worker could not send yet (campaign_site.mail): retried, then left
    to an editor. It names what the email is about, never whom it is to: the address
    is read from that object when shown, so erasing a person erases it here too."""

    kind = models.CharField(_("kind"), max_length=100)
    object_id = models.CharField(_("about"), max_length=64)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    error = models.CharField(_("last error"), max_length=255, blank=True)
    first_failed_at = models.DateTimeField(_("first failed"))
    last_failed_at = models.DateTimeField(_("last failed"))
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)

    class Meta:
        verbose_name = _("undelivered email")
        verbose_name_plural = _("undelivered emails")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_undelivered_per_email")
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}"


class QueuedEmail(models.Model):
    """An email written by code outside the project (Wagtail's password reset, its
    moderation notices), waiting for the worker (campaign_site.mail.QueueBackend).
    Deleted once sent, or when it expires or has waited too long (`mail.forget_expired`)."""

    message = models.JSONField(_("message"))
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    #: When its content stops being valid (a password reset link): never sent after.
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)

    class Meta:
        verbose_name = _("queued email")
        verbose_name_plural = _("queued emails")

    def __str__(self):
        return f"queued email {self.pk}"
