"""The signature form: its fields and rules, shared by every way of signing.

`SignatureForm` holds the rules (required fields, lengths, country list,
consents). `petitions.signing.sign()` validates whatever it is given with it,
so the page, the embedded widget, the API and imports accept the same data.
`PublicSignatureForm` adds what a public HTML form needs on top: a signed,
timestamped token instead of a CSRF cookie, and a honeypot (campaign_site.abuse).
"""

import functools
import re

from django import forms
from django.forms.utils import flatatt
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from campaign_site import abuse

from . import conf

NAME_MAX = 100
COMMENT_MAX = 1000
# Names with links or markup are spam, not names.
_NOT_A_NAME = re.compile(r"(https?:|www\.|[<>@/\\]|\d{3,})", re.IGNORECASE)

CONTACT_CONSENT_TEXT = _(
    "Yes, the organisers of this petition may email me about this campaign. "
    "I can unsubscribe at any time."
)
NAMED_CONSENT_TEXT = _(
    "Yes, my first name, last name and country may be listed in the petition delivered "
    "to the decision makers."
)


def default_consent_texts():
    """The consent wordings exactly as the form shows them, in the active language."""
    return {
        "contact_consent_text": str(CONTACT_CONSENT_TEXT),
        "named_consent_text": str(NAMED_CONSENT_TEXT),
    }


def country_choices():
    """Countries in the active language, sorted for it, after an empty choice."""
    return [("", _("Choose your country")), *_sorted_countries(get_language())]


@functools.lru_cache(maxsize=32)
def _sorted_countries(language):
    # Sorting 250 localized names on every form costs more than the rest of the form.
    return tuple((code, str(name)) for code, name in countries)


@functools.cache
def _country_codes():
    return frozenset(str(code) for code, _name in countries)


class CountryChoices(BaseChoiceIterator):
    """`country_choices()` read when iterated, in the language active then.

    Django normalises a plain list of choices each time it is given to a field and
    again to its widget, walking the 250 countries twice on every form built; an
    iterator of this kind it takes as it is, so forms share this one, built once per
    process, and the sorted names are computed once per language (`_sorted_countries`).
    """

    def __iter__(self):
        yield ("", _("Choose your country"))
        yield from _sorted_countries(get_language())

    def __deepcopy__(self, memo):
        return self  # it holds nothing a form could change

    def __copy__(self):
        return self


COUNTRY_CHOICES = CountryChoices()


class CountryField(forms.ChoiceField):
    """The country list's field: a valid choice is looked up, not searched for among 250."""

    def valid_value(self, value):
        return str(value) in _country_codes()


class CountrySelect(forms.Select):
    """A select rendered in one pass: Django renders each <option> through a template,
    which for 250 countries cost more than the rest of the petition page."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (code, mark_safe(" selected") if str(code) in selected else "", label)  # noqa: S308
                for code, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


def validate_name(value):
    if _NOT_A_NAME.search(value):
        raise forms.ValidationError(
            _("Please write only your name, without links, numbers or symbols."), code="not_a_name"
        )


class SignatureForm(forms.Form):
    """What a signer gives. Field names are the signing service's data keys."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=NAME_MAX,
        validators=[validate_name],
        error_messages={"required": _("Please enter your first name.")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=NAME_MAX,
        validators=[validate_name],
        error_messages={"required": _("Please enter your last name.")},
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send you a link to confirm your signature. It is never shown publicly."),
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": _("Please enter an email address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    country = CountryField(
        label=_("Country"),
        choices=COUNTRY_CHOICES,
        error_messages={
            "required": _("Please choose your country."),
            "invalid_choice": _("Please choose your country from the list."),
        },
        widget=CountrySelect(attrs={"autocomplete": "country"}),
    )
    postcode = forms.CharField(
        label=_("Postcode (optional)"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    comment = forms.CharField(
        label=_("Why are you signing? (optional)"),
        max_length=COMMENT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    named_consent = forms.BooleanField(label=NAMED_CONSENT_TEXT, required=False)
    contact_consent = forms.BooleanField(label=CONTACT_CONSENT_TEXT, required=False)

    def __init__(self, *args, petition, require_country=True, keep_optional=False, **kwargs):
        """`keep_optional`: keep the postcode and comment even if this petition does not ask
        them (an import keeps what the other platform gathered)."""
        super().__init__(*args, **kwargs)
        self.petition = petition
        #: What the form was built for (signing.validate takes it only for the same).
        self.built_for = (petition.pk, require_country, keep_optional)
        self.fields["country"].required = require_country
        if not petition.ask_postcode and not keep_optional:
            del self.fields["postcode"]
        if not petition.ask_comment and not keep_optional:
            del self.fields["comment"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        abuse.validate_public_mailbox(email)
        return email


def form_token_scope(petition):
    """What a sign form's token is for: one petition, whichever its language."""
    return f"petition:{petition.pk}"


class PublicSignatureForm(SignatureForm):
    """The form on the petition page and in the widget."""

    token_field_name = abuse.TOKEN_FIELD

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        # The honeypot: hidden from people (and from assistive technology), filled by bots.
        self.fields[abuse.HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @functools.cached_property
    def fresh_token(self):
        """The token this rendering carries: every rendering gets a fresh one, a form
        shown again with errors included. Drawn when rendered, not for a POST that is
        only validated (the most frequent request on a busy day)."""
        return abuse.issue_form_token(form_token_scope(self.petition))

    @property
    def honeypot(self):
        return self[abuse.HONEYPOT_FIELD]

    @property
    def is_spam(self):
        return bool(self.is_bound and abuse.honeypot_filled(self.data))

    def clean(self):
        cleaned = super().clean()
        problem = abuse.form_token_problem(
            self.data.get(abuse.TOKEN_FIELD),
            form_token_scope(self.petition),
            min_seconds=conf.get("PETITIONS_FORM_MIN_SECONDS"),
            max_age=conf.get("PETITIONS_FORM_MAX_AGE"),
        )
        if problem:
            raise forms.ValidationError(
                _(
                    "For your security this form needs to be sent again. Please check your "
                    "details and press the button once more."
                ),
                code="token",
            )
        return cleaned

    def service_data(self):
        """The cleaned values the signing service takes."""
        return {
            name: value for name, value in self.cleaned_data.items() if name != abuse.HONEYPOT_FIELD
        }
