"""A note that sums the financing up, for every output, machine-read ones included."""

from __future__ import annotations

from collections.abc import Iterator

from finplan.codes.summary import FINANCING_SUMMARY
from finplan.i18n import Message, join
from finplan.model import Plan
from finplan.money import format_kr, format_share
from finplan.profiles import Settings
from finplan.keywords import keyword
from finplan.rules.base import Violation, rule
from finplan.totals import GROUPS, NOT_STATED, subtotals


@rule(FINANCING_SUMMARY)
def financing_summary(plan: Plan, settings: Settings) -> Iterator[Violation]:
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

