"""Recompute every signature's mailbox key with the stricter normalisation (issue 13).

Keys used to be only trimmed and lower-cased, so `x@ｒｔ.ｅｘａｍｐｌｅ` and `x@rt.example`
signed twice. Where the new key reveals such duplicates on one petition, the best
signature stays (valid before invalidated, confirmed before not, then the oldest)
and the others are deleted with their place in the tally, so the count is that
of mailboxes. What was merged is logged as numbers, never as addresses.
"""

import logging
from collections import Counter, defaultdict

from django.db import migrations
from django.db.models import F

from campaign_site.abuse import normalize_email

logger = logging.getLogger("petitions.migrations")


def _rank(signature):
    return (
        signature.invalidated_at is not None,
        signature.confirmed_at is None,
        signature.created_at,
        signature.pk,
    )


def recompute_mailbox_keys(apps, schema_editor):
    Signature = apps.get_model("petitions", "Signature")
    SignatureTally = apps.get_model("petitions", "SignatureTally")
    groups = defaultdict(list)
    rows = Signature.objects.exclude(email_normalized="").only(
        "pk",
        "petition_id",
        "email",
        "email_normalized",
        "country",
        "created_at",
        "confirmed_at",
        "invalidated_at",
    )
    for signature in rows.iterator(chunk_size=2000):
        groups[(signature.petition_id, normalize_email(signature.email))].append(signature)

    merged = Counter()
    tally_changes = Counter()
    for (petition_id, key), signatures in groups.items():
        keep, *duplicates = sorted(signatures, key=_rank)
        for duplicate in duplicates:
            if duplicate.invalidated_at is None:
                tally_changes[
                    (petition_id, duplicate.country or "", duplicate.confirmed_at is not None)
                ] -= 1
            merged[petition_id] += 1
        if duplicates:
            # Delete first: the unique key the survivor takes may be a duplicate's.
            Signature.objects.filter(pk__in=[d.pk for d in duplicates]).delete()
        if keep.email_normalized != key:
            Signature.objects.filter(pk=keep.pk).update(email_normalized=key)

    for (petition_id, country, confirmed), delta in sorted(tally_changes.items()):
        SignatureTally.objects.filter(
            petition_id=petition_id, country=country, confirmed=confirmed
        ).update(count=F("count") + delta)
    for petition_id, count in sorted(merged.items()):
        logger.warning(
            "Petition %s: %s signature(s) merged into another of the same mailbox",
            petition_id,
            count,
        )
    return merged


class Migration(migrations.Migration):
    dependencies = [("petitions", "0006_retention_period_after_closing")]

    operations = [
        migrations.RunPython(recompute_mailbox_keys, migrations.RunPython.noop, elidable=True)
    ]
