"""Store the signatures the sign forms accepted (petitions.intake), batch by batch; run
beside `manage.py db_worker`, as many as you like:

    .venv/bin/python manage.py petitions_store_signatures

Each batch (up to --batch signatures, or what came within --wait-ms) is stored in one
transaction with its tally and confirmation emails (petitions.signing.store_accepted),
then deleted from Redis. Signatures a stopped or dead worker had taken are taken over
after --claim-after seconds. Redis or the database down: it waits and tries again.
Without Redis as the cache (development) there is nothing to do: forms store at once.
"""

import signal
import time

from django.core.cache import caches
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections, connection

from campaign_site.cache import REDIS_UNAVAILABLE, ResilientRedisCache
from petitions import intake
from petitions.signing import store_accepted

#: Seconds to wait after Redis or the database failed.
PAUSE_AFTER_FAILURE = 1.0


class Command(BaseCommand):
    help = "Store the signatures accepted by the sign forms, in batches (a worker process)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=intake.BATCH)
        parser.add_argument("--wait-ms", type=int, default=intake.WAIT_MS)
        parser.add_argument(
            "--claim-after", type=float, default=intake.CLAIM_AFTER_MS / 1000, help="seconds"
        )
        parser.add_argument("--once", action="store_true", help="store what is waiting, then stop")

    def handle(self, *args, batch, wait_ms, claim_after, once, **options):
        if not isinstance(caches["default"], ResilientRedisCache):
            self.stdout.write("No Redis cache: the sign forms store signatures themselves.")
            return
        stopping = []
        for name in ("SIGTERM", "SIGINT"):
            signal.signal(getattr(signal, name), lambda *_args: stopping.append(True))
        consumer = intake.Consumer(
            batch=batch, wait_ms=wait_ms, claim_after_ms=int(claim_after * 1000)
        )
        stored, failing = 0, False
        while not stopping:
            try:
                if not connection.in_atomic_block:  # (a test's transaction)
                    close_old_connections()  # a restarted database is reconnected to
                count = consumer.run_once(store_accepted, wait=not once)
            except REDIS_UNAVAILABLE + (DatabaseError,) as error:
                if not failing:  # once per outage; never the entries (personal data)
                    self.stderr.write(f"Cannot store signatures now ({type(error).__name__}).")
                failing = True
                if once:
                    break
                time.sleep(PAUSE_AFTER_FAILURE)
                continue
            stored, failing = stored + count, False
            if once and not count:
                break
            if 0 < count < batch and not once:
                time.sleep(intake.GATHER_MS / 1000)
        if options["verbosity"] > 1 or once:
            self.stdout.write(f"Handled {stored} accepted signature(s).")
