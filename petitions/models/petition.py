"""One petition across all its languages: what counts, who may sign, and the public count."""

from dataclasses import dataclass, field

from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.db.models import Count, ExpressionWrapper
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ..goals import next_goal
from .signatures import CONFIRMED, VALID, SignatureTally


class PetitionStatus(models.TextChoices):
    OPEN = "open", _("Open for signatures")
    CLOSED = "closed", _("Closed")
    WON = "won", _("Won")


# The settings that decide who may sign and what counts, declared once on `Petition`.
# Editors set them on the source page (PetitionPage.petition_settings); they apply
# when it is published, to every translation at once, without waiting for a sync.
SHARED_SETTINGS = (
    "status",
    "goal",
    "offline_count",
    "count_unconfirmed",
    "ask_postcode",
    "ask_comment",
    "retention_months",
)


@dataclass
class PetitionCounts:
    """What the public sees: the total, the goal, and where signers come from."""

    online: int
    offline: int
    goal_setting: int = 0
    by_country: list = field(default_factory=list)  # [(country code, count)], largest first

    @property
    def total(self):
        return self.online + self.offline

    @cached_property
    def goal(self):
        return next_goal(self.total, self.goal_setting)

    @property
    def percent(self):
        return min(100, round(100 * self.total / self.goal)) if self.goal else 100


class Petition(models.Model):
    """One petition across all its languages: what counts, and who may sign."""

    translation_key = models.UUIDField(_("translation key"), unique=True, editable=False)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("source page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the petition was written in; its settings are the ones used."),
    )
    title = models.CharField(_("title"), max_length=255)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PetitionStatus.choices,
        default=PetitionStatus.OPEN,
        help_text=_("A closed or won petition shows its outcome instead of the form."),
    )
    goal = models.PositiveIntegerField(
        _("goal"),
        default=0,
        help_text=_(
            "Leave at 0 for an automatic goal: the next of 100, 250, 500, 1,000, 2,500… "
            "above the count. A goal set here is shown until it is reached."
        ),
    )
    offline_count = models.PositiveIntegerField(
        _("signatures gathered elsewhere"),
        default=0,
        help_text=_("Signatures collected on paper or on another platform, added to the total."),
    )
    count_unconfirmed = models.BooleanField(
        _("count signatures before they are confirmed"),
        default=False,
        help_text=_(
            "Off: the public count only includes signatures confirmed by email. "
            "On: every valid signature counts at once."
        ),
    )
    ask_postcode = models.BooleanField(_("ask for a postcode"), default=False)
    ask_comment = models.BooleanField(_("ask for a comment"), default=False)
    retention_months = models.PositiveSmallIntegerField(
        _("months signers' personal data are kept after closing"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_(
            "Once the petition is closed or won, signers' names, emails, postcodes and "
            "comments are erased after this many months; counts, countries and dates stay. "
            "Empty: the site's default (six months unless configured otherwise)."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Set when the petition stops being open; the retention period runs from here.
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    retention_warning_sent_at = models.DateTimeField(
        _("erasure warning sent"), null=True, blank=True, editable=False
    )
    personal_data_erased_at = models.DateTimeField(
        _("signers' personal data erased"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("petition record")
        verbose_name_plural = _("petition records")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The retention period (petitions.retention) runs from closing; a reopened
        # petition collects new signers, whose data a later closing erases in turn.
        if self.is_open:
            self.closed_at = None
            self.retention_warning_sent_at = None
            self.personal_data_erased_at = None
        elif self.closed_at is None:
            self.closed_at = timezone.now()
        if kwargs.get("update_fields") and "status" in kwargs["update_fields"]:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "closed_at",
                "retention_warning_sent_at",
                "personal_data_erased_at",
            }
        super().save(*args, **kwargs)

    # --- the link with pages --------------------------------------------------

    @classmethod
    def default_setting(cls, name):
        return cls._meta.get_field(name).get_default()

    @classmethod
    def for_page(cls, page):
        """The shared record of `page`'s petition, created from its source page if needed."""
        petition = cls.objects.filter(translation_key=page.translation_key).first()
        if petition is not None:
            return petition
        source = (
            page.specific_class.objects.filter(translation_key=page.translation_key)
            .order_by("pk")
            .first()
            or page
        )
        values = {name: getattr(source, name) for name in SHARED_SETTINGS}
        with transaction.atomic():
            petition, _created = cls.objects.get_or_create(
                translation_key=page.translation_key,
                defaults={"page_id": source.pk, "title": source.title, **values},
            )
        return petition

    def update_from_page(self, page):
        """Copy the source page's settings after it was published."""
        if self.page_id not in (None, page.pk):
            return False
        self.page_id = page.pk
        self.title = page.title
        for name in SHARED_SETTINGS:
            setattr(self, name, getattr(page, name))
        self.save()
        return True

    # --- state ----------------------------------------------------------------

    @property
    def is_open(self):
        return self.status == PetitionStatus.OPEN

    def counted(self, queryset):
        """Narrow a Signature or SignatureTally queryset to what the public count includes."""
        if self.count_unconfirmed:
            return queryset
        if queryset.model is SignatureTally:
            return queryset.filter(confirmed=True)
        return queryset.filter(CONFIRMED)

    def counts(self):
        """The public count, goal and counts by country: one query, whatever the number of
        signers."""
        rows = (
            self.counted(SignatureTally.objects.filter(petition=self))
            .values("country")
            .annotate(total=models.Sum("count"))
            .order_by()
        )
        by_country = sorted(
            ((row["country"], row["total"]) for row in rows if row["total"]),
            key=lambda item: (-item[1], item[0]),
        )
        return PetitionCounts(
            online=sum(total for _code, total in by_country),
            offline=self.offline_count,
            goal_setting=self.goal,
            by_country=by_country,
        )

    @property
    def total(self):
        """The public total: counted online signatures and those gathered elsewhere."""
        return self.counts().total

    def recount(self):
        """Rebuild the tally from the signatures (after a manual database repair)."""
        with transaction.atomic():
            SignatureTally.objects.filter(petition=self).delete()
            rows = (
                self.signatures.filter(VALID)
                .annotate(
                    is_confirmed=ExpressionWrapper(CONFIRMED, output_field=models.BooleanField())
                )
                .values("country", "is_confirmed")
                .annotate(n=Count("pk"))
                .order_by()
            )
            SignatureTally.objects.bulk_create(
                SignatureTally(
                    petition=self,
                    country=row["country"],
                    confirmed=row["is_confirmed"],
                    count=row["n"],
                )
                for row in rows
            )
