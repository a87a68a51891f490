"""What letters and sponsorships share: they wait, an editor approves or rejects them
(a rejection needs a reason), and the record keeps who decided and when.

`Moderated` is an abstract model: each table keeps its own columns, exactly as before.
A model may word its statuses and its reason's help text for its editors
(`status_field`, `rejection_reason_field`), and the error of a rejection without a
reason (`missing_reason_message`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ModerationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


def status_field(choices):
    """The status column, labelled by `choices` (pending, approved and rejected)."""
    return models.CharField(
        _("status"),
        max_length=10,
        choices=choices.choices,
        default=ModerationStatus.PENDING,
        db_index=True,
    )


def rejection_reason_field(help_text=""):
    return models.TextField(_("reason for rejection"), blank=True, help_text=help_text)


class ModerationQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ModerationStatus.APPROVED)

    def pending(self):
        return self.filter(status=ModerationStatus.PENDING)


class Moderated(models.Model):
    """Waits for an editor's decision; `decide` records it."""

    Status = ModerationStatus

    status = status_field(ModerationStatus)
    rejection_reason = rejection_reason_field()
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    #: The error of a rejection that gives no reason.
    missing_reason_message = _("Give the reason for the rejection.")

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.status == ModerationStatus.REJECTED and not self.rejection_reason.strip():
            raise ValidationError({"rejection_reason": self.missing_reason_message})

    def record_decision(self, user):
        self.decided_at = timezone.now()
        self.decided_by = user

    def decide(self, status, user, reason=""):
        """Set the status (and the reason, when given), and who decided now."""
        self.status = status
        if reason:
            self.rejection_reason = reason
        self.record_decision(user)
