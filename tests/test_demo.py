"""`load_demo` builds the site from the seeds, in every language, and can run again."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site
from wagtail_localize.models import Translation

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_demo_builds_the_home_page_in_three_languages_through_wagtail_localize(client, demo):
    site = Site.objects.get(is_default_site=True)
    assert site.site_name == "Free Armenian POWs"
    homes = {home.locale.language_code: home for home in HomePage.objects.live()}
    assert set(homes) == {"en", "fr", "hy"}
    assert site.root_page_id == homes["en"].pk
    # Translations are wagtail-localize translations, so translators can keep them in sync.
    assert Translation.objects.filter(source__object_id=homes["en"].translation_key).count() == 2

    french = client.get("/fr/").content.decode()
    assert "Libérez TOUS les prisonniers de guerre" in french
    armenian = client.get("/hy/").content.decode()
    assert "Ազատություն Ադրբեջանում ապօրինի պահվող" in armenian


def test_demo_is_idempotent(demo, load_demo):
    pages_before = Page.objects.count()
    load_demo()
    assert Page.objects.count() == pages_before
    assert Site.objects.count() == 1


def test_admin_account_only_when_asked_with_its_credentials_printed(demo, load_demo):
    assert not get_user_model().objects.exists()

    output = load_demo("--admin", "admin", "--password", "s3cret-enough")
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("s3cret-enough")
    assert "s3cret-enough" in output
