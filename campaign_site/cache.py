"""A Redis cache that an outage of Redis cannot turn into an outage of the site.

Django's RedisCache raises on a connection error, and Wagtail keeps each site's
root paths in the default cache, so a stopped Redis would make every page, both
APIs and signing answer 500. This backend catches Redis errors and carries on
with a fallback cache (the database, shared by every worker, so rate limits
still stop a burst) or, without one, as if the cache were empty.

After a failure it stops asking Redis for a few seconds (a small circuit
breaker): one request may read the cache twenty times, and each attempt would
otherwise wait for the connection timeout.

    CACHES = {
        "default": {
            "BACKEND": "campaign_site.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "OPTIONS": {"FALLBACK": "fallback"},
        },
        "fallback": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                     "LOCATION": "campaign_cache_fallback"},
    }
"""

import logging
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import DatabaseError
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: How long to leave Redis alone after it failed, in seconds.
RETRY_AFTER_SECONDS = 5.0
#: Connection and read timeouts, in seconds: Redis on the same network answers in
#: well under a millisecond, and a visitor must not wait long on a dead one.
DEFAULT_SOCKET_TIMEOUT = 0.5
#: The table of the database fallback cache (created by campaign_site's migration).
FALLBACK_TABLE = "campaign_cache_fallback"

_UNAVAILABLE = (RedisError, OSError)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one redis-py client per connection pool.

    Django builds a new `redis.Redis` for every cache call, and building one (its
    table of response callbacks) costs more than the call itself: ~0.5 ms, seven
    times per signature, more on pages. A client only holds its pool and that table,
    and is safe to share between threads, so one per pool is enough.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": dict(params.get("OPTIONS") or {})}
        self.fallback_alias = params["OPTIONS"].pop("FALLBACK", None)
        params["OPTIONS"].setdefault("socket_connect_timeout", DEFAULT_SOCKET_TIMEOUT)
        params["OPTIONS"].setdefault("socket_timeout", DEFAULT_SOCKET_TIMEOUT)
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._down_until = 0.0

    # --- state ---------------------------------------------------------------

    def redis_client(self):
        """The redis-py client, for what the cache API cannot say in one round trip (a
        pipeline, a stream); None while Redis is known to be down (the breaker).
        A caller whose command fails reports it with `redis_failed`."""
        if time.monotonic() < self._down_until:
            return None
        return self._cache.get_client(write=True)

    def redis_failed(self, error):
        self._redis_down(error)

    def is_available(self):
        """Ask Redis itself (for the health check), whatever the breaker says."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except _UNAVAILABLE:
            return False

    def _redis_down(self, error):
        if time.monotonic() >= self._down_until:
            logger.warning("Redis unavailable, using the fallback cache: %s", error)
        self._down_until = time.monotonic() + RETRY_AFTER_SECONDS

    def _call(self, name, *args, default=None, **kwargs):
        if time.monotonic() >= self._down_until:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except _UNAVAILABLE as error:
                self._redis_down(error)
        return self._fallback(name, *args, default=default, **kwargs)

    def _fallback(self, name, *args, default=None, **kwargs):
        if not self.fallback_alias:
            return default
        try:
            return getattr(caches[self.fallback_alias], name)(*args, **kwargs)
        except DatabaseError:
            logger.warning("The fallback cache %r failed too", self.fallback_alias)
            return default

    # --- the cache API -------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout, version, default=False)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version, default=default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout, version, default=False)

    def delete(self, key, version=None):
        return self._call("delete", key, version, default=False)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version, default={})

    def has_key(self, key, version=None):
        return self._call("has_key", key, version, default=False)

    def incr(self, key, delta=1, version=None):
        # No default: a counter that cannot be counted must not pass for 1.
        # Without a fallback, django-ratelimit reads the ValueError as a new window.
        result = self._call("incr", key, delta, version, default=None)
        if result is None:
            raise ValueError(f"Key '{key}' not found")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout, version, default=list(data))

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version)

    def clear(self):
        return self._call("clear", default=False)


def redis_client(alias="default"):
    """The redis-py client behind cache `alias` when it is a ResilientRedisCache whose
    Redis is not known to be down; None otherwise (a memory cache in development, an
    outage): callers then do without, as the cache API itself does."""
    backend = caches[alias]
    if isinstance(backend, ResilientRedisCache):
        return backend.redis_client()
    return None


def redis_failed(error, alias="default"):
    """A command sent through `redis_client` failed: leave Redis alone for a while."""
    backend = caches[alias]
    if isinstance(backend, ResilientRedisCache):
        backend.redis_failed(error)


#: What a call through `redis_client` raises when Redis is unreachable.
REDIS_UNAVAILABLE = _UNAVAILABLE
