"""Signatures, their tally, imports from other platforms and erasures on request."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from ..imports import FIELD_LABELS, DateOrder

# What counts: a signature stops counting when invalidated (an erased one still counts);
# the public count takes only confirmed ones unless the petition says otherwise
# (Petition.counted). Every count of signatures filters with these.
VALID = Q(invalidated_at__isnull=True)
CONFIRMED = Q(confirmed_at__isnull=False)


class SignatureSource(models.TextChoices):
    """Where a signature came from (not to be confused with a prisoner profile's sources)."""

    PAGE = "page", _("Petition page")
    WIDGET = "widget", _("Embedded widget")
    API = "api", _("API")
    IMPORT = "import", _("Import")


class Signature(models.Model):
    """One person's signature of one petition, in whichever language they signed it."""

    # Visitors create signatures, many a second on a good day: a signature must not
    # retire every page part kept until the content changes (campaign_site.render_cache).
    # What pages show of signatures (counts, latest signers) is live, kept seconds only.
    changes_pages_on_save = False

    petition = models.ForeignKey(
        "Petition", verbose_name=_("petition"), on_delete=models.PROTECT, related_name="signatures"
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254)
    # Lower-cased and trimmed: the key of "one signature per email".
    email_normalized = models.CharField(_("normalised email"), max_length=254, editable=False)
    country = CountryField(_("country"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    contact_consent = models.BooleanField(_("agreed to be contacted"), default=False)
    contact_consent_text = models.TextField(_("contact consent wording"), blank=True)
    named_consent = models.BooleanField(_("agreed to be named to decision makers"), default=False)
    named_consent_text = models.TextField(_("naming consent wording"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    source = models.CharField(_("source"), max_length=10, choices=SignatureSource.choices)
    partner_ref = models.CharField(
        _("partner"),
        max_length=100,
        blank=True,
        help_text=_("The partner site or campaign the signature came through, if any."),
    )
    import_batch = models.ForeignKey(
        "SignatureImport",
        verbose_name=_("import"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signatures",
    )

    created_at = models.DateTimeField(_("signed"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    invalidated_at = models.DateTimeField(_("invalidated"), null=True, blank=True)
    invalidated_reason = models.CharField(_("reason for invalidation"), max_length=255, blank=True)
    invalidated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invalidated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One signature per email and petition, whatever the language or entry
            # point. Erased signatures have no email left and stay counted.
            models.UniqueConstraint(
                fields=["petition", "email_normalized"],
                condition=~Q(email_normalized=""),
                name="petitions_one_signature_per_email",
            ),
        ]
        indexes = [
            models.Index(fields=["petition", "-created_at"], name="petitions_sig_recent"),
            models.Index(fields=["email_normalized"], name="petitions_sig_email"),
            models.Index(
                fields=["confirmation_sent_at"],
                condition=Q(confirmed_at__isnull=True, reminder_sent_at__isnull=True),
                name="petitions_sig_to_remind",
            ),
        ]
        permissions = [
            ("export_signature", _("Can export signers' personal data")),
            ("erase_signature", _("Can erase a person's signatures on request")),
            ("import_signature", _("Can import signatures from another platform")),
        ]

    def __str__(self):
        if self.erased_at:
            return str(_("Erased signature #%(number)s") % {"number": self.pk})
        return f"{self.first_name} {self.last_name}"

    @property
    def is_valid(self):
        return self.invalidated_at is None

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def country_name(self):
        return self.country.name if self.country else ""


class SignatureTally(models.Model):
    """How many valid signatures a petition has, by country and confirmation: the sum
    of its rows (shards) for that country and confirmation.

    Every signer of one country would otherwise update one row, each waiting for the
    previous signature's commit: a signature takes a row no other transaction holds
    (petitions.signing), and a new shard when all are held, so there are about as many
    rows as signatures ever stored at the same moment. Any row may go below zero (a
    confirmation moves one from the unconfirmed rows); only the sums mean anything.
    """

    petition = models.ForeignKey("Petition", on_delete=models.CASCADE, related_name="tallies")
    country = models.CharField(max_length=2, blank=True)
    confirmed = models.BooleanField()
    shard = models.PositiveSmallIntegerField(default=0)
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("signature tally")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "country", "confirmed", "shard"],
                name="petitions_one_tally_row_per_shard",
            )
        ]

    def __str__(self):
        return (
            f"{self.petition_id} {self.country or '--'} {self.confirmed} "
            f"#{self.shard}: {self.count}"
        )


class SignatureImport(models.Model):
    """One CSV file of signatures from another platform, and what became of each row."""

    petition = models.ForeignKey(
        "Petition", verbose_name=_("petition"), on_delete=models.PROTECT, related_name="imports"
    )
    file_name = models.CharField(_("file"), max_length=255)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("imported"), default=timezone.now)
    treat_as_confirmed = models.BooleanField(_("emails already confirmed"), default=True)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_added = models.PositiveIntegerField(_("added"), default=0)
    rows_merged = models.PositiveIntegerField(_("merged"), default=0)
    rows_rejected = models.PositiveIntegerField(_("rejected"), default=0)
    # [{"row": 12, "reason": "…"}]: row numbers and reasons, never the rows' contents.
    rejections = models.JSONField(_("rejected rows"), default=list, blank=True)
    # [{"column": "Postal Code", "field": "postcode"}] and ["Phone", …]: the file's
    # headings, so the log says what was read and what was left out.
    columns_mapped = models.JSONField(_("columns read"), default=list, blank=True)
    columns_ignored = models.JSONField(_("columns ignored"), default=list, blank=True)
    date_order = models.CharField(_("date format"), max_length=3, blank=True)

    class Meta:
        verbose_name = _("signature import")
        verbose_name_plural = _("signature imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"

    def rejections_display(self):
        """Each rejected row's number and reason, one per line."""
        return (
            "\n".join(
                _("Row %(row)s: %(reason)s") % {"row": item["row"], "reason": item["reason"]}
                for item in self.rejections
            )
            or "—"
        )

    rejections_display.short_description = _("rejected rows")

    def columns_mapped_display(self):
        return (
            "\n".join(
                f"{item['column']} → {FIELD_LABELS.get(item['field'], item['field'])}"
                for item in self.columns_mapped
            )
            or "—"
        )

    columns_mapped_display.short_description = _("columns read")

    def columns_ignored_display(self):
        return ", ".join(self.columns_ignored) or _("None: every column was read.")

    columns_ignored_display.short_description = _("columns ignored")

    def date_order_display(self):
        return DateOrder(self.date_order).label if self.date_order else "—"

    date_order_display.short_description = _("date format")


class Erasure(models.Model):
    """A person's data erased on request. Records that it happened, never whose."""

    erased_at = models.DateTimeField(_("erased"), default=timezone.now)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erased by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reference = models.CharField(
        _("request reference"),
        max_length=100,
        blank=True,
        help_text=_("Your ticket or letter reference. Not the person's name or email."),
    )
    signatures_erased = models.PositiveIntegerField(_("signatures erased"))
    # Set when the retention period of a closed petition erased all its signers' data.
    petition = models.ForeignKey(
        "Petition",
        verbose_name=_("petition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="erasures",
    )

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ["-erased_at"]

    def __str__(self):
        return f"{self.erased_at:%Y-%m-%d} ({self.signatures_erased})"
