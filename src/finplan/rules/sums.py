"""Sums: the parts of a plan add up to its declared total, in all and per year."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from finplan.codes.sums import (
    BREAKDOWN_TOTAL,
    COST_TOTAL,
    FINANCING_TOTAL,
    PRINTED_SHARES,
    TOTAL_WITHIN_ROUNDING,
    YEARLY_BALANCE,
    YEARLY_BALANCE_UNCHECKED,
)
from finplan.findings import Fix, some
from finplan.i18n import Message, Plural, join
from finplan.limits import measure_limits
from finplan.model import Plan
from finplan.money import difference, format_kr
from finplan.profiles import Settings
from finplan.known import all_stated, costs_stated
from finplan.rules import bounds
from finplan.rules.base import Violation, figures, lines_of, rule
from finplan.slips import Slip, slip
from finplan.totals import per_year, rounding_slack, total_of


@rule(FINANCING_TOTAL)
def financing_total(plan: Plan, settings: Settings) -> Iterator[Violation]:
    yield from bounds.shares_against_total(plan)
    if not all_stated(plan):
        yield from bounds.financing_within_total(plan)
        return
    yield from _against_total(plan, "financing", plan.financing, settings)


@rule(PRINTED_SHARES)
def printed_shares(plan: Plan, settings: Settings) -> Iterator[Violation]:
    if plan.total is None:
        yield from bounds.shares_against_each_other(plan)
    yield from bounds.shares_over_the_whole(plan)
    # A limit measured on the amounts is FP501's or FP506's to report; the printed shares speak for the others.
    measured = {m.path for m in measure_limits(plan, settings)}
    yield from bounds.shares_against_limits(plan, measured)


@rule(COST_TOTAL)
def cost_total(plan: Plan, settings: Settings) -> Iterator[Violation]:
    if plan.costs is None:
        return
    if plan.total is None or not costs_stated(plan):
        yield from bounds.costs_within_total(plan)
        return
    yield from _against_total(plan, "costs", plan.costs, settings)


@rule(BREAKDOWN_TOTAL)
def breakdown_total(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for path, line in lines_of(plan, outside=True):
        if line.per_year is None or line.amount is None:
            continue
        found = sum(line.per_year.values(), Decimal(0))
        if found != line.amount:
            yield Violation(
                (*path, "per_year"),
                Message(
                    "the yearly breakdown of `{id}` sums to {found}, its amount is {amount}: {difference}",
                    id=line.id, found=format_kr(found, plan.currency), amount=format_kr(line.amount, plan.currency),
                    difference=difference(found, line.amount, plan.currency),
                ),
                data=figures(plan.currency, found=found, expected=line.amount, difference=found - line.amount),
            )


@rule(YEARLY_BALANCE)
def yearly_balance(plan: Plan, settings: Settings) -> Iterator[Violation]:
    if not plan.costs or not _all_broken_down(plan):
        return
    financing = per_year(plan.financing)
    costs = per_year(plan.costs)
    for year in sorted(financing.keys() | costs.keys()):
        funded, spent = financing.get(year, Decimal(0)), costs.get(year, Decimal(0))
        if funded != spent:
            yield Violation(
                ("costs",),
                Message(
                    "in {year} the costs are {costs} and the financing is {financing}: costs {difference}",
                    year=year, costs=format_kr(spent, plan.currency), financing=format_kr(funded, plan.currency),
                    difference=difference(spent, funded, plan.currency),
                ),
                on_key=True,
                data=figures(plan.currency, found=spent, expected=funded, difference=spent - funded),
            )


@rule(YEARLY_BALANCE_UNCHECKED)
def yearly_balance_unchecked(plan: Plan, settings: Settings) -> Iterator[Violation]:
    if not plan.costs:
        return
    lines = list(lines_of(plan))
    missing = [line.id for _, line in lines if line.per_year is None]
    if missing and len(missing) < len(lines):
        yield Violation(
            ("costs",),
            Plural(
                "financing and costs are not compared year by year: {n} of {count} lines has no yearly breakdown ({lines})",
                "financing and costs are not compared year by year: {n} of {count} lines have no yearly breakdown ({lines})",
                n=len(missing), count=len(lines), lines=some(missing),
            ),
            on_key=True,
        )


@rule(TOTAL_WITHIN_ROUNDING)
def total_within_rounding(plan: Plan, settings: Settings) -> Iterator[Violation]:
    if not all_stated(plan):
        return  # FP101's bounds hold the rounding already
    found = total_of(plan.financing)
    slack = rounding_slack(plan)
    if found != plan.total and abs(found - plan.total) <= slack:
        yield Violation(
            ("total",),
            Message(
                "the financing lines sum to {found}, the declared total is {total}: {difference} on the exact reading, "
                "within the {slack} that figures printed rounded leave open",
                found=format_kr(found, plan.currency), total=format_kr(plan.total, plan.currency),
                difference=difference(found, plan.total, plan.currency), slack=format_kr(slack, plan.currency),
            ),
            data=figures(plan.currency, found=found, expected=plan.total, difference=found - plan.total, tolerance=slack),
        )


def _against_total(plan: Plan, section: str, lines, settings: Settings) -> Iterator[Violation]:
    found = total_of(lines)
    gap = found - plan.total
    slack = rounding_slack(plan) if section == "financing" else Decimal(0)
    if abs(gap) > slack:
        values = dict(
            found=format_kr(found, plan.currency), total=format_kr(plan.total, plan.currency),
            difference=difference(found, plan.total, plan.currency), culprits=_culprits(plan, lines, gap),
        )
        if section == "financing":
            # A line that the gap equals is the more telling culprit; else a slip of the total's digits.
            values["culprits"] = join([values["culprits"] or _typo(plan, found), _following(plan, settings)], "")
            beyond = ""
            if slack:
                beyond = Message(", beyond the {slack} that rounded figures leave open", slack=format_kr(slack, plan.currency))
            message = Message(
                "the financing lines sum to {found}, the declared total is {total}: {difference}{beyond}{culprits}",
                beyond=beyond, **values,
            )
        else:
            message = Message("the cost lines sum to {found}, the declared total is {total}: {difference}{culprits}", **values)
        # At the declared total: the one figure both sums are held against.
        yield Violation(
            ("total",), message, data=figures(plan.currency, found=found, expected=plan.total, difference=gap),
            fix=_total_to_sum(plan, found) if section == "financing" else None,
        )


def _total_to_sum(plan: Plan, found: Decimal) -> Fix | None:
    """The total set to the financing's sum, where that moves no other sum: no costs held to the old total,
    no printed share of it."""
    if plan.costs and total_of(plan.costs) != found or any(line.share is not None for line in plan.financing):
        return None
    return Fix("total", (f"{found:f}",))


def _following(plan: Plan, settings: Settings) -> Message | str:
    """`; against the sum of the lines the cap of leader_se_2023_2027 on `stod` holds...`: the limits whose
    findings this difference alone gives, named here instead (finplan.limits)."""
    following = [m for m in measure_limits(plan, settings) if m.follows_from_total]
    if not following:
        return ""
    names = []
    for m in following:
        ids = ", ".join(f"`{line.id}`" for _, line in m.lines)
        if m.origin == "plan":
            names.append(Message("the cap on {ids}", ids=ids) if m.is_cap else Message("the floor on {ids}", ids=ids))
        else:
            names.append(Message("the cap of {title} on {ids}", title=m.title, ids=ids) if m.is_cap
                         else Message("the floor of {title} on {ids}", title=m.title, ids=ids))
    return Plural(
        "; against the sum of the lines {limits} holds, so its finding follows from this difference alone",
        "; against the sum of the lines {limits} hold, so their findings follow from this difference alone",
        n=len(names), limits=join(names),
    )


def _typo(plan: Plan, found: Decimal) -> Message | str:
    """`; the declared total differs from the sum in one digit...`: the total as the likely typo, and what
    it would be."""
    kind = slip(plan.total, found)
    if kind is None:
        return ""
    found_kr = format_kr(found, plan.currency)
    if kind is Slip.DIGIT:
        return Message("; the declared total differs from the sum in one digit only: likely a typo in the total, "
                       "which would be {found}", found=found_kr)
    return Message("; the declared total is the sum with two adjacent digits swapped: likely a typo in the total, "
                   "which would be {found}", found=found_kr)


def _culprits(plan: Plan, lines, gap: Decimal) -> Message | str:
    """`; `ideell-tid` is exactly the 60 000 kr over...`: the line, or pair of lines, that the gap equals.

    Linear in the lines: each amount is looked up once against those seen before.
    """
    if gap <= 0:
        return ""
    seen: dict[Decimal, str] = {}
    single = pair = None
    for line in lines:
        if line.amount == gap and single is None:
            single = line.id
        if pair is None and gap - line.amount in seen:
            pair = (seen[gap - line.amount], line.id)
        seen.setdefault(line.amount, line.id)
    if single is None and pair is None:
        return ""
    where = (
        Message("outside the total (`outside_total:`)") if lines is plan.financing else Message("not in this budget")
    )
    amount = format_kr(gap, plan.currency)
    if single is not None:
        return Message(
            "; `{id}` is exactly the {amount} over: counted twice, or meant to stand {where}?",
            id=single, amount=amount, where=where,
        )
    return Message(
        "; `{first}` and `{second}` together are exactly the {amount} over: counted twice, or meant to stand {where}?",
        first=pair[0], second=pair[1], amount=amount, where=where,
    )


def _all_broken_down(plan: Plan) -> bool:
    return all(line.per_year is not None for _, line in lines_of(plan))

