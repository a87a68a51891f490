"""Public views that are not pages: the sponsorship and letter forms, their thank-you pages.

Pages build their context in prisoners.context; these views only handle HTTP.
"""

from django.conf import settings
from django.db.models import Case, Value, When
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Locale

from campaign_site import abuse
from campaign_site.localization import localized_page

from . import certificates, conf, notifications
from .context import letter_form_context
from .forms import FORM_SCOPE, HONEYPOT_FIELD, LETTER_FORM_SCOPE, LetterForm, SponsorshipForm
from .models import PrisonerIndexPage, PrisonerPage
from .visibility import is_publicly_visible, public_profile

# --- Sponsorship ----------------------------------------------------------


def _target(key):
    """(profile or None, index) for a translation key, in the current language if possible."""
    locale = Locale.get_active()
    profile = _in_language(PrisonerPage, key, locale)
    if profile is not None:
        if not is_publicly_visible(profile):
            raise Http404
        return profile, profile.get_parent().specific
    index = _in_language(PrisonerIndexPage, key, locale)
    if index is None:
        raise Http404
    return None, index


def _in_language(model, key, locale):
    """The live, public `model` page with `key` in `locale`, else in the default language,
    else any; None when there is none."""
    source = (
        model.objects.live()
        .public()
        .filter(translation_key=key)
        .order_by(
            Case(
                When(locale__language_code=settings.LANGUAGE_CODE, then=Value(0)), default=Value(1)
            ),
            "pk",
        )
        .first()
    )
    return localized_page(source, locale, queryset=model.objects.all())


FORM_TOO_OLD = gettext_lazy(
    "This form was open for a long time. Please check your answers and send it again."
)
SPAM_MESSAGES = {
    "too-fast": gettext_lazy("Please check your answers, then send the form again."),
    "expired": FORM_TOO_OLD,
    "invalid": FORM_TOO_OLD,
}


@csrf_exempt  # A signed, timestamped form token replaces the CSRF cookie (campaign_site.abuse).
@never_cache
def sponsor(request, key):
    prisoner, index = _target(key)
    if prisoner is not None and not prisoner.can_be_sponsored:
        return _cannot_be_sponsored(request, prisoner)
    form_problem = None
    status = 200
    if request.method == "POST":
        form = SponsorshipForm(request.POST, request.FILES)
        if abuse.honeypot_filled(request.POST, field=HONEYPOT_FIELD):
            # Bots are told they succeeded, and nothing is kept.
            return redirect("prisoners_sponsor_thanks", key=key)
        problem = abuse.form_token_problem(
            request.POST.get(abuse.TOKEN_FIELD),
            FORM_SCOPE,
            min_seconds=conf.get("PRISONERS_SPONSOR_FORM_MIN_SECONDS"),
            max_age=conf.get("PRISONERS_SPONSOR_FORM_MAX_AGE"),
        )
        proof_refusal = abuse.proof_of_work_refusal(
            request, request.POST.get(abuse.PROOF_OF_WORK_FIELD)
        )
        if problem:
            form_problem = SPAM_MESSAGES[problem]
            form.is_valid()  # show field errors at the same time
        elif proof_refusal:
            form_problem = proof_refusal
            status = 400
            form.is_valid()
        elif abuse.rate_limited(
            request,
            "prisoners.sponsor",
            ip_rates=conf.get("PRISONERS_SPONSOR_IP_RATES"),
            email=request.POST.get("email", ""),
            email_rate=conf.get("PRISONERS_SPONSOR_EMAIL_RATE"),
        ):
            form_problem = _(
                "Too many applications have been sent from your connection or with this "
                "email address. Please try again tomorrow."
            )
            status = 429
            form.is_valid()
        elif form.is_valid():
            sponsorship = form.save(commit=False)
            sponsorship.campaign_key = index.translation_key
            sponsorship.prisoner_key = prisoner.translation_key if prisoner else None
            sponsorship.language = translation.get_language()
            sponsorship.save()
            notifications.application_received(sponsorship)
            return redirect("prisoners_sponsor_thanks", key=key)
    else:
        form = SponsorshipForm()

    file_lost = bool(request.FILES.get("proof")) and (bool(form.errors) or bool(form_problem))
    return TemplateResponse(
        request,
        "prisoners/sponsor_form.html",
        {
            # No `page`: the language switcher then leads to this same form in another language.
            "target_page": prisoner or index,
            "prisoner": public_profile(prisoner, with_children=False) if prisoner else None,
            "index": index,
            "form": form,
            "form_problem": form_problem,
            "file_lost": file_lost,
            "token": abuse.issue_form_token(FORM_SCOPE),
            "token_field": abuse.TOKEN_FIELD,
            "honeypot_field": HONEYPOT_FIELD,
        },
        status=status,
    )


