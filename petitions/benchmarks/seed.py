"""Seed the benchmark database: the demo site and petition, and N stored signatures."""

import random
import sys
import time

import django


def main(count):
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from petitions.models import Petition, Signature, SignatureSource

    call_command("load_demo", verbosity=0)
    petition = Petition.objects.get()
    countries = ["AM", "FR", "US", "GB", "DE", "RU", "LB", "IR", "CA", "AR", "BE", "CH"]
    rng = random.Random(1915)  # noqa: S311 - sample data, not secrets
    start = time.perf_counter()
    existing = Signature.objects.filter(petition=petition).count()
    batch = []
    for n in range(existing, count):
        batch.append(
            Signature(
                petition=petition,
                first_name=f"Seed{n}"[:100],
                last_name="Bench",
                email=f"seed-{n}@bench.example.org",
                email_normalized=f"seed-{n}@bench.example.org",
                country=rng.choice(countries),
                language=rng.choice(["en", "fr", "hy"]),
                source=SignatureSource.IMPORT,
                confirmed_at=django.utils.timezone.now() if rng.random() < 0.8 else None,
            )
        )
        if len(batch) == 5000:
            Signature.objects.bulk_create(batch)
            batch = []
    if batch:
        Signature.objects.bulk_create(batch)
    petition.recount()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
    print(
        f"seeded {Signature.objects.filter(petition=petition).count():,} signatures "
        f"in {time.perf_counter() - start:.1f} s; petition {petition.pk}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]))
