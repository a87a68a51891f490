"""Letters of support: a visitor writes to a detained person; editors moderate.

A letter belongs to the person (`Prisoner`), not to a page, so it counts once in
every language. The writer's email is for moderation only: it is never shown,
exported to the public, or put in a URL.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from ..visibility import is_publicly_visible
from .moderation import Moderated, ModerationQuerySet, rejection_reason_field, status_field
from .sponsorship import default_language, language_choices

MAX_LETTER_LENGTH = 1500


class LetterQuerySet(ModerationQuerySet):
    def shown_on_profile(self, prisoner):
        """Approved letters the public may read on `prisoner`'s profile: only when the
        family agrees and the person has a public profile at all."""
        if not prisoner.letters_shown or not is_publicly_visible(prisoner):
            return self.none()
        return self.approved().filter(prisoner=prisoner)


class Letter(Moderated):
    # Visitors create letters: only a decision changes pages (prisoners.signals).
    changes_pages_on_save = False

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    prisoner = models.ForeignKey(
        "prisoners.Prisoner",
        verbose_name=_("written to"),
        on_delete=models.CASCADE,
        related_name="letters",
    )
    first_name = models.CharField(_("first name"), max_length=60)
    country = CountryField(_("country"))
    message = models.TextField(_("message"), max_length=MAX_LETTER_LENGTH)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=language_choices,
        default=default_language,
        help_text=_("The language the letter is written in."),
    )
    email = models.EmailField(
        _("email"), help_text=_("For moderation only. Never shown, never passed on.")
    )
    status = status_field(Status)
    rejection_reason = rejection_reason_field(_("For the team's records. Required to reject."))

    objects = LetterQuerySet.as_manager()

    class Meta:
        verbose_name = _("letter of support")
        verbose_name_plural = _("letters of support")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["prisoner", "status"])]

    def __str__(self):
        return _("%(first_name)s to %(person)s") % {
            "first_name": self.first_name,
            "person": self.prisoner.name,
        }
