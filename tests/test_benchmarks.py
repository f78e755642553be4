"""The benchmark scripts as their user meets them: each explains itself, refuses what it does not know,
and each job of the jobs table runs as the job it names. Nothing here is timed (benchmarks/ times)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

BENCHMARKS = ROOT / "benchmarks"
SCRIPTS = ("run.py", "generate.py", "memo.py", "summary.py", "jobs.py", "minimal.py", "server.py")


def script(name: str, *args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCHMARKS / name), *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("name", SCRIPTS)
def test_every_script_says_what_it_takes_and_does_nothing_else(name, tmp_path):
    done = script(name, "--help", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "usage" in done.stdout.lower()
    assert list(tmp_path.iterdir()) == []


def test_generate_refuses_an_option_it_does_not_know_and_writes_nothing(tmp_path):
    done = script("generate.py", str(tmp_path / "out"), "--plans", "5", cwd=tmp_path)
    assert done.returncode == 2
    assert "unrecognized arguments: --plans 5" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_every_job_of_the_table_runs_as_the_job_it_names(tmp_path, monkeypatch):
    sys.path.insert(0, str(BENCHMARKS))
    import jobs

    monkeypatch.setattr(jobs, "FOLDER", tmp_path)
    for job in jobs.JOBS:
        command = job.command(2)
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        assert done.returncode in (0, 1), (job.name, done.stderr)
        named = job.name.split(" (")[0].split()
        assert [part for part in command if part in named] == named, (job.name, command)
