"""Factories shared by every test module."""

from pathlib import PurePosixPath

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from home.models import HomePage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")

    @factory.post_generation
    def password(user, create, extracted, **kwargs):
        user.set_password(extracted or "correct horse battery staple")
        if create:
            user.save()


def file_stem(image):
    """What identifies `image`'s files in URLs: uploads get random names, and a new one
    at each move between public and private storage (campaign_site.storage).
    Renditions shorten a long name, so only its first characters are certain to appear."""
    image.refresh_from_db()
    return PurePosixPath(image.file.name).stem[:24]


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Home"
    slug = "home"
    headline = "Free all Armenian prisoners"


def publish_translation_of(page, language_code, **fields):
    """A published translation of `page` with `fields` set, as a translator would leave it."""
    translated = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def cache_key_count():
    """How many keys the default cache holds, in memory or in Redis (the test's own db)."""
    from django.core.cache import cache

    store = getattr(cache, "_cache", None)
    if isinstance(store, dict):
        return len(store)
    return cache._cache.get_client().dbsize()
