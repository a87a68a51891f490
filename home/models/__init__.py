"""The home app's models: the home page of each language, news, and campaign settings.

Split into modules by subject; import from `home.models` as before.
"""

from .news import NewsIndexPage, NewsPage, NewsPageRelatedPage, NewsTag
from .pages import HomePage, HomePageFeaturedPrisoner
from .settings import CampaignSettings

__all__ = [
    "CampaignSettings",
    "HomePage",
    "HomePageFeaturedPrisoner",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageRelatedPage",
    "NewsTag",
]
