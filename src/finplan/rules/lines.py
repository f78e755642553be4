"""Lines: amounts with the right sign, ids that name one line each, splits that add up, and what is left unstated."""

from __future__ import annotations

from collections.abc import Iterator

from decimal import Decimal

from finplan.codes.lines import AMOUNT_SIGN, NOT_STATED, REQUIRED_BY_PROFILE, SPLIT, UNIQUE_ID
from finplan.findings import Figure, Path, format_path, shorten, some
from finplan.i18n import N_, Message, join
from finplan.model import CostLine, FinancingLine, Plan
from finplan.money import difference, format_kr, format_percent, format_points, printed_precision
from finplan.profiles import Settings
from finplan.rules.base import Line, Violation, figures, financing_lines, lines_of, rule
from finplan.sides import both_sides_unstated, without_side


@rule(AMOUNT_SIGN)
def amount_sign(plan: Plan, settings: Settings) -> Iterator[Violation]:
    if plan.total <= 0:
        yield Violation(
            ("total",), Message("the total is {total}; expected more than 0 kr", total=format_kr(plan.total, plan.currency)),
            data=figures(plan.currency, found=plan.total),
        )
    for path, line in lines_of(plan, outside=True):
        income = type(line) is CostLine and line.category == "income"
        if (line.amount >= 0) if income else (line.amount <= 0):
            shown = {"id": line.id, "amount": format_kr(line.amount, plan.currency)}
            yield Violation(
                (*path, "amount"),
                Message("`{id}` is {amount}; expected less than 0 kr, as income reduces the costs", **shown)
                if income else Message("`{id}` is {amount}; expected more than 0 kr", **shown),
                data=figures(plan.currency, found=line.amount),
            )
        for year, amount in (line.per_year or {}).items():
            if (amount > 0) if income else (amount < 0):
                shown = {"id": line.id, "amount": format_kr(amount, plan.currency), "year": year}
                yield Violation(
                    (*path, "per_year", year),
                    Message("`{id}` has {amount} in {year}; expected 0 kr or less", **shown)
                    if income else Message("`{id}` has {amount} in {year}; expected 0 kr or more", **shown),
                    data=figures(plan.currency, found=amount),
                )


@rule(UNIQUE_ID)
def unique_id(plan: Plan, settings: Settings) -> Iterator[Violation]:
    first: dict[str, Path] = {}
    for path, line in lines_of(plan, outside=True):
        if line.id in first:
            yield Violation(
                (*path, "id"),
                Message(
                    "the id `{id}` is already used by `{other}`; expected an id of its own",
                    id=line.id, other=format_path(first[line.id]),
                ),
            )
        else:
            first[line.id] = path


@rule(NOT_STATED)
def not_stated(plan: Plan, settings: Settings) -> Iterator[Violation]:
    yield from _no_period(plan, settings)
    yield from _no_sides(plan, settings)
    yield from _sector_de_minimis(plan, settings)


