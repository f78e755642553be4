"""Sums on a plan that leaves amounts unstated: the stated amounts held to their totals as bounds (FP101, FP102, FP411),
and a printed share held to the total it is a share of.

No financing line is negative, so the lines that state an amount can never
sum to more than the total; where every line states one, they sum to it. The
total is the stated one, or the one a printed share and its amount give
(`finplan.known.total_range`), within the rounding of both.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from finplan.findings import Figure, Path, some
from finplan.i18n import Message
from finplan.known import Range, least_total, total_from_share, total_range
from finplan.model import Plan
from finplan.money import difference, format_kr, format_percent, format_points, half, half_last_digit, printed_precision
from finplan.rules.base import Violation, figures
from finplan.totals import slack_of, total_of


def financing_within_total(plan: Plan) -> Iterator[Violation]:
    """FP101 as bounds: the stated financing at most the total, and equal to it where every line is stated."""
    reach = total_range(plan)
    if reach is None:
        return
    found = total_of(plan.financing)
    slack = slack_of(line for line in plan.financing if line.amount is not None)
    missing = [line.id for line in plan.financing if line.amount is None]
    kr = lambda amount: format_kr(amount, plan.currency)  # noqa: E731
    total = _total_text(plan, reach)
    if missing:
        if found - slack <= reach.high:
            return
        message = Message(
            "the financing lines that state an amount already sum to {found}, more than {total}: {difference}; "
            "the lines without one ({lines}) cannot make up for it, as no amount is negative",
            found=kr(found), total=total, difference=difference(found, reach.high, plan.currency), lines=some(missing),
        )
        yield Violation(_place(plan), message, data=figures(plan.currency, found=found, limit=reach.high, difference=found - reach.high))
        return
    if reach.low <= found + slack and found - slack <= reach.high:
        return
    nearest = reach.low if found < reach.low else reach.high
    message = Message(
        "the financing lines sum to {found}, while {total}: {difference}",
        found=kr(found), total=total, difference=difference(found, nearest, plan.currency),
    )
    yield Violation(_place(plan), message, data=figures(plan.currency, found=found, expected=nearest, difference=found - nearest))


def _total_text(plan: Plan, reach: Range) -> Message:
    if plan.total is not None:
        return Message("the declared total {total}", total=format_kr(plan.total, plan.currency))
    if reach.low == reach.high:
        return Message("the total the printed shares give, {total}", total=format_kr(reach.low, plan.currency))
    return Message(
        "the total the printed shares give, {low} to {high}",
        low=format_kr(reach.low, plan.currency), high=format_kr(reach.high, plan.currency),
    )


def _place(plan: Plan) -> Path:
    """At the declared total, else at the first printed share that gives one."""
    if plan.total is not None:
        return ("total",)
    index = next(i for i, line in enumerate(plan.financing) if line.share is not None and line.amount is not None)
    return ("financing", index, "share")


def costs_within_total(plan: Plan) -> Iterator[Violation]:
    """FP102 with the total or a cost unstated: the costs within the total, stated or given by a printed share.

    Only income is negative: a cost line left unstated can only raise the sum, an income line only lower it.
    """
    reach = total_range(plan)
    if reach is None:
        return
    costs = plan.costs or ()
    found = total_of(costs)
    missing = [line for line in costs if line.amount is None]
    raised = any(line.category != "income" for line in missing)
    lowered = any(line.category == "income" for line in missing)
    if (raised or reach.low <= found) and (lowered or found <= reach.high):
        return
    nearest = reach.low if found < reach.low else reach.high
    shown = dict(
        found=format_kr(found, plan.currency), total=_total_text(plan, reach),
        difference=difference(found, nearest, plan.currency), lines=some([line.id for line in missing]),
    )
    if not missing:
        message = Message("the cost lines sum to {found}, while {total}: {difference}", **shown)
    elif found > reach.high:
        message = Message(
            "the cost lines that state an amount already sum to {found}, more than {total}: {difference}; "
            "the lines without one ({lines}) cannot make up for it, as none of them is income", **shown,
        )
    else:
        message = Message(
            "the cost lines that state an amount sum to {found}, less than {total}: {difference}; "
            "the lines without one ({lines}) are income, which only lowers the sum", **shown,
        )
    yield Violation(_place(plan), message, data=figures(plan.currency, found=found, expected=nearest, difference=found - nearest))


def in_kind_within_costs(plan: Plan, financing: list, costs: list) -> Iterator[Violation]:
    """FP411 with in-kind amounts unstated: the stated amounts of one side at most the other side's, where
    the other side states every amount."""
    found, spent = total_of(financing), total_of(costs)
    unstated_costs = [line.id for line in costs if line.amount is None]
    if unstated_costs:
        if found < spent and all(line.amount is not None for line in financing):
            message = Message(
                "the in-kind cost lines that state an amount already sum to {spent}, more than the in-kind "
                "financing's {found}: {difference}; the lines without one ({lines}) cannot make up for it",
                found=format_kr(found, plan.currency), spent=format_kr(spent, plan.currency),
                difference=difference(spent, found, plan.currency), lines=some(unstated_costs),
            )
            data = figures(plan.currency, found=spent, limit=found, difference=spent - found)
            yield Violation(("costs",), message, on_key=True, data=data)
        return
    if found <= spent:
        return
    missing = [line.id for line in financing if line.amount is None]
    message = Message(
        "the in-kind financing lines that state an amount already sum to {found}, more than the in-kind cost "
        "lines' {spent}: {difference}; the lines without one ({lines}) cannot make up for it",
        found=format_kr(found, plan.currency), spent=format_kr(spent, plan.currency),
        difference=difference(found, spent, plan.currency), lines=some(missing),
    )
    yield Violation(("costs",), message, on_key=True, data=figures(plan.currency, found=found, limit=spent, difference=found - spent))


def shares_against_total(plan: Plan) -> Iterator[Violation]:
    """FP101 for a printed share beside a stated total: the share of the total the line's amount is, within the
    share's last digit."""
    if plan.total is None:
        return
    slack = half(plan.total_rounded_to)
    for index, line in enumerate(plan.financing):
        least = least_total(line)
        if least is not None and plan.total + slack < least:
            message = Message(
                "`{id}` is {amount}, printed as {share} of the total, which gives a total of at least {low}; "
                "the declared total is {total}",
                id=line.id, amount=format_kr(line.amount, plan.currency), share=format_percent(line.share, as_written=True),
                low=format_kr(least, plan.currency), total=format_kr(plan.total, plan.currency),
            )
            data = figures(plan.currency, found=plan.total, expected=least, difference=plan.total - least)
            yield Violation(("financing", index, "share"), message, data=data)
            continue
        reach = total_from_share(line)
        if reach is None or reach.low <= plan.total + slack and plan.total - slack <= reach.high:
            continue
        message = Message(
            "`{id}` is {amount}, printed as {share} of the total, which gives a total of {low} to {high}; "
            "the declared total is {total}",
            id=line.id, amount=format_kr(line.amount, plan.currency), share=format_percent(line.share),
            low=format_kr(reach.low, plan.currency), high=format_kr(reach.high, plan.currency),
            total=format_kr(plan.total, plan.currency),
        )
        nearest = reach.low if plan.total < reach.low else reach.high
        data = figures(plan.currency, found=plan.total, expected=nearest, difference=plan.total - nearest)
        yield Violation(("financing", index, "share"), message, data=data)


