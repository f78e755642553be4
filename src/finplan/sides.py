"""The sides of a cross-border programme: which side a line is on, and what each side's base is.

An Interreg programme pays each side from its own money and caps each on its
own side's costs: the ERDF (`scheme: interreg`) at most a share of the Swedish,
Finnish or Danish side's costs, Norwegian Interreg funds (`scheme: interreg_no`)
at most a share of the Norwegian side's (docs/programme-sources.md §8). A
profile whose schemes are sides (`sides = true` in its data file) measures a cap
on a scheme's lines on that scheme's side, where the plan says which side its
lines are on (`side:`, named by the side's scheme). A plan that says it of no
line is measured whole, as a plan of one side is.
"""

from __future__ import annotations

from decimal import Decimal

from finplan.model import CostLine, FinancingLine, Plan
from finplan.profiles import Profile
from finplan.totals import total_of


def sides_stated(plan: Plan) -> bool:
    """Whether the plan says of any line which side it is on."""
    return any(line.side is not None for line in plan.financing) or any(
        line.side is not None for line in plan.costs or ()
    )


def side_of(line: FinancingLine | CostLine, profile: Profile) -> str | None:
    """The side a line is on: its own `side`, else its scheme's where that is one of the profile's sides."""
    if line.side is not None:
        return line.side
    scheme = line.scheme if type(line) is FinancingLine else None
    return scheme if scheme in profile.schemes else None


def measured_by_side(plan: Plan, profile: Profile, scheme: str) -> bool:
    """Whether a cap on `scheme`'s lines is measured on its side: the profile's schemes are sides, the plan
    says which side its lines are on, and `scheme` is one of them."""
    return profile.sides and scheme in profile.schemes and sides_stated(plan)


def side_lines(plan: Plan, profile: Profile, side: str) -> list[FinancingLine]:
    """The financing lines on `side`."""
    return [line for line in plan.financing if side_of(line, profile) == side]


def side_total(plan: Plan, profile: Profile, side: str) -> Decimal:
    """A side's costs: its cost lines where the plan says the side of any cost line, else its financing."""
    costs = plan.costs or []
    if any(line.side is not None for line in costs):
        return total_of(line for line in costs if line.side == side)
    return total_of(side_lines(plan, profile, side))


def both_sides_unstated(plan: Plan, profile: Profile) -> bool:
    """Whether the plan holds money of two of the profile's sides but says of no line which side it is on."""
    found = {line.scheme for line in plan.financing if line.scheme in profile.schemes}
    return profile.sides and len(found) > 1 and not sides_stated(plan)


def without_side(plan: Plan, profile: Profile) -> list[FinancingLine]:
    """Where the plan states sides: its financing lines on none of the profile's sides (on no side's base)."""
    if not profile.sides or not sides_stated(plan):
        return []
    return [line for line in plan.financing if side_of(line, profile) not in profile.schemes]
