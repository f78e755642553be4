"""Share caps: how much of a project one scheme's money may pay, measured exactly.

Both the rules (FP501, FP502) and the report use these measurements, so the
figure a finding names and the figure the report prints are the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from finplan.model import FinancingLine, Plan
from finplan.profiles import Profile, Settings
from finplan.totals import total_of


@dataclass(frozen=True, slots=True)
class CapMeasure:
    """One profile's cap on its scheme's share, against the plan's figures."""

    profile: Profile
    lines: tuple[tuple[int, FinancingLine], ...]
    amount: Decimal
    base: Decimal
    in_kind_in_base: bool
    max_share: Decimal
    tolerance: Decimal

    @property
    def cap(self) -> Decimal:
        return self.base * self.max_share / 100

    @property
    def excess(self) -> Decimal:
        return self.amount - self.cap


def measure_caps(plan: Plan, settings: Settings) -> list[CapMeasure]:
    """A measurement for each named profile whose scheme has financing lines."""
    measures = []
    for profile in settings.profiles:
        lines = tuple((i, line) for i, line in enumerate(plan.financing) if line.scheme == profile.scheme)
        if not lines:
            continue
        in_kind_in_base = settings.value(profile, "in_kind_in_base")
        in_kind = total_of(line for line in plan.financing if line.form == "in_kind")
        measures.append(
            CapMeasure(
                profile=profile,
                lines=lines,
                amount=total_of(line for _, line in lines),
                base=plan.total if in_kind_in_base else plan.total - in_kind,
                in_kind_in_base=in_kind_in_base,
                max_share=settings.value(profile, "max_share"),
                tolerance=settings.value(profile, "rounding_tolerance"),
            )
        )
    return measures
