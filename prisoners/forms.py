"""The public forms: sponsorships and letters of support (index filters: prisoners.filters)."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from campaign_site import abuse

from .models import Letter, Sponsorship, SponsorType
from .models.letter import MAX_LETTER_LENGTH

#: The sponsorship form's honeypot: not campaign_site.abuse.HONEYPOT_FIELD ("website"),
#: which is a real field of this form.
HONEYPOT_FIELD = "fax_number"
#: Names the form in its anti-abuse token.
FORM_SCOPE = "sponsor"
#: The letter form has no "website" field: it uses campaign_site.abuse.HONEYPOT_FIELD.
LETTER_FORM_SCOPE = "letter"

MAX_PROOF_SIZE = 5 * 1024 * 1024
PDF_TYPES = {"application/pdf", "application/x-pdf"}


def check_pdf(upload):
    """Size, extension, declared type and the file's own first bytes must all say PDF."""
    if upload.size > MAX_PROOF_SIZE:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_PROOF_SIZE)},
        )
    name_ok = upload.name.lower().endswith(".pdf")
    type_ok = (getattr(upload, "content_type", "") or "").lower() in PDF_TYPES
    upload.seek(0)
    magic_ok = upload.read(5) == b"%PDF-"
    upload.seek(0)
    if not (name_ok and type_ok and magic_ok):
        raise ValidationError(_("The proof document must be a PDF file."), code="not_pdf")
    return upload


class AccessibleErrorsMixin:
    def full_clean(self):
        super().full_clean()
        # Screen readers announce a field's error and help with the field itself.
        for name in self.errors:
            if name in self.fields:
                field = self.fields[name]
                described = [f"{self[name].auto_id}_error"]
                if field.help_text:
                    described.append(f"{self[name].auto_id}_helptext")
                field.widget.attrs["aria-describedby"] = " ".join(described)


class SponsorshipForm(AccessibleErrorsMixin, forms.ModelForm):
    """What an applicant fills in. Status, keys and language are set by the view."""

    sponsor_type = forms.ChoiceField(
        label=_("You are"), choices=SponsorType.choices, widget=forms.RadioSelect
    )
    proof = forms.FileField(
        label=_("Proof document (optional)"),
        required=False,
        help_text=_("For example a council resolution. A PDF file of 5 MB at most."),
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    website = forms.URLField(
        label=_("Website (optional)"),
        required=False,
        assume_scheme="https",
        max_length=200,
        error_messages={"invalid": _("Enter the full address of the website, with https://.")},
        widget=forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
    )
    consent_to_list = forms.BooleanField(
        label=_("List our name, city and statement on the campaign site once approved"),
        required=False,
    )

    class Meta:
        model = Sponsorship
        fields = [
            "sponsor_type",
            "name",
            "country",
            "city",
            "contact_person",
            "email",
            "website",
            "proof",
            "statement",
            "consent_to_list",
        ]
        labels = {
            "name": _("Name of the sponsor"),
            "contact_person": _("Contact person"),
            "email": _("Email address"),
            "website": _("Website (optional)"),
            "statement": _("Public statement (optional)"),
        }
        help_texts = {
            "name": _("As it should appear on the site, e.g. “City of Exampleville”."),
            "contact_person": _("Not published. We write to this person about the decision."),
            "email": _("Not published. Used only for this sponsorship."),
            "statement": _("Published with your name if you agree below. 2,000 characters."),
        }
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
            "name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_person": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "website": forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
        }
        error_messages = {
            "name": {"required": _("Enter the name of the sponsor.")},
            "country": {"required": _("Choose the country.")},
            "city": {"required": _("Enter the city.")},
            "contact_person": {"required": _("Enter the name of a contact person.")},
            "email": {
                "required": _("Enter an email address."),
                "invalid": _("Enter an email address like name@example.org."),
            },
            "website": {"invalid": _("Enter the full address of the website, with https://.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sponsor_type"].error_messages["required"] = _("Choose the type of sponsor.")
        country = self.fields["country"]
        country.widget.attrs["autocomplete"] = "country"
        # A sentence instead of Django's "---------" as the empty choice.
        country.choices = [
            ("", _("Choose the country")),
            *((code, name) for code, name in country.choices if code),
        ]

    def clean_proof(self):
        upload = self.cleaned_data.get("proof")
        if upload and hasattr(upload, "content_type"):
            return check_pdf(upload)
        return upload

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        abuse.validate_public_mailbox(email)
        return email

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())


class LetterForm(AccessibleErrorsMixin, forms.ModelForm):
    """A letter of support. The person, status and dates are set by the view."""

    class Meta:
        model = Letter
        fields = ["first_name", "country", "message", "language", "email"]
        labels = {
            "first_name": _("Your first name"),
            "country": _("Your country"),
            "message": _("Your message"),
            "language": _("Language of your message"),
            "email": _("Your email address"),
        }
        help_texts = {
            "first_name": _("Only your first name, as it may be shown with your message."),
            "message": _("A few warm words, 1,500 characters at most."),
            "language": _("Helps us pass it on or translate it."),
            "email": _("Not published. Used only if we need to ask about your message."),
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "message": forms.Textarea(attrs={"rows": 6, "maxlength": MAX_LETTER_LENGTH}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        error_messages = {
            "first_name": {"required": _("Enter your first name.")},
            "country": {"required": _("Choose your country.")},
            "message": {
                "required": _("Write your message."),
                "max_length": _("Your message is too long: 1,500 characters at most."),
            },
            "email": {
                "required": _("Enter an email address."),
                "invalid": _("Enter an email address like name@example.org."),
            },
        }

    def __init__(self, *args, **kwargs):
        # Its own ids: the profile may hold other forms with a first name or an email.
        kwargs.setdefault("auto_id", "letter_%s")
        super().__init__(*args, **kwargs)
        self.fields["country"].widget.attrs["autocomplete"] = "country"
        self.fields["language"].error_messages["invalid_choice"] = _("Choose a language.")
        if not self.is_bound:
            self.initial.setdefault("language", translation.get_language())

    def clean_first_name(self):
        return " ".join(self.cleaned_data["first_name"].split())

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        abuse.validate_public_mailbox(email)
        return email

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise ValidationError(_("Write your message."), code="required")
        return message
