"""Which page a URL serves is kept between requests (campaign_site.routing), and every
editor change that alters routing or access is seen at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured)


def test_a_kept_route_serves_the_same_page_with_fewer_queries(client, make_news):
    item = make_news(title="Kept route", slug="kept-route")
    first, cold = queries(client, "/en/news/kept-route/")
    second, warm = queries(client, "/en/news/kept-route/")
    assert first.status_code == second.status_code == 200
    assert "Kept route" in second.content.decode()
    assert second.context["page"].pk == item.pk
    # Site, locale, home, index, item, their specific rows, restrictions...
    assert warm <= cold - 6, (cold, warm)


def test_a_kept_page_unpublished_or_renamed_is_gone_at_once(client, make_news):
    item = make_news(slug="first-name")
    assert client.get("/en/news/first-name/").status_code == 200
    assert client.get("/en/news/first-name/").status_code == 200

    item.slug = "second-name"
    item.save_revision().publish()
    assert client.get("/en/news/first-name/").status_code == 404
    assert client.get("/en/news/second-name/").status_code == 200

    item.unpublish()
    assert client.get("/en/news/second-name/").status_code == 404


def test_a_page_made_private_after_being_kept_asks_for_its_password(client, make_news):
    make_news(title="Soon private", slug="soon-private")
    assert "Soon private" in client.get("/en/news/soon-private/").content.decode()
    item = make_news(title="Already private", slug="already-private")
    PageViewRestriction.objects.create(
        page=item, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    for _visit in range(2):  # the second visit is served from what was kept
        response = client.get("/en/news/already-private/")
        assert "Already private" not in response.content.decode()
        assert 'name="password"' in response.content.decode()

    soon = item.get_siblings().get(slug="soon-private")
    PageViewRestriction.objects.create(
        page=soon, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    response = client.get("/en/news/soon-private/")
    assert "Soon private" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


@pytest.mark.parametrize("path", ["/en/news/rss/", "/fr/news/", "/en/news/no-such-item/"])
def test_sub_routes_languages_and_missing_pages_answer_as_before(client, news_indexes, path):
    first = client.get(path)
    second = client.get(path)
    assert first.status_code == second.status_code
    assert first.content == second.content
    assert first.status_code == (404 if "no-such" in path else 200)


def test_a_kept_page_still_answers_questions_about_its_restrictions(client, make_news):
    make_news(slug="open-item")
    client.get("/en/news/open-item/")
    page = client.get("/en/news/open-item/").context["page"]
    restrictions = page.get_view_restrictions()
    assert list(restrictions) == []
    assert restrictions.exists() is False  # what embeddable pages ask (campaign_site.embeds)


def test_made_up_addresses_leave_nothing_in_the_cache(client, news_indexes):
    """A flood of made-up URLs must not fill Redis: only pages found are kept."""
    from tests.factories import cache_key_count

    client.get("/en/news/")
    client.get("/en/news/no-such-page/")  # the 404 page's own furniture is kept once
    keys_before = cache_key_count()
    for number in range(20):
        assert client.get(f"/en/news/no-such-{number}/").status_code == 404
    assert cache_key_count() == keys_before
