"""Requests to async views (/health/) from tests.

Django's test client runs an async view with async_to_sync, which refuses to
run in a thread whose event loop is already running, as Playwright's is after
a browser test on the same worker. A thread of its own has none.
"""

from concurrent.futures import ThreadPoolExecutor


def get(client, url, **extra):
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(client.get, url, **extra).result()
