"""Every example plan, run through the command line as a user runs it.

A valid plan passes with no finding at all. An invalid plan names, in its own
comments, each finding it must produce (`# expect: FP101 line 12`) and the exit
code (`# exit: 1`), and any options it needs (`# args: --select FP9`); it must
produce exactly those findings, at those lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import PLANS, ROOT, SUMMARY_CODE, run_finplan

_EXPECT = re.compile(r"^# expect: (FP\d{3}) line (\d+)$", re.MULTILINE)
_EXIT = re.compile(r"^# exit: (\d)$", re.MULTILINE)
_ARGS = re.compile(r"^# args: (.*)$", re.MULTILINE)

# The seed's plan has warnings of its own (see test_seed.py); the decision excerpt, which prints few
# amounts, passes with notes only (below); the other budgets pass clean.
NOTES_ONLY = ROOT / "budgets" / "exempel-beslutsutdrag.yaml"
VALID = sorted((PLANS / "valid").glob("*.yaml")) + sorted(
    p for p in (ROOT / "budgets").glob("*.yaml") if p.name != "attraktiv.yaml" and p != NOTES_ONLY
)
INVALID = sorted((PLANS / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("plan", VALID, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_valid_plan_passes_with_no_finding(plan: Path):
    run = run_finplan("check", "--strict", plan)
    assert run.problems() == [], run.output
    assert run.exit_code == 0, run.output
    assert f"{plan}: passes (0 errors, 0 warnings, 0 notes)" in run.output


def test_the_decision_excerpt_passes_with_notes_only():
    run = run_finplan("check", "--strict", NOTES_ONLY)
    assert run.exit_code == 0, run.output
    assert {finding["severity"] for finding in run.findings()} == {"info"}, run.output
    # The cap of the 1:1 grant is measured on the total its printed share gives; the note is FP412's.
    assert "passes (0 errors, 0 warnings, 1 note)" in run.output


@pytest.mark.parametrize("plan", INVALID, ids=lambda p: p.name)
def test_invalid_plan_gives_its_findings_at_their_lines(plan: Path):
    text = plan.read_text(encoding="utf-8")
    expected = sorted((code, int(line)) for code, line in _EXPECT.findall(text))
    exit_code = _EXIT.search(text)
    assert expected and exit_code, f"{plan.name} must name its findings and exit code"
    args = _ARGS.search(text)
    run = run_finplan("check", *(args.group(1).split() if args else ()), plan)
    summary_expected = any(code == SUMMARY_CODE for code, _ in expected)
    assert run.codes_at(summary=summary_expected) == expected, run.output
    assert run.exit_code == int(exit_code.group(1)), run.output
    assert all(f["file"] == str(plan) for f in run.findings())


def test_each_invalid_plan_is_named_for_a_code_it_produces():
    for plan in INVALID:
        code = plan.name.split("-")[0].upper()
        assert f"# expect: {code} line" in plan.read_text(encoding="utf-8"), plan.name


def test_every_rule_has_a_failing_example_plan():
    from finplan.rules import RULES

    named = {plan.name.split("-")[0].upper() for plan in INVALID}
    assert {rule.code for rule in RULES} <= named


_PASSES = re.compile(r"^# passes: (.*)$", re.MULTILINE)


def _passing_examples() -> dict[str, list[Path]]:
    examples: dict[str, list[Path]] = {}
    for plan in VALID:
        for line in _PASSES.findall(plan.read_text(encoding="utf-8")):
            for code in line.split():
                examples.setdefault(code, []).append(plan)
    return examples


def test_every_rule_has_a_passing_example_plan_it_applies_to():
    from finplan.check import check_file
    from finplan.rules import RULES
    from finplan.rules.engine import applies

    examples = _passing_examples()
    for rule in RULES:
        if rule.code == SUMMARY_CODE:
            continue  # a note on every plan: it has no passing case
        assert examples.get(rule.code), f"no valid plan says `# passes: {rule.code}`"
        for plan in examples[rule.code]:
            result = check_file(plan)
            assert applies(rule, result.plan), f"{rule.code} does not run on {plan.name}"
            assert not [f for f in result.findings if f.code == rule.code], plan.name
