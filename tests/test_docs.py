"""The documentation shows what finplan does: its example passes, its rules are current."""

from __future__ import annotations

import re

from conftest import ROOT, run_finplan

from finplan.rules.docs import rules_markdown


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


def test_rules_md_is_generated_from_the_rules():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown()


def test_the_readme_commands_are_the_ci_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = ci.strip().splitlines()[-1]
    assert f"    {test_command}\n" in readme
    assert "    python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/finplan check budgets/attraktiv.yaml\n" in readme
