"""System checks: production must count rate limits in a shared cache."""

from django.conf import settings
from django.core import checks

LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache_for_rate_limits(app_configs, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in LOCAL_CACHES:
        return [
            checks.Error(
                "Petition rate limits are counted in a per-process cache, so every worker "
                "allows the full rate and a restart forgets it.",
                hint="Set REDIS_URL (see README.md, Configuration).",
                id="petitions.E001",
            )
        ]
    return []
