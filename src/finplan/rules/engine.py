"""Runs the rules that apply to a plan and stamps each violation with its code and severity."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from dataclasses import replace

from finplan.codes.lines import NOT_STATED
from finplan.findings import Finding, Position, Severity, file_order, some
from finplan.i18n import Message, Plural
from finplan.known import all_stated, costs_stated, limits_measurable, total_range, unstated
from finplan.limits import unmeasured
from finplan.model import Plan
from finplan.profiles import Settings
from finplan.rules.base import Rule

Locate = Callable[..., Position]


def applies(rule: Rule, plan: Plan) -> bool:
    """A rule without profiles applies to every plan; one with, to plans naming one of them."""
    if rule.other_documents == "silent" and not plan.project.is_application:
        return False
    return not rule.profiles or bool(set(rule.profiles) & set(plan.profiles or ()))


def needs_unstated(rule: Rule, plan: Plan, settings: Settings) -> bool:
    """Whether the rule needs an amount the plan leaves out: every amount, a cap's or floor's line or base, or
    a total it neither states nor gives."""
    if rule.amounts == "all":
        return not all_stated(plan) or not costs_stated(plan)
    if rule.amounts == "flat_rates":
        return not costs_stated(plan) and any(line.flat_rate for line in plan.costs or ())
    if rule.amounts == "limits":
        return not limits_measurable(plan) and unmeasured(plan, settings) > 0
    if rule.amounts == "cost_total":
        return bool(plan.costs) and total_range(plan) is None
    return rule.amounts == "total" and total_range(plan) is None


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
    chosen = [rule for rule in rules if enabled(rule.code, rule.on_by_default) and applies(rule, plan)]
    unchecked = [rule for rule in chosen if needs_unstated(rule, plan, settings)] if unstated(plan) else []
    # A limit rule still measures the caps and floors whose amounts are stated; the note names it for the others.
    skipped = [rule for rule in unchecked if rule.amounts != "limits"]
    findings = [
        Finding(
            rule.code,
            rule.severity,
            violation.message,
            violation.path,
            locate(violation.path, key=violation.on_key),
            violation.data,
            fix=violation.fix,
        )
        for rule in chosen
        if rule not in skipped
        for violation in rule.check(plan, settings)
    ]
    # A rule with nothing in the plan to look at (no de minimis line, no cost line) would have found nothing.
    named = [rule for rule in unchecked if rule.concerns is None or rule.concerns(plan)]
    if named and enabled(NOT_STATED.code, NOT_STATED.on_by_default):
        findings.append(_unchecked(plan, named, locate))
    return sorted(findings, key=file_order)


def _unchecked(plan: Plan, rules: list[Rule], locate: Locate) -> Finding:
    """The one note that names the amounts a plan leaves out and every rule that could not run without them."""
    paths = unstated(plan)
    named = [
        Message("the total") if path == ("total",) else f"`{getattr(plan, path[0])[path[1]].id}`" for path in paths
    ]
    message = Plural(
        "the plan states no amount for {amounts}, so these were not checked: {rules}",
        "the plan states no amounts for {amounts}, so these were not checked: {rules}",
        n=len(paths), amounts=some(named), rules=some([f"{rule.code} {rule.name}" for rule in rules], 12),
    )
    # At the first line that states no amount, else at the financing: a total left out has no line of its own.
    place = paths[1][:-1] if len(paths) > 1 and paths[0] == ("total",) else paths[0][:-1] or ("financing",)
    return Finding(NOT_STATED.code, NOT_STATED.severity, message, place, locate(place))


def as_its_document(findings: list[Finding], plan: Plan) -> list[Finding]:
    """The findings of rules only an application can satisfy, as notes on a plan read from another document.

    After the configuration's severities: a team that grades such a rule up grades it for applications.
    """
    if plan.project.is_application:
        return findings
    from finplan.codes import CATALOGUE

    return [
        replace(finding, severity=Severity.INFO)
        if CATALOGUE[finding.code].other_documents == "note" and finding.severity is not Severity.INFO else finding
        for finding in findings
    ]
