"""The delivery log: the petition delivered to each decision maker, and the response."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import DateColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign_site.admin_choosers import PermissionCheckedChooserViewSet

from ..models import Delivery, Petition, PetitionDecisionMaker


def decision_maker_choices():
    """Decision makers of each petition's source page, grouped by petition."""
    petitions = {petition.page_id: petition for petition in Petition.objects.exclude(page=None)}
    people = PetitionDecisionMaker.objects.filter(page_id__in=petitions).order_by(
        "page_id", "sort_order"
    )
    groups = {}
    for person in people:
        petition = petitions[person.page_id]
        groups.setdefault(petition, []).append(
            (f"{petition.pk}:{person.translation_key}", str(person))
        )
    return [("", "---------")] + [(petition.title, choices) for petition, choices in groups.items()]


class DeliveryForm(WagtailAdminModelForm):
    decision_maker = forms.ChoiceField(label=gettext_lazy("Decision maker"), choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision_maker"].choices = decision_maker_choices()
        if self.instance.pk:
            self.initial["decision_maker"] = (
                f"{self.instance.petition_id}:{self.instance.decision_maker_key}"
            )

    def clean_decision_maker(self):
        value = self.cleaned_data["decision_maker"]
        petition_id, _colon, key = value.partition(":")
        person = (
            PetitionDecisionMaker.objects.filter(translation_key=key)
            .filter(page_id__in=Petition.objects.filter(pk=petition_id).values("page_id"))
            .first()
        )
        if person is None:
            raise ValidationError(_("Choose a decision maker of the petition."))
        return person, Petition.objects.get(pk=petition_id)

    def save(self, commit=True):
        person, petition = self.cleaned_data["decision_maker"]
        self.instance.petition = petition
        self.instance.decision_maker_key = person.translation_key
        self.instance.decision_maker_name = person.name
        return super().save(commit=commit)

    class Meta:
        model = Delivery
        fields = [
            "decision_maker",
            "delivered_on",
            "channel",
            "note",
            "response_status",
            "response_date",
            "response_text",
        ]


class DeliveryViewSet(SnippetViewSet):
    model = Delivery
    icon = "mail"
    menu_label = gettext_lazy("Deliveries")
    url_prefix = "petitions/deliveries"
    # Wagtail's default namespace (wagtailsnippets_petitions_delivery): wagtail-localize
    # reverses it to translate deliveries.
    copy_view_enabled = False
    # Wagtail's chooser for every snippet listed deliveries to any admin user.
    chooser_viewset_class = PermissionCheckedChooserViewSet
    list_display = [
        "decision_maker_name",
        "petition",
        DateColumn("delivered_on", label=gettext_lazy("Delivered on")),
        "channel",
        "response_status",
    ]
    list_filter = ["petition", "response_status", "channel"]
    ordering = ["-delivered_on"]
    panels = [
        FieldPanel("decision_maker"),
        FieldRowPanel([FieldPanel("delivered_on"), FieldPanel("channel")]),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("response_status"), FieldPanel("response_date")]),
        FieldPanel("response_text"),
    ]

    @cached_property
    def edit_handler(self):
        return ObjectList(self.panels, base_form_class=DeliveryForm)
