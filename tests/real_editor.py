"""Runs a real editor without a display on a copy of the seed, its language client driving `finplan server`.

The editors come from Debian's packages (.ci/install-editor). On a developer's
machine without one, its test skips and says so; in CI (CI=true) it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED

RECIPES = ROOT / "docs" / "editors"
DRIVERS = Path(__file__).resolve().parent / "editors"
TOTAL_LINE = SEED.read_text(encoding="utf-8").split("\n").index("total: 38 566 657")
FP101_MESSAGE = "the financing lines sum to 38 566 657 kr, the declared total is 40 000 000 kr: 1 433 343 kr short"


def editor(command: str) -> str:
    """Where `command` is installed; the test skips without it, except in CI."""
    found = shutil.which(command)
    if found is None:
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"{command} is not installed: .ci/install-editor installs it")
        pytest.skip(f"{command} is not installed (.ci/install-editor installs it from Debian's packages)")
    return found


def edit_the_total(command: list[str], recipe: Path, tmp_path: Path) -> dict:
    """What the editor's driver wrote: the diagnostics before and after it changed the seed's total to 40 000 000.

    `finplan` is found on PATH as the recipe expects it, in the environment
    running the tests; the editor keeps its state and logs in `tmp_path`.
    """
    scripts = Path(sys.executable).parent
    assert (scripts / "finplan").is_file() or (scripts / "finplan.exe").is_file(), scripts
    plan = tmp_path / "plans" / "attraktiv.yaml"
    plan.parent.mkdir()
    shutil.copyfile(SEED, plan)
    home, out = tmp_path / "home", tmp_path / "diagnostics.json"
    home.mkdir()
    env = {
        **os.environ, "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}", "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache"),
        "FINPLAN_PLAN": str(plan), "FINPLAN_OUT": str(out), "FINPLAN_RECIPE": str(recipe),
    }
    done = subprocess.run(command, cwd=plan.parent, env=env, capture_output=True, text=True, timeout=120)
    assert out.is_file(), f"{command[0]} wrote nothing (exit {done.returncode}):\n{done.stdout}\n{done.stderr}"
    result = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in result, result["error"]
    return result
