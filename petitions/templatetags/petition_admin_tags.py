"""The signature listing's bulk actions (ours only: signatures are never deleted), and
country names in the editor's language."""

from django import template
from django.urls import reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.widgets.button import ListingButton

from petitions import page_context

register = template.Library()


@register.inclusion_tag("wagtailadmin/shared/buttons.html")
def signature_bulk_actions():
    actions = sorted(
        (
            action
            for action in bulk_action_registry.get_bulk_actions_for_model("petitions", "signature")
            if action.action_type != "delete"
        ),
        key=lambda action: action.action_priority,
    )
    return {
        "buttons": [
            ListingButton(
                action.display_name,
                reverse("wagtail_bulk_action", args=["petitions", "signature", action.action_type]),
                attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
                priority=action.action_priority,
                classname="bulk-action-btn",
            )
            for action in actions
        ]
    }


@register.filter
def country_name(code):
    """The name of the country `code` in the active language; "" for none."""
    return page_context.country_name(code) if code else ""
