"""Caps and floors: how much (or how little) of a project some lines may pay, measured exactly.

A limit comes from a profile (the 1:1 grant at most 50 % of the total, per
decision-maker; Leader support at least 40 % of the eligible costs), its
numbers and base the profile's settings, or from a line's own `limits:` (a decision's "73,37 % of the
eligible costs, at most 1 210 517 kronor"). Each is measured against its base:
the total, the eligible costs, the public or the cash financing, or the
co-financing. Both the rules (FP501, FP502, FP506, FP507) and the report use
these measurements, so the figure a finding names and the figure the report
prints are the same.

Figures printed rounded (`rounded_to`, `total_rounded_to`) are read as
intervals, and so is a share a line's limit prints with decimals: "39,99 %" is
39,985 % to 39,995 %. A limit that only the exact reading breaks, but some
reading within the printed precision keeps, rests on the rounding (FP507), and
is not a breach.

A limit measured against a declared total that the financing lines do not sum
to (FP101) may break only because of that difference: where the same limit,
measured with the sum of the lines as the total, gives no finding, the limit's
finding `follows_from_total` and FP101 names it instead (one cause, one finding).

A plan that leaves amounts unstated (`project.document`) has measured only the
limits whose lines and base it states; a total it does not state is the one its
printed shares give, as a figure with their precision as its slack.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from finplan.findings import shorten
from finplan.i18n import N_, Message, join
from finplan.model import FinancingLine, Limit, Plan
from finplan.money import half, printed_precision
from finplan.profiles import EU_STRUCTURAL_FUNDS, Profile, ProfileLimit, Settings
from finplan.sides import measured_by_side, side_lines, side_total
from finplan.known import all_stated, costs_stated, limits_measurable, total_range
from finplan.totals import financing_gap, slack_of, total_of

ZERO = Decimal(0)
NATIONAL_AGENCY = "tillväxtverket"
"""The decision-maker with whom another may together fund up to 100 % (Förordning 2003:596, 5 §)."""

# English in findings' messages; marked, so the report can show them in the reader's language.
BASE_NAMES = {
    "total": N_("the total"),
    "eligible_costs": N_("the eligible costs"),
    "public": N_("the public financing"),
    "cash": N_("the cash financing"),
    "co_financing": N_("the co-financing"),
}
LESS_IN_KIND = N_(" less in kind")
BY_SHARES = N_(" the printed shares give, about")
ON_SIDE = N_(" of the `{side}` side")


@dataclass(frozen=True, slots=True)
class Measure:
    """One cap or floor on some lines, against the plan's figures.

    `share` is a percentage of `base` (named `base_name`), or None for a limit
    in money (`fixed`). `slack`, `base_slack` and `share_slack` are how far the
    amount, the base and the share may lie from what is written, half the unit
    of each rounded figure (of a share's last decimal).
    """

    origin: str  # a profile's name, or "plan" for a line's own limits
    title: str  # what the limit is, for the report: "anslag_1_1", "anslag_1_1 (Tillväxtverket)", Message("the plan")
    is_cap: bool
    lines: tuple[tuple[int, FinancingLine], ...]
    amount: Decimal
    tolerance: Decimal
    path: tuple
    share: Decimal | None = None
    base_name: str | None = None
    base: Decimal = ZERO
    fixed: Decimal | None = None
    slack: Decimal = ZERO
    base_slack: Decimal = ZERO
    base_note: str = ""
    side: str = ""  # the side of a cross-border programme the base is, where measured by side (finplan.sides)
    version: str = ""  # the text's version in force on the plan's date, where the law changed the number
    share_slack: Decimal = ZERO
    follows_from_total: bool = False  # reported only against a declared total the lines do not sum to (FP101)
    by_shares: bool = False  # the base is a total the plan does not state, but its printed shares give

    @property
    def limit(self) -> Decimal:
        """The cap or floor in money."""
        return self.fixed if self.share is None else self.base * self.share / 100

    @property
    def excess(self) -> Decimal:
        """How far the amount goes past the limit (over a cap, under a floor); 0 or less when within."""
        return self.amount - self.limit if self.is_cap else self.limit - self.amount

    @property
    def excess_at_best(self) -> Decimal:
        """The excess on the most favourable reading of the rounded figures: a cap's share and base at the
        top of their intervals, a floor's at the bottom."""
        if self.share is None:
            return self.excess - self.slack
        sign = 1 if self.is_cap else -1
        best = (self.share + sign * self.share_slack) * (self.base + sign * self.base_slack) / 100
        return self.excess - self.slack - sign * (best - self.limit)

    @property
    def rests_on_rounding(self) -> bool:
        """Whether the exact reading breaks the limit but a reading within the printed precision does not.

        A cap over by no more than the tolerance rests on the rounding too where the printed
        precision alone covers the excess: a grant 0,04 kr over 39,99 % is within what 39,99 % means.
        """
        if self.excess > self.tolerance >= self.excess_at_best:
            return True
        return self.is_cap and 0 < self.excess <= self.tolerance and self.excess_at_best <= 0

    @property
    def over_by_rounding(self) -> bool:
        """Whether a cap is over by no more than the tolerance, and not within the printed precision (FP502)."""
        return self.is_cap and 0 < self.excess <= self.tolerance and self.excess_at_best > 0

    @property
    def broken(self) -> bool:
        return self.excess_at_best > self.tolerance

    @property
    def reported(self) -> bool:
        """Whether a finding speaks of the limit: broken (FP501, FP506), over by rounding (FP502) or
        resting on it (FP507)."""
        return self.broken or self.over_by_rounding or self.rests_on_rounding

    def base_text(self) -> str:
        """What the limit is a share of, `the total less in kind`: a Message, shown in the reader's language."""
        if not self.base_name:
            return ""
        note = [Message(self.base_note)] if self.base_note else []
        side = [Message(ON_SIDE, side=self.side)] if self.side else []
        shares = [Message(BY_SHARES)] if self.by_shares else []
        return join([Message(BASE_NAMES[self.base_name]), *side, *note, *shares], "")


_MEASURED: list[tuple[Plan, Settings, tuple[Measure, ...], int]] = []


def measure_limits(plan: Plan, settings: Settings) -> tuple[Measure, ...]:
    """Every cap and floor of the plan: its profiles', then its lines' own, in plan order.

    Four rules, the report and a diff each ask for the same plan's limits, so
    the last two plans' are kept and handed out again: plans are frozen models
    and settings are never changed once made, so the same objects measure the same.
    Where the plan leaves amounts unstated, only the limits whose lines and base
    it states are measured (`unmeasured` counts the others, FP303 says so).
    """
    return _measured(plan, settings)[0]


def unmeasured(plan: Plan, settings: Settings) -> int:
    """How many of the plan's caps and floors are not measured, as a line or base of theirs is unstated."""
    return _measured(plan, settings)[1]


def _measured(plan: Plan, settings: Settings) -> tuple[tuple[Measure, ...], int]:
    for measured, by, measures, left in _MEASURED:
        if measured is plan and by is settings:
            return measures, left
    if not limits_measurable(plan):
        every = _measure_all(_with_known_total(plan), settings)
        shares = plan.total is None
        measures = tuple(
            replace(m, by_shares=shares and _on_total(plan, m)) for m in every if _stated(plan, m)
        )
        _MEASURED.insert(0, (plan, settings, measures, len(every) - len(measures)))
        del _MEASURED[2:]
        return measures, len(every) - len(measures)
    measures = _measure_all(plan, settings)
    if financing_gap(plan):
        # Measured again with the sum of the lines as the total: what holds there follows from FP101 alone.
        on_sum = _measure_all(plan.model_copy(update={"total": total_of(plan.financing)}), settings)
        measures = [
            replace(m, follows_from_total=True) if m.reported and not again.reported else m
            for m, again in zip(measures, on_sum, strict=True)
        ]
    measures = tuple(measures)
    _MEASURED.insert(0, (plan, settings, measures, 0))
    del _MEASURED[2:]
    return measures, 0


def _with_known_total(plan: Plan) -> Plan:
    """The plan with the total it states, or else the one its printed shares give, as a figure with its reach
    (the middle of the range, rounded to its width); with 0 where neither is known, which no measure kept uses."""
    if plan.total is not None:
        return plan
    reach = total_range(plan)
    if reach is None:
        return plan.model_copy(update={"total": ZERO})
    return plan.model_copy(update={"total": (reach.low + reach.high) / 2, "total_rounded_to": (reach.high - reach.low) or None})


def _stated(plan: Plan, m: Measure) -> bool:
    """Whether every amount a measure rests on is known: its lines', and its base's (the total, stated or given
    by a printed share; the lines a financing base sums; a side's lines and costs)."""
    if any(line.amount is None for _, line in m.lines):
        return False
    if m.share is None:
        return True
    if m.side:
        return all_stated(plan) and costs_stated(plan)
    if m.base_name in ("public", "cash"):
        return all(line.amount is not None for line in plan.financing
                   if (line.sector if m.base_name == "public" else line.form) == m.base_name)
    if m.base_name == "eligible_costs" and plan.eligible_costs is not None:
        return True
    in_kind = (line for line in plan.financing if line.form == "in_kind") if m.base_note == LESS_IN_KIND else ()
    return total_range(plan) is not None and all(line.amount is not None for line in in_kind)


def _on_total(plan: Plan, m: Measure) -> bool:
    """Whether a measure's base is taken from the plan's total (the total, the co-financing, or eligible costs
    it does not state apart)."""
    if m.share is None or m.side or m.base_name in ("public", "cash"):
        return False
    return m.base_name != "eligible_costs" or plan.eligible_costs is None


def _measure_all(plan: Plan, settings: Settings) -> list[Measure]:
    measures: list[Measure] = []
    for profile in settings.profiles:
        measures += _profile_caps(plan, settings, profile)
    tolerance = settings.general("rounding_tolerance")
    bases: dict[str, tuple[Decimal, Decimal]] = {}  # the public and the cash financing, summed once
    for index, line in enumerate(plan.financing):
        for number, limit in enumerate(line.limits or ()):
            measures.append(_line_limit(plan, index, line, number, limit, tolerance, bases))
    return measures


def _profile_caps(plan: Plan, settings: Settings, profile: Profile) -> list[Measure]:
    """Every cap and floor a profile sets on the plan's lines."""
    measures: list[Measure] = []
    for limit in profile.limits:
        if limit.when is not None and not settings.value(profile, limit.when):
            continue
        measures += _profile_limit(plan, settings, profile, limit)
    return measures


def _profile_limit(plan: Plan, settings: Settings, profile: Profile, limit: ProfileLimit) -> list[Measure]:
    """One of a profile's limits on its lines: per decision-maker where the profile says so."""
    scheme = limit.scheme or profile.scheme
    name = limit.setting
    if limit.co_financed is not None and settings.value(profile, limit.co_financed) is not None and any(
        line.scheme in EU_STRUCTURAL_FUNDS for line in plan.financing
    ):
        name = limit.co_financed
    if scheme == "public":
        lines = tuple((i, line) for i, line in enumerate(plan.financing) if line.sector == "public")
    else:
        lines = tuple((i, line) for i, line in enumerate(plan.financing) if line.scheme == scheme)
    setting = next(s for s in profile.settings if s.name == name)
    value = settings.value(profile, name)
    version = settings.version(profile, name)
    if not lines or value is None:
        return []
    if limit.raised_when is not None and settings.value(profile, limit.raised_when):
        value += settings.value(profile, limit.raised_by)  # CPR 112(5): CLLD raises the rate by points
    title = profile.name if limit.setting == "max_share" else f"{profile.name}.{limit.setting}"
    tolerance = settings.value(profile, "rounding_tolerance")
    if setting.kind != "percent":
        fixed = settings.in_currency(value, plan.currency) if setting.kind == "eur" else value
        if fixed is None or (not limit.is_cap and fixed == 0):
            return []  # no rate to the plan's currency, or a floor of nothing
        return [_measure(origin=profile.name, title=title, is_cap=limit.is_cap, tolerance=tolerance, fixed=fixed,
                         lines=list(lines))]
    base_name = settings.value(profile, limit.base_setting) if limit.base_setting else limit.base
    base_note = ""
    in_kind_out = profile.has("in_kind_in_base") and not settings.value(profile, "in_kind_in_base")
    side = scheme if measured_by_side(plan, profile, scheme) else ""
    if side:
        base, base_slack = _side_base(plan, profile, side, base_name, [line for _, line in lines], in_kind_out)
        base_note = LESS_IN_KIND if base_name == "total" and in_kind_out else ""
    elif base_name == "total" and in_kind_out:
        in_kind = [line for line in plan.financing if line.form == "in_kind"]
        base = plan.total - total_of(in_kind)
        base_slack = half(plan.total_rounded_to) + slack_of(in_kind)
        base_note = LESS_IN_KIND
    else:
        base, base_slack = base_of(plan, base_name, [line for _, line in lines])
    common = dict(
        origin=profile.name, is_cap=limit.is_cap, tolerance=tolerance,
        share=value, base_name=base_name, base=base, base_slack=base_slack, base_note=base_note, side=side,
        version=version.source if version is not None else "",
    )
    groups = _by_decision_maker(lines) if profile.per_decision_maker else {None: list(lines)}
    measures = [
        _measure(title=title if maker is None else f"{title} ({maker})", lines=group, **common)
        for maker, group in groups.items()
    ]
    if len(groups) > 1:
        # 5 §: together up to 100 % where Tillväxtverket is one of them; else the single cap holds for all.
        joint = any(maker is not None and maker.casefold() == NATIONAL_AGENCY for maker in groups)
        together = {**common, "share": settings.value(profile, "joint_max_share") if joint else common["share"]}
        everyone = Message("{title} (all decision-makers)", title=title)
        measures.append(_measure(title=everyone, lines=list(lines), **together))
    return measures


def _by_decision_maker(lines: Iterable[tuple[int, FinancingLine]]) -> dict[str | None, list]:
    """The lines by decision-maker, named as first written: `Tillväxtverket` and `tillväxtverket` are one."""
    groups: dict[str | None, list] = {}
    spelled: dict[str, str] = {}  # casefolded name -> the spelling first met
    for item in lines:
        maker = item[1].decided_by
        key = maker if maker is None else spelled.setdefault(maker.casefold(), maker)
        groups.setdefault(key, []).append(item)
    return groups


def _measure(*, lines, **fields) -> Measure:
    index, _ = lines[0]
    return Measure(
        lines=tuple(lines), amount=total_of(line for _, line in lines), slack=slack_of(line for _, line in lines),
        path=("financing", index, "amount"), **fields,
    )


def _line_limit(
    plan: Plan, index: int, line: FinancingLine, number: int, limit: Limit, tolerance: Decimal,
    bases: dict[str, tuple[Decimal, Decimal]],
) -> Measure:
    base_name = limit.base
    if base_name in ("public", "cash"):  # the same for every line: not summed again for each
        if base_name not in bases:
            bases[base_name] = base_of(plan, base_name, [line])
        base, base_slack = bases[base_name]
    else:
        base, base_slack = base_of(plan, base_name, [line]) if base_name else (ZERO, ZERO)
    return Measure(
        origin="plan", title=shorten(limit.source) if limit.source else Message("the plan"), is_cap=limit.is_cap, lines=((index, line),), amount=line.amount,
        tolerance=tolerance, path=("financing", index, "limits", number), share=limit.share, base_name=base_name,
        base=base, fixed=limit.amount, slack=half(line.rounded_to), base_slack=base_slack,
        share_slack=printed_precision(limit.share),
    )


def _side_base(
    plan: Plan, profile: Profile, side: str, name: str, limited: list[FinancingLine], in_kind_out: bool,
) -> tuple[Decimal, Decimal]:
    """A named base on one side of a cross-border programme, and its slack: the side's costs (less its in
    kind where in kind is out of the base), or its public or cash financing."""
    lines = side_lines(plan, profile, side)
    slack = slack_of(lines)
    if name in ("public", "cash"):
        chosen = [line for line in lines if (line.sector if name == "public" else line.form) == name]
        return total_of(chosen), slack_of(chosen)
    total = side_total(plan, profile, side)
    if name == "co_financing":
        return total - total_of(limited), slack
    if in_kind_out and name == "total":
        return total - total_of(line for line in lines if line.form == "in_kind"), slack
    return total, slack


def base_of(plan: Plan, name: str, limited: list[FinancingLine]) -> tuple[Decimal, Decimal]:
    """A named base's amount in the plan, and its slack from rounded figures.

    The eligible costs are the plan's `eligible_costs` where it states them, else
    its total; the co-financing is the financing besides the `limited` lines.
    """
    total, total_slack = plan.total, half(plan.total_rounded_to)
    if name == "total":
        return total, total_slack
    if name == "eligible_costs":
        return (plan.eligible_costs, ZERO) if plan.eligible_costs is not None else (total, total_slack)
    if name == "co_financing":
        return total - total_of(limited), total_slack + slack_of(limited)
    chosen = [line for line in plan.financing if (line.sector if name == "public" else line.form) == name]
    return total_of(chosen), slack_of(chosen)

