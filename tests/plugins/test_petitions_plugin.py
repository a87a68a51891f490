"""The petitions plugin installs into a Wagtail site without home and prisoners, and works."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_petitions_installs_alone_migrates_signs_and_counts(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.plugins.petitions_settings",
        "PLUGIN_DATABASE": str(tmp_path / "petitions.sqlite3"),
    }
    finished = subprocess.run(
        [sys.executable, "-m", "tests.plugins.petitions_scenario"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-4000:]
    seen = json.loads(finished.stdout.strip().splitlines()[-1])

    assert seen["outcome"] == "signed"
    assert seen["total_before_confirmation"] == 0  # confirmed signatures count by default
    assert seen["total"] == 1
    assert seen["page_status"] == 200
    assert seen["page_has_title"] and seen["page_has_form"]
    assert seen["feature_apps_loaded"] == []
