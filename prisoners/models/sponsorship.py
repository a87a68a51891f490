"""Sponsorships: a municipality, an organisation or a person supports one prisoner or the group.

Keyed on translation keys rather than on pages, so a sponsorship counts once
in every language; this module therefore needs no page model.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.models import Page

from ..storage import private_storage, proof_upload_to
from .moderation import Moderated, ModerationQuerySet, rejection_reason_field


class SponsorType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Regional authority")
    NGO = "ngo", _("NGO or association")
    PUBLIC_FIGURE = "public-figure", _("Public figure")
    OTHER = "other", _("Other")


def language_choices():
    """The site's languages; a callable, so adding a language needs no migration."""
    return settings.LANGUAGES


def default_language():
    return settings.LANGUAGE_CODE


class SponsorshipQuerySet(ModerationQuerySet):
    def listed(self):
        """Approved sponsors who agreed to be named in public."""
        return self.approved().filter(consent_to_list=True)

    def for_prisoner(self, page):
        return self.filter(prisoner_key=page.translation_key)

    def for_group(self, index_page):
        return self.filter(campaign_key=index_page.translation_key, prisoner_key__isnull=True)


class Sponsorship(Moderated):
    """A sponsor of one person (`prisoner_key`) or of the whole group (no prisoner_key).

    Keyed on translation keys, so a sponsorship counts once in every language.
    Contact details and the proof document are private: only editors see them.
    """

    campaign_key = models.UUIDField(
        _("campaign"), db_index=True, help_text=_("The prisoner index's translation key.")
    )
    prisoner_key = models.UUIDField(
        _("prisoner"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The profile's translation key; empty for the whole group."),
    )
    sponsor_type = models.CharField(_("type of sponsor"), max_length=20, choices=SponsorType)
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The municipality, authority, organisation or person, as it should appear."),
    )
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=120)
    contact_person = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("email"))
    website = models.URLField(_("website"), blank=True)
    proof = models.FileField(
        _("proof document"),
        storage=private_storage,
        upload_to=proof_upload_to,
        blank=True,
        max_length=255,
    )
    statement = models.TextField(_("public statement"), max_length=2000, blank=True)
    consent_to_list = models.BooleanField(_("agrees to be listed in public"), default=False)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=language_choices,
        default=default_language,
        help_text=_("Emails to the applicant are written in this language."),
    )
    # status, submitted_at, decided_at, decided_by: Moderated's (pending, approved, rejected)
    rejection_reason = rejection_reason_field(_("Sent to the applicant. Required to reject."))
    missing_reason_message = _("Give the reason: it is sent to the applicant.")
    is_sample = models.BooleanField(_("sample data"), default=False)
    reference = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    objects = SponsorshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("sponsorship")
        verbose_name_plural = _("sponsorships")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["prisoner_key", "status"])]

    def __str__(self):
        return self.name

    @property
    def is_for_group(self):
        return self.prisoner_key is None

    def prisoner_page(self, locale=None):
        """The profile in `locale` (or the default language, or any), or None."""
        if self.prisoner_key is None:
            return None
        return _any_translation(self.prisoner_key, locale)

    def index_page(self, locale=None):
        """The prisoner index in `locale` (or the default language, or any), or None."""
        return _any_translation(self.campaign_key, locale)

    def target_display(self):
        if self.prisoner_key is None:
            return _("The whole group")
        page = self.prisoner_page()
        return page.title if page else _("(deleted profile)")

    target_display.short_description = _("sponsoring")


def _any_translation(translation_key, locale):
    """The page with `translation_key` in `locale`, else in the default language, else any.

    For editors and emails: drafts count too, which is why this is not
    `campaign_site.localization.localized_page` (live, public pages only).
    """
    pages = list(Page.objects.filter(translation_key=translation_key).select_related("locale"))
    if not pages:
        return None
    by_language = {page.locale.language_code: page for page in pages}
    for code in (getattr(locale, "language_code", locale), settings.LANGUAGE_CODE):
        if code in by_language:
            return by_language[code].specific
    return pages[0].specific