def shares_against_each_other(plan: Plan) -> Iterator[Violation]:
    """FP107 with the total unstated: each line's printed share and amount give a total, and every two such
    totals meet, within the shares' last digits."""
    given: list[tuple[int, Range]] = []
    kr = lambda amount: format_kr(amount, plan.currency)  # noqa: E731
    for index, line in enumerate(plan.financing):
        reach = total_from_share(line)
        if reach is None:
            continue
        for first, other in given:
            if reach.low <= other.high and other.low <= reach.high:
                continue
            before = plan.financing[first]
            gap = reach.low - other.high if reach.low > other.high else reach.high - other.low
            message = Message(
                "`{id}` is {amount}, printed as {share} of the total, which gives a total of {low} to {high}; "
                "`{other}` is {other_amount}, printed as {other_share}, which gives {other_low} to {other_high}: "
                "the two totals lie {gap} apart, so one of the printed figures is wrong",
                id=line.id, amount=kr(line.amount), share=format_percent(line.share, as_written=True),
                low=kr(reach.low), high=kr(reach.high), other=before.id, other_amount=kr(before.amount),
                other_share=format_percent(before.share, as_written=True), other_low=kr(other.low),
                other_high=kr(other.high), gap=kr(abs(gap)),
            )
            yield Violation(("financing", index, "share"), message, data=figures(plan.currency, difference=gap))
        given.append((index, reach))
    for index, line in enumerate(plan.financing):
        least = least_total(line)
        short = [(first, other) for first, other in given if other.high < least] if least is not None else []
        if short:
            first, other = short[0]
            before = plan.financing[first]
            message = Message(
                "`{id}` is {amount}, printed as {share} of the total, which gives a total of at least {low}; "
                "`{other}` is {other_amount}, printed as {other_share}, which gives {other_low} to {other_high}: "
                "the two totals lie {gap} apart, so one of the printed figures is wrong",
                id=line.id, amount=kr(line.amount), share=format_percent(line.share, as_written=True), low=kr(least),
                other=before.id, other_amount=kr(before.amount), other_share=format_percent(before.share, as_written=True),
                other_low=kr(other.low), other_high=kr(other.high), gap=kr(least - other.high),
            )
            yield Violation(("financing", index, "share"), message, data=figures(plan.currency, difference=least - other.high))


