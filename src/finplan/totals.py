"""Sums over a plan's lines that both the rules and the reports need."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from finplan.model import CostLine, FinancingLine, Plan
from finplan.money import half

NOT_STATED = "not stated"

# The order in which subtotals are shown: by sector, by form, by status.
GROUPS: dict[str, tuple[str, ...]] = {
    "sector": ("public", "private"),
    "form": ("cash", "in_kind"),
    "status": ("decided", "applied", "proposed", NOT_STATED),
}


def total_of(lines: Iterable[FinancingLine | CostLine]) -> Decimal:
    """The lines' amounts added up; an amount the plan leaves unstated (`finplan.known`) adds nothing."""
    return sum((line.amount for line in lines if line.amount is not None), Decimal(0))


def subtotals(plan: Plan) -> dict[str, dict[str, Decimal]]:
    """Financing summed by sector, by form and by status; every value present, 0 if unused.

    Lines whose status the plan does not state are summed as NOT_STATED.
    """
    sums = {group: dict.fromkeys(values, Decimal(0)) for group, values in GROUPS.items()}
    for line in plan.financing:
        for group in GROUPS:
            if line.amount is not None:
                sums[group][getattr(line, group) or NOT_STATED] += line.amount
    return sums


def per_year(lines: Iterable[FinancingLine | CostLine]) -> dict[int, Decimal]:
    """The yearly breakdowns of `lines` added up per year; lines without one add nothing."""
    totals: dict[int, Decimal] = {}
    for line in lines:
        for year, amount in (line.per_year or {}).items():
            totals[year] = totals.get(year, Decimal(0)) + amount
    return dict(sorted(totals.items()))


def slack_of(lines: Iterable[FinancingLine]) -> Decimal:
    """How far the lines' sum may lie from the exact one where some were printed rounded (`rounded_to`)."""
    return sum((half(line.rounded_to) for line in lines), Decimal(0))


def rounding_slack(plan: Plan) -> Decimal:
    """How far the financing's sum and the total may lie apart when some were printed rounded."""
    return half(plan.total_rounded_to) + slack_of(plan.financing)


def financing_gap(plan: Plan) -> Decimal:
    """How far the financing lines' sum lies from the declared total, beyond what rounding leaves open
    (FP101); 0 where they agree."""
    gap = total_of(plan.financing) - plan.total
    return gap if abs(gap) > rounding_slack(plan) else Decimal(0)
