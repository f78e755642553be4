"""Programme rules: the EU regulations behind ERDF, Interreg and Leader money, and the programmes' own.

Each rule runs only under the profiles whose settings it reads, so a rule
never speaks where its source does not apply. The facts and their quotes are in
docs/programme-sources.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from finplan.codes.programmes import (
    DE_MINIMIS,
    FUND_SHARES,
    IN_KIND_CEILING,
    IN_KIND_CO_FINANCING,
    PROGRAMME_PERIOD,
    REMAINING_FLAT_RATE_STAFF_SHARE,
    SIMPLIFIED_COSTS,
    STAFF_FLAT_RATE_PROCUREMENT,
    VOLUNTEER_RATE,
    VOLUNTEER_WORK_NOT_ACCEPTED,
)
from finplan.findings import Figure, shorten
from finplan.i18n import N_, Message
from finplan.model import FinancingLine, Plan
from finplan.money import difference, format_kr, format_percent, format_share
from finplan.profiles import Profile, Settings
from finplan.rules.base import Violation, figures, financing_lines, rule
from finplan.rules.flat_rates import CATEGORIES, real_cost_lines
from finplan.totals import total_of

_DE_MINIMIS_2024 = date(2024, 1, 1)


def _first(settings: Settings, name: str) -> Profile | None:
    return next((profile for profile in settings.profiles if profile.has(name)), None)


def _has_eu_money(plan: Plan, settings: Settings) -> bool:
    """Whether a line is the EU money of a profile under the common provisions regulation.

    A Norwegian partner's plan (only `interreg_no` money) is outside the
    regulation, and so outside the rules that read it.
    """
    schemes = {profile.scheme for profile in settings.profiles if profile.eu_rules}
    return any(line.scheme in schemes for line in plan.financing)


@rule(IN_KIND_CEILING, concerns=lambda plan: any(line.form == "in_kind" for line in plan.financing))
def in_kind_ceiling(plan: Plan, settings: Settings) -> Iterator[Violation]:
    in_kind = [(i, line) for i, line in enumerate(plan.financing) if line.form == "in_kind"]
    if not in_kind or not _has_eu_money(plan, settings):
        return
    public = total_of(line for line in plan.financing if line.sector == "public")
    eligible = plan.eligible_costs if plan.eligible_costs is not None else plan.total
    ceiling = eligible - total_of(line for _, line in in_kind)
    tolerance = settings.general("rounding_tolerance")
    if public - ceiling > tolerance:
        kr = lambda amount: format_kr(amount, plan.currency)  # noqa: E731
        yield Violation(
            ("financing", in_kind[0][0], "form"),
            Message(
                "the public financing is {public} with in kind; the eligible expenditure less in kind is "
                "{eligible} − {in_kind} = {ceiling}: {excess} over; expected public support at most the eligible "
                "expenditure less in kind, or in kind would not be eligible",
                public=kr(public), eligible=kr(eligible), in_kind=kr(eligible - ceiling), ceiling=kr(ceiling),
                excess=kr(public - ceiling),
            ),
            data=figures(plan.currency, found=public, expected=ceiling, difference=public - ceiling),
        )


@rule(SIMPLIFIED_COSTS, concerns=lambda plan: bool(plan.costs))
def simplified_costs(plan: Plan, settings: Settings) -> Iterator[Violation]:
    profile = _first(settings, "simplified_costs_up_to")
    if profile is None or plan.costs is None or any(line.state_aid for line in plan.financing):
        return
    if not _has_eu_money(plan, settings):
        return
    euro = settings.value(profile, "simplified_costs_up_to")
    threshold = settings.in_currency(euro, plan.currency)
    if threshold is None or plan.total > threshold:
        return
    for index, line in real_cost_lines(plan):
        yield Violation(
            ("costs", index),
            Message(
                "`{id}` is {category} at real cost, but the total {total} is at most {limit_eur} ({limit}); "
                "expected unit costs, a lump sum or a flat rate (`paid_as:` or `flat_rate:`), or "
                "`state_aid: true` on the support",
                id=line.id, category=Message(CATEGORIES[line.category]), total=format_kr(plan.total, plan.currency),
                limit_eur=format_kr(euro, "EUR"), limit=format_kr(threshold, plan.currency),
            ),
            data=figures(plan.currency, found=plan.total, limit=threshold),
            )


@rule(DE_MINIMIS, concerns=lambda plan: any(
    line.de_minimis is not None and line.de_minimis.primary_production is None for line in plan.financing
))
def de_minimis(plan: Plan, settings: Settings) -> Iterator[Violation]:
    profile = _first(settings, "de_minimis_max")
    if profile is None:
        return
    groups: dict[str, list[tuple[int, FinancingLine]]] = {}
    for index, line in enumerate(plan.financing):
        if line.de_minimis is not None and line.de_minimis.primary_production is None:
            groups.setdefault(line.de_minimis.undertaking.replace(" ", "").casefold(), []).append((index, line))
    tolerance = settings.general("rounding_tolerance")
    for group in groups.values():
        granted = next((line.de_minimis.granted for _, line in group if line.de_minimis.granted), None)
        granted = granted or (plan.project.period.start if plan.project.period else None)
        if granted is None:
            continue  # no date, no ceiling to choose; FP303 speaks of the missing period
        name = "de_minimis_max" if granted >= _DE_MINIMIS_2024 else "de_minimis_max_before_2024"
        euro = settings.value(profile, name)
        ceiling = settings.in_currency(euro, plan.currency)
        if ceiling is None:
            continue
        earlier = max((line.de_minimis.earlier or Decimal(0) for _, line in group), default=Decimal(0))
        aid = total_of(line for _, line in group)
        if aid + earlier - ceiling > tolerance:
            index, last = group[-1]
            kr = lambda amount: format_kr(amount, plan.currency)  # noqa: E731
            values = dict(
                undertaking=shorten(last.de_minimis.undertaking), aid=kr(aid), earlier=kr(earlier),
                total=kr(aid + earlier), granted=granted, ceiling_eur=format_kr(euro, "EUR"), ceiling=kr(ceiling),
                excess=kr(aid + earlier - ceiling),
            )
            message = Message(
                "the de minimis aid to {undertaking} is {aid} in this plan and {earlier} in the three years before: "
                "{total}; the ceiling for aid granted {granted} is {ceiling_eur} ({ceiling}): {excess} over",
                **values,
            ) if earlier else Message(
                "the de minimis aid to {undertaking} is {aid} in this plan: {total}; the ceiling for aid granted "
                "{granted} is {ceiling_eur} ({ceiling}): {excess} over",
                **values,
            )
            yield Violation(
                ("financing", index, "de_minimis"),
                message,
                data=figures(plan.currency, found=aid + earlier, expected=ceiling, difference=aid + earlier - ceiling),
            )


_CONTRACTS = {"2014_2020": ("works",), "2021_2027": ("works", "supplies", "services")}
_CONTRACT_NAMES = {
    "works": N_("a public works contract"),
    "supplies": N_("a public supplies contract"),
    "services": N_("a public services contract"),
}


@rule(STAFF_FLAT_RATE_PROCUREMENT)
def staff_flat_rate_procurement(plan: Plan, settings: Settings) -> Iterator[Violation]:
    costs = plan.costs or []
    if not any(line.flat_rate and line.flat_rate.option == "staff_of_other_direct" for line in costs):
        return
    under = [p for p in settings.profiles if p.name in STAFF_FLAT_RATE_PROCUREMENT.profiles]
    if not any(line.scheme in {p.scheme for p in under} for line in plan.financing):
        return
    counted = {kind for p in under for kind in _CONTRACTS[p.eu_rules]}
    for index, line in enumerate(costs):
        if line.procurement_above_threshold in counted:
            yield Violation(
                ("costs", index, "procurement_above_threshold"),
                Message(
                    "`{id}` is {contract} above the EU thresholds, and the staff costs are a flat rate of the other "
                    "direct costs; expected real or unit staff costs, as the flat rate is not allowed with such a contract",
                    id=line.id, contract=Message(_CONTRACT_NAMES[line.procurement_above_threshold]),
                ),
            )


@rule(REMAINING_FLAT_RATE_STAFF_SHARE)
def remaining_flat_rate_staff_share(plan: Plan, settings: Settings) -> Iterator[Violation]:
    profile = _first(settings, "remaining_needs_staff_share")
    costs = plan.costs or []
    flat = next((i for i, line in enumerate(costs) if line.flat_rate and line.flat_rate.option == "remaining_of_staff"), None)
    if profile is None or flat is None or not _has_eu_money(plan, settings):
        return
    staff = total_of(line for line in costs if line.category == "staff")
    budget = total_of(line for line in costs if line.category != "income")
    least = settings.value(profile, "remaining_needs_staff_share")
    if budget > 0 and staff * 100 < least * budget:
        yield Violation(
            ("costs", flat, "flat_rate", "option"),
            Message(
                "`{id}` is the flat rate for all other costs; the staff costs are {staff}, {share} of the budget "
                "{budget}; expected at least {least} ({amount})",
                id=costs[flat].id, staff=format_kr(staff, plan.currency), share=format_share(staff, budget),
                budget=format_kr(budget, plan.currency), least=format_percent(least),
                amount=format_kr(budget * least / 100, plan.currency),
            ),
            data={**figures(plan.currency, found=staff, expected=budget * least / 100, base=budget),
                  "limit": Figure(least, "%")},
        )


_RATES = {"person": "volunteer_rate", "machine": "machine_rate"}
_OVER_RATE = {
    "person": N_(
        "row {row} of the basis of `{id}` values an hour of volunteer work by a person at {rate}; "
        "{profile} values it at most at {limit}: {excess} over"
    ),
    "machine": N_(
        "row {row} of the basis of `{id}` values an hour of volunteer work by a machine at {rate}; "
        "{profile} values it at most at {limit}: {excess} over"
    ),
}


@rule(VOLUNTEER_RATE)
def volunteer_rate(plan: Plan, settings: Settings) -> Iterator[Violation]:
    for path, line in financing_lines(plan):
        for row, entry in enumerate(line.basis or ()):
            if entry.volunteer is None:
                continue
            name = _RATES[entry.volunteer]
            profile = _first(settings, name)
            if profile is None:
                continue
            value = settings.value(profile, name)
            setting = next(s for s in profile.settings if s.name == name)
            limit = settings.in_currency(value, plan.currency) if setting.kind == "eur" else value
            if limit is not None and entry.rate > limit:
                yield Violation(
                    (*path, "basis", row, "rate"),
                    Message(
                        _OVER_RATE[entry.volunteer], row=row + 1, id=line.id, rate=format_kr(entry.rate, plan.currency),
                        profile=profile.name, limit=format_kr(limit, plan.currency),
                        excess=format_kr(entry.rate - limit, plan.currency),
                    ),
                    data=figures(plan.currency, found=entry.rate, expected=limit, difference=entry.rate - limit),
                )


@rule(VOLUNTEER_WORK_NOT_ACCEPTED)
def volunteer_work_not_accepted(plan: Plan, settings: Settings) -> Iterator[Violation]:
    profile = _first(settings, "volunteer_work")
    if profile is None or settings.value(profile, "volunteer_work"):
        return
    for index, line in enumerate(plan.financing):
        for row, entry in enumerate(line.basis or ()):
            if entry.volunteer is not None:
                yield Violation(
                    ("financing", index, "basis", row, "volunteer"),
                    Message(
                        "row {row} of the basis of `{id}` is volunteer work; {profile} does not accept volunteer work "
                        "as co-financing; expected it left out, or shown under `outside_total`",
                        row=row + 1, id=line.id, profile=profile.name,
                    ),
                )


_FROM = {
    "no_one": N_("any financier"),
    "owner_only": N_("a financier other than the beneficiary"),
    "others_only": N_("the applicant or a co-applicant"),
    "beneficiaries_staff_only": N_("a financier other than the beneficiaries"),
}


def _refused(value: str, plan: Plan, line: FinancingLine) -> bool:
    """Whether `in_kind_from: value` refuses this in-kind line for who gives it (not for what it is)."""
    if value == "no_one":
        return True
    if value == "owner_only":
        return line.financier.casefold().strip() != plan.project.owner.casefold().strip()
    beneficiary = plan.project.is_beneficiary(line.financier)
    return beneficiary if value == "others_only" else not beneficiary


def _staff_hours(line: FinancingLine) -> bool:
    """Whether an in-kind line is worked hours of staff: a basis, none of it volunteer work."""
    return bool(line.basis) and all(row.volunteer is None for row in line.basis)


@rule(IN_KIND_CO_FINANCING)
def in_kind_co_financing(plan: Plan, settings: Settings) -> Iterator[Violation]:
    profile = _first(settings, "in_kind_from")
    if profile is None:
        return
    value = settings.value(profile, "in_kind_from")
    if value not in _FROM or (value == "others_only" and not _has_eu_money(plan, settings)):
        return  # Sverige-Norge's cash rule is the Swedish side's, whose money is the ERDF
    kr = lambda amount: format_kr(amount, plan.currency)  # noqa: E731
    for index, line in enumerate(plan.financing):
        if line.form != "in_kind":
            continue
        shown = dict(id=line.id, amount=kr(line.amount), financier=shorten(line.financier), profile=profile.name)
        # Who gives the line and in what form is known; where its amount is not, the message says so rather
        # than print "amount not stated" as if it were a figure.
        if _refused(value, plan, line):
            message = Message(
                "`{id}` is {amount} in kind from {financier}; {profile} accepts no co-financing in kind from "
                "{who}; expected cash",
                who=Message(_FROM[value]), **shown,
            ) if line.amount is not None else Message(
                "`{id}` is in kind from {financier} (its amount is not stated); {profile} accepts no co-financing "
                "in kind from {who}, of any amount; expected cash",
                who=Message(_FROM[value]), **shown,
            )
        elif value == "beneficiaries_staff_only" and not _staff_hours(line):
            message = Message(
                "`{id}` is {amount} in kind from {financier}, a beneficiary, but not as its staff's worked hours; "
                "{profile} accepts in kind from a beneficiary only as salary costs; expected a `basis` of "
                "worked hours with no `volunteer:` rows, or cash",
                **shown,
            ) if line.amount is not None else Message(
                "`{id}` is in kind from {financier}, a beneficiary (its amount is not stated), but not as its "
                "staff's worked hours; {profile} accepts in kind from a beneficiary only as salary costs; expected a "
                "`basis` of worked hours with no `volunteer:` rows, or cash",
                **shown,
            )
        else:
            continue
        yield Violation(("financing", index, "form"), message, data=figures(plan.currency, found=line.amount))


_FUNDS = {"eu": "eu_share", "state": "state_share", "municipality": "municipality_share"}
_FUND_NAMES = {"eu": N_("the eu fund"), "state": N_("the state fund"), "municipality": N_("the municipality fund")}


@rule(FUND_SHARES)
def fund_shares(plan: Plan, settings: Settings) -> Iterator[Violation]:
    tolerance = settings.general("rounding_tolerance")
    for profile in settings.profiles:
        if not profile.has("eu_share"):
            continue
        for path, line in financing_lines(plan):
            if line.scheme not in profile.schemes:
                continue
            for number, part in enumerate(line.split or ()):
                if part.fund is None or line.amount is None:
                    continue
                share = settings.value(profile, _FUNDS[part.fund])
                found = part.amount_of(line.amount)
                expected = line.amount * share / 100
                if abs(found - expected) > tolerance:
                    yield Violation(
                        (*path, "split", number, "share" if part.share is not None else "amount"),
                        Message(
                            "{payer}'s part of `{id}` is {found}, {share}; {profile} gives {fund} {percent}, "
                            "{expected}: {difference}",
                            payer=shorten(part.payer), id=line.id, found=format_kr(found, plan.currency),
                            share=format_share(found, line.amount), profile=profile.name,
                            fund=Message(_FUND_NAMES[part.fund]), percent=format_percent(share),
                            expected=format_kr(expected, plan.currency),
                            difference=difference(found, expected, plan.currency),
                        ),
                        data=figures(plan.currency, found=found, expected=expected, difference=found - expected),
                    )


@rule(PROGRAMME_PERIOD)
def programme_period(plan: Plan, settings: Settings) -> Iterator[Violation]:
    period = plan.project.period
    if period is None or period.start > period.end:
        return  # nothing to place, or FP201 already says the period is reversed
    for profile in settings.profiles:
        if profile.period is None:
            continue
        start, end = profile.period
        if period.start < start or period.end > end:
            yield Violation(
                ("project", "period"),
                Message(
                    "the project runs {start} to {end}; {profile} is the programme period {period_start} to "
                    "{period_end}; expected a period within it, or the profile of the project's period",
                    start=period.start, end=period.end, profile=profile.name, period_start=start, period_end=end,
                ),
                on_key=True,
            )
