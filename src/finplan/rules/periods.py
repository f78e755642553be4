"""Periods: dates in order, and money only inside the project's period."""

from __future__ import annotations

from collections.abc import Iterator

from decimal import Decimal

from finplan.codes.periods import BREAKDOWN_YEAR_MISSING, BREAKDOWN_YEAR_OUTSIDE, LINE_PERIOD_OUTSIDE, PERIOD_ORDER
from finplan.findings import Figure, Path, some
from finplan.i18n import Message, Plural
from finplan.model import Period, Plan
from finplan.profiles import Settings
from finplan.rules.base import Line, Violation, financing_lines, lines_of, period_of, rule


def _periods(plan: Plan) -> Iterator[tuple[Path, Period]]:
    if plan.project.period is not None:
        yield ("project", "period"), plan.project.period
    for path, line in financing_lines(plan):
        if line.period is not None:
            yield (*path, "period"), line.period


def _breakdowns(plan: Plan) -> Iterator[tuple[Path, Line, Period]]:
    """Each line with a yearly breakdown, and the period its years must lie in.

    A line whose period is not stated, or runs backwards (FP201 says so), has
    no years to hold its breakdown against: one finding about the period, not
    one more for every year.
    """
    for path, line in lines_of(plan, outside=True):
        period = period_of(plan, line)
        if line.per_year is not None and period is not None and period.start <= period.end:
            yield path, line, period


@rule(PERIOD_ORDER)
def period_order(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for path, period in _periods(plan):
        if period.start > period.end:
            days = (period.start - period.end).days
            yield Violation(
                (*path, "end"),
                Message(
                    "the period ends {end} but starts {start}: the end is {days} before the start; "
                    "expected an end on or after the start",
                    end=period.end, start=period.start, days=_days(days),
                ),
                data={"difference": Figure(Decimal(days), "days")},
            )


@rule(BREAKDOWN_YEAR_OUTSIDE)
def breakdown_year_outside(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for path, line, period in _breakdowns(plan):
        first, last = period.start.year, period.end.year
        for year in line.per_year:
            if not first <= year <= last:
                yield Violation(
                    (*path, "per_year", year),
                    Message(
                        "`{id}` has money in {year}, outside its period {start} to {end}; expected only the years {years}",
                        id=line.id, year=year, start=period.start, end=period.end, years=_years(period),
                    ),
                    on_key=True,
                )


@rule(BREAKDOWN_YEAR_MISSING)
def breakdown_year_missing(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for path, line, period in _breakdowns(plan):
        missing = [y for y in range(period.start.year, period.end.year + 1) if y not in line.per_year]
        if missing:
            yield Violation(
                (*path, "per_year"),
                Message(
                    "the yearly breakdown of `{id}` lacks {missing}; expected every year of its period {start} to {end}: {years}",
                    id=line.id, missing=some([str(y) for y in missing]), start=period.start, end=period.end,
                    years=_years(period),
                ),
            )


@rule(LINE_PERIOD_OUTSIDE)
def line_period_outside(plan: Plan, settings: Settings) -> Iterator[Violation]:
    project = plan.project.period
    if project is None:
        return
    for line_path, line in financing_lines(plan):
        if line.period is None:
            continue
        path = (*line_path, "period")
        if line.period.start < project.start:
            days = (project.start - line.period.start).days
            yield Violation(
                (*path, "start"),
                Message(
                    "`{id}` starts {start}, {days} before the project starts {project_start}; "
                    "expected a start within the project period",
                    id=line.id, start=line.period.start, days=_days(days), project_start=project.start,
                ),
                data={"difference": Figure(Decimal(days), "days")},
            )
        if line.period.end > project.end:
            days = (line.period.end - project.end).days
            yield Violation(
                (*path, "end"),
                Message(
                    "`{id}` ends {end}, {days} after the project ends {project_end}; expected an end within the project period",
                    id=line.id, end=line.period.end, days=_days(days), project_end=project.end,
                ),
                data={"difference": Figure(Decimal(days), "days")},
            )


def _days(count: int) -> Plural:
    return Plural("{n} day", "{n} days", n=count)


def _years(period: Period) -> str:
    first, last = period.start.year, period.end.year
    return str(first) if first == last else f"{first}–{last}"

