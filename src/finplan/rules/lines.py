"""Lines: amounts with the right sign, and ids that name one line each."""

from __future__ import annotations

from collections.abc import Iterator

from finplan.findings import Path, Severity, format_path
from finplan.model import Plan
from finplan.money import format_kr
from finplan.profiles import Settings
from finplan.rules.base import Violation, figures, lines_of, rule

_BUDGET = "Tillväxtverket, \"Kostnads- och finansieringsbudget\": projektintäkter are entered negative"



@rule("FP301", "amount-sign", Severity.ERROR, source=_BUDGET)
def amount_sign(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """Amounts are positive, and income lines negative; no year goes the other way.

    Why: a financing or cost line of zero or less is a typing error or a line
    that should not be there; planned project income (projektintäkter) reduces
    what must be financed and is written negative in the cost budget.

    Fails: a financing line with `amount: -300000`, or an income line of `50000`.
    Passes: a financing line of `300000`, an income line of `-50000`.
    """
    if plan.total <= 0:
        yield Violation(
            ("total",), f"the total is {format_kr(plan.total, plan.currency)}; expected more than 0 kr",
            data=figures(plan.currency, found=plan.total),
        )
    for path, line in lines_of(plan):
        income = getattr(line, "category", None) == "income"
        expected = "less than 0 kr, as income reduces the costs" if income else "more than 0 kr"
        if (line.amount >= 0) if income else (line.amount <= 0):
            yield Violation(
                (*path, "amount"),
                f"`{line.id}` is {format_kr(line.amount, plan.currency)}; expected {expected}",
                data=figures(plan.currency, found=line.amount),
            )
        for year, amount in (line.per_year or {}).items():
            if (amount > 0) if income else (amount < 0):
                yield Violation(
                    (*path, "per_year", year),
                    f"`{line.id}` has {format_kr(amount, plan.currency)} in {year}; "
                    f"expected {'0 kr or less' if income else '0 kr or more'}",
                    data=figures(plan.currency, found=amount),
                )


@rule("FP302", "unique-id", Severity.ERROR, source="finplan's plan format: an id names one line")
def unique_id(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """Each line's id is used by that line alone, across financing and costs.

    Why: an id names one line in findings, reports and baselines; two lines
    with one id make every reference to it ambiguous.

    Fails: two financing lines with `id: region`.
    Passes: `id: region` and `id: region-in-kind`.
    """
    first: dict[str, Path] = {}
    for path, line in lines_of(plan):
        if line.id in first:
            yield Violation(
                (*path, "id"),
                f"the id `{line.id}` is already used by `{format_path(first[line.id])}`; expected an id of its own",
            )
        else:
            first[line.id] = path