def _cannot_be_sponsored(request, prisoner):
    """No form for a released or deceased person (the rule the profile's button follows).

    410 Gone rather than 200: the form this URL offered is gone for good, so search
    engines drop it and link checkers report it, while people read why and find the profile.
    """
    return TemplateResponse(
        request,
        "prisoners/sponsor_closed.html",
        {
            "target_page": prisoner,
            "prisoner": public_profile(prisoner, with_children=False),
            "back_url": prisoner.get_url(request),
        },
        status=410,
    )


def sponsor_thanks(request, key):
    prisoner, index = _target(key)
    return TemplateResponse(
        request,
        "prisoners/sponsor_thanks.html",
        {
            # No `page`: the language switcher then leads to this same form in another language.
            "target_page": prisoner or index,
            "prisoner": public_profile(prisoner, with_children=False) if prisoner else None,
            "index": index,
            "back_url": (prisoner or index).get_url(request),
        },
    )


# --- Letters of support ------------------------------------------------------


def _letter_target(key):
    """The public profile with translation key `key` in the current language; 404 when the
    person is hidden (their letters are written nowhere public)."""
    profile = _in_language(PrisonerPage, key, Locale.get_active())
    if profile is None or not is_publicly_visible(profile) or profile.prisoner_id is None:
        raise Http404
    return profile


@csrf_exempt  # A signed, timestamped form token replaces the CSRF cookie (campaign_site.abuse).
@never_cache
def write_letter(request, key):
    profile = _letter_target(key)
    form_problem = None
    status = 200
    if request.method == "POST":
        form = LetterForm(request.POST)
        if abuse.honeypot_filled(request.POST):
            return redirect("prisoners_letter_thanks", key=key)
        problem = abuse.form_token_problem(
            request.POST.get(abuse.TOKEN_FIELD),
            LETTER_FORM_SCOPE,
            min_seconds=conf.get("PRISONERS_LETTER_FORM_MIN_SECONDS"),
            max_age=conf.get("PRISONERS_LETTER_FORM_MAX_AGE"),
        )
        if problem:
            form_problem = SPAM_MESSAGES[problem]
            form.is_valid()
        elif abuse.rate_limited(
            request,
            "prisoners.letter",
            ip_rates=conf.get("PRISONERS_LETTER_IP_RATES"),
            email=request.POST.get("email", ""),
            email_rate=conf.get("PRISONERS_LETTER_EMAIL_RATE"),
        ):
            form_problem = _(
                "Too many letters have been sent from your connection or with this "
                "email address. Please try again tomorrow."
            )
            status = 429
            form.is_valid()
        elif form.is_valid():
            letter = form.save(commit=False)
            letter.prisoner_id = profile.prisoner_id
            letter.save()
            return redirect("prisoners_letter_thanks", key=key)
    else:
        form = LetterForm()
    return TemplateResponse(
        request,
        "prisoners/letter_form.html",
        {
            # No `page`: the language switcher then leads to this same form in another language.
            "target_page": profile,
            "prisoner": public_profile(profile, with_children=False),
            "back_url": profile.get_url(request),
            **letter_form_context(profile, form, form_problem),
        },
        status=status,
    )


def letter_thanks(request, key):
    profile = _letter_target(key)
    return TemplateResponse(
        request,
        "prisoners/letter_thanks.html",
        {
            "target_page": profile,
            "prisoner": public_profile(profile, with_children=False),
            "back_url": profile.get_url(request),
        },
    )


@never_cache
def sponsor_certificate(request, token):
    """The approved sponsor's certificate, by the secret link of the approval email."""
    sponsorship = certificates.approved_sponsorship(token)
    if sponsorship is None:
        raise Http404
    return certificates.render_certificate(request, sponsorship)
