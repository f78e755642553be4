"""`finplan diff --rev`: plans as they were at a commit, read from a real git repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT, SEED, run_finplan
from test_diff import moved

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
    # Nobody's own git configuration changes what the tests see.
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


@pytest.fixture(autouse=True)
def git_env(monkeypatch):
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """Two commits: the seed and a second plan; then the seed's million moved and the second plan renamed."""
    root = tmp_path / "repo"
    (root / "budgets").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    shutil.copy(SEED, root / "budgets" / "attraktiv.yaml")
    shutil.copy(ROOT / "budgets" / "exempel-kostnadsbudget.yaml", root / "budgets" / "kostnader.yaml")
    (root / "budgets" / "same.yaml").write_text(MINIMAL, encoding="utf-8")
    (root / "notes.txt").write_text("not a plan\n", encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "budgets as decided")
    (root / "budgets" / "attraktiv.yaml").write_text(moved(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    git(root, "mv", "budgets/kostnader.yaml", "budgets/2024-kostnader.yaml")
    git(root, "commit", "-q", "-am", "a million more from the 1:1 grant")
    monkeypatch.chdir(root)
    return root


def _plans(run) -> dict[str, dict]:
    return {plan["new_name"] or plan["old_name"]: plan for plan in json.loads(run.output)["plans"]}


def test_rev_head_1_shows_the_last_commits_change(repo):
    run = run_finplan("diff", "--rev", "HEAD~1")
    assert run.exit_code == 0, run.output
    assert "finplan diff: HEAD~1 → working tree" in run.output
    assert "budgets/attraktiv.yaml:84:13: FP501 error" in run.output
    assert "−2,59 pp" in run.output and "+2,59 pp" in run.output
    assert "1 000 000,50 kr over" in run.output
    # The plan the commit did not touch is counted, not shown.
    assert "same.yaml" not in run.output and "; 1 unchanged" in run.output
    assert run_finplan("diff", "--rev", "HEAD~1", "--fail-on", "new-errors").exit_code == 1


def test_a_renamed_plan_is_matched_by_its_case(repo):
    run = run_finplan("diff", "--rev", "HEAD~1", "-o", "json")
    plans = _plans(run)
    renamed = plans["budgets/2024-kostnader.yaml"]
    assert renamed["old_name"] == "budgets/kostnader.yaml"
    assert renamed["renamed"] is True and renamed["state"] == "renamed"
    assert renamed["lines"] == [] and all(f["state"] == "unchanged" for f in renamed["findings"])
    assert set(plans) == {"budgets/attraktiv.yaml", "budgets/2024-kostnader.yaml"}
    text = run_finplan("diff", "--rev", "HEAD~1")
    assert "budgets/2024-kostnader.yaml (renamed from budgets/kostnader.yaml)" in text.output


def test_a_renamed_and_changed_plan_shows_its_changes(repo):
    text = (repo / "budgets" / "2024-kostnader.yaml").read_text(encoding="utf-8")
    git(repo, "mv", "budgets/2024-kostnader.yaml", "budgets/kostnader-2025.yaml")
    travel = "per_year: {2024: 25 000, 2025: 100 000,"
    assert travel in text
    changed = text.replace(travel, "per_year: {2024: 35 000, 2025: 90 000,")
    (repo / "budgets" / "kostnader-2025.yaml").write_text(changed, encoding="utf-8")
    (repo / "budgets" / "extra.yaml").write_text(MINIMAL.replace("T/1/2020", "T/2/2020"), encoding="utf-8")
    plans = _plans(run_finplan("diff", "--rev", "HEAD", "-o", "json"))
    renamed = plans["budgets/kostnader-2025.yaml"]
    assert renamed["old_name"] == "budgets/2024-kostnader.yaml" and renamed["state"] == "changed"
    (resor,) = renamed["lines"]
    assert (resor["section"], resor["id"], resor["change"]) == ("costs", "resor", "0")
    assert resor["years"] == [{"year": 2024, "old": "25000", "new": "35000"}, {"year": 2025, "old": "100000", "new": "90000"}]
    assert plans["budgets/extra.yaml"]["state"] == "added"
    assert [line["state"] for line in plans["budgets/extra.yaml"]["lines"]] == ["added", "added"]


def test_a_removed_plan_and_a_range_of_two_revisions(repo):
    git(repo, "rm", "-q", "budgets/same.yaml")
    git(repo, "commit", "-q", "-m", "one plan less")
    plans = _plans(run_finplan("diff", "--rev", "HEAD~1..HEAD", "-o", "json"))
    assert set(plans) == {"budgets/same.yaml"}
    assert plans["budgets/same.yaml"]["state"] == "removed"
    both = _plans(run_finplan("diff", "--rev", "HEAD~2..HEAD~1", "-o", "json"))
    assert set(both) == {"budgets/attraktiv.yaml", "budgets/2024-kostnader.yaml"}


def test_three_dots_compare_with_the_merge_base(repo):
    git(repo, "checkout", "-q", "-b", "feature", "HEAD~1")
    (repo / "budgets" / "same.yaml").write_text(MINIMAL.replace("amount: 600", "amount: 700"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "feature")
    run = run_finplan("diff", "--rev", "main...feature", "-o", "json")
    # Only the branch's own change: not main's million, which the branch never had.
    assert set(_plans(run)) == {"budgets/same.yaml"}


def test_paths_narrow_the_comparison_and_the_working_tree_is_new(repo):
    (repo / "budgets" / "same.yaml").write_text(MINIMAL.replace("amount: 600", "amount: 700"), encoding="utf-8")
    only = _plans(run_finplan("diff", "--rev", "HEAD", "budgets/same.yaml", "-o", "json"))
    assert set(only) == {"budgets/same.yaml"}
    assert run_finplan("diff", "--rev", "HEAD", "budgets/same.yaml", "--fail-on", "new-errors").exit_code == 1
    (repo / "sub").mkdir()
    os.chdir(repo / "sub")
    assert set(_plans(run_finplan("diff", "--rev", "HEAD", "../budgets", "-o", "json"))) == {"budgets/same.yaml"}


def test_ignored_and_hidden_files_are_not_plans(repo):
    (repo / ".gitignore").write_text("scratch/\n", encoding="utf-8")
    (repo / "scratch").mkdir()
    (repo / "scratch" / "draft.yaml").write_text("not: [a plan\n", encoding="utf-8")
    (repo / ".github").mkdir()
    (repo / ".github" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    run = run_finplan("diff", "--rev", "HEAD")
    assert run.exit_code == 0, run.output
    assert "no plan changed; 3 unchanged" in run.output


def test_a_plan_broken_in_the_working_tree_exits_2(repo):
    (repo / "budgets" / "same.yaml").write_text("finplan: [1\n", encoding="utf-8")
    run = run_finplan("diff", "--rev", "HEAD")
    assert run.exit_code == 2
    assert "budgets/same.yaml" in run.output and "FP0" in run.output


def test_plans_compared_over_the_cores_read_as_those_compared_in_this_process(repo, monkeypatch):
    import finplan.batch

    # A plan changed, one renamed, one renamed and changed, one removed, one added, one added broken.
    text = (repo / "budgets" / "2024-kostnader.yaml").read_text(encoding="utf-8")
    git(repo, "mv", "budgets/2024-kostnader.yaml", "budgets/kostnader-2025.yaml")
    (repo / "budgets" / "kostnader-2025.yaml").write_text(text.replace("25 000", "35 000", 1), encoding="utf-8")
    git(repo, "rm", "-q", "budgets/same.yaml")
    (repo / "budgets" / "extra.yaml").write_text(MINIMAL.replace("T/1/2020", "T/2/2020"), encoding="utf-8")
    (repo / "budgets" / "broken.yaml").write_text("finplan: [1\n", encoding="utf-8")
    shown = {}
    for parallel_from in (10**6, 1):  # all in this process; then each plan a piece of work over the cores
        monkeypatch.setattr(finplan.batch, "PARALLEL_FROM", parallel_from)
        runs = [run_finplan("diff", "--rev", rev, *more) for rev in ("HEAD", "HEAD~1") for more in ([], ["-o", "json"])]
        shown[parallel_from] = [(run.exit_code, run.output) for run in runs]
    assert shown[1] == shown[10**6]
    assert [code for code, _output in shown[1]] == [2, 2, 2, 2]  # the broken plan is new in the working tree
    assert "budgets/kostnader-2025.yaml (renamed from budgets/kostnader.yaml)" in shown[1][2][1]


@pytest.mark.parametrize("revision", ["nosuch", "HEAD~5", "nosuch..HEAD", "-p"])
def test_an_unknown_revision_exits_2_with_a_message(repo, revision):
    run = run_finplan("diff", "--rev", revision)
    assert run.exit_code == 2
    assert "revision" in run.output and "Traceback" not in run.output


def test_outside_a_repository_exits_2(tmp_path, monkeypatch):
    outside = tmp_path / "plain"
    outside.mkdir()
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    run = run_finplan("diff", "--rev", "HEAD")
    assert run.exit_code == 2
    assert "not in one" in run.output


def test_a_path_outside_the_repository_exits_2(repo, tmp_path):
    run = run_finplan("diff", "--rev", "HEAD", str(tmp_path))
    assert run.exit_code == 2
    assert "outside the git repository" in run.output


def test_a_path_with_no_plan_on_either_side_exits_2(repo):
    run = run_finplan("diff", "--rev", "HEAD~1", "budget")
    assert run.exit_code == 2
    assert "no plan (*.yaml, *.yml) in budget, at HEAD~1 or in working tree" in run.output


def test_a_plan_over_the_size_limit_in_history_is_not_read(repo, monkeypatch):
    import dataclasses

    import finplan.loader

    small = dataclasses.replace(finplan.loader.DEFAULT_LIMITS, max_bytes=1000)
    monkeypatch.setattr(finplan.loader, "DEFAULT_LIMITS", small)
    run = run_finplan("diff", "--rev", "HEAD~1", "budgets/attraktiv.yaml", "-o", "json")
    (plan,) = json.loads(run.output)["plans"]
    assert plan["old_status"] == "unreadable" and plan["new_status"] == "failed"
    (refused,) = [f for f in plan["findings"] if f["state"] == "fixed"]
    assert refused["code"] == "FP000" and "larger than the limit of 1000 bytes" in refused["old"]["message"]
    # Nothing about the money is compared with a version that could not be read.
    assert plan["lines"] == [] and plan["caps"] == []


def test_a_path_is_a_path_not_a_pattern(repo):
    for folder, case in (("x*", "T/3/2020"), ("xy", "T/4/2020")):
        (repo / "budgets" / folder).mkdir()
        (repo / "budgets" / folder / "plan.yaml").write_text(MINIMAL.replace("T/1/2020", case), encoding="utf-8")
    plans = _plans(run_finplan("diff", "--rev", "HEAD", "budgets/x*", "-o", "json"))
    assert set(plans) == {"budgets/x*/plan.yaml"}
