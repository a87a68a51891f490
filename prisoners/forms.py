"""The sponsorship application form (the index's filters are in prisoners.filters)."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .models import Sponsorship, SponsorType

#: The sponsorship form's honeypot: not campaign_site.abuse.HONEYPOT_FIELD ("website"),
#: which is a real field of this form.
HONEYPOT_FIELD = "fax_number"
#: Names the form in its anti-abuse token.
FORM_SCOPE = "sponsor"

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


class SponsorshipForm(forms.ModelForm):
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
        self.fields["country"].widget.attrs["autocomplete"] = "country"

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

    def clean_proof(self):
        upload = self.cleaned_data.get("proof")
        if upload and hasattr(upload, "content_type"):
            return check_pdf(upload)
        return upload

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())
