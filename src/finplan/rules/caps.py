"""Caps: no scheme pays more of a project than its rules allow."""

from __future__ import annotations

from collections.abc import Iterator

from finplan.limits import Measure, measure_limits
from finplan.findings import Severity
from finplan.i18n import Message, Plural
from finplan.model import Plan
from finplan.money import format_kr, format_percent, format_share
from finplan.profiles import PROFILES, Settings
from finplan.findings import Figure
from finplan.rules.base import Violation, figures, rule

_SOURCES = (
    "Förordning (2003:596) 5 § (SFS 2009:674); Förordning (EU) 2021/1060 art. 112; the regional ERDF "
    "programmes, Leader and Interreg, as each profile's settings cite them (docs/programme-sources.md); "
    "a decision's own limits, as it prints them"
)

_PROFILES = "finplan's rule profiles (docs/rules.md): a profile governs the lines of its scheme"


@rule("FP501", "share-cap", Severity.ERROR, source=_SOURCES)
def share_cap(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """Financing stays within its caps: a share of a named base, or an amount.

    Why: the 1:1 grant may cover at most 50 % of a project's expenditure per
    decision-maker, and grants of several decision-makers together at most
    100 % where Tillväxtverket is one of them (Förordning 2003:596, 5 §); ERDF
    support at most its regional programme's rate (Mellersta Norrland 50 % in
    2014–2020 and 40 % in 2021–2027); Leader support at most 100 % of the
    eligible costs (70 % for commercial benefit, 200 000 kr for single
    companies); Interreg money at most its programme's share, Norwegian
    Interreg funds at most 50 %. A decision prints its own caps on other bases ("73,37 % of the
    eligible costs, at most 1 210 517 kronor; of the public financing the EU's
    share at most 50 %"), which a line states under `limits:`. An excess within
    `rounding_tolerance` is FP502, a warning; one that only the exact reading
    of a figure printed rounded gives is FP507, a note; beyond them, this error.

    Fails: `total: 1000` and a `scheme: anslag_1_1` line of 600 under `anslag_1_1`.
    Passes: the same line of 500.
    """
    for m in measure_limits(plan, settings):
        if m.is_cap and m.broken:
            yield Violation(m.path, _describe(plan, m, _beyond(plan, m)), data=_data(plan, m))


@rule("FP502", "share-cap-rounding", Severity.WARNING, source=_SOURCES)
def share_cap_rounding(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """Financing is over its cap by no more than rounding.

    Why: half of an odd total is not a whole krona, so a grant of exactly half
    rounded to whole kronor is 0,50 kr over the cap. That is rounding, not a
    breach, but it is said rather than passed over, with the excess named.

    Fails (is reported): `total: 38566657` with a 1:1 line of 19283329, 0,50 kr
    over half.
    Passes: a 1:1 line of 19283328.
    """
    for m in measure_limits(plan, settings):
        if m.is_cap and 0 < m.excess <= m.tolerance:
            yield Violation(m.path, _describe(plan, m, _within(plan, m)), data=_data(plan, m))


@rule(
    "FP506", "floor", Severity.ERROR,
    source="a decision's or a programme's minimum, as a line states it under `limits:`; the Leader profiles' "
    "floors (docs/programme-sources.md §5.1, §5.2)",
)
def floor(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """Financing reaches its floors: a share of a named base, or an amount.

    Why: some support has a minimum as well as a maximum: Leader support is at
    least 40 % of the eligible costs, and some programmes pay no support below
    a minimum amount (Leader in Sweden 2014–2020: 22 000 kr). A line below its
    floor, its own or its profile's, is support that cannot be paid as planned.
    A shortfall within `rounding_tolerance` is not reported.

    Fails: a line of 300 with `limits: [{min: 40 %, of: eligible_costs}]` and `eligible_costs: 1000`.
    Passes: the same line of 400.
    """
    for m in measure_limits(plan, settings):
        if not m.is_cap and m.broken:
            yield Violation(m.path, _describe(plan, m, _beyond(plan, m)), data=_data(plan, m))


@rule("FP507", "limit-rests-on-rounding", Severity.INFO, source="finplan's own: a figure printed rounded is read within its precision")
def limit_rests_on_rounding(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """Says when a cap or floor holds only within the precision of a figure printed rounded.

    Why: a decision that prints its total as "36 miljoner kronor" states it to
    the nearest million; a cap that only the exact reading of 36 000 000 would
    break may well hold for the real total. finplan does not fail the plan on a
    figure it cannot know, and says the result rests on the rounding.

    Fails (is reported): `total: 36000000` with `total_rounded_to: 1000000` and a
    1:1 line of 18 200 000 under `anslag_1_1`.
    Passes: the same with a 1:1 line of 18 000 000.
    """
    for m in measure_limits(plan, settings):
        if m.rests_on_rounding:
            yield Violation(m.path, _describe(plan, m, _on_the_rounding(plan, m)), data=_data(plan, m))


@rule("FP503", "scheme-without-profile", Severity.WARNING, source=_PROFILES)
def scheme_without_profile(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """A line's scheme is governed by a profile the plan names.

    Why: `scheme: erdf` says the money is ERDF support, but only a named
    profile (`erdf_2014_2020` or `erdf_2021_2027`) switches on the ERDF rules;
    without one, the cap is not checked, and the report says so. The hint
    names the profiles of the scheme whose programme period holds the plan's
    (and, for Leader, whose country fits the plan's currency).

    Fails: a `scheme: anslag_1_1` line in a plan without `profiles: [anslag_1_1]`.
    Passes: the same plan with `profiles: [anslag_1_1]`.
    """
    governed = {scheme for profile in settings.profiles for scheme in profile.schemes}
    for index, line in enumerate(plan.financing):
        if line.scheme is not None and line.scheme not in governed:
            yield Violation(
                ("financing", index, "scheme"),
                Message(
                    "`{id}` is `scheme: {scheme}`, but the plan names no profile for it, so its rules do not run; "
                    "expected `profiles:` with {profiles}",
                    id=line.id, scheme=line.scheme, profiles=_either(fitting_profiles(plan, line.scheme)),
                ),
            )


def fitting_profiles(plan: Plan, scheme: str) -> list[str]:
    """The profiles governing `scheme` whose programme period holds the plan's; all of them where none does."""
    governing = [p for p in PROFILES.values() if scheme in p.schemes]
    period = plan.project.period
    fitting = [
        p for p in governing
        if period is not None and p.period is not None and p.period[0] <= period.start and period.end <= p.period[1]
    ]
    if plan.currency != "SEK":
        # A plan in euro is no Swedish Leader plan; one in kronor no Finnish or Åland one.
        fitting = [p for p in fitting if not p.name.startswith("leader_se")] or fitting
    else:
        fitting = [p for p in fitting if not p.name.startswith(("leader_fi", "leader_ax"))] or fitting
    return [p.name for p in fitting or governing]


@rule("FP504", "profile-without-lines", Severity.WARNING, profiles=tuple(PROFILES), source=_PROFILES)
def profile_without_lines(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """A named profile finds financing lines of its scheme.

    Why: a profile's cap applies to the lines marked with its scheme; a plan
    that names `anslag_1_1` but marks no line `scheme: anslag_1_1` is checked
    against nothing, which would pass in silence.

    Fails: `profiles: [anslag_1_1]` and no line with `scheme: anslag_1_1`.
    Passes: the 1:1 line marked `scheme: anslag_1_1`.
    """
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


@rule("FP505", "setting-unused", Severity.WARNING, source=_PROFILES)
def setting_unused(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """A setting overrides a number of a profile the plan names.

    Why: `erdf_2021_2027.max_share` changes nothing in a plan that does not
    name `erdf_2021_2027`; a reader would think it does.

    Fails: `settings: {erdf_2021_2027.max_share: 50 %}` with `profiles: [anslag_1_1]`.
    Passes: the same setting with `profiles: [erdf_2021_2027]`.
    """
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
        limit = f"{format_percent(m.share)}, {kr(m.limit)}"
    if m.origin == "plan":
        whose = Message("its cap is {limit}", limit=limit) if m.is_cap else Message("its floor is {limit}", limit=limit)
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
    excess, favour = format_kr(m.excess, plan.currency), format_kr(m.excess - m.excess_at_best, plan.currency)
    if m.is_cap:
        return Message(
            "{excess} over on the exact reading, but within the precision of figures printed rounded; "
            "the limit holds if the real figures lie {favour} or more in its favour",
            excess=excess, favour=favour,
        )
    return Message(
        "{excess} short on the exact reading, but within the precision of figures printed rounded; "
        "the limit holds if the real figures lie {favour} or more in its favour",
        excess=excess, favour=favour,
    )
