"""Every command's input errors and usage errors as a Swedish reader sees them: no English left in them.

Each case is run under `--lang sv` and must exit 2 with a message that holds no
text of the English catalog (the search of tests/test_languages.py) and no
English word (that of tests/test_sv_input.py), so an English text that never
reached the catalog is found too. A message built from a plain `str` fails
sooner: a finding, an input error and the command line's refusal take only a
Message, and raise TypeError on anything else.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEED, run_finplan
from test_languages import assert_speaks
from test_sv_input import english_words

BAD_YAML = "a: [\n"
NOT_UTF8 = "Projektet omsluter 38 566 657 kronor från Länsstyrelsen.\n".encode("cp1252")

FILES: dict[str, str | bytes] = {
    "plan.yaml": SEED.read_text(encoding="utf-8"),
    "changed.yaml": SEED.read_text(encoding="utf-8").replace("total: 38 566 657", "total: 38 566 658"),
    "unreadable.yaml": BAD_YAML,
    "frames-syntax.yaml": "frames: [\n",
    "frames-shape.yaml": "frames:\n  - {appropriation: X, year: 2020}\n",
    "frames-twice.yaml": "frames:\n  - {appropriation: X, year: 2020, amount: 10}\n  - {appropriation: x, year: 2020, amount: 5}\n",
    "baseline-version.json": '{"findings": 3}',
    "baseline-findings.json": '{"finplan_baseline": 1, "findings": 3}',
    "baseline-code.json": '{"finplan_baseline": 1, "findings": [{"fingerprint": "x", "code": "FP999"}]}',
    "baseline-syntax.json": "not json",
    "memo.xyz": "Projektet omsluter 38 566 657 kronor.\n",
    "memo-latin1.txt": NOT_UTF8,
    "memo.docx": "not a Word document",
    "memo.pdf": "not a PDF",
    "notes.md": "# Notes\n",
    "config-key/finplan.toml": 'select = ["FP1"]\nstrictness = true\n',
    "config-type/finplan.toml": "frames = 3\n",
    "config-code/finplan.toml": 'ignore = ["FP99"]\n',
    "config-lang/finplan.toml": 'lang = "de"\n',
    "config-syntax/finplan.toml": "select = [\n",
}
for folder in ("config-key", "config-type", "config-code", "config-lang", "config-syntax"):
    FILES[f"{folder}/plan.yaml"] = FILES["plan.yaml"]

LIBRARY = "library"
"""A case whose message quotes the reason of a library finplan reads with (tomllib, json, python-docx,
pypdf) as it gives it, in English: only the catalog's texts are searched for there."""

