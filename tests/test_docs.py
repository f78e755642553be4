"""The documentation shows what finplan does: its example passes, its rules are current."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT, run_finplan

from finplan.codes import CATALOGUE
from finplan.documentation import FILES


def test_the_format_documents_example_is_a_plan_finplan_reads(tmp_path):
    text = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", text, re.DOTALL).group(1)
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    run = run_finplan("check", path)
    assert run.exit_code == 0, run.output
    # As the document says: the in-kind cost line leaves out 2024.
    assert [(f["code"], f["severity"]) for f in run.problems()] == [("FP203", "warning")]
    assert "`tid-kommunen` lacks 2024" in run.output


@pytest.mark.parametrize("language", sorted(FILES))
def test_the_rules_documents_are_generated_from_the_rules_in_each_language(language):
    """docs/rules.md and docs/rules.sv.md are what `python -m finplan.documentation [--lang sv]` prints."""
    done = subprocess.run(
        [sys.executable, "-m", "finplan.documentation", "--lang", language],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=True,
    )
    assert (ROOT / FILES[language]).read_text(encoding="utf-8") == done.stdout
    assert done.stdout.count("\n## FP") == len(CATALOGUE)  # every code has its section


def test_the_readme_commands_are_the_ci_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = ci.strip().splitlines()[-1]
    assert f"    {test_command}\n" in readme
    assert "    python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/finplan check budgets/attraktiv.yaml\n" in readme


def test_the_pre_commit_hook_runs_finplan_check_on_budget_files():
    import yaml

    hook, _system = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "finplan" and hook["entry"] == "finplan check --skip-non-plans" and hook["language"] == "python"
    assert hook["args"] == ["--format", "concise", "--quiet"]
    files = re.compile(hook["files"])
    assert files.search("budgets/attraktiv.yaml") and files.search("project/budgets/x.yml")
    assert not files.search("src/finplan/templates/plan.yaml")


def test_the_ci_examples_in_the_docs_are_yaml_that_runs_finplan():
    import yaml

    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)]
    github = next(b for b in blocks if isinstance(b, dict) and "jobs" in b)
    steps = [step.get("run", "") for step in github["jobs"]["finplan"]["steps"]]
    assert any("finplan check budgets --format github" in run for run in steps)
    assert any("--format sarif --output finplan.sarif" in run for run in steps)
    gitlab = next(b for b in blocks if isinstance(b, dict) and "finplan" in b and "script" in b["finplan"])
    assert gitlab["finplan"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert any("--format gitlab" in line for line in gitlab["finplan"]["script"])


DOCUMENTS = sorted([ROOT / "README.md", ROOT / "README.sv.md", *(ROOT / "docs").glob("*.md")])
# The last command run before a place in a document (`finplan memo render PLAN`, not prose's `finplan check`).
_COMMAND = re.compile(r"finplan ((?:memo )?[a-z]+)(?= )")


def _command_before(text: str, position: int) -> str:
    return [m.group(1) for m in _COMMAND.finditer(text, 0, position)][-1]


def test_the_formats_the_docs_list_are_the_registry():
    """Every `[--format a|b]` of a usage line lists its command's formats as the registry has them, in its order."""
    from finplan.report import JOBS

    listed: dict[str, set[str]] = {}
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        for found in re.finditer(r"\[--format ([a-z|-]+)\]", text):
            job = _command_before(text, found.start())
            assert found.group(1).split("|") == list(JOBS[job]), (document.name, job)
            listed.setdefault(document.name, set()).add(job)
    for readme in ("README.md", "README.sv.md"):
        assert listed[readme] == {"check", "summary", "memo render", "diff"}


def test_the_format_tables_of_the_docs_are_the_registry():
    from finplan.report import DIFF_FORMATS, FORMATS, SUMMARY_FORMATS

    for document, formats in (("ci.md", FORMATS), ("summary.md", SUMMARY_FORMATS)):
        text = (ROOT / "docs" / document).read_text(encoding="utf-8")
        table = re.search(r"\| format \| for \| notes \|\n\|[-|]+\|\n((?:\|.*\n)+)", text).group(1)
        assert [row.split("`")[1] for row in table.splitlines()] == list(formats), document
    diff = re.search(r"- `--format` (.*); `--output FILE`", (ROOT / "docs" / "ci.md").read_text(encoding="utf-8"))
    assert re.findall(r"`(\w+)`", diff.group(1)) == list(DIFF_FORMATS)


def test_the_files_the_docs_write_have_their_formats_suffix():
    from finplan.report import JOBS

    examples = 0
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        for found in re.finditer(r"--format (\w+) [^\n]*?--output ([\w-]+\.\w+)", text):
            fmt = JOBS[_command_before(text, found.start())][found.group(1)]
            assert found.group(2).endswith(fmt.suffix), (document.name, found.group(0))
            examples += 1
    assert examples >= 4

def test_the_report_publishing_examples_write_the_folder_they_publish(tmp_path):
    import shlex

    import yaml

    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)]
    github = next(b for b in blocks if isinstance(b, dict) and "report" in b.get("jobs", {}))
    steps = github["jobs"]["report"]["steps"]
    (upload,) = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    (command,) = [s["run"] for s in steps if "finplan report" in s.get("run", "")]
    assert upload["with"]["path"].rstrip("/") == _html_folder(command)
    gitlab = next(b for b in blocks if isinstance(b, dict) and "pages" in b)
    (command,) = [line for line in gitlab["pages"]["script"] if "finplan report" in line]
    assert _html_folder(command) == "public" and gitlab["pages"]["artifacts"]["paths"] == ["public"]
    # The command itself runs: the seed's plans and a frames file give a site in the folder named.
    frames = tmp_path / "frames.yaml"
    frames.write_text("frames:\n  - {appropriation: Reg.tillväxt, year: 2025, amount: 5 000 000}\n", encoding="utf-8")
    words = shlex.split(command.split("||")[0])
    assert words[:3] == ["finplan", "report", "budgets"]
    words[2:3] = [str(ROOT / "budgets")]
    words[words.index("--frames") + 1] = str(frames)
    words[words.index("--html") + 1] = str(tmp_path / "public")
    run = run_finplan(*words[1:])
    assert run.exit_code == 0, run.output
    assert (tmp_path / "public" / "index.html").is_file()


def _html_folder(command: str) -> str:
    import shlex

    words = shlex.split(command.split("||")[0])
    return words[words.index("--html") + 1]
