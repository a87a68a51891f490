"""Questions other apps ask the prisoners app (the home page, the figures API)."""

from wagtail.models import Locale

from .figures import compute_figures, needing_a_sponsor
from .models import PrisonerIndexPage, Sponsorship


def campaign_index(locale=None):
    """The site's prisoner index in `locale` (default: the active one), else the first one."""
    locale = locale or Locale.get_active()
    indexes = PrisonerIndexPage.objects.live().public().order_by("path")
    return indexes.filter(locale=locale).first() or indexes.first()


def campaign_figures(locale=None):
    """The figures of the site's prisoner index in `locale` (default: the active one), or None.

    For the home page and other apps: `campaign_figures().held.value`,
    `.by_category`, `.disappeared`, or `.as_dict()` for JSON.
    """
    index = campaign_index(locale)
    return compute_figures(index) if index else None


def needing_a_sponsor_count(index):
    """How many people the public may see under `index` can be sponsored and have no sponsor."""
    return needing_a_sponsor(index)


def approved_sponsorship_count(index):
    """Approved sponsorships of the people under `index` and of the whole group."""
    return Sponsorship.objects.approved().filter(campaign_key=index.translation_key).count()
