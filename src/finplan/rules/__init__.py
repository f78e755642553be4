"""Every rule finplan knows, in code order."""

from finplan.rules import (
    advance,
    caps,
    flat_rates,
    in_kind,
    kinds,
    lines,
    periods,
    summary,
    sums,
)
from finplan.rules.base import Rule, Violation

_FAMILIES = (sums, periods, lines, kinds, in_kind, caps, flat_rates, advance, summary)

RULES: tuple[Rule, ...] = tuple(sorted((rule for family in _FAMILIES for rule in family.RULES), key=lambda r: r.code))

__all__ = ["RULES", "Rule", "Violation"]
