#!/usr/bin/env python
"""Benchmark petition signing through HTTP on PostgreSQL, and count the page's queries.

    .venv/bin/python scripts/bench_petitions.py
    .venv/bin/python scripts/bench_petitions.py --signatures 100000 --clients 8 --requests 3000

What it does (a benchmark that prints figures, not a test that passes or fails):
1. creates a PostgreSQL database (default `campaign_bench`, dropped afterwards
   unless --keep), migrates it, loads the demo petition and stores --signatures
   signatures in it;
2. starts gunicorn (--workers, default 2: the 2-core machine this targets) with
   production-like settings (petitions/benchmarks/settings.py: debug off, rate
   limits out of the way since every client shares one IP, mail dropped);
3. --clients threads post --requests distinct signatures to the sign endpoint,
   exactly as a browser without JavaScript does, and it prints signatures per
   second and latencies; then the same clients read the petition page;
4. prints the petition page's SQL query count, and checks the count is exact.
"""

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


def run(args, env, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, text=True, **kwargs)  # noqa: S603


def admin_connection(server_url):
    import psycopg

    return psycopg.connect(f"{server_url}/postgres", autocommit=True)


def wait_for(port, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/en/")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not start")


class Client:
    """One keep-alive HTTP connection per thread."""

    local = threading.local()

    def __init__(self, port):
        self.port = port

    def connection(self):
        if getattr(self.local, "conn", None) is None:
            self.local.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        return self.local.conn

    def request(self, method, path, body=None, headers=None):
        for attempt in range(2):
            conn = self.connection()
            try:
                started = time.perf_counter()
                conn.request(method, path, body=body, headers=headers or {})
                response = conn.getresponse()
                content = response.read()
                return response.status, content, time.perf_counter() - started
            except (http.client.HTTPException, OSError):
                conn.close()
                self.local.conn = None
                if attempt:
                    raise
        raise AssertionError("unreachable")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="campaign_bench")
    parser.add_argument("--signatures", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="reuse a database kept earlier")
    options = parser.parse_args()

    database_url = f"{options.server}/{options.database}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "petitions.benchmarks.settings",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_URL", None)  # per-process cache: rate limits are off anyway

    if not options.reuse:
        with admin_connection(options.server) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{options.database}"')
            conn.execute(f'CREATE DATABASE "{options.database}"')
        print(f"database {options.database}: migrating…", flush=True)
        run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], env)
    print(f"seeding {options.signatures:,} signatures…", flush=True)
    run([PYTHON, "-m", "petitions.benchmarks.seed", str(options.signatures)], env)

    queries = run(
        [PYTHON, "-m", "petitions.benchmarks.page_queries"], env, capture_output=True
    ).stdout.split()
    page_queries, page_path = int(queries[0]), queries[1]

    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [
            GUNICORN,
            "campaign_site.wsgi",
            "--workers",
            str(options.workers),
            "--bind",
            f"127.0.0.1:{options.port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(options.port)
        client = Client(options.port)
        status, html, _elapsed = client.request("GET", page_path)
        assert status == 200, status
        match = re.search(rb'action="(/en/petitions/sign/\d+/)"', html)
        token = re.search(rb'name="form_token" value="([^"]+)"', html).group(1).decode()
        sign_path = match.group(1).decode()
        run_id = int(time.time())

        def sign(n):
            body = urlencode(
                {
                    "first_name": "Bench",
                    "last_name": "Signer",
                    "email": f"bench-{run_id}-{n}@example.org",
                    "country": "FR",
                    "form_token": token,
                    "website": "",
                }
            )
            return client.request(
                "POST",
                sign_path,
                body,
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    # As a browser on the site's own page says (petitions.origins).
                    "Origin": f"http://127.0.0.1:{options.port}",
                },
            )

        with ThreadPoolExecutor(max_workers=options.clients) as pool:
            list(pool.map(sign, range(-options.clients * 5, 0)))  # warm-up
            started = time.perf_counter()
            results = list(pool.map(sign, range(options.requests)))
            elapsed = time.perf_counter() - started

            page_started = time.perf_counter()
            reads = list(
                pool.map(lambda _n: client.request("GET", page_path), range(options.requests // 4))
            )
            page_elapsed = time.perf_counter() - page_started
    finally:
        server.terminate()
        server.wait(timeout=30)

    statuses = {}
    for status, _body, _elapsed in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = [elapsed_one * 1000 for _s, _b, elapsed_one in results]
    page_latencies = [elapsed_one * 1000 for _s, _b, elapsed_one in reads]

    check = run(
        [
            PYTHON,
            "-c",
            "import django; django.setup();"
            "from petitions.models import Petition, Signature, SignatureTally;"
            "from django.db.models import Sum;"
            "p = Petition.objects.get();"
            "print(Signature.objects.filter(petition=p, invalidated_at=None).count(),"
            " SignatureTally.objects.filter(petition=p).aggregate(s=Sum('count'))['s'])",
        ],
        env,
        capture_output=True,
    ).stdout.split()

    cpu = os.cpu_count()
    print()
    print(f"PostgreSQL, gunicorn {options.workers} workers, {options.clients} clients, {cpu} CPUs")
    print(f"stored signatures before the run: {options.signatures:,}")
    print(
        f"signing: {options.requests:,} POSTs in {elapsed:.2f} s = "
        f"{options.requests / elapsed:,.1f} signatures/s; statuses {statuses}"
    )
    print(
        f"  latency ms: median {statistics.median(latencies):.1f}, "
        f"p95 {percentile(latencies, 0.95):.1f}, max {max(latencies):.1f}"
    )
    print(
        f"petition page: {len(reads):,} GETs in {page_elapsed:.2f} s = "
        f"{len(reads) / page_elapsed:,.1f} pages/s; "
        f"median {statistics.median(page_latencies):.1f} ms"
    )
    print(f"petition page SQL queries: {page_queries}")
    print(f"signatures stored = tally: {check[0]} = {check[1]}")

    if not options.keep:
        with admin_connection(options.server) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{options.database}"')
    return 0 if statuses.get(303) == options.requests and check[0] == check[1] else 1


if __name__ == "__main__":
    sys.exit(main())
