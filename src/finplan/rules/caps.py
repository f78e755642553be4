"""Caps: no scheme pays more of a project than its rules allow."""

from __future__ import annotations

from collections.abc import Iterator

from finplan.limits import CapMeasure, measure_caps
from finplan.findings import Severity
from finplan.model import Plan
from finplan.money import format_kr, format_percent, format_share
from finplan.profiles import PROFILES, Settings
from finplan.findings import Figure
from finplan.rules.base import Violation, figures, rule

_SOURCES = (
    "Förordning (2003:596) 5 §; Regionalfondsprogram Mellersta Norrland 2014–2020 and 2021–2027 "
    "(eufonder.se)"
)

_PROFILES = "finplan's rule profiles (docs/rules.md): a profile governs the lines of its scheme"



@rule("FP501", "share-cap", Severity.ERROR, profiles=tuple(PROFILES), source=_SOURCES)
def share_cap(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """A scheme's financing stays within its share cap of the project's total.

    Why: the 1:1 grant may cover at most 50 % of a project's expenditure
    (Förordning 2003:596, 5 §); ERDF support in Mellersta Norrland at most
    50 % in 2014–2020 and 40 % in 2021–2027. A scheme's lines are the financing
    lines with its `scheme:`; the base is the total, less in-kind financing
    when `in_kind_in_base` is false. An excess within `rounding_tolerance` is
    FP502, a warning; beyond it, this error.

    Fails: `total: 1000` and a `scheme: anslag_1_1` line of 600 under `anslag_1_1`.
    Passes: the same line of 500.
    """
    for measure in measure_caps(plan, settings):
        if measure.excess > measure.tolerance:
            yield Violation(_place(measure), _describe(plan, measure, "beyond the rounding tolerance of "), data=_data(plan, measure))


@rule("FP502", "share-cap-rounding", Severity.WARNING, profiles=tuple(PROFILES), source=_SOURCES)
def share_cap_rounding(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """A scheme's financing is over its cap by no more than rounding.

    Why: half of an odd total is not a whole krona, so a grant of exactly half
    rounded to whole kronor is 0,50 kr over the cap. That is rounding, not a
    breach, but it is said rather than passed over, with the excess named.

    Fails (is reported): `total: 38566657` with a 1:1 line of 19283329, 0,50 kr
    over half.
    Passes: a 1:1 line of 19283328.
    """
    for measure in measure_caps(plan, settings):
        if 0 < measure.excess <= measure.tolerance:
            yield Violation(_place(measure), _describe(plan, measure, "within the rounding tolerance of "), data=_data(plan, measure))


@rule("FP503", "scheme-without-profile", Severity.WARNING, source=_PROFILES)
def scheme_without_profile(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """A line's scheme is governed by a profile the plan names.

    Why: `scheme: erdf` says the money is ERDF support, but only a named
    profile (`erdf_2014_2020` or `erdf_2021_2027`) switches on the ERDF rules;
    without one, the cap is not checked, and the report says so.

    Fails: a `scheme: anslag_1_1` line in a plan without `profiles: [anslag_1_1]`.
    Passes: the same plan with `profiles: [anslag_1_1]`.
    """
    governed = {profile.scheme for profile in settings.profiles}
    for index, line in enumerate(plan.financing):
        if line.scheme is not None and line.scheme not in governed:
            names = " or ".join(name for name, p in PROFILES.items() if p.scheme == line.scheme)
            yield Violation(
                ("financing", index, "scheme"),
                f"`{line.id}` is `scheme: {line.scheme}`, but the plan names no profile for it, so its "
                f"rules do not run; expected `profiles:` with {names}",
            )


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
        if not any(line.scheme == profile.scheme for line in plan.financing):
            yield Violation(
                ("profiles", position),
                f"the profile {profile.name} is named but no financing line has `scheme: {profile.scheme}`; "
                "expected the scheme on the lines it governs",
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
            f"the setting {key} changes nothing: the plan does not name the profile {key.split('.')[0]}",
            on_key=True,
        )


def _place(measure: CapMeasure) -> tuple:
    index, _ = measure.lines[0]
    return ("financing", index, "amount")


def _data(plan: Plan, m: CapMeasure) -> dict[str, Figure]:
    return {
        **figures(plan.currency, found=m.amount, expected=m.cap, difference=m.excess, base=m.base, tolerance=m.tolerance),
        "share": Figure(m.amount * 100 / m.base, "%"),
        "limit": Figure(m.max_share, "%"),
    }


def _describe(plan: Plan, measure: CapMeasure, within: str) -> str:
    ids = ", ".join(f"`{line.id}`" for _, line in measure.lines)
    base = "" if measure.in_kind_in_base else " (in kind left out)"
    return (
        f"{ids} is {format_kr(measure.amount, plan.currency)}, {format_share(measure.amount, measure.base)} "
        f"of {format_kr(measure.base, plan.currency)}{base}; the cap of {measure.profile.name} is "
        f"{format_percent(measure.max_share)}, {format_kr(measure.cap, plan.currency)}: "
        f"{format_kr(measure.excess, plan.currency)} over, {within}{format_kr(measure.tolerance, plan.currency)}"
    )

