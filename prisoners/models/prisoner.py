"""One person across all languages: the facts that do not depend on the language.

Every translation of a profile points at the same `Prisoner` row, the way every
translation of a petition shares one `Petition`. Editors set the facts on the source
page (its "Facts" and "Safety and consent" tabs); they travel in the page's revisions
and apply to this row when that page is published (`apply_facts_of`), so one publish
changes every language, every API, the open data and the figures at once.

To add a fact: add the field here and its name to FACTS (and to the form's panels);
a migration adds the column, and revisions made before it read the default.
"""

import datetime

from django.core.validators import RegexValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Orderable

from ..facts import (
    Answer,
    AppealOutcome,
    Category,
    Compliance,
    ContactChannel,
    DetentionEventKind,
    Status,
    can_be_sponsored,
    icrc_visit_dates,
    last_icrc_visit,
)
from ..visibility import Consent, Visibility, capped

#: The facts a profile page reads from its Prisoner and offers in its editor.
FACTS = (
    "category",
    "status",
    "photo",
    "captured_on",
    "born_on",
    "age_at_capture",
    "icrc_registration",
    "acknowledged",
    "detention_place",
    "sentenced_on",
    "sentence_years",
    "expected_release_on",
    "released_on",
    "consent",
    "visibility",
    "consent_notes",
    "is_sample",
    "letters_shown",
    "appeal_lodged_on",
    "appeal_outcome",
    "appeal_decided_on",
    "echr_application",
    "echr_lodged_on",
    "echr_interim_measure",
    "echr_interim_measure_on",
    "echr_compliance",
    "family_contact_on",
    "family_contact_channel",
    "family_contact_public",
    "health_noted_on",
    "health_public",
    # Not a column: the record's dated rows (DetentionEvent), as a list of dicts.
    "detention_events",
)

#: The facts that are rows of another table, not columns of the record.
ROW_FACTS = frozenset({"detention_events"})

#: An application number of the European Court of Human Rights: number/year.
echr_application_validator = RegexValidator(
    r"^[0-9]{1,5}/[0-9]{2}$",
    _(
        "Write the application number as the Court does: digits, a slash, two digits of the "
        "year (e.g. 12345/21)."
    ),
)


class PrisonerQuerySet(models.QuerySet):
    def fully_visible(self):
        """People on a full profile: the only ones whose photo may have a public address."""
        return self.filter(visibility=Visibility.FULL)

    def not_fully_visible(self):
        return self.exclude(visibility=Visibility.FULL)


