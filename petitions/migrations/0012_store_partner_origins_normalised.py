"""Partners' origins stored as the site compares them (petitions.models.partners): rows
saved before a rule of normalize_origin changed (IDNA hosts, default ports) are
normalised once here, so no request has to."""

from django.db import migrations


def normalise(apps, schema_editor):
    from petitions.models.partners import normalized_origins_text

    Partner = apps.get_model("petitions", "Partner")
    for partner in Partner.objects.only("pk", "allowed_origins"):
        stored = normalized_origins_text(partner.allowed_origins)
        if stored != partner.allowed_origins:
            Partner.objects.filter(pk=partner.pk).update(allowed_origins=stored)


class Migration(migrations.Migration):
    dependencies = [("petitions", "0011_signature_tally_shards")]
    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]
