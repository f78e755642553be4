"""What a plan's amounts tell where a document leaves some of them unstated.

A decision excerpt or a news item may print a grant and its share but not the
total, nor what the other financiers give (`project.document`). Such a plan
leaves those amounts out; this module says which are missing and what the
stated ones still fix: the total, from a printed share and its amount, and
the bounds a sum must keep, as no financing line is negative.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import NamedTuple

from finplan.findings import Path
from finplan.model import FinancingLine, Plan
from finplan.money import half, half_last_digit

_ORE = Decimal("0.01")


def unstated(plan: Plan) -> list[Path]:
    """Where the plan leaves an amount out: `total`, then each financing line's `amount`, then each cost
    line's, in file order."""
    paths: list[Path] = [("total",)] if plan.total is None else []
    for section in ("financing", "outside_total", "costs"):
        for index, line in enumerate(getattr(plan, section) or ()):
            if line.amount is None:
                paths.append((section, index, "amount"))
    return paths


def all_stated(plan: Plan) -> bool:
    """Whether the plan states its total and every financing amount, as an application does."""
    return plan.total is not None and all(line.amount is not None for line in (*plan.financing, *(plan.outside_total or ())))


def costs_stated(plan: Plan) -> bool:
    """Whether the plan states every cost line's amount, as an application does."""
    return all(line.amount is not None for line in plan.costs or ())


def limits_measurable(plan: Plan) -> bool:
    """Whether the plan states every amount a cap or floor may be measured on: the total and the financing,
    and the costs where a cost line names its side (a side's costs are then its base, `finplan.sides`)."""
    return all_stated(plan) and (costs_stated(plan) or not any(line.side for line in plan.costs or ()))


class Range(NamedTuple):
    """An amount known to lie between `low` and `high`, both inclusive; one figure where they are equal."""

    low: Decimal
    high: Decimal


def total_from_share(line: FinancingLine) -> Range | None:
    """The total that a line's amount and its printed share of it give, as far as their rounding reaches."""
    if line.amount is None or line.share is None or line.share <= 0 or line.amount <= 0:
        return None
    reach = half_last_digit(line.share)  # a document's share is rounded, a whole one too (40 %: 0,5)
    slack = half(line.rounded_to)
    high_share = line.share + reach
    low_share = line.share - reach
    if low_share <= 0:
        return None
    # Outward to whole öre: the range shown holds every total the printed figures allow.
    low = ((line.amount - slack) * 100 / high_share).quantize(_ORE, ROUND_FLOOR)
    high = ((line.amount + slack) * 100 / low_share).quantize(_ORE, ROUND_CEILING)
    return Range(low, high)


def least_total(line: FinancingLine) -> Decimal | None:
    """The least total a line's amount and a printed share whose lowest reading is 0 give ("0 %": below half a
    percent of it); None for any other line, whose share gives a range (`total_from_share`)."""
    if line.amount is None or line.share is None or line.amount <= 0 or line.share - half_last_digit(line.share) > 0:
        return None
    high_share = line.share + half_last_digit(line.share)
    return ((line.amount - half(line.rounded_to)) * 100 / high_share).quantize(_ORE, ROUND_FLOOR)


def total_range(plan: Plan) -> Range | None:
    """What the total is known to be: the stated one (within its rounding), else what printed shares give."""
    if plan.total is not None:
        slack = half(plan.total_rounded_to)
        return Range(plan.total - slack, plan.total + slack)
    ranges = [reach for line in plan.financing if (reach := total_from_share(line)) is not None]
    if not ranges:
        return None
    low, high = max(r.low for r in ranges), min(r.high for r in ranges)
    return Range(low, high) if low <= high else None  # printed shares that disagree fix no total (FP107)

