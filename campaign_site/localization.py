"""Translating content through wagtail-localize from code (demo data, tests).

Editors translate in the admin; this module drives the same machinery, so a
page translated here is indistinguishable from one a translator produced:
it has a TranslationSource, a Translation and StringTranslations, and later
source changes show up as out of date in the usual places.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import get_language_info
from wagtail.models import GroupPagePermission, Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from campaign_site.pages import public_pages


@transaction.atomic
def publish_translation(instance, language_code, catalogue, *, user=None, publish=True):
    """Translate `instance` into `language_code` using `catalogue`, and save it.

    `catalogue` maps each source string (as wagtail-localize segments it) to its
    translation. Strings missing from it stay in the source language and are
    returned, so callers can report them.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation_record, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    missing = []
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = segment.string.data
        if text not in catalogue:
            missing.append(text)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": catalogue[text],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    translation_record.save_target(user=user, publish=publish)
    if publish and isinstance(instance, Page):
        # wagtail-localize publishes on commit with the page object it held when the
        # revision was made: its stale `numchild` (0) hides children translated since,
        # and routing to them 404s. Recount once those publishes have run.
        transaction.on_commit(lambda: _recount_children(instance.translation_key, locale))
    return missing


def _recount_children(translation_key, locale):
    page = Page.objects.filter(translation_key=translation_key, locale=locale).first()
    if page is None:
        return
    for node in (page, page.get_parent()):
        if node is not None:
            count = Page.objects.filter(path__startswith=node.path, depth=node.depth + 1).count()
            Page.objects.filter(pk=node.pk).update(numchild=count)


def account_language(user):
    """The language a staff account reads the admin and its emails in (its Wagtail
    preference, else the site's default)."""
    from wagtail.users.models import UserProfile

    return UserProfile.get_for_user(user).get_preferred_language()


def translator_group_name(locale):
    # Named in English whatever the admin's language, so the name is stable.
    return f"{translation_name(locale.language_code)} translators"


def translation_name(language_code):
    return get_language_info(language_code)["name"]


# What a translator may do inside their own language's tree: create the
# translated copies, edit them and publish them. Nothing outside it, and not the
# global "submit for translation" permission, which wagtail-localize checks
# without regard to the tree (that stays with editors).
TRANSLATOR_PAGE_PERMISSIONS = ("add", "change", "publish")


@transaction.atomic
def ensure_translator_groups(site=None):
    """One group per translated language, allowed to edit and publish only that language.

    Each language has its own page tree under its home page, so page
    permissions granted on that home page cover exactly that language's pages.
    Returns {language_code: group}; languages without a home page yet are skipped.
    """
    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return {}
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups = {}
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE):
        home = site.root_page.get_translation_or_none(locale)
        if home is None:
            continue
        group, _created = Group.objects.get_or_create(name=translator_group_name(locale))
        group.permissions.add(access_admin)
        for permission_type in TRANSLATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=home,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
                ),
            )
        groups[locale.language_code] = group
    return groups


# --- this page in another language ------------------------------------------


def localized_page(page, locale, *, queryset=None):
    """The translation of `page` in `locale` a visitor may see; else `page` itself when a
    visitor may see it; else None. Over Wagtail's own `translation_key`, in one query.

    `page` may be a page or a page id (a foreign key's `_id`, without fetching it);
    `locale` a Locale, its id or its language code. "May see" is `public_pages`: live,
    not private, allowed by the type's visibility rule. `queryset` narrows the
    candidates further (a page type, deferred StreamFields).
    """
    if not page:
        return None
    if isinstance(page, Page):
        return next(iter(localized_pages([page], locale, queryset=queryset)), None)
    versions = _visible_versions(
        Page.objects.filter(pk=page).values("translation_key"), locale, queryset
    )
    by_key = _best_by_key(versions, locale, {page})
    return next(iter(by_key.values()), None)


def localized_pages(pages, locale, *, queryset=None):
    """Each of `pages` in `locale` when translated there, else as it is; only the ones a
    visitor may see (as `localized_page`), in the order given, without duplicates.
    One query whatever the number."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    versions = _visible_versions({page.translation_key for page in pages}, locale, queryset)
    by_key = _best_by_key(versions, locale, {page.pk for page in pages})
    seen, result = set(), []
    for page in pages:
        found = by_key.get(page.translation_key)
        if found is not None and found.pk not in seen:
            seen.add(found.pk)
            result.append(found)
    return result


def _visible_versions(translation_keys, locale, queryset):
    queryset = Page.objects.all() if queryset is None else queryset
    versions = public_pages(queryset).filter(translation_key__in=translation_keys)
    if isinstance(locale, str):
        versions = versions.select_related("locale")
    return versions


def _in_locale(instance, locale):
    if isinstance(locale, str):
        return instance.locale.language_code == locale
    return instance.locale_id == getattr(locale, "pk", locale)


def _best_by_key(versions, locale, wanted_pks):
    """{translation_key: the version in `locale`, else the wanted page itself}."""
    by_key = {}
    for version in versions:
        in_locale = _in_locale(version, locale)
        if not in_locale and version.pk not in wanted_pks:
            continue
        if version.translation_key not in by_key or in_locale:
            by_key[version.translation_key] = version
    return by_key


def localized_objects(objects, locale):
    """Each of `objects` (translatable snippets of one model) in `locale` when translated
    there, else as it is, in the order given. One query whatever the number."""
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    translated = {
        instance.translation_key: instance
        for instance in model.objects.filter(
            translation_key__in={instance.translation_key for instance in objects},
            locale=locale,
        )
    }
    return [translated.get(instance.translation_key, instance) for instance in objects]
