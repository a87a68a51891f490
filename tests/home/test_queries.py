"""Pages cost a fixed number of SQL queries, however much content they show."""

import datetime

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import NewsTagFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm up: renditions are generated on the first view only
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_news(make_news, translate, count, start):
    tags = [NewsTagFactory(), NewsTagFactory()]
    for number in range(start, start + count):
        item = make_news(
            title=f"Item {number}",
            date=datetime.date(2021, 1, 1) + datetime.timedelta(days=number),
            image=wagtail_factories.ImageFactory(),
            tags=tags,
        )
        translate(item, "fr", title=f"Article {number}")


def test_news_index_queries_do_not_grow_with_items(client, news_indexes, make_news, translate):
    add_news(make_news, translate, 2, 0)
    small = {lang: count_queries(client, f"/{lang}/news/") for lang in ("en", "fr")}
    add_news(make_news, translate, 10, 2)
    large = {lang: count_queries(client, f"/{lang}/news/") for lang in ("en", "fr")}

    assert large == small
    # 23: the header menu reads each menu page's short label, one query per page type.
    assert small["en"] <= 23, small


def test_search_queries_do_not_grow_with_results(client, news_indexes, make_news, translate):
    add_news(make_news, translate, 2, 0)
    small = count_queries(client, "/en/search/?q=Item")
    add_news(make_news, translate, 10, 2)
    large = count_queries(client, "/en/search/?q=Item")

    assert large == small
    assert small <= 25, small


def test_feed_queries_do_not_grow_with_items(client, news_indexes, make_news, translate):
    add_news(make_news, translate, 2, 0)
    small = count_queries(client, "/fr/news/rss/")
    add_news(make_news, translate, 10, 2)
    large = count_queries(client, "/fr/news/rss/")

    assert large == small


def test_sitemap_queries_do_not_grow_with_pages(client, news_indexes, make_news, translate):
    add_news(make_news, translate, 2, 0)
    small = count_queries(client, "/sitemap.xml")
    add_news(make_news, translate, 10, 2)
    large = count_queries(client, "/sitemap.xml")

    assert large == small
