"""/health/: what a load balancer and a monitor need to know, via django-health-check.

Two kinds of failure:

- **critical** (the database, file storage): this node cannot serve visitors;
  the answer is 503 and a load balancer takes the node out;
- **degraded** (Redis, the task queue): pages, APIs and signing keep working
  (campaign_site.cache falls back to the database; queued mail waits), so the
  answer stays 200 and the body says what is wrong, for the monitor to alert on.

`?format=json` or `Accept: application/json` gives one line per check.
"""

import dataclasses
import datetime

from django.core.cache import caches
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from health_check.base import HealthCheck
from health_check.checks import Database, Storage
from health_check.exceptions import ServiceWarning
from health_check.views import HealthCheckView

from campaign_site.cache import ResilientRedisCache

#: Mail and purges wait in the queue; older than this, the worker is probably down.
OLDEST_QUEUED_TASK_WARNING = datetime.timedelta(minutes=5)


@dataclasses.dataclass
class Redis(HealthCheck):
    """Redis behind the default cache answers (the site works without it, slower)."""

    alias: str = "default"

    def run(self):
        cache = caches[self.alias]
        if isinstance(cache, ResilientRedisCache) and not cache.is_available():
            raise ServiceWarning("Redis is down: caching and rate limits use the database")


@dataclasses.dataclass
class TaskQueue(HealthCheck):
    """The oldest task waiting in the database queue is recent (a worker is running)."""

    def run(self):
        waiting = DBTaskResult.objects.ready().order_by("enqueued_at")
        oldest = waiting.values_list("enqueued_at", flat=True).first()
        if oldest is None:
            return
        age = timezone.now() - oldest
        if age > OLDEST_QUEUED_TASK_WARNING:
            minutes = int(age.total_seconds() // 60)
            raise ServiceWarning(f"A task has waited {minutes} min: is a worker running?")


class HealthView(HealthCheckView):
    checks = (Database, Storage, Redis, TaskQueue)

    async def get(self, request, *args, **kwargs):
        response = await super().get(request, *args, **kwargs)
        critical = any(
            result.error and not isinstance(result.error, ServiceWarning) for result in self.results
        )
        response.status_code = 503 if critical else 200
        return response
