"""Periods (FP2xx): dates in order, and money only inside the project's period."""

from __future__ import annotations

from finplan.codes.base import Code
from finplan.findings import Severity

_ELIGIBLE = "Tillväxtverket: costs are eligible only inside the decided project period"

PERIOD_ORDER = Code(
    "FP201", "period-order", Severity.ERROR,
    "A period starts on or before the day it ends.\n\n"
    "Why: both ends of a period are inclusive days; an end before the start\n"
    "leaves no day at all in which costs are eligible, and is almost always a\n"
    "typing error in one of the dates.\n\n"
    "Fails: `period: {start: 2022-09-30, end: 2019-10-01}`.\n"
    "Passes: `period: {start: 2019-10-01, end: 2022-09-30}`.",
    source="IATI Standard, rule 7.5.3 and date_order",
)
BREAKDOWN_YEAR_OUTSIDE = Code(
    "FP202", "breakdown-year-outside", Severity.ERROR,
    "Every year of a yearly breakdown lies within the line's period.\n\n"
    "Why: costs are eligible only inside the decided project period; an amount\n"
    "in a year the period does not touch cannot be spent, or is in the wrong\n"
    "year. A line's period is its own when it has one, else the project's.\n\n"
    "Fails: period 2019-10-01 to 2022-09-30 and `per_year: {2023: 1000}`.\n"
    "Passes: the same period and `per_year: {2019: 250, 2020: 750}`.",
    source=_ELIGIBLE,
)
BREAKDOWN_YEAR_MISSING = Code(
    "FP203", "breakdown-year-missing", Severity.WARNING,
    "A yearly breakdown names every year its period touches.\n\n"
    "Why: a breakdown that leaves out a year of the period says nothing about\n"
    "that year; write `0` for a year with no money so the plan says so itself.\n\n"
    "Fails: period 2019-10-01 to 2022-09-30 and `per_year` for 2020 and 2021 only.\n"
    "Passes: the same period and `per_year` for 2019, 2020, 2021 and 2022.",
    source=_ELIGIBLE,
)
LINE_PERIOD_OUTSIDE = Code(
    "FP204", "line-period-outside", Severity.ERROR,
    "A financing line's own period lies within the project's period.\n\n"
    "Why: a financier's money is for the decided project period; a line that\n"
    "starts before it or ends after it pays for days that are not eligible.\n\n"
    "Fails: project 2019-10-01 to 2022-09-30, line period 2019-01-01 to 2020-12-31.\n"
    "Passes: the same project, line period 2020-01-01 to 2020-12-31.",
    source=_ELIGIBLE,
)
