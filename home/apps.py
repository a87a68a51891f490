from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_locales(**kwargs):
    """Give every language in WAGTAIL_CONTENT_LANGUAGES its Wagtail Locale.

    This is what makes adding a language a settings change: the next
    `migrate` creates its Locale, and editors can translate into it.
    """
    from wagtail.models import Locale  # apps.py loads before the app registry is ready

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(kwargs.get("using", "default")).get_or_create(language_code=code)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and news")

    def ready(self):
        post_migrate.connect(ensure_locales, sender=self)
