"""`{% proof_of_work %}`: the under-attack check inside a public form, when switched on."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from campaign_site import abuse

register = template.Library()

#: The widget's own translations are named after these (static/vendor/altcha).
WIDGET_LANGUAGES = {"en": "en", "fr": "fr-fr", "hy": "hy"}


@register.simple_tag(takes_context=True)
def proof_of_work(context):
    request = context.get("request")
    if request is None or not abuse.under_attack(request):
        return ""
    return render_to_string(
        "abuse/proof_of_work.html",
        {
            "challenge_url": reverse("widgets:proof_of_work_challenge"),
            "field_name": abuse.PROOF_OF_WORK_FIELD,
            "widget_language": WIDGET_LANGUAGES.get(translation.get_language(), "en"),
        },
    )
