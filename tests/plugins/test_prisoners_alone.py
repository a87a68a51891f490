"""The prisoners plugin installs alone: the shared base and `prisoners`, no home, no petitions.

In a subprocess, since this process's Django already has the whole campaign
installed: tests/plugins/prisoners_settings.py, a fresh SQLite database,
tests/plugins/prisoners_alone_check.py (migrate, build, check, render).
"""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_prisoners_installs_migrates_and_renders_without_home_or_petitions(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.plugins.prisoners_settings",
        "PRISONERS_ALONE_DB": str(tmp_path / "db.sqlite3"),
        "PRISONERS_ALONE_MEDIA": str(tmp_path / "media"),
        "PYTHONPATH": str(REPO),
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(Path(__file__).with_name("prisoners_alone_check.py"))],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "prisoners alone: OK" in result.stdout
