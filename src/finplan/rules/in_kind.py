"""In kind: worked hours valued as hours x rate, and the same in-kind sum on both sides."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from finplan.findings import Severity, shorten
from finplan.i18n import Message, Plural
from finplan.model import BasisEntry, FinancingLine, Plan
from finplan.money import difference, format_kr, format_number, format_percent
from finplan.profiles import PROFILES, Settings
from finplan.findings import Figure
from finplan.rules.base import Violation, figures, financing_lines, period_of, rule
from finplan.totals import total_of

_CPR_HOURS = "Förordning (EU) 2021/1060 art. 55.2; Förordning (EU) nr 1303/2013 art. 68a.2"
_TVV_2127 = "Tillväxtverket, EU funds 2021–2027: hourly rate = monthly salary x 12 / 1 720"


@rule(
    "FP411", "in-kind-balance", Severity.ERROR,
    source="Tillväxtverket, EU projects 2014–2020, \"Kostnads- och finansieringsbudget\"",
)
def in_kind_balance(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """In-kind financing equals the in-kind cost lines, when the plan has costs.

    Why: a contribution in kind (bidrag i annat än pengar) is both financing
    and cost: the hours a municipality works for the project finance it and are
    spent in it. The two sides must carry the same sum.

    Fails: financing in kind of 1 200 000 kr and in-kind cost lines of 1 000 000 kr.
    Passes: 1 200 000 kr on both sides.
    """
    if plan.costs is None:
        return
    financed = total_of(line for line in plan.financing if line.form == "in_kind")
    spent = total_of(line for line in plan.costs if line.category == "in_kind")
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


@rule(
    "FP412", "in-kind-basis-missing", Severity.WARNING, profiles=tuple(PROFILES),
    source="Tillväxtverket, \"Medfinansiering av projektet\" and \"Planera er finansieringsbudget\"",
)
def in_kind_basis_missing(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """An in-kind financing line carries its calculation basis.

    Why: the financier values worked hours from a calculation basis
    (beräkningsunderlag): hours x hourly rate for each group of people. A
    contribution in kind without one cannot be checked, and is not accepted.

    Fails: a `form: in_kind` line without `basis`.
    Passes: the same line with `basis: [{hours: 1720, rate: 450}]`.
    """
    for path, line in financing_lines(plan):
        if line.form == "in_kind" and line.basis is None:
            yield Violation(
                path,
                Message(
                    "`{id}` is {amount} in kind with no calculation basis; "
                    "expected `basis:` with hours and hourly rate",
                    id=line.id, amount=format_kr(line.amount, plan.currency),
                ),
                data=figures(plan.currency, found=line.amount),
            )


@rule("FP413", "in-kind-basis-total", Severity.ERROR, source=_CPR_HOURS)
def in_kind_basis_total(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """The calculation basis reproduces the line's amount: the sum of hours x rate.

    Why: the basis is how the amount was reached; where it gives another sum,
    either the amount or the basis is wrong. A difference within the rounding
    tolerance (`rounding_tolerance`) is accepted.

    Fails: `amount: 800000` with `basis: [{hours: 1720, rate: 450}]` (774 000 kr).
    Passes: `amount: 774000` with the same basis.
    """
    tolerance = settings.general("rounding_tolerance")
    for path, line in financing_lines(plan):
        if line.basis is None:
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


@rule("FP414", "hours-per-year", Severity.ERROR, source=_CPR_HOURS)
def hours_per_year(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """Hours per person and year stay within a person-year times the share of full time.

    Why: one full-time person-year is at most 1 720 hours (`hours_per_year`);
    someone working half time gives at most 860. More hours than that per
    person and year are hours nobody can have worked. `years` defaults to the
    line's period in years.

    Fails: `{people: 1, years: 1, hours: 1900, rate: 400}`.
    Passes: `{people: 2, years: 1, hours: 1900, rate: 400}`.
    """
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


@rule("FP415", "hourly-rate", Severity.ERROR, source=_TVV_2127)
def hourly_rate(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """An hourly rate agrees with the monthly salary it comes from, where the basis gives one.

    Why: the hourly rate is monthly salary x 12 / 1 720, plus the payroll
    overhead (PO-pålägg) where the salary does not include it; SKL's 2019
    overheads were 39,15 % for municipalities and 46,45 % for regions. A rate
    further from that than `hourly_rate_tolerance` overstates or understates
    the contribution.

    Fails: `{hours: 1720, rate: 450, monthly_salary: 35000, payroll_overhead: 39.15 %}`
    (the salary gives 339,78 kr an hour).
    Passes: the same with `rate: 339.78`.
    """
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


@rule("FP416", "basis-values", Severity.ERROR, source=_CPR_HOURS)
def basis_values(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """A row of a calculation basis has hours, a rate and years that can value worked time.

    Why: a row values worked hours as hours x rate; a rate of 0 kr or less, or
    a row of 0 years, values nothing and hides a typing error, and the
    hours-per-year check cannot hold a row of 0 years against a person-year.

    Fails: `{hours: 400, rate: -500}`, `{hours: 400, rate: 500, years: 0}`.
    Passes: `{hours: 400, rate: 500, years: 1}`.
    """
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

