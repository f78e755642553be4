"""Every rule finplan knows, in code order."""

from finplan.rules import lines, periods, sums
from finplan.rules.base import Rule, Violation

RULES: tuple[Rule, ...] = tuple(sorted((*sums.RULES, *periods.RULES, *lines.RULES), key=lambda r: r.code))

__all__ = ["RULES", "Rule", "Violation"]
