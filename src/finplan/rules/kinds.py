"""Kinds of financing: each financier in one sector, and public cash with its appropriation."""

from __future__ import annotations

from collections.abc import Iterator

from finplan.codes.kinds import APPROPRIATION_NAMED, ONE_SECTOR_PER_FINANCIER
from finplan.findings import shorten
from finplan.i18n import N_, Message
from finplan.model import FinancingLine, Plan
from finplan.profiles import Settings
from finplan.keywords import keyword
from finplan.rules.base import Violation, financing_lines, rule

# Every kind of line but public cash, which alone names an appropriation.
_NOT_PUBLIC_CASH = {
    ("private", "cash"): N_("`{id}` is private cash but names an appropriation; expected one only on public cash"),
    ("public", "in_kind"): N_("`{id}` is public in kind but names an appropriation; expected one only on public cash"),
    ("private", "in_kind"): N_("`{id}` is private in kind but names an appropriation; expected one only on public cash"),
}


@rule(ONE_SECTOR_PER_FINANCIER)
def one_sector_per_financier(plan: Plan, settings: Settings) -> Iterator[Violation]:
    first: dict[str, FinancingLine] = {}
    for path, line in financing_lines(plan):
        name = line.financier.strip().casefold()
        if name not in first:
            first[name] = line
        elif first[name].sector != line.sector:
            earlier = first[name]
            yield Violation(
                (*path, "sector"),
                Message(
                    "`{id}` has {financier} as {sector}, but `{earlier}` has it as {earlier_sector}; "
                    "expected one sector for one financier",
                    id=line.id, financier=shorten(line.financier), sector=keyword(line.sector),
                    earlier=earlier.id, earlier_sector=keyword(earlier.sector),
                ),
            )


@rule(APPROPRIATION_NAMED)
def appropriation_named(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for index, line in enumerate(plan.financing):
        public_cash = line.sector == "public" and line.form == "cash"
        if public_cash and line.appropriation is None:
            yield Violation(
                ("financing", index),
                Message(
                    "`{id}` is public cash with no appropriation; expected `appropriation:` "
                    "(Reg.tillväxt, Övr.nat.anslag, Övriga medel, or vet ej)",
                    id=line.id,
                ),
            )
        elif not public_cash and line.appropriation is not None:
            yield Violation(
                ("financing", index, "appropriation"),
                Message(_NOT_PUBLIC_CASH[line.sector, line.form], id=line.id),
            )

