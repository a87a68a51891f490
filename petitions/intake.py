"""Signatures accepted but not stored yet: a Redis stream between the sign forms and
the database.

On a campaign's best day thousands sign a minute. The sign forms (page and widget)
check what must be answered at once (`petitions.signing.accept`), then hand the
signature over here: one XADD, no database write in the visitor's request. The
worker process `manage.py petitions_store_signatures` reads the stream in batches
(a consumer group) and stores each batch in one transaction
(`petitions.signing.store_accepted`), then acknowledges and deletes its entries.

- **At least once, stored once**: an entry is deleted only after its batch committed;
  a batch stored twice (a consumer that died between the commit and the XACK) adds
  nothing, since the database refuses a second signature of one mailbox per petition.
  Entries a dead consumer had taken are reclaimed by another (XAUTOCLAIM) after
  `CLAIM_AFTER_MS`.
- **Personal data** stay in Redis only until their batch is stored, and are never
  logged: Redis must persist (appendonly) or a crash loses what it holds (at most
  about a second's signatures).
- **No single point of failure**: when the default cache is not Redis (development)
  or Redis is down, `append` says so and the signature is stored at once instead.

This module only carries signatures; every rule about them is `petitions.signing`'s.
"""

import json
import logging
import os
import socket
import time

from django.core.cache import caches
from django.utils.dateparse import parse_datetime
from redis.exceptions import ResponseError

from campaign_site.cache import REDIS_UNAVAILABLE, redis_client, redis_failed

from . import conf
from .models import Signature

logger = logging.getLogger(__name__)

#: The consumer group of the workers that store signatures.
GROUP = "store"
#: How many entries a worker stores in one transaction, at most.
BATCH = 200
#: How long a worker waits for new entries before looking again, in milliseconds.
WAIT_MS = 100
#: After a batch smaller than BATCH, how long a worker lets more arrive before the next,
#: in milliseconds: on a busy day a batch costs about the same for 10 signatures as for
#: 100, so waiting a little stores more per transaction.
GATHER_MS = 50
#: Entries taken by a worker that has not acknowledged them for this long (it died)
#: are taken over by another.
CLAIM_AFTER_MS = 30_000

#: What an entry carries: the unsaved Signature's fields, as `signing.build_signature`
#: sets them.
FIELDS = (
    "petition_id",
    "first_name",
    "last_name",
    "email",
    "email_normalized",
    "country",
    "postcode",
    "comment",
    "contact_consent",
    "named_consent",
    "contact_consent_text",
    "named_consent_text",
    "language",
    "source",
    "partner_ref",
)


def stream_key():
    """The stream's key, under the cache's prefix (sites sharing a Redis stay apart)."""
    return caches["default"].make_key("petitions:accepted")


def _dumps(signature):
    values = {name: getattr(signature, name) for name in FIELDS}
    values["created_at"] = signature.created_at.isoformat()
    return json.dumps(values, separators=(",", ":"), default=str)  # a Country: its code


def _loads(payload):
    values = json.loads(payload)
    created_at = parse_datetime(values.pop("created_at"))
    return Signature(**{name: values[name] for name in FIELDS}, created_at=created_at)


def append(signature):
    """Hand an unsaved, validated Signature to the workers. True when Redis took it;
    False when there is no stream (no Redis, Redis down, or PETITIONS_ACCEPT_IN_BATCHES
    off): store it now instead."""
    client = redis_client() if conf.get("PETITIONS_ACCEPT_IN_BATCHES") else None
    if client is None:
        return False
    try:
        client.xadd(stream_key(), {"s": _dumps(signature)})
    except REDIS_UNAVAILABLE as error:
        redis_failed(error)
        return False
    return True


class Consumer:
    """One worker's reader of the stream: `run_once(store)` takes a batch, has `store`
    (a callable given the unsaved Signatures) keep it, then acknowledges it."""

    def __init__(self, name=None, *, batch=BATCH, wait_ms=WAIT_MS, claim_after_ms=CLAIM_AFTER_MS):
        self.name = name or f"{socket.gethostname()}-{os.getpid()}"
        self.batch = batch
        self.wait_ms = wait_ms
        self.claim_after_ms = claim_after_ms
        self._group_ready = False
        # What this worker took and did not acknowledge: possible at start (a worker of
        # that name died) and after a store failed; otherwise not asked for each batch.
        self._may_hold_entries = True
        # A dead worker's entries can only be taken over once they have waited
        # claim_after_ms: looked for at start, then every half of that.
        self._next_claim = 0.0

    def _client(self):
        client = redis_client()
        if client is None:
            raise ConnectionError("Redis is not available")
        if not self._group_ready:
            try:
                # From the start of the stream: what was accepted before any worker ran.
                client.xgroup_create(stream_key(), GROUP, id="0", mkstream=True)
            except ResponseError as error:
                if "BUSYGROUP" not in str(error):
                    raise
            self._group_ready = True
        return client

    def read(self, *, wait=True):
        """The next batch of [(entry id, Signature)]: first what this worker took and did
        not acknowledge (its store failed), then what a dead worker left, then new
        entries (waiting up to `wait_ms` for some)."""
        client = self._client()
        key = stream_key()
        entries = []
        if self._may_hold_entries:
            entries = client.xreadgroup(GROUP, self.name, {key: "0"}, count=self.batch)
            entries = entries[0][1] if entries else []
            self._may_hold_entries = bool(entries)
        if not entries and time.monotonic() >= self._next_claim:
            reply = client.xautoclaim(
                key, GROUP, self.name, self.claim_after_ms, start_id="0-0", count=self.batch
            )
            entries = reply[1]
            if not entries:
                self._next_claim = time.monotonic() + self.claim_after_ms / 2000
        if not entries:
            reply = client.xreadgroup(
                GROUP,
                self.name,
                {key: ">"},
                count=self.batch,
                block=self.wait_ms if wait and self.wait_ms > 0 else None,
            )
            entries = reply[0][1] if reply else []
        batch, unreadable = [], []
        for entry_id, fields in entries:
            if not fields:  # deleted meanwhile (stored by another worker)
                unreadable.append(entry_id)
                continue
            try:
                batch.append((entry_id, _loads(fields[b"s"])))
            except (KeyError, TypeError, ValueError) as error:
                # Never the entry itself: it holds personal data.
                logger.error("Unreadable accepted signature %s dropped (%s)", entry_id, error)
                unreadable.append(entry_id)
        if unreadable:
            self.acknowledge(unreadable)
        return batch

    def acknowledge(self, entry_ids):
        """Done with these entries: acknowledged and deleted (personal data leave Redis)."""
        client = self._client()
        pipe = client.pipeline(transaction=False)
        pipe.xack(stream_key(), GROUP, *entry_ids)
        pipe.xdel(stream_key(), *entry_ids)
        pipe.execute()

    def run_once(self, store, *, wait=True):
        """Store one batch; how many entries it held (0: nothing waiting)."""
        batch = self.read(wait=wait)
        if not batch:
            return 0
        try:
            store([signature for _entry_id, signature in batch])
            self.acknowledge([entry_id for entry_id, _signature in batch])
        except BaseException:
            self._may_hold_entries = True  # taken, not acknowledged: first in the next read
            raise
        return len(batch)
