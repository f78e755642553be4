"""docs/ci.md's review jobs run as written: the GitHub step summary and the GitLab merge-request note.

Each job's commands are taken from the document and run with bash, against a
real git repository with a real `origin`, the installed `finplan`, and (for
GitLab) real curl posting to a local server standing in for GitLab's API.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEED
from test_diff import moved
from test_diff_git import GIT_ENV, git

FINPLAN = Path(sys.executable).parent / "finplan"


def _blocks(kind: str) -> list:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    return re.findall(rf"```{kind}\n(.*?)```", text, re.DOTALL)


def _github_job() -> dict:
    workflows = [yaml.safe_load(b) for b in _blocks("yaml")]
    return next(w for w in workflows if isinstance(w, dict) and "finplan-diff" in w.get("jobs", {}))["jobs"]["finplan-diff"]


def _gitlab_job() -> dict:
    jobs = [yaml.safe_load(b) for b in _blocks("yaml")]
    return next(j for j in jobs if isinstance(j, dict) and "script" in j.get("finplan-diff", {}))["finplan-diff"]


@pytest.fixture
def pull_request(tmp_path: Path, monkeypatch) -> Path:
    """A clone whose `origin` has main with the seed; the branch checked out moves a million to the 1:1 grant."""
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    work = tmp_path / "work"
    (work / "budgets").mkdir(parents=True)
    git(work, "init", "-q", "-b", "main")
    shutil.copy(SEED, work / "budgets" / "attraktiv.yaml")
    git(work, "add", ".")
    git(work, "commit", "-q", "-m", "the plan as decided")
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "-q", "origin", "main")
    git(work, "checkout", "-q", "-b", "more-grant")
    (work / "budgets" / "attraktiv.yaml").write_text(moved(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    git(work, "commit", "-q", "-am", "a million more from the 1:1 grant")
    # main moves on after the branch: the merge base keeps its change out of the review.
    git(work, "checkout", "-q", "main")
    (work / "budgets" / "other.yaml").write_text(SEED.read_text(encoding="utf-8").replace("RUN/99", "RUN/98"), encoding="utf-8")
    git(work, "add", ".")
    git(work, "commit", "-q", "-m", "another plan on main")
    git(work, "push", "-q", "origin", "main")
    git(work, "checkout", "-q", "more-grant")
    git(work, "update-ref", "-d", "refs/remotes/origin/main")
    return work


def _bash(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    path = f"{FINPLAN.parent}{os.pathsep}{os.environ['PATH']}"
    return subprocess.run(
        ["bash", "-e", "-c", command], cwd=cwd, env={**os.environ, **env, "PATH": path},
        capture_output=True, text=True, check=False,
    )


def test_the_github_job_writes_the_pull_requests_diff_to_the_step_summary(pull_request, tmp_path):
    job = _github_job()
    checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    (command,) = [step["run"] for step in job["steps"] if "finplan diff" in step.get("run", "")]
    # What actions/checkout with fetch-depth 0 leaves: origin's branches fetched.
    git(pull_request, "fetch", "-q", "origin")
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier steps' summary\n", encoding="utf-8")
    done = _bash(command, pull_request, {"GITHUB_BASE_REF": "main", "GITHUB_STEP_SUMMARY": str(summary)})
    assert done.returncode == 1, done.stderr  # --fail-on new-errors: the 1:1 cap is broken
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier steps' summary\n## finplan diff: origin/main...HEAD")
    assert "| financing region | changed | 2 658 128 kr | 1 658 128 kr | −1 000 000 kr |" in written
    assert "| new | budgets/attraktiv.yaml:84:13 | FP501 | error |" in written
    assert "other.yaml" not in written  # main's own change after the branch is not the pull request's


class _NotesAPI(BaseHTTPRequestHandler):
    received: list[tuple[str, dict[str, str], bytes]] = []

    def do_POST(self):  # noqa: N802 (the name http.server calls)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((self.path, dict(self.headers), body))
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({"id": 1}).encode())

    def log_message(self, *args):
        pass


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_the_gitlab_job_posts_the_diff_as_a_merge_request_note(pull_request):
    job = _gitlab_job()
    assert job["variables"]["GIT_DEPTH"] == 0
    assert job["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "merge_request_event"'
    server = HTTPServer(("127.0.0.1", 0), _NotesAPI)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _NotesAPI.received = []
    env = {
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main", "CI_API_V4_URL": f"http://127.0.0.1:{server.server_port}/api/v4",
        "CI_PROJECT_ID": "42", "CI_MERGE_REQUEST_IID": "7", "FINPLAN_NOTE_TOKEN": "glpat-test",
    }
    outcomes = []
    try:
        for command in job["script"]:
            if command.startswith("pip install"):
                continue  # finplan is installed already
            outcomes.append((command, _bash(command, pull_request, env)))
    finally:
        server.shutdown()
    *passing, (last, gate) = outcomes
    assert all(done.returncode == 0 for _, done in passing), [(c, d.stderr) for c, d in passing if d.returncode]
    assert "finplan diff" in last and gate.returncode == 1  # the job fails on the new error
    assert "FP501 error" in gate.stdout
    (path, headers, body) = _NotesAPI.received[0]
    assert path == "/api/v4/projects/42/merge_requests/7/notes"
    assert headers["PRIVATE-TOKEN"] == "glpat-test"
    note = urllib.parse.parse_qs(body.decode("ascii"))["body"][0]
    assert note == (pull_request / "finplan-diff.md").read_text(encoding="utf-8")
    assert note.startswith("## finplan diff: origin/main...HEAD")
    assert "| anslag_1_1: cap 50 % of the total | 19 283 329 kr | 20 283 329 kr | 0,50 kr over | 1 000 000,50 kr over |" in note
    assert job["artifacts"]["paths"] == ["finplan-diff.md"]


def test_the_json_diff_example_follows_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "src" / "finplan" / "report" / "diff" / "diff-report.schema.json").read_text(encoding="utf-8"))
    (example,) = [json.loads(b) for b in _blocks("json") if '"diff_format"' in b]
    jsonschema.validate(example, schema, cls=jsonschema.Draft202012Validator)


def test_the_formats_table_names_markdown_for_check_and_the_options_the_diff_has():
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert "| `markdown` |" in text
    from finplan.cli import DiffFormat, FailOn

    for value in (*DiffFormat, *FailOn):
        if value.value != "never":
            assert f"`{value.value}`" in text or f"--fail-on {value.value}" in text, value
