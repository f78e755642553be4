"""finplan as a pre-commit hook: it checks the plans a commit changes and passes over the YAML that is not a plan."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml
from conftest import MINIMAL, ROOT, SEED, run_finplan

FRAMES = """\
frames:
  - appropriation: "Reg.tillväxt (anslag 1:1)"
    year: 2020
    amount: 5 000 000
"""
COMPOSE = """\
services:
  web:
    image: nginx
    ports: ["8080:80"]
"""
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_a_file_named_that_is_no_plan_is_passed_over_with_a_note_when_asked(write):
    frames, compose = write(FRAMES, "frames.yaml"), write(COMPOSE, "docker-compose.yml")
    run = run_finplan("check", "--skip-non-plans", "--format", "concise", frames, compose, SEED)
    assert run.exit_code == 0, run.output
    assert f"{frames}: FP004 info this file is a frames file (a top-level `frames:` key), not a plan: passed over" in run.output
    assert f"{compose}: FP004 info this file has no top-level `finplan:` key: not a plan, passed over" in run.output
    assert "FP001" not in run.output


def test_a_file_named_that_is_no_plan_is_still_refused_without_the_option(write):
    run = run_finplan("check", "--format", "concise", write(FRAMES, "frames.yaml"))
    assert run.exit_code == 2
    assert "FP001 error the file has no top-level `finplan:` key, so it is not a plan" in run.output


def test_a_plan_named_is_checked_with_the_option_as_without_it(write):
    bad = write(MINIMAL.replace("total: 1000", "total: 1100"))
    run = run_finplan("check", "--skip-non-plans", "--format", "concise", bad)
    assert run.exit_code == 1
    assert [f["code"] for f in run.problems()] == ["FP101"]


@pytest.mark.parametrize(
    "start",
    ["\ufefffinplan: 1\n", '"finplan": 1\n', "# a comment\n---\nfinplan: 1\n"],
    ids=["after a BOM", "quoted", "after a comment and a document start"],
)
def test_a_plan_is_known_by_its_key_however_its_first_line_is_written(write, start):
    plan = write(MINIMAL.replace("finplan: 1\n", start))
    run = run_finplan("check", "--skip-non-plans", "--format", "concise", plan.parent)
    assert run.exit_code == 0, run.output
    assert "FP004" not in run.output


def test_a_frames_file_below_a_folder_is_named_as_one(write):
    write(FRAMES, "frames.yaml")
    plan = write(MINIMAL)
    run = run_finplan("check", "--format", "concise", plan.parent)
    assert run.exit_code == 0, run.output
    assert "frames.yaml: FP004 info this file is a frames file (a top-level `frames:` key), not a plan" in run.output


def test_both_hooks_run_the_same_command_and_differ_only_in_how_finplan_is_installed():
    hooks = {hook["id"]: hook for hook in HOOKS}
    assert set(hooks) == {"finplan", "finplan-system"}
    assert hooks["finplan"]["language"] == "python" and hooks["finplan-system"]["language"] == "system"
    alike = ("name", "entry", "args", "files", "types", "require_serial")
    assert [hooks["finplan"][key] for key in alike] == [hooks["finplan-system"][key] for key in alike]
    # In `entry`, not `args`: a configuration that sets its own args keeps it.
    assert hooks["finplan"]["entry"] == "finplan check --skip-non-plans"


def _git(cwd: Path, *args: str, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture
def hook_env(tmp_path):
    """An environment for git and pre-commit: this finplan first on PATH, a cache and an identity of their own."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
    env["PATH"] = sysconfig.get_path("scripts") + os.pathsep + env.get("PATH", "")
    env["PRE_COMMIT_HOME"] = str(tmp_path / "cache")
    for role in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{role}_NAME"], env[f"GIT_{role}_EMAIL"] = "Test", "test@example.invalid"
    return env


@pytest.fixture
def hook_repository(tmp_path, hook_env) -> Path:
    """The project's hooks file in a repository of its own, committed, as pre-commit fetches a hook repository.

    Only the hooks file: `finplan-system` runs the finplan installed here, so this works on a fresh
    clone, with changes not yet committed, and with no network.
    """
    repository = tmp_path / "hooks"
    repository.mkdir()
    shutil.copy(ROOT / ".pre-commit-hooks.yaml", repository)
    _git(repository, "init", "-q", env=hook_env)
    _git(repository, "add", ".", env=hook_env)
    _git(repository, "commit", "-q", "-m", "hooks", env=hook_env)
    return repository


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
@pytest.mark.parametrize("total, passes", [("1000", True), ("1100", False)], ids=["a good plan", "a bad plan"])
def test_pre_commit_passes_over_what_is_not_a_plan_and_fails_on_a_bad_plan(tmp_path, hook_env, hook_repository, total, passes):
    budgets = tmp_path / "work" / "budgets"
    budgets.mkdir(parents=True)
    (budgets / "frames.yaml").write_text(FRAMES, encoding="utf-8")
    (budgets / "docker-compose.yml").write_text(COMPOSE, encoding="utf-8")
    (budgets / "plan.yaml").write_text(MINIMAL.replace("total: 1000", f"total: {total}"), encoding="utf-8")
    work = budgets.parent
    _git(work, "init", "-q", env=hook_env)
    _git(work, "add", ".", env=hook_env)
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repository), "finplan-system", "--verbose", "--color", "never"],
        cwd=work, env=hook_env, capture_output=True, text=True, encoding="utf-8",
    )
    output = done.stdout + done.stderr
    assert (done.returncode == 0) == passes, output
    assert "budgets/frames.yaml: FP004 info this file is a frames file" in output
    assert "budgets/docker-compose.yml: FP004 info this file has no top-level `finplan:` key" in output
    assert ("budgets/plan.yaml:7:8: FP101 error" in output) != passes, output


def _pinned_revision() -> str:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    config = yaml.safe_load(re.search(r"## pre-commit\n\n```yaml\n(.*?)```", text, re.DOTALL).group(1))
    (repository,) = config["repos"]
    assert [hook["id"] for hook in repository["hooks"]] == ["finplan"]
    return repository["rev"]


def test_the_documented_pin_is_a_full_commit_hash_until_releases_are_tagged():
    assert re.fullmatch(r"[0-9a-f]{40}", _pinned_revision())


def _git_output(*args: str) -> str | None:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


@pytest.mark.skipif(
    shutil.which("git") is None or _git_output("rev-parse", "--is-shallow-repository") != "false",
    reason="needs finplan's own history: a git checkout that is not shallow",
)
def test_the_documented_pin_is_a_commit_of_this_history_that_has_both_hooks():
    revision = _pinned_revision()
    assert _git_output("merge-base", "--is-ancestor", revision, "HEAD") is not None, (
        f"docs/ci.md pins {revision}, which is not in this history: pin a commit that is"
    )
    hooks = yaml.safe_load(_git_output("show", f"{revision}:.pre-commit-hooks.yaml"))
    assert {hook["id"] for hook in hooks} == {"finplan", "finplan-system"}
