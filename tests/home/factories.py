"""Factories for news pages and tags."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import NewsIndexPage, NewsPage, NewsTag


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "News"
    slug = "news"
    show_in_menus = True


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"News item {n}")
    slug = factory.Sequence(lambda n: f"news-item-{n}")
    date = factory.Sequence(lambda n: datetime.date(2021, 1, 1) + datetime.timedelta(days=n))
    lead = "The Parliamentary Assembly called for the release of the prisoners."
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Armenian prisoners of war are still held [1].</p>")]
    )


class NewsTagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsTag

    name = factory.Sequence(lambda n: f"Tag {n}")
    slug = factory.Sequence(lambda n: f"tag-{n}")
    locale = factory.LazyFunction(Locale.get_default)
