"""Runs rules over a plan and stamps each violation with its rule's code and severity."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from finplan.findings import Finding, Position
from finplan.model import Plan
from finplan.rules.base import Rule

Locate = Callable[..., Position]


def run_rules(plan: Plan, rules: Iterable[Rule], locate: Locate) -> list[Finding]:
    """Findings of every rule, each placed by `locate(path, key=...)`, in file order."""
    findings = [
        Finding(rule.code, rule.severity, violation.message, violation.path, locate(violation.path, key=violation.on_key))
        for rule in rules
        for violation in rule.check(plan)
    ]
    return sorted(findings, key=_order)


def _order(finding: Finding) -> tuple[Position | tuple[int, int], str]:
    return (finding.position or (0, 0), finding.code)
