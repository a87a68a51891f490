"""The profile page's editor form: the page's text, and the shared Prisoner's facts.

The facts are declared once, on `Prisoner`; this form offers them on the page
("Facts" and "Safety and consent" tabs) and hands them to the page, which keeps
them in its revision until it is published (see PrisonerPage.facts). Only the page
they are edited on (the source page) offers them: a translator never sees nor
changes a fact.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.images import get_image_model
from wagtail.images.widgets import AdminImageChooser

from .facts import DetentionEventKind
from .models.prisoner import FACTS, DetentionEvent, Prisoner, echr_application_validator


def fact_field(name, **kwargs):
    return formfield_for_dbfield(Prisoner._meta.get_field(name), **kwargs)


def place_block(name):
    field = DetentionEvent._meta.get_field(name)
    return blocks.CharBlock(
        label=field.verbose_name,
        max_length=field.max_length,
        help_text=_("The short name of the place, as the source page writes it."),
    )


class DetentionEventsBlock(blocks.StreamBlock):
    """The record's dated rows (DetentionEvent) as editors set them: ordered, shared by
    every translation. Place names are plain text, not translated."""

    icrc_visit = blocks.StructBlock(
        [("date", blocks.DateBlock(label=_("date")))],
        label=DetentionEventKind.ICRC_VISIT.label,
        icon="date",
        help_text=_("A visit of the International Committee of the Red Cross."),
    )
    transfer = blocks.StructBlock(
        [
            ("date", blocks.DateBlock(label=_("date"))),
            ("from_place", place_block("from_place")),
            ("to_place", place_block("to_place")),
        ],
        label=DetentionEventKind.TRANSFER.label,
        icon="redirect",
        help_text=_("A move from one place of detention to another."),
    )

    class Meta:
        required = False


def events_field():
    block = DetentionEventsBlock()
    block.set_name("detention_events")
    return blocks.BlockField(
        block=block,
        required=False,
        label=_("ICRC visits and transfers"),
        help_text=_(
            "Dated events of the detention, the same in every language. Public on full "
            "profiles and in the open data."
        ),
    )


def events_to_stream(block, events):
    """The record's rows (dicts) as the editor's stream value."""
    raw = []
    for event in events:
        value = {"date": event["date"].isoformat() if event["date"] else None}
        if event["kind"] == DetentionEventKind.TRANSFER:
            value.update(from_place=event["from_place"], to_place=event["to_place"])
        raw.append({"type": event["kind"], "value": value})
    return block.to_python(raw)


def stream_to_events(stream):
    return [
        {
            "kind": child.block_type,
            "date": child.value.get("date"),
            "from_place": child.value.get("from_place", ""),
            "to_place": child.value.get("to_place", ""),
        }
        for child in stream or ()
    ]


class PrisonerPageForm(WagtailAdminPageForm):
    category = fact_field("category")
    status = fact_field("status")
    photo = forms.ModelChoiceField(
        queryset=None,
        required=False,
        widget=AdminImageChooser,
        label=Prisoner._meta.get_field("photo").verbose_name,
        help_text=Prisoner._meta.get_field("photo").help_text,
    )
    captured_on = fact_field("captured_on")
    born_on = fact_field("born_on")
    age_at_capture = fact_field("age_at_capture")
    icrc_registration = fact_field("icrc_registration")
    acknowledged = fact_field("acknowledged")
    detention_place = fact_field("detention_place")
    sentenced_on = fact_field("sentenced_on")
    sentence_years = fact_field("sentence_years")
    expected_release_on = fact_field("expected_release_on")
    released_on = fact_field("released_on")
    consent = fact_field("consent")
    visibility = fact_field("visibility")
    consent_notes = fact_field("consent_notes")
    is_sample = fact_field("is_sample")
    letters_shown = fact_field("letters_shown")
    appeal_lodged_on = fact_field("appeal_lodged_on")
    appeal_outcome = fact_field("appeal_outcome")
    appeal_decided_on = fact_field("appeal_decided_on")
    echr_application = fact_field("echr_application", validators=[echr_application_validator])
    echr_lodged_on = fact_field("echr_lodged_on")
    echr_interim_measure = fact_field("echr_interim_measure")
    echr_interim_measure_on = fact_field("echr_interim_measure_on")
    echr_compliance = fact_field("echr_compliance")
    family_contact_on = fact_field("family_contact_on")
    family_contact_channel = fact_field("family_contact_channel")
    family_contact_public = fact_field("family_contact_public")
    health_noted_on = fact_field("health_noted_on")
    health_public = fact_field("health_public")
    detention_events = events_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.edits_the_facts:
            for name in FACTS:
                self.fields.pop(name, None)
            return
        if "photo" in self.fields:
            self.fields["photo"].queryset = get_image_model().objects.all()
        facts = self.instance.facts
        for name in FACTS:
            if name in self.fields:
                self.initial[name] = facts[name]
        events = self.fields["detention_events"]
        self.initial["detention_events"] = events_to_stream(events.block, facts["detention_events"])
        if self.is_bound:
            # A fact the post does not carry at all (a form older than the fact, a script)
            # stays as it is, as a model form leaves an omitted field's value.
            for name in FACTS:
                field = self.fields.get(name)
                if field is not None and field.widget.value_omitted_from_data(
                    self.data, self.files, self.add_prefix(name)
                ):
                    del self.fields[name]

    def _post_clean(self):
        # Before the page validates itself (PrisonerPage.clean checks the facts together).
        for name in FACTS:
            if name in self.fields and name in self.cleaned_data:
                value = self.cleaned_data[name]
                if name == "detention_events":
                    value = stream_to_events(value)
                setattr(self.instance, name, value)
        super()._post_clean()
