"""Runs the rules that apply to a plan and stamps each violation with its code and severity."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from finplan.findings import Finding, Position, file_order
from finplan.model import Plan
from finplan.profiles import Settings
from finplan.rules.base import Rule

Locate = Callable[..., Position]


def applies(rule: Rule, plan: Plan) -> bool:
    """A rule without profiles applies to every plan; one with, to plans naming one of them."""
    return not rule.profiles or bool(set(rule.profiles) & set(plan.profiles or ()))


def run_rules(
    plan: Plan,
    rules: Iterable[Rule],
    locate: Locate,
    settings: Settings,
    *,
    enabled: Callable[[str, bool], bool] = lambda code, on_by_default: on_by_default,
) -> list[Finding]:
    """Findings of every enabled rule that applies, placed by `locate(path, key=...)`, in file order.

    Each finding has its rule's default severity; the configured one is the
    checking step's to apply, to every code alike.
    """
    findings = [
        Finding(
            rule.code,
            rule.severity,
            violation.message,
            violation.path,
            locate(violation.path, key=violation.on_key),
            violation.data,
        )
        for rule in rules
        if enabled(rule.code, rule.on_by_default) and applies(rule, plan)
        for violation in rule.check(plan, settings)
    ]
    return sorted(findings, key=file_order)
