"""Run with DJANGO_SETTINGS_MODULE=tests.plugins.prisoners_settings (see test_prisoners_alone.py).

Migrates an empty database, builds a site of a prisoner index and profiles
straight under Wagtail's root, and checks what a visitor gets. Exits non-zero
(an AssertionError) on the first thing that does not hold.
"""

import datetime
import sys

import django


def main():
    django.setup()

    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Locale, Page, Site

    from prisoners.facts import Category, Status
    from prisoners.models import PrisonerIndexPage, PrisonerPage, Sponsorship
    from prisoners.visibility import Consent, Visibility, is_publicly_visible

    call_command("migrate", verbosity=0, interactive=False)

    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    index = root.add_child(instance=PrisonerIndexPage(title="Prisoners", slug="prisoners"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "testserver", "root_page": index, "site_name": "Alone"},
    )

    def profile(title, **fields):
        page = index.add_child(
            instance=PrisonerPage(
                title=title,
                slug=title.lower().replace(" ", "-"),
                category=Category.PRISONER_OF_WAR,
                status=Status.HELD,
                captured_on=datetime.date(2020, 11, 3),
                **fields,
            )
        )
        page.save_revision().publish()
        return PrisonerPage.objects.get(pk=page.pk)

    shown = profile("Shown Person", consent=Consent.GIVEN, visibility=Visibility.FULL)
    name_only = profile("Named Person", consent=Consent.NAME_ONLY, visibility=Visibility.NAME_ONLY)
    hidden = profile("Hidden Person", consent=Consent.REFUSED, visibility=Visibility.COUNTED)

    # The one visibility rule, as a queryset and as a predicate.
    listed = set(PrisonerPage.objects.publicly_listed().values_list("title", flat=True))
    assert listed == {"Shown Person", "Named Person"}, listed
    assert set(PrisonerPage.publicly_listed_pages()) == {shown, name_only}
    assert is_publicly_visible(shown) and not is_publicly_visible(hidden)

    client = Client()
    response = client.get(shown.url)
    assert response.status_code == 200, (shown.url, response.status_code)
    text = response.content.decode()
    assert "Shown Person" in text and "Sponsor this prisoner" in text, text
    assert client.get(name_only.url).status_code == 200
    assert client.get(hidden.url).status_code == 404

    response = client.get(index.url)
    assert response.status_code == 200, (index.url, response.status_code)
    text = response.content.decode()
    assert "Shown Person" in text and "Named Person" in text and "Hidden Person" not in text

    # The sponsorship form opens for a visible person, and a sponsorship counts.
    assert client.get(f"/prisoners/sponsor/{shown.translation_key}/").status_code == 200
    assert client.get(f"/prisoners/sponsor/{hidden.translation_key}/").status_code == 404
    Sponsorship.objects.create(
        campaign_key=index.translation_key,
        prisoner_key=shown.translation_key,
        sponsor_type="municipality",
        name="Town of Alone",
        country="FR",
        city="Alone",
        contact_person="C. Contact",
        email="town@example.org",
        status=Sponsorship.Status.APPROVED,
    )
    counted = PrisonerPage.objects.publicly_listed().with_sponsor_counts().get(pk=shown.pk)
    assert counted.sponsor_count == 1

    leaked = sorted(name for name in ("home", "petitions") if name in sys.modules)
    assert not leaked, f"the prisoners plugin imported {leaked}"
    print("prisoners alone: OK")


if __name__ == "__main__":
    main()