P = "plan.yaml"
CASES: list[tuple[str, tuple[str, ...], str]] = [
    # check
    ("check-missing", ("check", "missing.yaml"), ""),
    ("check-folder-missing", ("check", "nofolder/"), ""),
    ("check-unreadable", ("check", "unreadable.yaml"), ""),
    ("check-no-path", ("check",), ""),
    ("check-unknown-option", ("check", P, "--nope"), ""),
    ("check-bad-format", ("check", P, "-o", "nope"), ""),
    ("check-option-without-value", ("check", P, "--output"), ""),
    ("check-flag-with-value", ("check", "--strict", "true"), ""),
    ("check-unknown-code", ("check", P, "--select", "FP99"), ""),
    ("check-not-a-code", ("check", P, "--ignore", "XX1"), ""),
    ("check-output-folder", ("check", P, "--output", "folder"), ""),
    ("check-output-plan", ("check", P, "--output", P), ""),
    ("check-write-baseline-folder", ("check", P, "--write-baseline", "folder"), ""),
    ("check-baseline-missing", ("check", P, "--baseline", "missing.json"), ""),
    ("check-baseline-folder", ("check", P, "--baseline", "folder"), ""),
    ("check-baseline-version", ("check", P, "--baseline", "baseline-version.json"), ""),
    ("check-baseline-findings", ("check", P, "--baseline", "baseline-findings.json"), ""),
    ("check-baseline-code", ("check", P, "--baseline", "baseline-code.json"), ""),
    ("check-baseline-syntax", ("check", P, "--baseline", "baseline-syntax.json"), LIBRARY),
    ("check-config-key", ("check", "config-key/plan.yaml"), ""),
    ("check-config-type", ("check", "config-type/plan.yaml"), ""),
    ("check-config-code", ("check", "config-code/plan.yaml"), ""),
    ("check-config-lang", ("check", "config-lang/plan.yaml"), ""),
    ("check-config-syntax", ("check", "config-syntax/plan.yaml"), LIBRARY),
    ("check-unknown-language", ("check", P, "--lang", "de"), ""),
    # summary
    ("summary-no-path", ("summary",), ""),
    ("summary-missing", ("summary", "missing.yaml"), ""),
    ("summary-xlsx-without-output", ("summary", P, "-o", "xlsx"), ""),
    ("summary-bad-format", ("summary", P, "-o", "nope"), ""),
    ("summary-output-folder", ("summary", P, "--output", "folder"), ""),
    ("summary-output-plan", ("summary", P, "--output", P), ""),
    ("summary-frames-missing", ("summary", P, "--frames", "missing.yaml"), ""),
    ("summary-frames-folder", ("summary", P, "--frames", "folder"), ""),
    ("summary-frames-syntax", ("summary", P, "--frames", "frames-syntax.yaml"), ""),
    ("summary-frames-shape", ("summary", P, "--frames", "frames-shape.yaml"), ""),
    ("summary-frames-twice", ("summary", P, "--frames", "frames-twice.yaml"), ""),
    ("summary-config-frames", ("summary", "config-type/plan.yaml"), ""),
    # report --html
    ("report-html-a-file", ("report", "budgets", "--html", "notes.md"), ""),
    ("report-html-the-plan", ("report", P, "--html", P), ""),
    ("report-without-html", ("report", P), ""),
    ("report-no-path", ("report", "--html", "site"), ""),
    ("report-frames-shape", ("report", P, "--html", "site", "--frames", "frames-shape.yaml"), ""),
    ("report-unknown-option", ("report", P, "--html", "site", "--nope"), ""),
    # diff
    ("diff-nothing", ("diff",), ""),
    ("diff-one-plan", ("diff", P), ""),
    ("diff-three-plans", ("diff", P, P, P), ""),
    ("diff-missing", ("diff", "missing.yaml", P), ""),
    ("diff-folder", ("diff", "folder", P), ""),
    ("diff-unreadable", ("diff", P, "unreadable.yaml"), ""),
    ("diff-bad-format", ("diff", P, P, "-o", "nope"), ""),
    ("diff-bad-fail-on", ("diff", P, P, "--fail-on", "nope"), ""),
    ("diff-output-folder", ("diff", P, "changed.yaml", "--output", "folder"), ""),
    ("diff-output-plan", ("diff", P, "changed.yaml", "--output", "changed.yaml"), ""),
    # diff --rev, outside a git repository and inside one
    ("diff-rev-no-repository", ("diff", "--rev", "HEAD"), ""),
    ("diff-rev-unknown", ("diff", "--rev", "nosuch", "--", "budgets"), "repo"),
    ("diff-rev-option", ("diff", "--rev", "-x"), "repo"),
    ("diff-rev-outside", ("diff", "--rev", "HEAD", "/"), "repo"),
    ("diff-rev-no-common-ancestor", ("diff", "--rev", "main...orphan"), "repo"),
    ("diff-rev-without-value", ("diff", "--rev"), "repo"),
    # memo render
    ("memo-render-no-plan", ("memo", "render"), ""),
    ("memo-render-missing", ("memo", "render", "missing.yaml"), ""),
    ("memo-render-folder", ("memo", "render", "folder"), ""),
    ("memo-render-unreadable", ("memo", "render", "unreadable.yaml"), ""),
    ("memo-render-docx-without-output", ("memo", "render", P, "-o", "docx"), ""),
    ("memo-render-output-plan", ("memo", "render", P, "--output", P), ""),
    ("memo-render-output-folder", ("memo", "render", P, "--output", "folder"), ""),
    ("memo-render-docx-output-folder", ("memo", "render", P, "-o", "docx", "--output", "folder"), ""),
    ("memo-render-bad-format", ("memo", "render", P, "-o", "nope"), ""),
    ("memo-render-two-plans", ("memo", "render", P, P), ""),
    # memo check
    ("memo-check-no-memo", ("memo", "check", P), ""),
    ("memo-check-missing", ("memo", "check", P, "missing.txt"), ""),
    ("memo-check-folder", ("memo", "check", P, "folder"), ""),
    ("memo-check-not-a-memo", ("memo", "check", P, "memo.xyz"), ""),
    ("memo-check-not-utf8", ("memo", "check", P, "memo-latin1.txt"), ""),
    ("memo-check-bad-docx", ("memo", "check", P, "memo.docx"), LIBRARY),
    ("memo-check-bad-pdf", ("memo", "check", P, "memo.pdf"), LIBRARY),
    ("memo-check-unreadable-plan", ("memo", "check", "unreadable.yaml", "memo.xyz"), ""),
    ("memo-check-output-memo", ("memo", "check", P, "memo.xyz", "--output", "memo.xyz"), ""),
    ("memo-check-unknown-code", ("memo", "check", P, "memo.xyz", "--select", "FP99"), ""),
    ("memo-unknown-command", ("memo", "nope"), ""),
    # rule, rules, schema, init
    ("rule-unknown", ("rule", "FP999"), ""),
    ("rule-no-code", ("rule",), ""),
    ("rule-two-codes", ("rule", "FP101", "FP102"), ""),
    ("rules-argument", ("rules", "FP101"), ""),
    ("schema-argument", ("schema", "plan.json"), ""),
    ("schema-unknown-option", ("schema", "--nope"), ""),
    ("init-exists", ("init", P), ""),
    ("init-folder", ("init", "folder"), ""),
    ("init-no-folder", ("init", "nofolder/plan.yaml"), ""),
    ("init-two-paths", ("init", "a.yaml", "b.yaml"), ""),
    # the command itself
    ("unknown-command", ("chekc",), ""),
    ("no-command", (), ""),
    ("unknown-option", ("--nope",), ""),
]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch) -> Path:
    for name, content in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    shutil.copytree(ROOT / "budgets", tmp_path / "budgets")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def repository(workspace: Path, monkeypatch) -> Path:
    """The workspace as a git repository: one commit on main, one on a branch with no common ancestor."""
    from test_diff_git import GIT_ENV, git

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    git(workspace, "init", "-q", "-b", "main")
    git(workspace, "add", "budgets", P)
    git(workspace, "commit", "-q", "-m", "plans")
    git(workspace, "checkout", "-q", "--orphan", "orphan")
    git(workspace, "commit", "-q", "-m", "another history")
    git(workspace, "checkout", "-q", "main")
    return workspace


@pytest.mark.parametrize(("args", "kind"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_every_commands_input_and_usage_errors_are_swedish(request, workspace, args, kind):
    if kind == "repo":
        request.getfixturevalue("repository")
    run = run_finplan("--lang", "sv", *args)
    assert run.exit_code == 2, run.output
    assert run.output.strip(), "an error that says nothing"
    assert_speaks("sv", run.output, (workspace / P,))
    if kind != LIBRARY:
        assert not english_words(run.output), run.output
