"""Sums: the parts of a plan add up to its declared total, in all and per year."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from finplan.findings import Severity, some
from finplan.i18n import Message, Plural
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
    yield from _against_total(plan, "financing", plan.financing, settings)


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
    yield from _against_total(plan, "costs", plan.costs, settings)


@rule("FP103", "breakdown-total", Severity.ERROR, source=_BUDGET)
def breakdown_total(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """A line's yearly breakdown sums to the line's amount.

    Why: the yearly breakdown (fördelning per år) is what the financier pays
    out and the project books each year; if it does not add up to the line's
    amount, one of the two figures is wrong.

    Fails: `amount: 1000` with `per_year: {2020: 600, 2021: 500}`.
    Passes: `amount: 1000` with `per_year: {2020: 600, 2021: 400}`.
    """
    for path, line in lines_of(plan, outside=True):
        if line.per_year is None:
            continue
        found = sum(line.per_year.values(), Decimal(0))
        if found != line.amount:
            yield Violation(
                (*path, "per_year"),
                Message(
                    "the yearly breakdown of `{id}` sums to {found}, its amount is {amount}: {difference}",
                    id=line.id, found=format_kr(found, plan.currency), amount=format_kr(line.amount, plan.currency),
                    difference=difference(found, line.amount, plan.currency),
                ),
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
                Message(
                    "in {year} the costs are {costs} and the financing is {financing}: costs {difference}",
                    year=year, costs=format_kr(spent, plan.currency), financing=format_kr(funded, plan.currency),
                    difference=difference(spent, funded, plan.currency),
                ),
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
            Plural(
                "financing and costs are not compared year by year: {n} of {count} lines has no yearly breakdown ({lines})",
                "financing and costs are not compared year by year: {n} of {count} lines have no yearly breakdown ({lines})",
                n=len(missing), count=len(lines), lines=some(missing),
            ),
            on_key=True,
        )


@rule("FP106", "total-within-rounding", Severity.INFO, source=_BUDGET)
def total_within_rounding(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """Says when the financing meets the total only within the precision of figures printed rounded.

    Why: a document that prints "36 miljoner kronor" or "drygt 17 mnkr" states
    a figure to the nearest million; parts that sum to 35 800 000 may well make
    up a total printed as 36 miljoner. finplan does not fail a plan on a figure
    it cannot know (`rounded_to`, `total_rounded_to`), and says the sum rests on
    the rounding.

    Fails (is reported): `total: 36000000`, `total_rounded_to: 1000000` and lines summing to 35 800 000.
    Passes: lines summing to 36 000 000.
    """
    found = total_of(plan.financing)
    slack = _slack(plan)
    if found != plan.total and abs(found - plan.total) <= slack:
        yield Violation(
            ("total",),
            Message(
                "the financing lines sum to {found}, the declared total is {total}: {difference} on the exact reading, "
                "within the {slack} that figures printed rounded leave open",
                found=format_kr(found, plan.currency), total=format_kr(plan.total, plan.currency),
                difference=difference(found, plan.total, plan.currency), slack=format_kr(slack, plan.currency),
            ),
            data=figures(plan.currency, found=found, expected=plan.total, difference=found - plan.total, tolerance=slack),
        )


def _slack(plan: Plan) -> Decimal:
    """How far the financing's sum and the total may lie apart when some were printed rounded."""
    units = [plan.total_rounded_to, *(line.rounded_to for line in plan.financing)]
    return sum((unit / 2 for unit in units if unit is not None), Decimal(0))


def _against_total(plan: Plan, section: str, lines, settings: Settings) -> Iterator[Violation]:
    found = total_of(lines)
    gap = found - plan.total
    slack = _slack(plan) if section == "financing" else Decimal(0)
    if abs(gap) > slack:
        values = dict(
            found=format_kr(found, plan.currency), total=format_kr(plan.total, plan.currency),
            difference=difference(found, plan.total, plan.currency), culprits=_culprits(plan, lines, gap),
        )
        if section == "financing":
            beyond = ""
            if slack:
                beyond = Message(", beyond the {slack} that rounded figures leave open", slack=format_kr(slack, plan.currency))
            message = Message(
                "the financing lines sum to {found}, the declared total is {total}: {difference}{beyond}{culprits}",
                beyond=beyond, **values,
            )
        else:
            message = Message("the cost lines sum to {found}, the declared total is {total}: {difference}{culprits}", **values)
        # At the declared total: the one figure both sums are held against.
        yield Violation(
            ("total",), message, data=figures(plan.currency, found=found, expected=plan.total, difference=gap),
        )


def _culprits(plan: Plan, lines, gap: Decimal) -> Message | str:
    """`; `ideell-tid` is exactly the 60 000 kr over...`: the line, or pair of lines, that the gap equals.

    Linear in the lines: each amount is looked up once against those seen before.
    """
    if gap <= 0:
        return ""
    seen: dict[Decimal, str] = {}
    single = pair = None
    for line in lines:
        if line.amount == gap and single is None:
            single = line.id
        if pair is None and gap - line.amount in seen:
            pair = (seen[gap - line.amount], line.id)
        seen.setdefault(line.amount, line.id)
    if single is None and pair is None:
        return ""
    where = (
        Message("outside the total (`outside_total:`)") if lines is plan.financing else Message("not in this budget")
    )
    amount = format_kr(gap, plan.currency)
    if single is not None:
        return Message(
            "; `{id}` is exactly the {amount} over: counted twice, or meant to stand {where}?",
            id=single, amount=amount, where=where,
        )
    return Message(
        "; `{first}` and `{second}` together are exactly the {amount} over: counted twice, or meant to stand {where}?",
        first=pair[0], second=pair[1], amount=amount, where=where,
    )


def _all_broken_down(plan: Plan) -> bool:
    return all(line.per_year is not None for _, line in lines_of(plan))

