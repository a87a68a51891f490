"""Staff accounts against password guessing and stolen passwords.

Logins are throttled by django-axes (settings: AXES_*); this module adds the
same care to the password reset form, which axes does not see: without a
limit it mails any address on request and tells a guesser nothing, but floods
editors' inboxes and the mail server.

Two-factor authentication (django-otp's TOTP devices: six-digit codes from an
authenticator app) is required, when settings.STAFF_2FA_REQUIRED is on (the
default in production), of every account that can do harm with a stolen
password: export signers, see the people the public must not see, manage users
(STAFF_2FA_PERMISSIONS). Such an account is sent, right after its password, to
enrol a device or to give a code; nothing else in the admin opens before.
Anyone who enrolled a device is always asked for a code.

A password alone never enrols a device: whoever stole it could enrol their own
authenticator. The account first proves it reads its email (a one-time code from
django-otp's email device, sent through the mail queue, valid minutes, for a few
tries, resent within limits); only then is the TOTP key shown. Every device added
or removed is told to the account by email and written in Wagtail's audit log.
"""

import time
from base64 import b32encode
from datetime import timedelta

import django_otp
import segno
from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.auth import require_admin_access
from wagtail.log_actions import log

from campaign_site import abuse, mail
from campaign_site.localization import account_language

#: Permissions (app_label.codename) whose holders need a second factor. Checked by
#: name: a feature that is not installed simply grants nobody its permission. Managing
#: groups counts as managing users: whoever edits a group's permissions could give their
#: own group the right to export signers.
STAFF_2FA_PERMISSIONS = (
    "petitions.export_signature",
    "prisoners.view_sensitive_profiles",
    "auth.add_user",
    "auth.change_user",
    "auth.delete_user",
    "auth.add_group",
    "auth.change_group",
    "auth.delete_group",
)


def needs_second_factor(user):
    """Whether a password alone is too little for this account."""
    if not user.is_authenticated or not user.is_active:
        return False
    names = getattr(settings, "STAFF_2FA_PERMISSIONS", STAFF_2FA_PERMISSIONS)
    return user.is_superuser or any(user.has_perm(name) for name in names)


def second_factor_required(user):
    """Whether this signed-in user must give a code before using the admin."""
    if not getattr(settings, "STAFF_2FA_REQUIRED", False) or not user.is_authenticated:
        return False
    return needs_second_factor(user) or django_otp.user_has_device(user, confirmed=True)


#: What an unverified user may still open: signing in and out, and these pages.
OPEN_BEFORE_SECOND_FACTOR = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "wagtailadmin_password_reset",
        "staff_2fa_verify",
        "staff_2fa_enrol",
    }
)


class SecondFactorMiddleware:
    """Sends a user who needs a second factor and has not given one to enrol or verify.

    After django_otp.middleware.OTPMiddleware, which tells `user.is_verified()`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/") and self._must_verify(request):
            target = (
                "staff_2fa_verify"
                if django_otp.user_has_device(request.user, confirmed=True)
                else "staff_2fa_enrol"
            )
            return redirect_to_login(request.get_full_path(), login_url=reverse(target))
        return self.get_response(request)

    def _must_verify(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        try:
            name = resolve(request.path_info).url_name
        except Resolver404:
            return False
        return name not in OPEN_BEFORE_SECOND_FACTOR and second_factor_required(user)


class CodeForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


WRONG_CODE = _("This code is not right, or has expired. Enter the code your app shows now.")


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def _login_with(request, device):
    django_otp.login(request, device)
    return HttpResponseRedirect(_next_url(request))


@never_cache
@require_admin_access  # signed in, may use the admin; speaks the editor's language
def verify(request):
    """Second step of signing in: a code from the device the user enrolled."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return HttpResponseRedirect(reverse("staff_2fa_enrol") + f"?next={_next_url(request)}")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        # verify_token slows down guessing: each failure doubles the wait (django-otp).
        if device.verify_token(form.cleaned_data["otp_token"].strip()):
            return _login_with(request, device)
        form.add_error("otp_token", WRONG_CODE)
    return render(request, "staff/second_factor.html", {"form": form, "next": _next_url(request)})


#: Wrong codes allowed per emailed code; then only a new code helps.
ENROL_CODE_TRIES = 5
#: New codes per client address, and per account's email address.
ENROL_CODE_IP_RATES = ("5/h", "20/d")
ENROL_CODE_EMAIL_RATE = "3/h"
#: How long, once the email is proved, the key may be shown and confirmed.
ENROL_PROOF_SECONDS = 15 * 60
_PROOF_SESSION_KEY = "staff_2fa_email_proof"
#: The email device is never confirmed, so it never counts as a second factor.
_EMAIL_DEVICE_NAME = "enrolment email"


