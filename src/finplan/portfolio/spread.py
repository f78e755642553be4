"""A financing line's money per calendar year (fördelning per år).

A line with a yearly breakdown (`per_year`) is placed as written. A line
without one is spread over its period (the line's own `period`, else the
project's) in proportion to the days of that period in each calendar year.

The rounding rule: each year's part is the difference of the rounded running
totals, `round(A x d1 / D) - 0`, `round(A x (d1 + d2) / D) - round(A x d1 / D)`,
..., rounded to öre, half to even, where A is the amount, D the period's days
and d1, d2 ... its days in each year. So the parts add up to A exactly (the
last running total is A itself), and each part is within one öre of its exact
share. The seed's 19 283 329 kr over 2019-10-01 - 2022-09-30 (1 096 days)
gives 2020, with 366 days, 6 439 505,85 kr.

A line that has neither a breakdown nor a usable period (none, or one that
ends before it starts) is not placed in years.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

ORE = Decimal("0.01")

How = Literal["per_year", "spread", "unplaced"]


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a line's money falls: by year, and how that was found."""

    years: dict[int, Decimal]
    how: How
    start: date | None = None  # the period spread over, when spread
    end: date | None = None

    @property
    def placed(self) -> Decimal:
        return sum(self.years.values(), Decimal(0))


def days_per_year(start: date, end: date) -> dict[int, int]:
    """The days of the inclusive period `start`-`end` in each calendar year."""
    days = {}
    for year in range(start.year, end.year + 1):
        first = max(start, date(year, 1, 1))
        last = min(end, date(year, 12, 31))
        days[year] = (last - first).days + 1
    return days


def spread(amount: Decimal, start: date, end: date) -> dict[int, Decimal]:
    """`amount` over the years of `start`-`end` by days, the parts summing to it exactly."""
    days = days_per_year(start, end)
    whole = sum(days.values())
    parts: dict[int, Decimal] = {}
    running_days = 0
    before = Decimal(0)
    ore = int(amount * 100)  # an amount has at most two decimals: this is exact
    for year, count in days.items():
        running_days += count
        upto = Decimal(_divide_half_even(ore * running_days, whole)) * ORE
        parts[year] = upto - before
        before = upto
    return parts


def _divide_half_even(numerator: int, denominator: int) -> int:
    """`numerator / denominator` rounded half to even, in integers: no precision to run out of."""
    quotient, remainder = divmod(numerator, denominator)
    twice = 2 * remainder
    if twice > denominator or (twice == denominator and quotient % 2):
        quotient += 1
    return quotient


def place(line, project_period) -> Placement:
    """A financing line's money per year: its breakdown, else spread over its period or the project's."""
    if line.per_year:
        return Placement(dict(sorted(line.per_year.items())), "per_year")
    period = line.period or project_period
    if period is None or period.start > period.end or line.amount is None:
        return Placement({}, "unplaced")
    return Placement(spread(line.amount, period.start, period.end), "spread", period.start, period.end)
