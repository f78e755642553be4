"""Checks one plan file: load, build the model, run the rules. Never prints."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from finplan.errors import InputError
from finplan.findings import CheckResult, Finding, Severity
from finplan.loader import DEFAULT_LIMITS, Limits, load_file
from finplan.rules import RULES, Rule
from finplan.rules.engine import run_rules
from finplan.shape import build_plan

INPUT_CODE = "FP000"
"""The code of a finding that a file could not be read as a plan at all."""


def check_file(path: str | Path, rules: Iterable[Rule] = RULES, limits: Limits = DEFAULT_LIMITS) -> CheckResult:
    """Everything finplan finds in the plan at `path`."""
    result = CheckResult(file=str(path))
    try:
        document = load_file(path, limits)
    except InputError as error:
        result.readable = False
        result.findings.append(Finding(INPUT_CODE, Severity.ERROR, f"the file {error.message}", (), error.position))
        return result
    plan, shape_findings = build_plan(document)
    if plan is None:
        result.readable = False
        result.findings.extend(shape_findings)
        return result
    result.plan = plan
    result.findings.extend(run_rules(plan, rules, document.source.locate))
    return result
