"""Sums: the parts of a plan add up to its declared total, in all and per year."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from finplan.findings import Severity, some
from finplan.model import Plan
from finplan.money import difference, format_kr
from finplan.profiles import Settings
from finplan.rules.base import Violation, figures, lines_of, rule
from finplan.totals import per_year, total_of

_BUDGET = (
    "Tillväxtverket, \"Kostnads- och finansieringsbudget\" (EU projects 2014–2020) and "
    "\"Planera er finansieringsbudget\" (EU funds 2021–2027)"
)



@rule("FP101", "financing-total", Severity.ERROR, source=_BUDGET)
def financing_total(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """The financing lines sum to the declared total.

    Why: the financing plan (finansieringsplan) must cover exactly what the
    project costs; a plan whose parts do not add up to the total that the
    decision names is a wrong decision.

    Fails: `total: 1000` with financing lines of 600 and 500.
    Passes: `total: 1000` with financing lines of 600 and 400.
    """
    yield from _against_total(plan, "financing", plan.financing)


@rule("FP102", "cost-total", Severity.ERROR, source=_BUDGET)
def cost_total(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """The cost lines, income subtracted, sum to the declared total.

    Why: costs and financing are two views of the same project; a cost budget
    (kostnadsbudget) that sums to anything but the financed total leaves costs
    unfinanced or financing unspent. Checked only when the plan has costs.

    Fails: `total: 1000` with cost lines of 700 and 400.
    Passes: `total: 1000` with cost lines of 700, 400 and income of -100.
    """
    if plan.costs is None:
        return
    yield from _against_total(plan, "costs", plan.costs)


@rule("FP103", "breakdown-total", Severity.ERROR, source=_BUDGET)
def breakdown_total(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """A line's yearly breakdown sums to the line's amount.

    Why: the yearly breakdown (fördelning per år) is what the financier pays
    out and the project books each year; if it does not add up to the line's
    amount, one of the two figures is wrong.

    Fails: `amount: 1000` with `per_year: {2020: 600, 2021: 500}`.
    Passes: `amount: 1000` with `per_year: {2020: 600, 2021: 400}`.
    """
    for path, line in lines_of(plan):
        if line.per_year is None:
            continue
        found = sum(line.per_year.values(), Decimal(0))
        if found != line.amount:
            yield Violation(
                (*path, "per_year"),
                f"the yearly breakdown of `{line.id}` sums to {format_kr(found, plan.currency)}, "
                f"its amount is {format_kr(line.amount, plan.currency)}: "
                f"{difference(found, line.amount, plan.currency)}",
                data=figures(plan.currency, found=found, expected=line.amount, difference=found - line.amount),
            )


@rule("FP104", "yearly-balance", Severity.ERROR, source=_BUDGET)
def yearly_balance(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """In each year, financing equals costs, when every line is broken down by year.

    Why: money financed in one year pays for costs of that year; a year whose
    costs exceed its financing cannot be paid, and financing beyond the year's
    costs is not needed then.

    Fails: financing of 500 in 2020 and 500 in 2021 against costs of 700 in
    2020 and 300 in 2021.
    Passes: the same financing against costs of 500 in each year.
    """
    if not plan.costs or not _all_broken_down(plan):
        return
    financing = per_year(plan.financing)
    costs = per_year(plan.costs)
    for year in sorted(financing.keys() | costs.keys()):
        funded, spent = financing.get(year, Decimal(0)), costs.get(year, Decimal(0))
        if funded != spent:
            yield Violation(
                ("costs",),
                f"in {year} the costs are {format_kr(spent, plan.currency)} and the financing is "
                f"{format_kr(funded, plan.currency)}: costs {difference(spent, funded, plan.currency)}",
                on_key=True,
                data=figures(plan.currency, found=spent, expected=funded, difference=spent - funded),
            )


@rule("FP105", "yearly-balance-unchecked", Severity.INFO, source=_BUDGET)
def yearly_balance_unchecked(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """Says when financing and costs cannot be compared year by year.

    Why: FP104 compares the years only when every financing and cost line has a
    yearly breakdown; where some have one and others do not, that comparison
    is not made, and the report says so rather than passing in silence.

    Fails (is reported): two cost lines, one of them with `per_year`.
    Passes: every line with `per_year`, or none.
    """
    if not plan.costs:
        return
    lines = list(lines_of(plan))
    missing = [line.id for _, line in lines if line.per_year is None]
    if missing and len(missing) < len(lines):
        yield Violation(
            ("costs",),
            "financing and costs are not compared year by year: "
            f"{len(missing)} of {len(lines)} lines {'has' if len(missing) == 1 else 'have'} no yearly breakdown "
            f"({some(missing)})",
            on_key=True,
        )


def _against_total(plan: Plan, section: str, lines) -> Iterator[Violation]:
    found = total_of(lines)
    if found != plan.total:
        noun = "financing lines" if section == "financing" else "cost lines"
        # At the declared total: the one figure both sums are held against.
        yield Violation(
            ("total",),
            f"the {noun} sum to {format_kr(found, plan.currency)}, the declared total is "
            f"{format_kr(plan.total, plan.currency)}: {difference(found, plan.total, plan.currency)}",
            data=figures(plan.currency, found=found, expected=plan.total, difference=found - plan.total),
        )


def _all_broken_down(plan: Plan) -> bool:
    return all(line.per_year is not None for _, line in lines_of(plan))