def shares_over_the_whole(plan: Plan) -> Iterator[Violation]:
    """FP107 for shares of the total that, each at its lowest reading, already sum to more than the whole of it:
    a line's share printed without its amount counts too (40 % and 70 % cannot both be of one total)."""
    printed = [(index, line) for index, line in enumerate(plan.financing) if line.share is not None]
    if len(printed) < 2:
        return
    lowest = sum((max(line.share - half_last_digit(line.share), Decimal(0)) for _, line in printed), Decimal(0))
    if lowest <= 100:
        return
    written = sum((line.share for _, line in printed), Decimal(0))
    message = Message(
        "the printed shares of the total ({shares}) sum to {sum}, and to at least {lowest} within the precision "
        "each is printed to: more than the whole total, so one of them is wrong",
        shares=", ".join(f"`{line.id}` {format_percent(line.share, as_written=True)}" for _, line in printed),
        sum=format_percent(written), lowest=format_percent(lowest),
    )
    data = {"found": Figure(written, "%"), "limit": Figure(Decimal(100), "%"), "difference": Figure(lowest - 100, "pp")}
    index, _ = printed[-1]
    yield Violation(("financing", index, "share"), message, data=data)


def shares_against_limits(plan: Plan, measured: set[Path]) -> Iterator[Violation]:
    """FP107 for the limits not `measured` on amounts: a line's printed share of the total within its own cap or
    floor of the total, each within its printed precision."""
    for index, line in enumerate(plan.financing):
        if line.share is None:
            continue
        for number, limit in enumerate(line.limits or ()):
            if ("financing", index, "limits", number) in measured or limit.share is None or not _of_total(plan, limit.base):
                continue
            reach = half_last_digit(line.share) + printed_precision(limit.share)
            gap = line.share - limit.share if limit.is_cap else limit.share - line.share
            if gap <= reach:
                continue
            shown = dict(
                id=line.id, share=format_percent(line.share, as_written=True),
                limit=format_percent(limit.share, as_written=True), points=format_points(gap),
            )
            message = (
                Message("`{id}` is printed as {share} of the total, and its cap as at most {limit}: {points} over, "
                        "beyond the precision both are printed to", **shown)
                if limit.is_cap else
                Message("`{id}` is printed as {share} of the total, and its floor as at least {limit}: {points} short, "
                        "beyond the precision both are printed to", **shown)
            )
            data = {"found": Figure(line.share, "%"), "limit": Figure(limit.share, "%"), "difference": Figure(gap, "pp")}
            yield Violation(("financing", index, "limits", number), message, data=data)


def _of_total(plan: Plan, base: str | None) -> bool:
    """Whether a limit's share is of the total: the total itself, or eligible costs the plan does not state apart."""
    return base == "total" or (base == "eligible_costs" and plan.eligible_costs is None)