class Prisoner(models.Model):
    """One detained person, shared by every translation of their profile."""

    translation_key = models.UUIDField(_("translation key"), unique=True, editable=False)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("source page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the facts are edited on; publishing it applies them."),
    )
    # For editors' lists and the audit log; the public reads names from the pages.
    name = models.CharField(_("name"), max_length=255, blank=True)

    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown only on full profiles, never for “name only” or “counted”."),
    )
    captured_on = models.DateField(_("date of capture"), null=True, blank=True)
    born_on = models.DateField(_("date of birth"), null=True, blank=True)
    age_at_capture = models.PositiveSmallIntegerField(
        _("age at capture"),
        null=True,
        blank=True,
        help_text=_("When the date of birth is not known."),
    )
    icrc_registration = models.CharField(
        _("registered by the ICRC"),
        max_length=10,
        choices=Answer.choices,
        default=Answer.UNKNOWN,
    )
    #: Derived: the latest ICRC-visit row (`last_icrc_visit`), not edited by itself.
    icrc_last_visit_on = models.DateField(
        _("last known ICRC visit"), null=True, blank=True, editable=False
    )
    acknowledged = models.CharField(
        _("the holding state acknowledges holding this person"),
        max_length=10,
        choices=Answer.choices,
        default=Answer.UNKNOWN,
    )
    detention_place = models.CharField(
        _("place of detention"),
        max_length=255,
        blank=True,
        help_text=_(
            "The last known place, by its short name as the source page writes it (the "
            "same in every language, not translated). Record a move as a transfer below."
        ),
    )
    sentenced_on = models.DateField(_("date of the verdict"), null=True, blank=True)
    sentence_years = models.PositiveSmallIntegerField(_("sentence (years)"), null=True, blank=True)
    expected_release_on = models.DateField(_("expected release date"), null=True, blank=True)
    released_on = models.DateField(
        _("end of captivity"),
        null=True,
        blank=True,
        help_text=_("Date of release or repatriation, or of death in custody."),
    )
    consent = models.CharField(
        _("family's consent"),
        max_length=20,
        choices=Consent.choices,
        default=Consent.NOT_ASKED,
    )
    visibility = models.PositiveSmallIntegerField(
        _("visibility"),
        choices=Visibility.choices,
        default=Visibility.COUNTED,
        help_text=_("Takes effect in every language when you publish."),
    )
    consent_notes = models.TextField(
        _("notes on consent (private)"),
        blank=True,
        help_text=_("Who gave or refused consent, when, and how to reach them. Never published."),
    )
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("A fictional person for the demo; marked as such on the site."),
    )
    letters_shown = models.BooleanField(
        _("show letters of support on the profile"),
        default=False,
        help_text=_(
            "Only when the family agrees. Approved letters then appear with the writer's "
            "first name and country; they are never shown on a hidden profile."
        ),
    )
    # --- Appeal and the European Court of Human Rights (court names: PrisonerPage) ---
    appeal_lodged_on = models.DateField(
        _("appeal lodged on"),
        null=True,
        blank=True,
        help_text=_(
            "When the defence appealed the verdict. The appeal court's name is on "
            "the Content tab (it is translated)."
        ),
    )
    appeal_outcome = models.CharField(
        _("outcome of the appeal"),
        max_length=20,
        choices=AppealOutcome.choices,
        blank=True,
        help_text=_("Leave empty when there is no appeal; “Pending” while it is heard."),
    )
    appeal_decided_on = models.DateField(
        _("appeal decided on"),
        null=True,
        blank=True,
        help_text=_("Date of the appeal court's decision."),
    )
    echr_application = models.CharField(
        _("ECHR application number"),
        max_length=12,
        blank=True,
        validators=[echr_application_validator],
        help_text=_("As the European Court of Human Rights writes it, e.g. 12345/21."),
    )
    echr_lodged_on = models.DateField(
        _("ECHR application lodged on"),
        null=True,
        blank=True,
        help_text=_("When the application reached the Court."),
    )
    echr_interim_measure = models.BooleanField(
        _("interim measure under Rule 39"),
        default=False,
        help_text=_(
            "Tick when the Court indicated an interim measure (Rule 39 of the "
            "Rules of Court) for this person."
        ),
    )
    echr_interim_measure_on = models.DateField(
        _("interim measure indicated on"),
        null=True,
        blank=True,
        help_text=_("Date the Court indicated the interim measure."),
    )
    echr_compliance = models.CharField(
        _("the holding state complies with the interim measure"),
        max_length=20,
        choices=Compliance.choices,
        default=Compliance.UNKNOWN,
        help_text=_("Only shown when an interim measure was indicated."),
    )
    # --- Private by default: shown only when the editor ticks "show publicly" ---
    family_contact_on = models.DateField(
        _("last contact with the family"),
        null=True,
        blank=True,
        help_text=_("Private unless you tick “show the family contact publicly”."),
    )
    family_contact_channel = models.CharField(
        _("channel of the last contact"),
        max_length=20,
        choices=ContactChannel.choices,
        blank=True,
        help_text=_("How the family last heard from the person."),
    )
    family_contact_public = models.BooleanField(
        _("show the family contact publicly"),
        default=False,
        help_text=_(
            "Only when the family agrees. Shown on full profiles and in the open "
            "data; never on name-only profiles."
        ),
    )
    health_noted_on = models.DateField(
        _("health concerns as of"),
        null=True,
        blank=True,
        help_text=_("When the health concerns were last confirmed."),
    )
    health_public = models.BooleanField(
        _("show the health concerns publicly"),
        default=False,
        help_text=_(
            "Only when the family agrees. Health is private by default: shown on "
            "full profiles and in the open data only when ticked."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PrisonerQuerySet.as_manager()

    class Meta:
        verbose_name = _("prisoner")
        verbose_name_plural = _("prisoners")

    def __str__(self):
        return self.name or str(self.translation_key)

    def save(self, *args, **kwargs):
        # Defence in depth: whatever reaches the database respects the consent.
        self.visibility = capped(self.visibility, self.consent)
        with transaction.atomic():
            self._derive_last_icrc_visit()
            if self.pk is not None:
                # The rows first: what listens to the save (the cache purge) sees them.
                self._write_events()
            super().save(*args, **kwargs)
            self._write_events()

    def _derive_last_icrc_visit(self):
        """`icrc_last_visit_on` is the latest ICRC-visit row, kept on the record so that
        cards and lists read it without the rows; set only when the rows are written."""
        new_events = self.__dict__.get("_new_detention_events")
        if new_events is not None:
            self.icrc_last_visit_on = last_icrc_visit(new_events)

    def _write_events(self):
        new_events = self.__dict__.pop("_new_detention_events", None)
        if new_events is None:
            return
        self.events.all().delete()
        DetentionEvent.objects.bulk_create(
            DetentionEvent(prisoner=self, sort_order=order, **event)
            for order, event in enumerate(new_events)
        )
        self.__dict__.pop("_prefetched_objects_cache", None)

    @property
    def detention_events(self):
        """The ICRC visits and transfers, in the editor's order, as plain dicts."""
        if "_new_detention_events" in self.__dict__:
            return self.__dict__["_new_detention_events"]
        if self.pk is None:
            return []
        return [event.as_fact() for event in self.events.all()]

    @detention_events.setter
    def detention_events(self, value):
        """Replaces the rows when the record is next saved."""
        self.__dict__["_new_detention_events"] = normalized_events(value)

    @property
    def icrc_visits(self):
        return icrc_visit_dates(self.detention_events)

    @property
    def transfers(self):
        return [
            event for event in self.detention_events if event["kind"] == DetentionEventKind.TRANSFER
        ]

    @property
    def can_be_sponsored(self):
        return can_be_sponsored(self.status)

    # --- the link with pages --------------------------------------------------

    @classmethod
    def default_fact(cls, name):
        if name in ROW_FACTS:
            return []
        field = cls._meta.get_field(name)
        return None if field.is_relation else field.get_default()

    @classmethod
    def get_or_create_for_page(cls, page, facts=None):
        """(record, created): `page`'s person, created from `facts` (the page's own) if needed."""
        record = cls.objects.filter(translation_key=page.translation_key).first()
        if record is not None:
            return record, False
        values = {name: cls.default_fact(name) for name in FACTS}
        values.update(facts or {})
        if isinstance(values.get("photo"), int):  # as a revision keeps it
            values["photo_id"] = values.pop("photo")
        with transaction.atomic():
            return cls.objects.get_or_create(
                translation_key=page.translation_key,
                defaults={"page_id": page.pk, "name": page.title, **values},
            )

    def is_edited_on(self, page):
        """Whether `page` is where this person's facts are edited (its source page)."""
        return self.page_id is None or self.page_id == page.pk

    def apply_facts_of(self, page, facts):
        """THE place where a publish changes the facts: `facts` set on `page`, its source.

        Returns the changes as {name: (old, new)} (empty when nothing changed or `page`
        is a translation, whose facts are never applied). Everything that must follow a
        change (search index, caches) listens to this row's post_save.
        """
        if not self.is_edited_on(page):
            return {}
        changes = {}
        for name in FACTS:
            if name not in facts:
                continue
            attname = "photo_id" if name == "photo" else name
            new = facts[name]
            if name == "photo" and new is not None and not isinstance(new, int):
                new = new.pk
            old = getattr(self, attname)
            if old != new:
                changes[name] = (old, new)
                setattr(self, attname, new)
        allowed = capped(self.visibility, self.consent)
        if allowed != self.visibility:
            changes["visibility"] = (changes.get("visibility", (self.visibility,))[0], allowed)
            self.visibility = allowed
        renamed = self.page_id != page.pk or self.name != page.title
        self.page_id, self.name = page.pk, page.title
        if changes or renamed:
            self.save()
        return changes


def fact_to_json(name, value):
    """A fact as a page revision keeps it (JSON)."""
    if name in ROW_FACTS:
        return [
            {key: fact_to_json(key, item) for key, item in event.items()}
            for event in normalized_events(value)
        ]
    if name == "photo":
        return getattr(value, "pk", value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def fact_from_json(name, value):
    if value is None or name == "photo":
        return value
    if name in ROW_FACTS:
        return normalized_events(value)
    return Prisoner._meta.get_field(name).to_python(value)


#: What a DetentionEvent row holds, as the fact (a dict per row) names it.
EVENT_KEYS = ("kind", "date", "from_place", "to_place")


def normalized_events(events):
    """Rows as dicts with every key, dates as dates: what compares equal when unchanged."""
    normalized = []
    for event in events or ():
        date = event.get("date")
        if isinstance(date, str):
            date = datetime.date.fromisoformat(date) if date else None
        normalized.append(
            {
                "kind": str(event.get("kind") or ""),
                "date": date,
                "from_place": (event.get("from_place") or "").strip(),
                "to_place": (event.get("to_place") or "").strip(),
            }
        )
    return normalized


class DetentionEvent(Orderable):
    """A dated row of a person's record: an ICRC visit, or a transfer between places.

    Shared by every translation, like the record: the place names are short plain text
    in the language of the source page (prisons are known by their name), not translated.
    Edited on the source page's Facts tab and applied when it is published, all rows at
    once (`Prisoner.detention_events`).
    """

    prisoner = models.ForeignKey(
        Prisoner, verbose_name=_("prisoner"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DetentionEventKind.choices)
    date = models.DateField(_("date"))
    from_place = models.CharField(_("from"), max_length=120, blank=True)
    to_place = models.CharField(_("to"), max_length=120, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("detention event")
        verbose_name_plural = _("detention events")

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%Y-%m-%d}"

    def as_fact(self):
        return {name: getattr(self, name) for name in EVENT_KEYS}
