"""Blocks of the home page's own sections: the dated context and the organisations behind it.

The story blocks that news, petitions and profiles share live in `campaign_site.blocks`.
"""

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class TimelineEventBlock(blocks.StructBlock):
    """One dated step of the campaign's context, as the seed's "The Current Context"."""

    date = blocks.DateBlock(label=_("Date"))
    precision = blocks.ChoiceBlock(
        choices=[("day", _("Day")), ("month", _("Month")), ("year", _("Year"))],
        default="day",
        label=_("Show"),
        help_text=_("When the sources give only a month or a year, show only that."),
    )
    title = blocks.CharBlock(label=_("What happened"))
    text = blocks.RichTextBlock(
        label=_("Details"), features=["bold", "italic", "link"], required=False
    )

    class Meta:
        icon = "date"
        label = _("Dated event")
        template = "home/blocks/timeline_event.html"
        description = _("A dated step of the context: what happened and when.")
        preview_value = {
            "date": datetime.date(2020, 11, 10),
            "precision": "day",
            "title": "Ceasefire declaration",
            "text": "<p>The declaration provided for the exchange of all prisoners of war.</p>",
        }


class TimelineBlock(blocks.StreamBlock):
    event = TimelineEventBlock()

    class Meta:
        template = "home/blocks/timeline.html"


class SupportingOrganisationBlock(blocks.StructBlock):
    """An organisation running or supporting the campaign."""

    name = blocks.CharBlock(label=_("Name"))
    logo = ImageChooserBlock(
        label=_("Logo"),
        required=False,
        help_text=_("Shown at most 4 rem high; the name is its text alternative."),
    )
    url = blocks.URLBlock(label=_("Website"), required=False)

    class Meta:
        icon = "group"
        label = _("Partner organisation")
        template = "home/blocks/partner.html"
        description = _("An organisation behind the campaign: name, logo and website.")
        preview_value = {"name": "Covcas Center", "url": ""}


class SupportingOrganisationsBlock(blocks.StreamBlock):
    partner = SupportingOrganisationBlock()

    class Meta:
        template = "home/blocks/partners.html"
