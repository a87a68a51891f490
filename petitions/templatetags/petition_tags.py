"""Template helpers for the petition page."""

from django import template

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
