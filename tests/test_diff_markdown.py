"""The markdown reports render as tables, escape what plans hold, and stay under 1 MiB for 1 000 plans."""

from __future__ import annotations

import shutil

import pytest
from conftest import MINIMAL, SEED, run_finplan
from test_diff import moved
from test_diff_git import git, git_env  # noqa: F401 (the fixture sets the commit author)

MIB = 1024 * 1024


def parse(markdown: str) -> list[list[list[str]]]:
    """Every table in `markdown` as GitHub renders it: its rows of cell texts, the header row first."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    tables: list[list[list[str]]] = []
    cell = False
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type in ("th_open", "td_open"):
            cell = True
        elif token.type == "inline" and cell:
            tables[-1][-1].append(_text(token))
            cell = False
    return tables


def _text(inline) -> str:
    children = inline.children or ()
    # The only HTML a report makes is the line break standing for a newline in a cell.
    assert all(child.content == "<br>" for child in children if child.type == "html_inline"), "plan text became HTML"
    return "".join(child.content for child in children)


def _table_with(tables, header: str) -> list[list[str]]:
    (found,) = [t for t in tables if header in t[0]]
    return found


@pytest.fixture
def moved_plan(tmp_path):
    path = tmp_path / "moved.yaml"
    path.write_text(moved(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def test_the_diff_renders_as_tables_with_the_lines_cap_and_findings(moved_plan):
    run = run_finplan("diff", SEED, moved_plan, "--format", "markdown")
    assert run.exit_code == 0
    tables = parse(run.output)
    lines = _table_with(tables, "Change in share")
    assert lines[1:] == [
        ["financing region", "changed", "2 658 128 kr", "1 658 128 kr", "−1 000 000 kr", "6,89 %", "4,30 %", "−2,59 pp"],
        ["financing anslag-1-1", "changed", "19 283 329 kr", "20 283 329 kr", "+1 000 000 kr", "50,0000013 %",
         "52,59 %", "+2,59 pp"],
    ]
    caps = _table_with(tables, "Margin before")
    assert caps[1] == ["anslag_1_1: cap 50 % of the total", "19 283 329 kr", "20 283 329 kr", "0,50 kr over", "1 000 000,50 kr over"]
    findings = _table_with(tables, "Finding")
    assert [row[0] for row in findings[1:]] == ["new", "fixed", "unchanged", "unchanged"]
    assert findings[1][1:4] == [f"{moved_plan}:84:13", "FP501", "error"]


def test_cells_escape_pipes_newlines_and_html(tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text(MINIMAL, encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text(MINIMAL.replace("financier: B,", 'financier: "B | <b>C</b>\\nD",'), encoding="utf-8")
    run = run_finplan("diff", old, new, "--format", "markdown")
    fields = _table_with(parse(run.output), "Field")
    # Printed as written: the pipe inside its cell, the tags as text, the newline a line break.
    assert fields[1:] == [["financing b", "financier", "B", "B | <b>C</b><br>D"]]


def test_check_format_markdown_summarises_a_run(tmp_path, moved_plan):
    run = run_finplan("check", SEED, moved_plan, "--format", "markdown")
    assert run.exit_code == 1
    assert run.output.startswith("## finplan check\n")
    tables = parse(run.output)
    overview = _table_with(tables, "Warnings")
    # Worst first: the plan that fails comes before the one that passes.
    assert overview[1][:3] == [str(moved_plan), "fails", "1"]
    assert overview[2][:2] == ["budgets/attraktiv.yaml", "passes"]
    findings = [t for t in tables if t[0] == ["Where", "Code", "Severity", "Message"]]
    assert [row[1:3] for row in findings[0][1:]] == [["FP412", "warning"], ["FP412", "warning"], ["FP501", "error"]]
    caps = [t for t in tables if t[0][0] == "Set by"]
    assert [t[1][-1] for t in caps] == ["1 000 000,50 kr over", "0,50 kr over"]
    subtotals = [t for t in tables if t[0][0] == "Subtotal"]
    assert ["applied", "20 283 329 kr", "52,59 %"] in subtotals[0]


def _folder_of_plans(root, count: int, broken: set[int]) -> None:
    seed = SEED.read_text(encoding="utf-8")
    folder = root / "budgets"
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        text = seed.replace("RUN/99/2019", f"RUN/{index}/2019")
        (folder / f"plan-{index:04d}.yaml").write_text(moved(text) if index in broken else text, encoding="utf-8")


def test_check_of_a_thousand_plans_stays_under_a_mebibyte_worst_first(tmp_path):
    _folder_of_plans(tmp_path, 1000, broken={17, 512, 998})
    run = run_finplan("check", tmp_path / "budgets", "--format", "markdown")
    assert run.exit_code == 1
    size = len(run.output.encode("utf-8"))
    # Under GitHub's step summary (1 MiB) and GitLab's note (1 000 000 characters) alike.
    assert 900_000 < size <= 1_000_000 < MIB
    headings = [line for line in run.output.splitlines() if line.startswith("### ")]
    assert [h.split("/")[-1].split(":")[0] for h in headings[:3]] == ["plan-0017.yaml", "plan-0512.yaml", "plan-0998.yaml"]
    assert all(": fails" in h for h in headings[:3]) and all(": passes" in h for h in headings[3:])
    more = run.output.rstrip().splitlines()[-1]
    assert more == f"… {1000 - len(headings)} more files not shown in detail: over the size of a summary."
    tables = parse(run.output)
    overview = _table_with(tables, "Warnings")
    assert overview[-1][0] == f"… {1000 - 40} more"
    # Checked over the cores, the plans still come back for their subtotals and caps.
    caps = [t for t in tables if t[0][0] == "Set by"]
    assert len(caps) == len(headings)
    assert [t[1][-1] for t in caps[:4]] == ["1 000 000,50 kr over"] * 3 + ["0,50 kr over"]


def test_diff_of_a_thousand_plans_stays_under_a_mebibyte_worst_first(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    _folder_of_plans(root, 1000, broken=set())
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "a thousand plans")
    shutil.rmtree(root / "budgets")
    # Every plan changes; three of them break the 1:1 cap.
    _folder_of_plans(root, 1000, broken={3, 400, 999})
    for path in (root / "budgets").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if "20 283 329" not in text and "amount: 20283329" not in text:
            path.write_text(moved(text, "-100"), encoding="utf-8")
    monkeypatch.chdir(root)
    run = run_finplan("diff", "--rev", "HEAD", "budgets", "--format", "markdown", "--fail-on", "new-errors")
    assert run.exit_code == 1
    assert 900_000 < len(run.output.encode("utf-8")) <= 1_000_000 < MIB
    assert "**1000 changed; 0 unchanged.** 3 new errors" in run.output
    headings = [line for line in run.output.splitlines() if line.startswith("### ")]
    assert [h.split(":")[0] for h in headings[:3]] == [
        "### budgets/plan-0003.yaml", "### budgets/plan-0400.yaml", "### budgets/plan-0999.yaml",
    ]
    assert 3 < len(headings) < 1000
    assert run.output.rstrip().endswith(
        f"… {1000 - len(headings)} more changed plans not shown in detail: over the size of a summary."
    )
    tables = parse(run.output)
    assert _table_with(tables, "Money moved")[1][:3] == ["budgets/plan-0003.yaml", "changed", "1"]


@pytest.mark.parametrize(
    "arguments",
    [("check", "-o", "markdown", str(SEED)), ("diff", "-o", "markdown", str(SEED), str(SEED)),
     ("diff", "-o", "json", str(SEED), str(SEED))],
    ids=["check-markdown", "diff-markdown", "diff-json"],
)
def test_the_markdown_and_json_reports_never_import_rich(arguments):
    import subprocess
    import sys

    code = (
        f"import sys; sys.argv = ['finplan', *{list(arguments)!r}]\n"
        "from finplan.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('RICH', sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.rstrip().endswith("RICH []"), done.stdout[-300:]
