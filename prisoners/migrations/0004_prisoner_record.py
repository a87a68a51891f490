# One row per person for the facts shared by every language (prisoners.models.prisoner),
# and the link from each translation of a profile to it. 0005 fills it, 0006 drops the
# page fields it replaces.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0003_rename_source_profilesource"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Prisoner",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "translation_key",
                    models.UUIDField(editable=False, unique=True, verbose_name="translation key"),
                ),
                ("name", models.CharField(blank=True, max_length=255, verbose_name="name")),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("pow", "Prisoner of war"),
                            ("civilian", "Civilian"),
                            ("political-leader", "Political leader"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                        verbose_name="category",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("held", "Held, not sentenced"),
                            ("sentenced", "Sentenced"),
                            ("released", "Released or repatriated"),
                            ("disappeared", "Forcibly disappeared"),
                            ("died", "Died in custody"),
                        ],
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "captured_on",
                    models.DateField(blank=True, null=True, verbose_name="date of capture"),
                ),
                ("born_on", models.DateField(blank=True, null=True, verbose_name="date of birth")),
                (
                    "age_at_capture",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="When the date of birth is not known.",
                        null=True,
                        verbose_name="age at capture",
                    ),
                ),
                (
                    "icrc_registration",
                    models.CharField(
                        choices=[("yes", "Yes"), ("no", "No"), ("unknown", "Unknown")],
                        default="unknown",
                        max_length=10,
                        verbose_name="registered by the ICRC",
                    ),
                ),
                (
                    "icrc_last_visit_on",
                    models.DateField(blank=True, null=True, verbose_name="last known ICRC visit"),
                ),
                (
                    "acknowledged",
                    models.CharField(
                        choices=[("yes", "Yes"), ("no", "No"), ("unknown", "Unknown")],
                        default="unknown",
                        max_length=10,
                        verbose_name="the holding state acknowledges holding this person",
                    ),
                ),
                (
                    "sentenced_on",
                    models.DateField(blank=True, null=True, verbose_name="date of the verdict"),
                ),
                (
                    "sentence_years",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="sentence (years)"
                    ),
                ),
                (
                    "expected_release_on",
                    models.DateField(blank=True, null=True, verbose_name="expected release date"),
                ),
                (
                    "released_on",
                    models.DateField(
                        blank=True,
                        help_text="Date of release or repatriation, or of death in custody.",
                        null=True,
                        verbose_name="end of captivity",
                    ),
                ),
                (
                    "consent",
                    models.CharField(
                        choices=[
                            ("not-asked", "Not asked yet"),
                            ("pending", "Asked, no answer yet"),
                            ("public-record", "Family not reached; the name is already public"),
                            ("name-only", "The family agrees to the name only"),
                            ("given", "The family agrees to a full profile"),
                            ("refused", "The family refuses publication"),
                        ],
                        default="not-asked",
                        max_length=20,
                        verbose_name="family's consent",
                    ),
                ),
                (
                    "visibility",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (0, "Counted but not shown"),
                            (1, "Name only (no photo, no biography)"),
                            (2, "Full profile"),
                        ],
                        default=0,
                        help_text="Takes effect in every language when you publish.",
                        verbose_name="visibility",
                    ),
                ),
                (
                    "consent_notes",
                    models.TextField(
                        blank=True,
                        help_text="Who gave or refused consent, when, and how to reach them. Never published.",
                        verbose_name="notes on consent (private)",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="A fictional person for the demo; marked as such on the site.",
                        verbose_name="sample data",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "page",
                    models.ForeignKey(
                        blank=True,
                        help_text="The page the facts are edited on; publishing it applies them.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="source page",
                    ),
                ),
                (
                    "photo",
                    models.ForeignKey(
                        blank=True,
                        help_text="Shown only on full profiles, never for “name only” or “counted”.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="photo",
                    ),
                ),
            ],
            options={
                "verbose_name": "prisoner",
                "verbose_name_plural": "prisoners",
            },
        ),
        migrations.AddField(
            model_name="prisonerpage",
            name="prisoner",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="pages",
                to="prisoners.prisoner",
                verbose_name="prisoner",
            ),
        ),
    ]
