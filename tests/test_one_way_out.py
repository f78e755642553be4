"""The one door out: no command writes over what it read, through a link or onto a device; files get the umask's mode.

Each case is tried as a user or a hostile pull request would: the command is
refused with exit 2 and a line naming the input, and the input is byte for
byte what it was.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT, SEED, run_finplan
from test_diff_git import git

BUDGETS = ROOT / "budgets"
MEMO = ROOT / "tests" / "memos" / "attraktiv.txt"


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    """A working folder with the seed and a second plan under budgets/."""
    (tmp_path / "budgets").mkdir()
    shutil.copy(SEED, tmp_path / "budgets" / "attraktiv.yaml")
    (tmp_path / "budgets" / "small.yaml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def refused(run, *names: str) -> None:
    assert run.exit_code == 2, run.output
    lines = [line for line in run.output.splitlines() if line.startswith("finplan: ")]
    assert len(lines) == 1, run.output
    for name in names:
        assert name in lines[0], run.output
    assert "Traceback" not in run.output


def test_diff_of_two_identical_files_never_writes_over_the_old_one(here):
    before = (here / "budgets" / "attraktiv.yaml").read_bytes()
    shutil.copy(here / "budgets" / "attraktiv.yaml", here / "b.yaml")
    run = run_finplan("diff", "budgets/attraktiv.yaml", "b.yaml", "--output", "budgets/attraktiv.yaml")
    refused(run, "budgets/attraktiv.yaml", "a plan being compared")
    assert (here / "budgets" / "attraktiv.yaml").read_bytes() == before


def test_diff_rev_never_writes_over_a_plan_of_the_working_tree(here):
    git(here, "init", "-q", "-b", "main")
    git(here, "add", ".")
    git(here, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "plans")
    before = (here / "budgets" / "attraktiv.yaml").read_bytes()
    run = run_finplan("diff", "--rev", "HEAD", "--output", "budgets/attraktiv.yaml")
    refused(run, "budgets/attraktiv.yaml")
    assert (here / "budgets" / "attraktiv.yaml").read_bytes() == before


def test_summary_never_writes_over_its_frames_file(here):
    frames = here / "frames.yaml"
    frames.write_text("frames:\n  - appropriation: anslag_1_1\n    year: 2020\n    amount: 5000000\n", encoding="utf-8")
    before = frames.read_bytes()
    run = run_finplan("summary", "budgets", "--frames", "frames.yaml", "--output", "frames.yaml")
    refused(run, "frames.yaml", "the frames file")
    assert frames.read_bytes() == before


def test_report_never_writes_through_a_link_in_its_folder(here):
    plan = here / "budgets" / "attraktiv.yaml"
    before = plan.read_bytes()
    (here / "site").mkdir()
    (here / "site" / "index.html").symlink_to(plan)
    run = run_finplan("report", "budgets", "--html", "site")
    refused(run, "site/index.html", "budgets/attraktiv.yaml")
    assert plan.read_bytes() == before
    assert (here / "site" / "index.html").is_symlink()


def test_report_never_writes_through_a_linked_sub_folder(here):
    elsewhere = here / "elsewhere"
    elsewhere.mkdir()
    (here / "site").mkdir()
    (here / "site" / "plans").symlink_to(elsewhere, target_is_directory=True)
    run = run_finplan("report", "budgets", "--html", "site")
    refused(run, "site/plans")
    assert list(elsewhere.iterdir()) == []


def test_report_into_a_file_is_refused_in_the_readers_language(here):
    run = run_finplan("--lang", "sv", "report", "budgets", "--html", "budgets/small.yaml")
    refused(run, "budgets/small.yaml", "är en fil")
    assert (here / "budgets" / "small.yaml").read_text(encoding="utf-8") == MINIMAL


@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_output_through_a_link_to_a_plan_names_the_plan(here, link):
    plan = here / "budgets" / "attraktiv.yaml"
    before = plan.read_bytes()
    if link == "symbolic":
        (here / "report.json").symlink_to(plan)
    else:
        os.link(plan, here / "report.json")
    run = run_finplan("check", "budgets", "--format", "json", "--output", "report.json")
    refused(run, "report.json", "budgets/attraktiv.yaml")
    assert plan.read_bytes() == before


@pytest.mark.parametrize("command", [
    ["memo", "render", "budgets/attraktiv.yaml", "--format", "markdown", "--output", "budgets/attraktiv.yaml"],
    ["memo", "check", "budgets/attraktiv.yaml", "memo.txt", "--output", "memo.txt"],
    ["memo", "check", "budgets/attraktiv.yaml", "memo.txt", "--write-baseline", "budgets/attraktiv.yaml"],
    ["check", "budgets", "--output", "finplan.toml"],
    ["check", "budgets", "--baseline", "base.json", "--write-baseline", "base.json"],
    ["summary", "budgets", "--format", "csv", "--output", "budgets/small.yaml"],
])
def test_no_command_writes_over_an_input(here, command):
    shutil.copy(MEMO, here / "memo.txt")
    (here / "finplan.toml").write_text("[severity]\nFP412 = \"info\"\n", encoding="utf-8")
    run_finplan("check", "budgets", "--write-baseline", "base.json")
    inputs = [here / name for name in ("memo.txt", "finplan.toml", "base.json")] + sorted((here / "budgets").iterdir())
    before = {path: path.read_bytes() for path in inputs}
    run = run_finplan(*command)
    refused(run, command[-1])
    assert {path: path.read_bytes() for path in inputs} == before


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_output_onto_what_is_not_a_file_is_refused(here, kind):
    target = here / "out"
    os.mkfifo(target) if kind == "fifo" else target.mkdir()
    run = run_finplan("check", "budgets", "--format", "json", "--output", "out")
    refused(run, "out", "not a regular file")
    assert stat.S_ISFIFO(target.lstat().st_mode) if kind == "fifo" else target.is_dir()


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod of a device needs root")
def test_output_onto_a_device_leaves_the_device(here):
    device = here / "full"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # a copy of /dev/full
    run = run_finplan("summary", "budgets", "--format", "json", "--output", "full")
    refused(run, "full", "a device")
    assert stat.S_ISCHR(device.lstat().st_mode)


def _finplan(*args: str, cwd: Path, umask: int = 0o022, **kwargs) -> subprocess.CompletedProcess:
    """finplan as its own process, as a shell starts it."""
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run(
        [sys.executable, "-m", "finplan", *args], cwd=cwd, text=True, preexec_fn=lambda: os.umask(umask), **streams,
    )


@pytest.mark.parametrize(("args", "name"), [
    (["check", "budgets", "--format", "json", "--output", "out.json"], "out.json"),
    (["check", "budgets", "--write-baseline", "base.json"], "base.json"),
    (["summary", "budgets", "--format", "csv", "--output", "out.csv"], "out.csv"),
    (["summary", "budgets", "--format", "xlsx", "--output", "out.xlsx"], "out.xlsx"),
    (["memo", "render", "budgets/attraktiv.yaml", "--format", "html", "--output", "memo.html"], "memo.html"),
    (["memo", "render", "budgets/attraktiv.yaml", "--format", "docx", "--output", "memo.docx"], "memo.docx"),
    (["report", "budgets", "--html", "site"], "site/index.html"),
    (["init", "new.yaml"], "new.yaml"),
])
@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_a_new_file_gets_the_mode_the_umask_gives(here, args, name, umask):
    done = _finplan(*args, cwd=here, umask=umask)
    assert done.returncode in (0, 1), done.stderr
    assert stat.S_IMODE((here / name).stat().st_mode) == 0o666 & ~umask


def test_a_replaced_file_keeps_its_mode(here):
    (here / "out.json").write_text("old\n")
    os.chmod(here / "out.json", 0o640)
    done = _finplan("check", "budgets", "--format", "json", "--output", "out.json", cwd=here)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE((here / "out.json").stat().st_mode) == 0o640
    assert (here / "out.json").read_text().startswith("{")


@pytest.mark.parametrize("args", [["summary", "budgets"], ["check", "budgets/attraktiv.yaml"], ["rules"]])
def test_a_full_standard_output_is_one_line_and_exit_2(here, args):
    with open("/dev/full", "w") as full:
        done = _finplan(*args, cwd=here, stdout=full)
    assert done.returncode == 2
    assert done.stderr.strip() == "finplan: standard output cannot be written: No space left on device"


def test_a_closed_standard_output_is_one_line_and_exit_2(here):
    done = subprocess.run(
        f"{sys.executable} -m finplan check budgets/attraktiv.yaml >&-", shell=True, cwd=here, capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "finplan: standard output cannot be written: Bad file descriptor"


def test_a_reader_that_stops_ends_the_run_quietly(here):
    for index in range(40):
        shutil.copy(SEED, here / "budgets" / f"copy-{index:02d}.yaml")
    done = subprocess.run(
        f"{sys.executable} -m finplan check budgets --tables | head -n 1", shell=True, cwd=here, capture_output=True,
        text=True,
    )
    assert done.stdout.count("\n") == 1
    assert done.stderr == ""