def _no_sides(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """A plan of both sides of a cross-border programme that says of no line which side it is on: its caps
    were measured on the whole plan; and one that says it of some lines but not of all."""
    for profile in settings.profiles:
        if both_sides_unstated(plan, profile):
            index = next(i for i, line in enumerate(plan.financing) if line.scheme in profile.schemes)
            yield Violation(
                ("financing", index, "scheme"),
                Message(
                    "the plan has money of both sides of {profile} ({schemes}) but states no `side:` on its lines, "
                    "so each side's cap was measured on the whole plan, not on its side's costs; expected `side:` "
                    "on the lines where the document shows each side's budget",
                    profile=profile.name, schemes=", ".join(f"`{scheme}`" for scheme in profile.schemes),
                ),
                on_key=True,
            )
        unsided = without_side(plan, profile)
        if unsided:
            yield Violation(
                ("financing", plan.financing.index(unsided[0]), "id"),
                Message(
                    "the plan states `side:` on some lines but not on {lines}, so these count on no side's base "
                    "of {profile}; expected `side:` on every financing line ({schemes})",
                    lines=some([f"`{line.id}`" for line in unsided]), profile=profile.name,
                    schemes=", ".join(f"`{scheme}`" for scheme in profile.schemes),
                ),
            )


def _sector_de_minimis(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """De minimis aid to primary production, which the general regulation FP603 holds does not cover."""
    if not any(profile.has("de_minimis_max") for profile in settings.profiles):
        return
    for index, line in enumerate(plan.financing):
        sector = line.de_minimis.primary_production if line.de_minimis is not None else None
        if sector is not None:
            yield Violation(
                ("financing", index, "de_minimis", "primary_production"),
                Message(
                    "the de minimis aid of `{id}` goes to {sector}, which Reg. (EU) 2023/2831 does not cover "
                    "(art. 1(1)); the sector's own de minimis regulation applies ({regulation}), whose ceilings "
                    "finplan does not check",
                    id=line.id, sector=Message(_SECTORS[sector][0]), regulation=_SECTORS[sector][1],
                ),
            )


_SECTORS = {
    "agriculture": (N_("the primary production of agricultural products"), "Reg. (EU) 1408/2013"),
    "fishery": (N_("fishery and aquaculture"), "Reg. (EU) 717/2014"),
}


def _no_period(plan: Plan, settings: Settings) -> Iterator[Violation]:
    if plan.project.period is not None or any(required[0] == "project.period" for required in _required(settings)):
        return
    needs = {
        N_("the years of their yearly breakdowns (FP202, FP203) for {lines}"): lambda line: line.per_year is not None
        and _own(line, "period") is None,
        N_("their own periods (FP204) for {lines}"): lambda line: _own(line, "period") is not None,
        N_("hours per person and year (FP414) for {lines}"): lambda line: any(
            row.years is None for row in (_own(line, "basis") or ())
        ),
    }
    lines = [line for _, line in lines_of(plan, outside=True)]
    unchecked = {what: [f"`{line.id}`" for line in lines if needs_it(line)] for what, needs_it in needs.items()}
    parts = [Message(what, lines=some(ids)) for what, ids in unchecked.items() if ids]
    if parts:
        yield Violation(
            ("project",),
            Message(
                "the plan states no project period, so these could not be checked against it: {unchecked}; "
                "expected `project.period` where the document states it",
                unchecked=join(parts, "; "),
            ),
            on_key=True,
        )


@rule(REQUIRED_BY_PROFILE)
def required_by_profile(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for key, profile, reason in _required(settings):
        if _stated(plan, key) is None:
            yield Violation(
                tuple(key.split(".")[:-1]),
                Message(
                    "`{key}` is not stated, and the plan's profile requires it: {profile}, {reason}; expected `{key}`",
                    key=key, profile=profile, reason=Message(reason),
                ),
                on_key=True,
            )


@rule(SPLIT)
def split(plan: Plan, settings: Settings) -> Iterator[Violation]:
    tolerance = settings.general("rounding_tolerance")
    kr = lambda amount: format_kr(amount, plan.currency)  # noqa: E731
    for path, line in financing_lines(plan):
        if not line.split:
            continue
        shares = [part.share for part in line.split]
        # Shares printed with decimals hold to half their last one: 33,33 % three times makes 100 %.
        reach = sum((printed_precision(share) for share in shares), Decimal(0))
        if all(share is not None for share in shares) and abs(sum(shares) - 100) > reach:
            total = sum(shares, Decimal(0))
            shown = {"id": line.id, "total": format_percent(total), "points": format_points(total - 100)}
            yield Violation(
                (*path, "split"),
                Message("the split of `{id}` gives shares that sum to {total}; expected 100 %: {points} over", **shown)
                if total > 100
                else Message("the split of `{id}` gives shares that sum to {total}; expected 100 %: {points} short", **shown),
                on_key=True,
                data={"found": Figure(total, "%"), "expected": Figure(Decimal(100), "%"), "difference": Figure(total - 100, "pp")},
            )
            continue
        parts, parts_wrong = [], False
        for number, part in enumerate(line.split):
            computed = line.amount * part.share / 100 if part.share is not None else None
            give = tolerance + abs(line.amount) * printed_precision(part.share) / 100
            if computed is not None and part.amount is not None and abs(part.amount - computed) > give:
                parts_wrong = True
                yield Violation(
                    (*path, "split", number, "amount"),
                    Message(
                        "{payer}'s part of `{id}` is {part}; {share} of {amount} is {computed}: {difference}",
                        payer=shorten(part.payer), id=line.id, part=kr(part.amount), share=format_percent(part.share),
                        amount=kr(line.amount), computed=kr(computed),
                        difference=difference(part.amount, computed, plan.currency),
                    ),
                    data=figures(plan.currency, found=part.amount, expected=computed, difference=part.amount - computed),
                )
            parts.append(part.amount if part.amount is not None else computed)
        found = sum(parts, Decimal(0))
        # A part already reported explains the sum; one finding for one typing error.
        shared = sum((printed_precision(part.share) for part in line.split if part.amount is None), Decimal(0))
        if not parts_wrong and abs(found - line.amount) > tolerance * len(parts) + abs(line.amount) * shared / 100:
            yield Violation(
                (*path, "split"),
                Message(
                    "the parts of `{id}` sum to {found}, the line is {amount}: {difference}",
                    id=line.id, found=kr(found), amount=kr(line.amount),
                    difference=difference(found, line.amount, plan.currency),
                ),
                on_key=True,
                data=figures(plan.currency, found=found, expected=line.amount, difference=found - line.amount),
            )


def _own(line: Line, field: str) -> object:
    """A financing line's `period` or `basis`; None for a cost line, which has neither.

    Not getattr with a default: a missing attribute goes through Pydantic's
    __getattr__, slow enough to count on a plan of many lines.
    """
    return getattr(line, field) if type(line) is FinancingLine else None


def _required(settings: Settings) -> list[tuple[str, str, str]]:
    """Each key the plan's profiles require: the key, the profile's name and why."""
    return [(key, profile.name, reason) for profile in settings.profiles for key, reason in profile.requires]


def _stated(plan: Plan, key: str) -> object:
    value: object = plan
    for part in key.split("."):
        value = getattr(value, part, None)
    return value
