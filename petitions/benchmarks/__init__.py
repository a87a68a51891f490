"""Settings and seeding for scripts/bench_petitions.py (a benchmark, not a test)."""
