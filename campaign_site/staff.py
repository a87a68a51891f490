"""Staff accounts against password guessing.

Logins are throttled by django-axes (settings: AXES_*); this module adds the
same care to the password reset form, which axes does not see: without a
limit it mails any address on request and tells a guesser nothing, but floods
editors' inboxes and the mail server.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string

from campaign_site import abuse

PASSWORD_RESET_IP_RATES = ("5/h",)
PASSWORD_RESET_EMAIL_RATE = "3/h"  # noqa: S105 - a rate, not a password


def throttle_password_reset(view):
    """Refuse password reset requests past the per-address and per-email limits (429)."""

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
        return view(request, *args, **kwargs)

    return throttled
