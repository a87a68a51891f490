#!/usr/bin/env python
"""CPU per anonymous GET of a page, in-process, and where it goes: a measuring tool.

    DJANGO_SETTINGS_MODULE=campaign_site.settings.production SECRET_KEY=… ALLOWED_HOSTS=localhost \\
    DATABASE_URL=postgres://… REDIS_URL=redis://… SECURE_SSL_REDIRECT=false \\
        .venv/bin/python scripts/profile_page.py home petition -n 300 [--profile 25]

Each page (a name of scripts/bench_site.py's `django_urls`, or a path) is asked
through Django's WSGI handler, as gunicorn does: warmed first (the kept parts
stored), then asked `-n` times. It prints the median and mean CPU time
(`time.process_time`) per request: unlike request rates, it means something on a
machine others are using. `--profile N` adds cProfile's N costliest functions
(by CPU time of their own, then cumulative) over a second run.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def environ_for(path):
    from urllib.parse import urlsplit

    parts = urlsplit(path)
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": parts.path,
        "QUERY_STRING": parts.query,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "localhost",
        "HTTP_ACCEPT_ENCODING": "gzip",
        "HTTP_USER_AGENT": "profile_page",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def ask(application, path):
    status = []

    def start_response(line, headers, exc_info=None):
        status.append(line)

    result = application(environ_for(path), start_response)
    try:
        for _chunk in result:
            pass
    finally:
        if hasattr(result, "close"):
            result.close()
    return status[0]


def timed(application, path, n):
    times = []
    for _ in range(n):
        start = time.process_time()
        ask(application, path)
        times.append((time.process_time() - start) * 1000)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", default=["home", "petition"])
    parser.add_argument("-n", type=int, default=200, help="requests timed per page")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="top N functions")
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign_site.settings.production")
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    from bench_site import django_urls

    known = django_urls()
    for name in options.pages:
        path = known.get(name, name)
        for _ in range(5):
            status = ask(application, path)
        times = timed(application, path, options.n)
        print(
            f"{name:16} {path:50} {status:8} median {statistics.median(times):6.2f} ms"
            f"  mean {statistics.fmean(times):6.2f} ms  (n={options.n})",
            flush=True,
        )
        if options.profile:
            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
            for _ in range(options.n):
                ask(application, path)
            profiler.disable()
            for order in ("tottime", "cumulative"):
                out = io.StringIO()
                stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order)
                stats.print_stats(options.profile)
                print(out.getvalue())


if __name__ == "__main__":
    main()
