"""Template helpers for the petition page."""

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def field_widget(field):
    """A form field's widget, tied to its help text and errors for assistive technology."""
    described_by = []
    attrs = {}
    if field.help_text:
        described_by.append(f"{field.auto_id}-help")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def is_email(value):
    value = (value or "").strip()
    return "@" in value and " " not in value and ":" not in value


@register.filter
def live_figure(value, name):
    """`value` as the page writes it, marked for petitions/live.js to keep up to date."""
    return format_html(
        '<span data-live="{}" data-value="{}">{}</span>', name, value, intcomma(value)
    )