class EmailCodeForm(forms.Form):
    email_code = forms.CharField(
        label=_("Code from the email"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


WRONG_EMAIL_CODE = _(
    "This code is not right, or has expired. Enter the code from the last email, "
    "or ask for a new one."
)
TOO_MANY_TRIES = _("Too many wrong codes. Ask for a new code.")
CODE_SENT = ngettext_lazy(
    "We sent a code to %(email)s. It is valid for %(minutes)s minute.",
    "We sent a code to %(email)s. It is valid for %(minutes)s minutes.",
    "minutes",
)
WAIT_BEFORE_RESEND = _("A code was sent less than a minute ago. Check your email, then try again.")
TOO_MANY_CODES = _("Too many codes were asked for. Try again later, or ask a user manager.")


def _masked(email):
    """The account's address, enough to recognise it, not to learn it."""
    local, _at, domain = email.rpartition("@")
    return f"{local[:1]}…@{domain}"


def _proved_email(request):
    proof = request.session.get(_PROOF_SESSION_KEY) or {}
    return proof.get("user") == request.user.pk and proof.get("until", 0) > time.time()


def _email_device(user):
    device, _created = EmailDevice.objects.get_or_create(
        user=user, name=_EMAIL_DEVICE_NAME, defaults={"confirmed": False}
    )
    return device


def _send_email_code(request):
    """Email a new code to the account; the problem to show, or None when sent."""
    device = _email_device(request.user)
    allowed, _data = device.generate_is_allowed()
    if not allowed:
        return WAIT_BEFORE_RESEND
    if abuse.rate_limited(
        request,
        "staff.enrol_code",
        ip_rates=ENROL_CODE_IP_RATES,
        email=request.user.email,
        email_rate=ENROL_CODE_EMAIL_RATE,
    ):
        return TOO_MANY_CODES
    device.throttle_reset(commit=False)  # a new code, a new set of tries
    validity = timedelta(seconds=settings.OTP_EMAIL_TOKEN_VALIDITY)
    with translation.override(account_language(request.user)), mail.valid_for(validity):
        device.generate_challenge({"user": request.user, "minutes": _minutes(validity)})
    return None


def _check_email_code(request, code):
    """Whether `code` is the account's latest emailed code (used once, in time, within
    ENROL_CODE_TRIES); the problem to show otherwise."""
    with transaction.atomic():
        device = (
            EmailDevice.objects.select_for_update()
            .filter(user=request.user, name=_EMAIL_DEVICE_NAME)
            .first()
        )
        if device is None:
            return WRONG_EMAIL_CODE
        if device.throttling_failure_count >= ENROL_CODE_TRIES:
            return TOO_MANY_TRIES
        if device.verify_token(code):
            return None
        if device.throttling_failure_count >= ENROL_CODE_TRIES:
            device.token = None  # this code is spent: the right one no longer opens
            device.save(update_fields=["token"])
            return TOO_MANY_TRIES
        return WRONG_EMAIL_CODE


def _minutes(duration):
    return max(1, int(duration.total_seconds() // 60))


@never_cache
@require_admin_access  # signed in, may use the admin; speaks the editor's language
def enrol(request):
    """Enrol an authenticator app: prove the account's email, scan the code, then prove
    the app with one code. A password alone never shows the key."""
    if django_otp.user_has_device(request.user, confirmed=True):
        return HttpResponseRedirect(reverse("staff_2fa_verify") + f"?next={_next_url(request)}")
    context = {"next": _next_url(request), "enrolling": True}
    if not request.user.email:
        return render(request, "staff/second_factor.html", {**context, "no_email": True})
    if not _proved_email(request):
        return _prove_email(request, context)
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["otp_token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            request.session.pop(_PROOF_SESSION_KEY, None)
            tell_account(device, added=True, by=request.user)
            return _login_with(request, device)
        form.add_error("otp_token", WRONG_CODE)
    return render(
        request,
        "staff/second_factor.html",
        {
            **context,
            "form": form,
            "qr_code": segno.make(device.config_url, error="m").svg_data_uri(scale=5),
            "secret": _spaced(device),
        },
    )


def _prove_email(request, context):
    """The first step of enrolling: a code sent to the account's email, typed back."""
    context = {**context, "email": _masked(request.user.email), "proving_email": True}
    status = 200
    form = EmailCodeForm()
    if request.method == "POST" and "send_code" in request.POST:
        problem = _send_email_code(request)
        if problem is None:
            validity = timedelta(seconds=settings.OTP_EMAIL_TOKEN_VALIDITY)
            minutes = _minutes(validity)
            context["sent"] = CODE_SENT % {"email": context["email"], "minutes": minutes}
        else:
            context["problem"] = problem
            status = 429 if problem is TOO_MANY_CODES else 200
    elif request.method == "POST":
        form = EmailCodeForm(request.POST)
        if form.is_valid():
            problem = _check_email_code(request, form.cleaned_data["email_code"].strip())
            if problem is None:
                request.session[_PROOF_SESSION_KEY] = {
                    "user": request.user.pk,
                    "until": time.time() + ENROL_PROOF_SECONDS,
                }
                # A key shown before the proof (to whoever had the password) never counts.
                TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
                return HttpResponseRedirect(
                    reverse("staff_2fa_enrol") + f"?next={_next_url(request)}"
                )
            form.add_error("email_code", problem)
    context["form"] = form
    return render(request, "staff/second_factor.html", context, status=status)


DEVICE_ADDED = "campaign_site.second_factor_added"
DEVICE_REMOVED = "campaign_site.second_factor_removed"


def register_log_actions(actions):
    actions.register_action(
        DEVICE_ADDED, _("Add an authenticator"), _("Authenticator app added (two-factor)")
    )
    actions.register_action(
        DEVICE_REMOVED, _("Remove an authenticator"), _("Authenticator app removed (two-factor)")
    )


def tell_account(device, *, added, by=None):
    """Write in the audit log that an authenticator was added to or removed from an account,
    and queue an email about that entry to the account (campaign_site.mail: retried, listed)."""
    entry = log(device.user, DEVICE_ADDED if added else DEVICE_REMOVED, user=by)
    if entry is not None and device.user.email:
        mail.send_later(AUTHENTICATOR_NOTICE, entry.pk)


AUTHENTICATOR_NOTICE = "campaign_site.authenticator_notice"


def _notice_entry(entry_pk):
    from django.contrib.auth import get_user_model
    from wagtail.models import ModelLogEntry

    entry = (
        ModelLogEntry.objects.filter(pk=entry_pk, action__in=(DEVICE_ADDED, DEVICE_REMOVED))
        .select_related("content_type")
        .first()
    )
    if entry is None:
        return None, None
    user = get_user_model().objects.filter(pk=entry.object_id).exclude(email="").first()
    return entry, user


def send_authenticator_notice(entry_pk):
    """The email about audit-log entry `entry_pk`, in the account's language, with the time
    the change happened (not the time the worker sends it). False when the account is gone."""
    entry, user = _notice_entry(entry_pk)
    if user is None:
        return False
    added = entry.action == DEVICE_ADDED
    with translation.override(account_language(user)):
        context = {
            "user": user,
            "when": date_format(timezone.localtime(entry.timestamp), "DATETIME_FORMAT"),
            "zone": timezone.get_current_timezone_name(),
            "added": added,
        }
        subject = (
            _("A new authenticator was added to your account")
            if added
            else _("An authenticator was removed from your account")
        )
        body = render_to_string("staff/email/second_factor_changed.txt", context)
    EmailMessage(str(subject), body, None, [user.email]).send()
    return True


mail.register(
    AUTHENTICATOR_NOTICE,
    label=_("Staff: authenticator added or removed"),
    send=lambda pk: send_authenticator_notice(int(pk)),
    recipient=lambda pk: getattr(_notice_entry(int(pk))[1], "email", None),
    permission="auth.change_user",
)


def tell_account_of_removal(sender, instance, origin=None, **kwargs):
    """post_delete of a confirmed TOTP device (an administrator reset it); not when the
    whole account is deleted."""
    from django.db.models import QuerySet

    model = origin.model if isinstance(origin, QuerySet) else type(origin)
    if instance.confirmed and model is TOTPDevice:
        tell_account(instance, added=False)


def _spaced(device):
    """The key as people type it into an app that cannot scan: base32, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


PASSWORD_RESET_IP_RATES = ("5/h",)
PASSWORD_RESET_EMAIL_RATE = "3/h"  # noqa: S105 - a rate, not a password


def throttle_password_reset(view):
    """Refuse password reset requests past the per-address and per-email limits (429).
    The email it queues expires with its link (PASSWORD_RESET_TIMEOUT, campaign_site.mail)."""

    def throttled(request, *args, **kwargs):
        if request.method == "POST" and abuse.rate_limited(
            request,
            "staff.password_reset",
            ip_rates=PASSWORD_RESET_IP_RATES,
            email=request.POST.get("email", ""),
            email_rate=PASSWORD_RESET_EMAIL_RATE,
        ):
            return HttpResponse(
                render_to_string("staff/locked_out.html", request=request), status=429
            )
        with mail.valid_for(timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)):
            return view(request, *args, **kwargs)

    return throttled
