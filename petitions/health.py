"""What /health/ says about petitions: signatures accepted and not stored for too long
mean no `manage.py petitions_store_signatures` is running (petitions.intake)."""

import dataclasses
import time

from health_check.base import HealthCheck
from health_check.exceptions import ServiceWarning

from campaign_site.cache import REDIS_UNAVAILABLE, redis_client

from . import intake

#: Stored within about a second when a storer runs; older than this, none does.
OLDEST_ACCEPTED_WARNING_SECONDS = 60


@dataclasses.dataclass
class AcceptedSignatures(HealthCheck):
    """The oldest signature waiting in the stream is recent (a storer is running)."""

    def run(self):
        client = redis_client()
        if client is None:
            return  # no stream: the forms store signatures themselves
        try:
            oldest = client.xrange(intake.stream_key(), count=1)
        except REDIS_UNAVAILABLE:
            return  # the Redis check says so
        if not oldest:
            return
        entry_id = oldest[0][0]
        entry_id = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
        age = time.time() - int(entry_id.split("-")[0]) / 1000
        if age > OLDEST_ACCEPTED_WARNING_SECONDS:
            raise ServiceWarning(
                f"A signature has waited {int(age)} s to be stored: "
                "is petitions_store_signatures running?"
            )
