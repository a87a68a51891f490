"""Wagtail extensions every part of the site may use, and the base's admin: the report
of undelivered emails (campaign_site.mail_admin)."""

from django.apps import apps
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.images.image_operations import FillOperation
from wagtail.images.rect import Rect

from . import mail_admin

# Share of a picture's height kept above the crop when no focal point says where to cut:
# the top of a head sits a little below the top edge of most portraits.
HEADROOM = 0.04


class HeadroomFillOperation(FillOperation):
    """`fillhead-WxH`: Wagtail's `fill`, except without a focal point.

    Then `fill` cuts around the centre, which takes the forehead off a portrait shown in a
    16:9 or 4:5 frame. This one keeps the top of the picture instead; with a focal point
    set by an editor, it crops exactly as `fill` does.
    """

    def run(self, transform, image):
        if image.get_focal_point() is not None:
            return super().run(transform, image)
        width, height = transform.size
        crop_height = width * self.height / self.width
        if crop_height >= height:
            # The frame is wider than the picture: only the sides go, the centre is right.
            return super().run(transform, image)
        top = min(height * HEADROOM, height - crop_height)
        transform = transform.crop(Rect(0, top, width, top + crop_height).round())
        if self.width < width:
            transform = transform.resize((self.width, self.height))
        return transform


@hooks.register("register_image_operations")
def register_image_operations():
    return [("fillhead", HeadroomFillOperation)]


@hooks.register("register_admin_urls")
def register_undelivered_email_urls():
    return [
        path(
            "reports/undelivered-emails/",
            mail_admin.UndeliveredEmailReportView.as_view(),
            name="campaign_undelivered_emails",
        ),
        path(
            "reports/undelivered-emails/results/",
            mail_admin.UndeliveredEmailReportView.as_view(results_only=True),
            name="campaign_undelivered_emails_results",
        ),
        path(
            "reports/undelivered-emails/<int:pk>/resend/",
            mail_admin.resend,
            name="campaign_undelivered_email_resend",
        ),
    ]


class UndeliveredEmailsMenuItem(MenuItem):
    def is_shown(self, request):
        return mail_admin.may_see_undelivered_emails(request.user)


@hooks.register("register_reports_menu_item")
def register_undelivered_emails_report():
    return UndeliveredEmailsMenuItem(
        _("Undelivered emails"),
        reverse("campaign_undelivered_emails"),
        name="undelivered-emails",
        icon_name="mail",
        order=950,
    )


# Authenticators added to or removed from staff accounts (campaign_site.staff).
# Only where staff accounts have a second factor (a feature installed alone may not).
if apps.is_installed("django_otp.plugins.otp_totp"):
    from . import staff

    hooks.register("register_log_actions", staff.register_log_actions)
