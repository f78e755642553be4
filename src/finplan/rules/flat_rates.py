"""Flat rates (schabloner): a cost computed as a share of other costs, within its limit."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from finplan.codes.funding import FLAT_RATE_DECLARED, FLAT_RATE_LIMIT, FLAT_RATE_REMAINING, FLAT_RATE_TOTAL
from finplan.i18n import N_, Message
from finplan.model import CostLine, Plan
from finplan.money import format_kr, format_percent, format_points
from finplan.profiles import Profile, Settings, offers_flat_rates
from finplan.findings import Figure
from finplan.rules.base import Violation, figures, rule
from finplan.totals import total_of

DIRECT = ("staff", "external_services", "travel", "premises_equipment", "investments")
# What each option is a share of, in a finding's words; shown through Message in the reader's language.
_BASES = {
    "indirect_of_staff": N_("the staff costs"),
    "indirect_of_direct": N_("the direct costs"),
    "indirect_of_direct_except_external": N_("the direct costs except external services"),
    "staff_of_other_direct": N_("the direct costs other than staff"),
    "remaining_of_staff": N_("the staff costs"),
    "travel_of_staff": N_("the staff costs"),
}
# A cost line's category, as a finding names it (a flat-rate line has sentences of its own): the keyword
# with spaces, as findings have always said it, so their English and fingerprints stay as they were.
CATEGORIES = {
    "staff": N_("staff"),
    "external_services": N_("external services"),
    "travel": N_("travel"),
    "premises_equipment": N_("premises equipment"),
    "investments": N_("investments"),
    "in_kind": N_("in kind"),
    "income": N_("income"),
}


def flat_rate_bases(plan: Plan) -> dict[str, Decimal]:
    """What each flat-rate option is a share of, from the cost lines of the plan.

    Computed once for a plan, not once for each flat-rate line: a plan of many
    flat-rate lines would otherwise add up all of its costs for each of them.
    """
    costs = plan.costs or []
    staff = total_of(line for line in costs if line.category == "staff")
    direct = total_of(line for line in costs if line.category in DIRECT)
    external = total_of(line for line in costs if line.category == "external_services")
    return {
        "indirect_of_staff": staff,
        "indirect_of_direct": direct,
        "indirect_of_direct_except_external": direct - external,
        "staff_of_other_direct": direct - staff,
        "remaining_of_staff": staff,
        "travel_of_staff": staff,
    }


# The cost categories each option is a share of: under CPR art. 53(2) these may stay real costs.
BASE_CATEGORIES = {
    "indirect_of_staff": ("staff",),
    "indirect_of_direct": DIRECT,
    "indirect_of_direct_except_external": tuple(c for c in DIRECT if c != "external_services"),
    "staff_of_other_direct": tuple(c for c in DIRECT if c != "staff"),
    "remaining_of_staff": ("staff",),
    "travel_of_staff": ("staff",),
}


def real_cost_lines(plan: Plan) -> Iterator[tuple[int, CostLine]]:
    """The direct cost lines paid as real costs where simplified costs are due: neither a flat rate, nor
    `paid_as`, nor the base of a flat rate of the plan (which CPR art. 53(2) lets stay real costs)."""
    based = {c for line in plan.costs or () if line.flat_rate for c in BASE_CATEGORIES[line.flat_rate.option]}
    for index, line in enumerate(plan.costs or ()):
        if line.category in DIRECT and line.category not in based and line.flat_rate is None and line.paid_as is None:
            yield index, line


def _flat_lines(plan: Plan) -> Iterator[tuple[int, CostLine]]:
    for index, line in enumerate(plan.costs or ()):
        if line.flat_rate is not None:
            yield index, line


@rule(FLAT_RATE_DECLARED)
def flat_rate_declared(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for index, line in enumerate(plan.costs or ()):
        option = line.flat_rate.option if line.flat_rate else None
        if line.category == "flat_rate" and option is None:
            yield Violation(
                ("costs", index),
                Message(
                    "`{id}` is a flat-rate cost with no `flat_rate:`; expected its option and rate, such as "
                    "`flat_rate: {{option: indirect_of_staff, rate: 15 %}}`",
                    id=line.id,
                ),
            )
        elif line.category == "flat_rate" and option == "staff_of_other_direct":
            yield Violation(
                ("costs", index, "flat_rate", "option"),
                Message("`{id}` is staff costs as a flat rate; expected `category: staff` for it", id=line.id),
            )
        elif line.category == "staff" and option not in (None, "staff_of_other_direct"):
            yield Violation(
                ("costs", index, "flat_rate", "option"),
                Message(
                    "`{id}` is a staff line with the flat rate {option}; expected `staff_of_other_direct` "
                    "or a line of its own with `category: flat_rate`",
                    id=line.id, option=option,
                ),
            )
        elif line.category not in ("flat_rate", "staff") and option is not None:
            yield Violation(
                ("costs", index, "flat_rate"),
                Message(
                    "`{id}` is {category} with a flat rate; expected a flat rate only on a `flat_rate` or `staff` line",
                    id=line.id, category=Message(CATEGORIES[line.category]),
                ),
            )


@rule(FLAT_RATE_TOTAL)
def flat_rate_total(plan: Plan, settings: Settings) -> Iterator[Violation]:
    tolerance = settings.general("rounding_tolerance")
    bases = None
    for index, line in _flat_lines(plan):
        option, rate = line.flat_rate.option, line.flat_rate.rate
        bases = bases or flat_rate_bases(plan)
        base = bases[option]
        allowed = base * rate / 100
        if line.amount - allowed > tolerance:
            yield Violation(
                ("costs", index, "amount"),
                Message(
                    "`{id}` is {amount}; {rate} of {base}, {base_amount}, is {allowed}: {excess} over",
                    id=line.id, amount=format_kr(line.amount, plan.currency), rate=format_percent(rate),
                    base=Message(_BASES[option]), base_amount=format_kr(base, plan.currency),
                    allowed=format_kr(allowed, plan.currency), excess=format_kr(line.amount - allowed, plan.currency),
                ),
                data={
                    **figures(plan.currency, found=line.amount, expected=allowed,
                              difference=line.amount - allowed, base=base),
                    "limit": Figure(rate, "%"),
                },
            )


@rule(FLAT_RATE_LIMIT)
def flat_rate_limit(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for index, line in _flat_lines(plan):
        option, rate = line.flat_rate.option, line.flat_rate.rate
        for profile in settings.profiles:
            if not offers_flat_rates(profile):
                continue  # the 1:1 profile says nothing of flat rates: it neither offers nor refuses one
            if not any(s.name == f"{option}_max" for s in profile.settings):
                yield Violation(
                    ("costs", index, "flat_rate", "option"),
                    Message(
                        "`{id}` uses the flat rate {option}, which {profile} does not offer",
                        id=line.id, option=option, profile=profile.name,
                    ),
                )
                continue
            if not settings.offered(profile, f"{option}_max"):
                yield Violation(
                    ("costs", index, "flat_rate", "option"),
                    _not_offered(line, option, profile),
                )
                continue
            limit = settings.value(profile, f"{option}_max")
            if rate > limit:
                yield Violation(
                    ("costs", index, "flat_rate", "rate"),
                    Message(
                        "`{id}` is {rate} of {base}; {profile} allows at most {limit}: {excess} over",
                        id=line.id, rate=format_percent(rate), base=Message(_BASES[option]), profile=profile.name,
                        limit=format_percent(limit), excess=format_points(rate - limit),
                    ),
                    data={"found": Figure(rate, "%"), "limit": Figure(limit, "%"), "difference": Figure(rate - limit, "pp")},
                )


def _not_offered(line: CostLine, option: str, profile: Profile) -> Message:
    """A flat rate the profile offers only to the plans a yes/no setting declares, and how to declare it."""
    when = next(s for s in profile.settings if s.name == f"{option}_max").when
    return Message(
        "`{id}` uses the flat rate {option}, which {profile} offers only where `{key}` is yes; "
        "expected another option, or `settings: {{{key}: true}}` where the project qualifies",
        id=line.id, option=option, profile=profile.name, key=f"{profile.name}.{when}",
    )


@rule(FLAT_RATE_REMAINING)
def flat_rate_remaining(plan: Plan, settings: Settings) -> Iterator[Violation]:
    if not any(line.flat_rate.option == "remaining_of_staff" for _, line in _flat_lines(plan)):
        return
    for index, line in enumerate(plan.costs or ()):
        other_flat = line.flat_rate is not None and line.flat_rate.option != "remaining_of_staff"
        if (line.category in DIRECT and line.category != "staff") or other_flat:
            if line.category == "flat_rate":
                message = Message(
                    "`{id}` is flat rate beside the flat rate that covers all costs but staff; "
                    "expected only staff, in-kind and income lines beside it",
                    id=line.id,
                )
            else:
                message = Message(
                    "`{id}` is {category} beside the flat rate that covers all costs but staff; "
                    "expected only staff, in-kind and income lines beside it",
                    id=line.id, category=Message(CATEGORIES[line.category]),
                )
            yield Violation(
                ("costs", index),
                message,
            )

