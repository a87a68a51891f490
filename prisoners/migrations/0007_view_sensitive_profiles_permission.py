from django.db import migrations


def grant_to_profile_managers(apps, schema_editor):
    # The same rule as later setups: the groups that manage the default language's
    # profiles (Wagtail's Editors and Moderators on a new site), never translators.
    from prisoners.permissions import grant_to_profile_managers

    grant_to_profile_managers(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("prisoners", "0006_remove_page_facts"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="prisonerpage",
            options={
                "permissions": [
                    ("view_sensitive_profiles", "Can view hidden and name-only profiles")
                ],
                "verbose_name": "prisoner profile",
            },
        ),
        migrations.RunPython(grant_to_profile_managers, migrations.RunPython.noop),
    ]
