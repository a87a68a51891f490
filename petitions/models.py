"""Petitions: the page editors write, and the records all its translations share.

A petition is written as a `PetitionPage` and translated with wagtail-localize,
so each language has its own page. The French and Armenian pages are the same
petition: one counter, one list of signers. Everything they share lives in
models keyed on the pages' common `translation_key` (`Petition`), never on a
page field, which wagtail-localize would overwrite from the source on each sync.

- `Petition`: one row per petition (all languages): the settings that decide
  who may sign and what counts, copied from the source page when it is published.
- `Signature`: one row per person and petition. The database refuses a second
  signature with the same (normalised) email, so concurrent duplicates add nothing.
- `SignatureTally`: valid signatures counted by country and confirmation, kept
  in the same transaction as every change to signatures (see `petitions.signing`);
  `Petition.recount()` rebuilds it from the signatures.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, ExpressionWrapper, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_site.blocks import StoryBlock
from campaign_site.embeds import EmbeddableMixin, EmbedPanel
from campaign_site.pages import ShareablePageMixin
from campaign_site.translation import page_fields

from .goals import next_goal
from .serializers import PetitionCounterField


class PetitionStatus(models.TextChoices):
    OPEN = "open", _("Open for signatures")
    CLOSED = "closed", _("Closed")
    WON = "won", _("Won")


# The settings that decide who may sign and what counts. Editors set them on the
# page; they are copied to the shared `Petition` when the source page is published,
# so every translation obeys them at once, without waiting for a sync.
SHARED_SETTINGS = (
    "status",
    "goal",
    "offline_count",
    "count_unconfirmed",
    "ask_postcode",
    "ask_comment",
)


class PetitionPage(EmbeddableMixin, RoutablePageMixin, ShareablePageMixin, Page):
    """A petition: what it asks, of whom, why, and the form to sign it."""

    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences under the title: what the petition asks."),
    )
    demands = StreamField(
        [("demand", blocks.TextBlock(label=_("Demand"), icon="arrow-right"))],
        verbose_name=_("demands"),
        blank=True,
        help_text=_("What the petition asks for, one demand per item."),
    )
    body = StreamField(
        StoryBlock(),
        verbose_name=_("why this petition matters"),
        blank=True,
    )
    launch_date = models.DateField(_("started on"), null=True, blank=True)
    organiser_name = models.CharField(_("organiser"), max_length=255, blank=True)
    organiser_url = models.URLField(_("organiser's website"), blank=True)
    organiser_contact = models.CharField(
        _("how to contact the organiser"),
        max_length=255,
        blank=True,
        help_text=_("A public email address or social-media handle, e.g. “Twitter: BritArm”."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown to people who have just signed, above the share links."),
    )

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PetitionStatus.choices,
        default=PetitionStatus.OPEN,
        help_text=_("A closed or won petition shows its outcome instead of the form."),
    )
    outcome = RichTextField(
        _("outcome"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What happened: shown when the petition is closed or won."),
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
    offline_note = models.CharField(
        _("note on signatures gathered elsewhere"),
        max_length=255,
        blank=True,
        help_text=_("Shown with the number, e.g. “on our previous petition platform”."),
    )
    count_unconfirmed = models.BooleanField(
        _("count signatures before they are confirmed"),
        default=False,
        help_text=_(
            "Off: the public count only includes signatures confirmed by email. "
            "On: every valid signature counts at once."
        ),
    )
    show_recent_signers = models.BooleanField(
        _("show the latest signers"),
        default=True,
        help_text=_("First names and countries of the latest confirmed signers; never surnames."),
    )
    ask_postcode = models.BooleanField(_("ask for a postcode"), default=False)
    ask_comment = models.BooleanField(_("ask for a comment"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("demands"),
        FieldPanel("body"),
        InlinePanel(
            "decision_makers",
            heading=_("Decision makers"),
            label=_("Decision maker"),
            min_num=1,
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser_name"),
                FieldPanel("organiser_url"),
                FieldPanel("organiser_contact"),
                FieldPanel("launch_date"),
            ],
            heading=_("Organiser"),
        ),
    ]
    signing_panels = [
        FieldPanel("status"),
        FieldPanel("outcome"),
        MultiFieldPanel(
            [
                FieldPanel("goal"),
                FieldRowPanel([FieldPanel("offline_count"), FieldPanel("offline_note")]),
                FieldPanel("count_unconfirmed"),
                FieldPanel("show_recent_signers"),
            ],
            heading=_("Count and goal"),
        ),
        MultiFieldPanel(
            [FieldPanel("ask_postcode"), FieldPanel("ask_comment")],
            heading=_("Form"),
        ),
        FieldPanel("thank_you_text"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(signing_panels, heading=_("Signing")),
            ObjectList(ShareablePageMixin.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
            ObjectList([EmbedPanel()], heading=_("Embed")),
        ]
    )

    # Partners embed the counter and the sign form (campaign_site.embeds, petitions.widgets).
    embed_kind = "petition"
    embed_height = 900
    embed_title = _("Petition")

    api_fields = [
        APIField("lead"),
        APIField("demands"),
        APIField("counter", serializer=PetitionCounterField(source="*")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    translatable_fields = page_fields(
        TranslatableField("lead"),
        TranslatableField("demands"),
        TranslatableField("body"),
        TranslatableField("decision_makers"),
        TranslatableField("organiser_name"),
        TranslatableField("thank_you_text"),
        TranslatableField("outcome"),
        TranslatableField("offline_note"),
        SynchronizedField("organiser_url"),
        SynchronizedField("organiser_contact"),
        SynchronizedField("launch_date"),
        SynchronizedField("share_image"),
        SynchronizedField("status", overridable=False),
        SynchronizedField("goal", overridable=False),
        SynchronizedField("offline_count", overridable=False),
        SynchronizedField("count_unconfirmed", overridable=False),
        SynchronizedField("show_recent_signers", overridable=False),
        SynchronizedField("ask_postcode", overridable=False),
        SynchronizedField("ask_comment", overridable=False),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "petitions/petition_page.html"

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")

    # --- shared state -------------------------------------------------------

    @cached_property
    def petition(self):
        """The record every translation of this page shares (created on first use)."""
        return Petition.for_page(self)

    # --- rendering ------------------------------------------------------------

    def get_context(self, request, *args, form=None, state=None, **kwargs):
        from .forms import PublicSignatureForm
        from .views import petition_context

        context = super().get_context(request, *args, **kwargs)
        if form is None and state is None and self.petition.is_open:
            form = PublicSignatureForm(petition=self.petition, language=self.locale_code)
        context.update(petition_context(self, request, form=form, state=state))
        return context

    @property
    def locale_code(self):
        return self.locale.language_code

    @path("")
    def petition_view(self, request):
        return self.render(request)

    @path("thanks/")
    def thanks_view(self, request):
        """The thank-you state: share links and what happens next, without personal data."""
        state = request.GET.get("r")
        if state not in THANKS_STATES:
            state = "signed"
        response = self.render(request, state=state)
        response["X-Robots-Tag"] = "noindex"
        return response

    def thanks_url(self, state):
        return f"{self.url}{self.reverse_subpage('thanks_view').lstrip('/')}?r={state}"


# What the thank-you state can say: after signing (confirmation email sent), when
# the email had already signed, and after pressing the confirmation button.
THANKS_STATES = ("signed", "already", "confirmed")


class PetitionDecisionMaker(TranslatableMixin, Orderable):
    """Someone the petition is addressed to. Delivery records refer to them."""

    page = ParentalKey(PetitionPage, on_delete=models.CASCADE, related_name="decision_makers")
    name = models.CharField(_("name"), max_length=255)
    role = models.CharField(_("role"), max_length=255, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("role"),
        TranslatableField("organisation"),
        SynchronizedField("photo"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("decision maker")
        verbose_name_plural = _("decision makers")

    def __str__(self):
        return ", ".join(part for part in (self.name, self.role, self.organisation) if part)


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
        _("status"), max_length=10, choices=PetitionStatus.choices, default=PetitionStatus.OPEN
    )
    goal = models.PositiveIntegerField(_("goal"), default=0)
    offline_count = models.PositiveIntegerField(_("signatures gathered elsewhere"), default=0)
    count_unconfirmed = models.BooleanField(_("count unconfirmed signatures"), default=False)
    ask_postcode = models.BooleanField(_("ask for a postcode"), default=False)
    ask_comment = models.BooleanField(_("ask for a comment"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("petition record")
        verbose_name_plural = _("petition records")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    # --- the link with pages --------------------------------------------------

    @classmethod
    def for_page(cls, page):
        """The shared record of `page`'s petition, created from its source page if needed."""
        petition = cls.objects.filter(translation_key=page.translation_key).first()
        if petition is not None:
            return petition
        source = (
            PetitionPage.objects.filter(translation_key=page.translation_key).order_by("pk").first()
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

    def pages(self):
        return PetitionPage.objects.filter(translation_key=self.translation_key)

    def page_in(self, language_code):
        """The live page in `language_code`, else the live source page, else any live one.

        A plain `Page` (title, URL): call `.specific` for the rest. Emails need no more,
        and loading every translation's body for them cost a third of a signature.
        """
        pages = {
            page.locale.language_code: page
            for page in Page.objects.filter(translation_key=self.translation_key)
            .live()
            .select_related("locale")
        }
        if language_code in pages:
            return pages[language_code]
        source = next((page for page in pages.values() if page.pk == self.page_id), None)
        return source or next(iter(pages.values()), None)

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
        return queryset.filter(confirmed_at__isnull=False)

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
                self.signatures.filter(invalidated_at__isnull=True)
                .annotate(
                    is_confirmed=ExpressionWrapper(
                        Q(confirmed_at__isnull=False), output_field=models.BooleanField()
                    )
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


class Source(models.TextChoices):
    PAGE = "page", _("Petition page")
    WIDGET = "widget", _("Embedded widget")
    API = "api", _("API")
    IMPORT = "import", _("Import")


class Signature(models.Model):
    """One person's signature of one petition, in whichever language they signed it."""

    petition = models.ForeignKey(
        Petition, verbose_name=_("petition"), on_delete=models.PROTECT, related_name="signatures"
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

    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
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
    """How many valid signatures a petition has, by country and confirmation."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="tallies")
    country = models.CharField(max_length=2, blank=True)
    confirmed = models.BooleanField()
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("signature tally")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "country", "confirmed"], name="petitions_one_tally_row"
            )
        ]

    def __str__(self):
        return f"{self.petition_id} {self.country or '--'} {self.confirmed}: {self.count}"


class SignatureImport(models.Model):
    """One CSV file of signatures from another platform, and what became of each row."""

    petition = models.ForeignKey(
        Petition, verbose_name=_("petition"), on_delete=models.PROTECT, related_name="imports"
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


class Delivery(models.Model):
    """The petition delivered to one decision maker, and their response. Shown publicly."""

    petition = models.ForeignKey(
        Petition, verbose_name=_("petition"), on_delete=models.CASCADE, related_name="deliveries"
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

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-delivered_on", "-pk"]

    def __str__(self):
        return f"{self.decision_maker_name} · {self.delivered_on:%Y-%m-%d}"


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

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ["-erased_at"]

    def __str__(self):
        return f"{self.erased_at:%Y-%m-%d} ({self.signatures_erased})"


from .partners import Partner  # noqa: E402,F401 - a model of this app, kept in its own module
