"""Every rule finplan knows, in code order, gathered from the family modules.

A rule is registered by being defined: every `Rule` a family module holds is
collected here, so none can be written and then left out. A test checks that
every module of this package is a family or a known helper.
"""

from finplan.rules import (
    advance,
    caps,
    eu_costs,
    flat_rates,
    in_kind,
    kinds,
    lines,
    periods,
    programmes,
    summary,
    sums,
)
from finplan.rules.base import Rule, Violation

FAMILY_MODULES = (sums, periods, lines, kinds, in_kind, caps, flat_rates, advance, programmes, eu_costs, summary)

RULES: tuple[Rule, ...] = tuple(
    sorted(
        {
            value: None
            for module in FAMILY_MODULES
            for value in vars(module).values()
            if isinstance(value, Rule) and value.check.__module__ == module.__name__
        },
        key=lambda r: r.code,
    )
)

__all__ = ["FAMILY_MODULES", "RULES", "Rule", "Violation"]
