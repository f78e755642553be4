"""finplan never writes to a plan it checks, and writes its own files whole or not at all."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import PLANS, ROOT, run_finplan

from finplan.errors import InputError
from finplan.files import write_file


def _state(folder):
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "github", "sarif", "junit", "gitlab"])
def test_checking_never_touches_a_plan(tmp_path, monkeypatch, fmt):
    plans = tmp_path / "budgets"
    shutil.copytree(PLANS / "invalid", plans)
    shutil.copy(ROOT / "budgets" / "attraktiv.yaml", plans)
    monkeypatch.chdir(tmp_path)
    before = _state(plans)
    run_finplan("check", "budgets", "--format", fmt, "--output", "report.out", "--write-baseline", "baseline.json")
    run_finplan("check", "budgets", "--format", fmt, "--baseline", "baseline.json")
    assert _state(plans) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "budgets", "report.out"]


def test_a_failed_write_leaves_the_old_file_and_no_litter(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("old report\n")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(InputError, match="cannot be written: No space left on device"):
        write_file(target, "new report\n")
    assert target.read_text() == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old\n")
    write_file(target, "new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_write_that_must_not_overwrite_refuses_a_file_that_appears(tmp_path, monkeypatch):
    target = tmp_path / "plan.yaml"
    real_link = os.link

    def racing_link(source, destination, **where):
        target.write_text("someone else's plan\n")  # appears between the check and the link
        return real_link(source, destination, **where)

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(InputError, match="already exists"):
        write_file(target, "template\n", replace=False)
    assert target.read_text() == "someone else's plan\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_the_command_turns_off_pydantic_plugins():
    code = (
        "import os, finplan.cli as c; c.app = lambda **k: None; c.main(); "
        "print(os.environ['PYDANTIC_DISABLE_PLUGINS'])"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "__all__"
