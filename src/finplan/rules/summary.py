"""A note that sums the financing up, for every output, machine-read ones included."""

from __future__ import annotations

from collections.abc import Iterator

from finplan.findings import Severity
from finplan.i18n import Message, join
from finplan.model import Plan
from finplan.money import format_kr, format_share
from finplan.profiles import Settings
from finplan.keywords import keyword
from finplan.rules.base import Violation, rule
from finplan.totals import GROUPS, NOT_STATED, subtotals


@rule(
    "FP901", "financing-summary", Severity.INFO, on_by_default=False,
    source="Tillväxtverket, \"Planera er finansieringsbudget\"",
)
def financing_summary(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """Sums the financing up: decided, applied and proposed; public and private; cash and in kind.

    Why: a grant officer reads first how much of the financing is already
    decided, and how it splits between public and private money and between
    cash and in kind. The text report shows it as tables; outputs that show no
    tables (json, sarif, github...) get it as this note when it is selected:
    it is off by default, so that CI annotations carry problems only
    (`--select FP9` or `select = ["FP"]` turns it on).

    Fails (is reported): every plan, as a note, when selected.
    Passes: never silent when selected.
    """
    sums = subtotals(plan)
    parts = [
        join(
            (
                join([
                    keyword(value),
                    format_kr(sums[group][value], plan.currency),
                    f"({format_share(sums[group][value], plan.total)})",
                ], " ")
                for value in values
                if value != NOT_STATED or sums[group][value]
            ),
            ", ",
        )
        for group, values in GROUPS.items()
    ]
    yield Violation(("financing",), Message("financing: {groups}", groups=join(reversed(parts), "; ")), on_key=True)

