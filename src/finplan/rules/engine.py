"""Runs the rules that apply to a plan and stamps each violation with its rule's code and severity."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from finplan.findings import Finding, Position
from finplan.model import Plan, settings_of
from finplan.rules.base import Rule

Locate = Callable[..., Position]


def applies(rule: Rule, plan: Plan) -> bool:
    """A rule without profiles applies to every plan; one with, to plans naming one of them."""
    return not rule.profiles or bool(set(rule.profiles) & set(plan.profiles or ()))


def run_rules(plan: Plan, rules: Iterable[Rule], locate: Locate) -> list[Finding]:
    """Findings of every rule that applies, each placed by `locate(path, key=...)`, in file order."""
    settings = settings_of(plan)
    findings = [
        Finding(rule.code, rule.severity, violation.message, violation.path, locate(violation.path, key=violation.on_key))
        for rule in rules
        if applies(rule, plan)
        for violation in rule.check(plan, settings)
    ]
    return sorted(findings, key=_order)


def _order(finding: Finding) -> tuple[Position | tuple[int, int], str]:
    return (finding.position or (0, 0), finding.code)
