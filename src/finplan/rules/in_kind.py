"""In kind: worked hours valued as hours x rate, and the same in-kind sum on both sides."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from finplan.codes.kinds import (
    BASIS_VALUES,
    HOURLY_RATE,
    HOURS_PER_YEAR,
    IN_KIND_BALANCE,
    IN_KIND_BASIS_MISSING,
    IN_KIND_BASIS_TOTAL,
)
from finplan.findings import shorten
from finplan.i18n import Message, Plural
from finplan.model import BasisEntry, FinancingLine, Plan
from finplan.money import difference, format_kr, format_number, format_percent
from finplan.profiles import Settings
from finplan.findings import Figure
from finplan.rules import bounds
from finplan.rules.base import Violation, figures, financing_lines, period_of, rule
from finplan.totals import total_of


@rule(IN_KIND_BALANCE)
def in_kind_balance(plan: Plan, settings: Settings) -> Iterator[Violation]:
    if plan.costs is None:
        return
    financing = [line for line in plan.financing if line.form == "in_kind"]
    costs = [line for line in plan.costs if line.category == "in_kind"]
    financed, spent = total_of(financing), total_of(costs)
    if any(line.amount is None for line in (*financing, *costs)):
        yield from bounds.in_kind_within_costs(plan, financing, costs)
        return
    if financed != spent:
        yield Violation(
            ("costs",),
            Message(
                "the in-kind cost lines are {spent} and the in-kind financing is {financed}: costs {difference}",
                spent=format_kr(spent, plan.currency), financed=format_kr(financed, plan.currency),
                difference=difference(spent, financed, plan.currency),
            ),
            on_key=True,
            data=figures(plan.currency, found=spent, expected=financed, difference=spent - financed),
        )


@rule(IN_KIND_BASIS_MISSING)
def in_kind_basis_missing(plan: Plan, settings: Settings) -> Iterator[Violation]:
    # Only the lines in the total: one beside it is shown with a basis if it has one, never co-financing.
    for index, line in enumerate(plan.financing):
        path = ("financing", index)
        if line.form == "in_kind" and line.basis is None and line.resource in (None, "hours"):
            yield Violation(
                path,
                Message(
                    "`{id}` is in kind with no calculation basis; expected `basis:` with hours and hourly rate", id=line.id,
                ) if line.amount is None else Message(
                    "`{id}` is {amount} in kind with no calculation basis; "
                    "expected `basis:` with hours and hourly rate",
                    id=line.id, amount=format_kr(line.amount, plan.currency),
                ),
                data=figures(plan.currency, found=line.amount),
            )


@rule(IN_KIND_BASIS_TOTAL)
def in_kind_basis_total(plan: Plan, settings: Settings) -> Iterator[Violation]:
    tolerance = settings.general("rounding_tolerance")
    for path, line in financing_lines(plan):
        if line.basis is None or line.amount is None:
            continue
        valued = sum((entry.hours * entry.rate for entry in line.basis), Decimal(0))
        if abs(valued - line.amount) > tolerance:
            yield Violation(
                (*path, "basis"),
                Message(
                    "the basis of `{id}` gives {valued} (hours x rate), its amount is {amount}: basis {difference}",
                    id=line.id, valued=format_kr(valued, plan.currency), amount=format_kr(line.amount, plan.currency),
                    difference=difference(valued, line.amount, plan.currency),
                ),
                on_key=True,
                data=figures(plan.currency, found=valued, expected=line.amount, difference=valued - line.amount),
            )


@rule(HOURS_PER_YEAR)
def hours_per_year(plan: Plan, settings: Settings) -> Iterator[Violation]:
    full_year = settings.general("hours_per_year")
    for path, line in financing_lines(plan):
        for row, entry in enumerate(line.basis or ()):
            period = period_of(plan, line)
            years = entry.years if entry.years is not None else period.years if period is not None else None
            if years is None or years <= 0:
                continue  # no period to count years in: FP303 says so
            per_person = entry.hours / (entry.people * years)
            limit = full_year * entry.full_time / 100
            if per_person > limit:
                yield Violation(
                    (*path, "basis", row, "hours"),
                    Plural(
                        "{row} gives {per_person} hours per person and year ({hours} hours, {n} person, "
                        "{years} years); expected at most {limit} ({full_year} x {full_time}): {excess} hours over",
                        "{row} gives {per_person} hours per person and year ({hours} hours, {n} people, "
                        "{years} years); expected at most {limit} ({full_year} x {full_time}): {excess} hours over",
                        n=entry.people, row=_row(line, row, entry), per_person=_hours(per_person),
                        hours=format_number(entry.hours), years=_hours(years), limit=_hours(limit),
                        full_year=format_number(full_year), full_time=format_percent(entry.full_time),
                        excess=_hours(per_person - limit),
                    ),
                    data={
                        "found": Figure(per_person, "hours"),
                        "limit": Figure(limit, "hours"),
                        "difference": Figure(per_person - limit, "hours"),
                    },
                )


@rule(HOURLY_RATE)
def hourly_rate(plan: Plan, settings: Settings) -> Iterator[Violation]:
    full_year = settings.general("hours_per_year")
    tolerance = settings.general("hourly_rate_tolerance")
    for path, line in financing_lines(plan):
        for row, entry in enumerate(line.basis or ()):
            if entry.monthly_salary is None:
                continue
            overhead = entry.payroll_overhead or Decimal(0)
            expected = (entry.monthly_salary * 12 / full_year * (1 + overhead / 100)).quantize(Decimal("0.01"))
            if abs(entry.rate - expected) > tolerance:
                shown = dict(
                    row=_row(line, row, entry), rate=format_kr(entry.rate, plan.currency),
                    salary=format_kr(entry.monthly_salary, plan.currency), full_year=format_number(full_year),
                    expected=format_kr(expected, plan.currency),
                    difference=difference(entry.rate, expected, plan.currency),
                )
                if entry.payroll_overhead:
                    message = Message(
                        "{row} has an hourly rate of {rate}; a monthly salary of {salary} x 12 / {full_year} "
                        "plus {overhead} payroll overhead gives {expected}: rate {difference}",
                        overhead=format_percent(overhead), **shown,
                    )
                else:
                    message = Message(
                        "{row} has an hourly rate of {rate}; a monthly salary of {salary} x 12 / {full_year} "
                        "gives {expected}: rate {difference}",
                        **shown,
                    )
                yield Violation(
                    (*path, "basis", row, "rate"),
                    message,
                    data=figures(plan.currency, found=entry.rate, expected=expected, difference=entry.rate - expected),
                )


@rule(BASIS_VALUES)
def basis_values(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for path, line in financing_lines(plan):
        for row, entry in enumerate(line.basis or ()):
            if entry.rate <= 0:
                yield Violation(
                    (*path, "basis", row, "rate"),
                    Message(
                        "{row} has a rate of {rate}; expected more than {zero} an hour",
                        row=_row(line, row, entry), rate=format_kr(entry.rate, plan.currency),
                        zero=format_kr(Decimal(0), plan.currency),
                    ),
                    data=figures(plan.currency, found=entry.rate),
                )
            if entry.years is not None and entry.years == 0:
                yield Violation(
                    (*path, "basis", row, "years"),
                    Message(
                        "{row} is for 0 years; expected the years its hours are worked over, "
                        "or no `years` (the line's period)",
                        row=_row(line, row, entry),
                    ),
                )


def _row(line: FinancingLine, row: int, entry: BasisEntry) -> Message:
    if entry.what:
        return Message("row {row} ({what}) of the basis of `{id}`", row=row + 1, what=shorten(entry.what), id=line.id)
    return Message("row {row} of the basis of `{id}`", row=row + 1, id=line.id)


def _hours(value: Decimal) -> str:
    return format_number(value.quantize(Decimal("0.01")).normalize())

