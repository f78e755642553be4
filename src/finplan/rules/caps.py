"""Caps: no scheme pays more of a project than its rules allow."""

from __future__ import annotations

from collections.abc import Iterator

from finplan.codes.funding import (
    FLOOR,
    LIMIT_RESTS_ON_ROUNDING,
    PROFILE_WITHOUT_LINES,
    SCHEME_WITHOUT_PROFILE,
    SETTING_UNUSED,
    SHARE_CAP,
    SHARE_CAP_ROUNDING,
)
from finplan.limits import Measure, measure_limits
from finplan.i18n import Message, Plural
from finplan.model import Plan
from finplan.money import format_kr, format_percent, format_share
from finplan.profiles import PROFILES, Settings
from finplan.findings import Figure
from finplan.rules.base import Violation, figures, rule


@rule(SHARE_CAP)
def share_cap(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for m in _reported(plan, settings):
        if m.is_cap and m.broken:
            yield Violation(m.path, _describe(plan, m, _beyond(plan, m)), data=_data(plan, m))


@rule(SHARE_CAP_ROUNDING)
def share_cap_rounding(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for m in _reported(plan, settings):
        if m.over_by_rounding:
            yield Violation(m.path, _describe(plan, m, _within(plan, m)), data=_data(plan, m))


@rule(FLOOR)
def floor(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for m in _reported(plan, settings):
        if not m.is_cap and m.broken:
            yield Violation(m.path, _describe(plan, m, _beyond(plan, m)), data=_data(plan, m))


@rule(LIMIT_RESTS_ON_ROUNDING)
def limit_rests_on_rounding(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for m in _reported(plan, settings):
        if m.rests_on_rounding:
            yield Violation(m.path, _describe(plan, m, _on_the_rounding(plan, m)), data=_data(plan, m))


def _reported(plan: Plan, settings: Settings) -> Iterator[Measure]:
    """The limits a finding speaks of; those that only the difference FP101 reports breaks are its to name."""
    for m in measure_limits(plan, settings):
        if m.reported and not m.follows_from_total:
            yield m


@rule(SCHEME_WITHOUT_PROFILE)
def scheme_without_profile(plan: Plan, settings: Settings) -> Iterator[Violation]:
    governed = {scheme for profile in settings.profiles for scheme in profile.schemes}
    for index, line in enumerate(plan.financing):
        if line.scheme is not None and line.scheme not in governed:
            fitting = fitting_profiles(plan, line.scheme)
            shown = dict(id=line.id, scheme=line.scheme)
            if fitting:
                message = Message(
                    "`{id}` is `scheme: {scheme}`, but the plan names no profile for it, so its rules do not run; "
                    "expected `profiles:` with {profiles}",
                    profiles=_either(fitting), **shown,
                )
            else:
                period = plan.project.period
                periods = [p.period for p in PROFILES.values() if line.scheme in p.schemes and p.period is not None]
                message = Message(
                    "`{id}` is `scheme: {scheme}`, but the plan names no profile for it, so its rules do not run; "
                    "no profile of finplan's for it has a programme period that holds the project's, {start} to "
                    "{end}: their periods lie between {first} and {last}",
                    start=period.start, end=period.end, first=min(start for start, _ in periods),
                    last=max(end for _, end in periods), **shown,
                )
            yield Violation(("financing", index, "scheme"), message)


def fitting_profiles(plan: Plan, scheme: str) -> list[str]:
    """The profiles governing `scheme` whose programme period holds the plan's (a profile without one, such
    as the 1:1 appropriation's, holds every period); all of them where the plan states no period, none where
    no programme period holds it."""
    governing = [p for p in PROFILES.values() if scheme in p.schemes]
    period = plan.project.period
    if period is None:
        return [p.name for p in governing]
    fitting = [p for p in governing if p.period is None or p.period[0] <= period.start and period.end <= p.period[1]]
    # A profile whose programme fixes a currency fits only plans in it: a plan in euro is no Swedish Leader plan.
    fitting = [p for p in fitting if p.currency in (None, plan.currency)] or fitting
    return [p.name for p in fitting]


@rule(PROFILE_WITHOUT_LINES)
def profile_without_lines(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for position, profile in enumerate(settings.profiles):
        if not any(line.scheme in profile.schemes for line in plan.financing):
            yield Violation(
                ("profiles", position),
                Message(
                    "the profile {profile} is named but no financing line has {schemes}; "
                    "expected the scheme on the lines it governs",
                    profile=profile.name, schemes=_either([f"`scheme: {scheme}`" for scheme in profile.schemes]),
                ),
            )


@rule(SETTING_UNUSED)
def setting_unused(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for key in settings.unused_overrides():
        yield Violation(
            ("settings", key),
            Message(
                "the setting {key} changes nothing: the plan does not name the profile {profile}",
                key=key, profile=key.split(".")[0],
            ),
            on_key=True,
        )


def _either(names: list[str]) -> str:
    """`a or b or c`: names as written, each `or` a word of the reader's language."""
    either = names[-1]
    for name in reversed(names[:-1]):
        either = Message("{name} or {rest}", name=name, rest=either)
    return either


def _data(plan: Plan, m: Measure) -> dict[str, Figure]:
    data = figures(plan.currency, found=m.amount, expected=m.limit, difference=m.excess, tolerance=m.tolerance)
    if m.share is not None:
        data.update(figures(plan.currency, base=m.base))
        data["limit"] = Figure(m.share, "%")
        if m.base:
            data["share"] = Figure(m.amount * 100 / m.base, "%")
    return data


def _describe(plan: Plan, m: Measure, outcome: Message) -> Message:
    """`x` is 600 kr, 60 % of the total 1 000 kr; the cap of anslag_1_1 is 50 %, 500 kr: 100 kr over, ..."""
    kr = lambda amount: format_kr(amount, plan.currency)  # noqa: E731
    ids = ", ".join(f"`{line.id}`" for _, line in m.lines)
    if m.share is None:
        found = Plural("{ids} is {amount}", "{ids} are {amount}", n=len(m.lines), ids=ids, amount=kr(m.amount))
        limit = kr(m.limit)
    else:
        found = Plural(
            "{ids} is {amount}, {share} of {base} {base_amount}", "{ids} are {amount}, {share} of {base} {base_amount}",
            n=len(m.lines), ids=ids, amount=kr(m.amount), share=format_share(m.amount, m.base), base=m.base_text(),
            base_amount=kr(m.base),
        )
        # A share printed with decimals is shown with them: its precision is part of what it says.
        limit = f"{format_percent(m.share, as_written=bool(m.share_slack))}, {kr(m.limit)}"
    if m.origin == "plan":
        whose = Message("its cap is {limit}", limit=limit) if m.is_cap else Message("its floor is {limit}", limit=limit)
    elif m.is_cap and m.version:
        whose = Message("the cap of {title} ({version}) is {limit}", title=m.title, version=Message(m.version), limit=limit)
    elif m.is_cap:
        whose = Message("the cap of {title} is {limit}", title=m.title, limit=limit)
    else:
        whose = Message("the floor of {title} is {limit}", title=m.title, limit=limit)
    return Message("{found}; {limit}: {outcome}", found=found, limit=whose, outcome=outcome)


# How far past its limit a measure goes, in whole sentences: over a cap, short of a floor.


def _beyond(plan: Plan, m: Measure) -> Message:
    shown = dict(excess=format_kr(m.excess, plan.currency), tolerance=format_kr(m.tolerance, plan.currency))
    if m.is_cap:
        return Message("{excess} over, beyond the rounding tolerance of {tolerance}", **shown)
    return Message("{excess} short, beyond the rounding tolerance of {tolerance}", **shown)


def _within(plan: Plan, m: Measure) -> Message:
    """Over a cap by rounding alone (a floor missed by rounding is not reported)."""
    return Message(
        "{excess} over, within the rounding tolerance of {tolerance}",
        excess=format_kr(m.excess, plan.currency), tolerance=format_kr(m.tolerance, plan.currency),
    )


def _on_the_rounding(plan: Plan, m: Measure) -> Message:
    """How far the figures must move for the limit to hold (the whole excess), beside how far the rounding reaches."""
    excess, reach = format_kr(m.excess, plan.currency), format_kr(m.excess - m.excess_at_best, plan.currency)
    if m.is_cap:
        return Message(
            "{excess} over on the exact reading, but within the precision of figures printed rounded; "
            "the limit holds only if the real figures lie at least {excess} in its favour, of the {reach} "
            "the rounding leaves open",
            excess=excess, reach=reach,
        )
    return Message(
        "{excess} short on the exact reading, but within the precision of figures printed rounded; "
        "the limit holds only if the real figures lie at least {excess} in its favour, of the {reach} "
        "the rounding leaves open",
        excess=excess, reach=reach,
    )
