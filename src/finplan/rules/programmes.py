"""Programme rules: the EU regulations behind ERDF, Interreg and Leader money, and the programmes' own.

Each rule runs only under the profiles whose settings it reads, so a rule
never speaks where its source does not apply. The facts and their quotes are in
docs/programme-sources.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from finplan.findings import Figure, Severity, shorten
from finplan.i18n import N_, Message
from finplan.model import FinancingLine, Plan
from finplan.money import difference, format_kr, format_percent, format_share
from finplan.profiles import PROFILES, Profile, Settings
from finplan.rules.base import Violation, figures, financing_lines, rule
from finplan.rules.flat_rates import CATEGORIES, DIRECT
from finplan.totals import total_of

_CPR = "Förordning (EU) 2021/1060"
_SOURCES = "docs/programme-sources.md"
_DE_MINIMIS_2024 = date(2024, 1, 1)


def _having(name: str) -> tuple[str, ...]:
    """The profiles that define the setting `name`: the ones a rule reading it belongs to."""
    return tuple(profile.name for profile in PROFILES.values() if profile.has(name))


def _eu(period: str | None = None) -> tuple[str, ...]:
    return tuple(p.name for p in PROFILES.values() if p.eu_rules and (period is None or p.eu_rules == period))


def _first(settings: Settings, name: str) -> Profile | None:
    return next((profile for profile in settings.profiles if profile.has(name)), None)


def _has_eu_money(plan: Plan, settings: Settings) -> bool:
    """Whether a line is the EU money of a profile under the common provisions regulation.

    A Norwegian partner's plan (only `interreg_no` money) is outside the
    regulation, and so outside the rules that read it.
    """
    schemes = {profile.scheme for profile in settings.profiles if profile.eu_rules}
    return any(line.scheme in schemes for line in plan.financing)


@rule(
    "FP601", "in-kind-ceiling", Severity.WARNING, profiles=_eu("2021_2027"),
    source=f"{_CPR} art. 67.1 a ({_SOURCES} §2.8)",
)
def in_kind_ceiling(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """Public support, in kind included, stays within the eligible expenditure less in kind.

    Why: contributions in kind are eligible only where the public support paid
    to the operation, in kind included, is no more than the total eligible
    expenditure less in kind at the end of the operation (Reg. (EU) 2021/1060
    art. 67(1)(a): "de overheidssteun ... inclusief bijdragen in natura, is niet
    hoger dan het totale bedrag aan subsidiabele uitgaven, exclusief bijdragen
    in natura"). The law tests it at the end, so a plan that breaks it gets a
    warning. The eligible expenditure is
    `eligible_costs`, else the total.

    Fails: total 1 000, public cash 600 and public in kind 300 (public 900, eligible less in kind 700).
    Passes: the same with the in kind from a private financier (public 600).
    """
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


@rule(
    "FP602", "simplified-costs", Severity.ERROR, profiles=_having("simplified_costs_up_to"),
    source=f"{_CPR} art. 53.2 ({_SOURCES} §2.3); Förordning (1999:710) 2 § for the rate ({_SOURCES} §4.4)",
)
def simplified_costs(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """A small operation's costs are simplified: unit costs, lump sums or flat rates.

    Why: where an operation's total cost is at most 200 000 EUR, the ERDF
    contribution is paid as unit costs, lump sums or flat rates, except where
    the support is state aid (Reg. (EU) 2021/1060 art. 53(2): "in Form von
    Kosten je Einheit, Pauschalbeträgen oder Pauschalfinanzierungen"). A
    direct cost line paid as real costs has no place in such a plan: mark it
    `paid_as: unit_costs` or `lump_sum`, or compute it as a flat rate; a line
    `state_aid: true` exempts the plan. A plan in kronor is converted at
    `sek_per_eur`; one in another currency without a rate is not checked.

    Fails: a plan of 1 000 000 kr with a travel line of real costs.
    Passes: the same line `paid_as: lump_sum`.
    """
    profile = _first(settings, "simplified_costs_up_to")
    if profile is None or plan.costs is None or any(line.state_aid for line in plan.financing):
        return
    if not _has_eu_money(plan, settings):
        return
    euro = settings.value(profile, "simplified_costs_up_to")
    threshold = settings.in_currency(euro, plan.currency)
    if threshold is None or plan.total > threshold:
        return
    for index, line in enumerate(plan.costs):
        if line.category in DIRECT and line.flat_rate is None and line.paid_as is None:
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


@rule(
    "FP603", "de-minimis", Severity.ERROR, profiles=_having("de_minimis_max"),
    source=f"Förordning (EU) 2023/2831 art. 3.2; Förordning (EU) nr 1407/2013 art. 3.2 ({_SOURCES} §3)",
)
def de_minimis(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """De minimis aid to one undertaking stays within the ceiling over three years.

    Why: de minimis aid granted by one Member State to one undertaking may
    not exceed 300 000 EUR over three years (Reg. (EU) 2023/2831 art. 3(2):
    "in einem Zeitraum von drei Jahren 300000 EUR nicht übersteigen", aid
    granted from 2024); 200 000 EUR over three fiscal years before (Reg. (EU)
    1407/2013). An aid that would pass
    the ceiling cannot be given under the regulation at all. A line marked
    `de_minimis: {undertaking: ...}` counts with the other lines to the same
    undertaking and its `earlier` aid; the grant date is `granted`, else the
    project's start. A plan in kronor is converted at `sek_per_eur`.

    Fails: 250 000 EUR of de minimis aid with `earlier: 100 000`.
    Passes: 150 000 EUR with `earlier: 100 000`.
    """
    profile = _first(settings, "de_minimis_max")
    if profile is None:
        return
    groups: dict[str, list[tuple[int, FinancingLine]]] = {}
    for index, line in enumerate(plan.financing):
        if line.de_minimis is not None:
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


@rule(
    "FP604", "staff-flat-rate-procurement", Severity.ERROR, profiles=_eu(),
    source=f"{_CPR} art. 55.1; Förordning (EU) nr 1303/2013 art. 68a.1 ({_SOURCES} §2.5)",
)
def staff_flat_rate_procurement(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """No staff flat rate where the direct costs include a public contract above the EU thresholds.

    Why: staff costs may be a flat rate of up to 20 % of the other direct costs
    only where the direct costs include no public contract for works, supplies
    or services above the thresholds of Directive 2014/24/EU art. 4 (Reg. (EU)
    2021/1060 art. 55(1)); in 2014–2020 only works contracts counted: "provided
    that the direct costs of the operation do not include public works
    contracts which exceed in value the threshold" (Reg. (EU) 1303/2013 art.
    68a(1)). A cost line says `procurement_above_threshold:`.

    Fails: a staff flat rate and a line with `procurement_above_threshold: services` under 2021–2027.
    Passes: the same under 2014–2020 (services did not count then), or without the staff flat rate.
    """
    costs = plan.costs or []
    if not any(line.flat_rate and line.flat_rate.option == "staff_of_other_direct" for line in costs):
        return
    if not _has_eu_money(plan, settings):
        return
    counted = {kind for p in settings.profiles if p.eu_rules for kind in _CONTRACTS[p.eu_rules]}
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


@rule(
    "FP605", "remaining-flat-rate-staff-share", Severity.ERROR, profiles=_having("remaining_needs_staff_share"),
    source=f"Tillväxtverket, Handbok för EU-projekt 2014–2020, \"Redovisningsalternativ\" ({_SOURCES} §9.1)",
)
def remaining_flat_rate_staff_share(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """The 40 % flat rate for all other costs only in a staff-intensive project.

    Why: Tillväxtverket allowed the 40 % option in 2014–2020 for
    "personalintensiva projekt": where 45 % of the budget or more is staff
    costs (with the payroll overhead of 45,24 %). The staff lines are taken as
    written (with their overhead); the budget is every cost line but income.

    Fails: staff 400 000 of a budget of 1 000 000 with `remaining_of_staff`.
    Passes: staff 500 000 of 1 000 000.
    """
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


@rule(
    "FP606", "volunteer-rate", Severity.ERROR, profiles=tuple(dict.fromkeys(_having("volunteer_rate") + _having("machine_rate"))),
    source=f"the programmes' values of volunteer work: Leader Sweden, Finland, Åland ({_SOURCES} §5.5, §6.2, §7.2)",
)
def volunteer_rate(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """Volunteer work is valued at no more than the programme's rate.

    Why: volunteer time (ideell tid, talko) is valued at a fixed rate, not at
    what the work would cost: 220 kr an hour in Swedish Leader 2014–2022 (some
    groups 340 kr in 2023–2027); 15 EUR a person-hour and 45 EUR a machine-hour
    in Finnish Leader 2014–2020; 20 and 40 EUR on Åland in 2023–2027. A basis
    row marked `volunteer: person` or `volunteer: machine` is held to the
    profile's `volunteer_rate` or `machine_rate` (a lower value is allowed).

    Fails: `{hours: 100, rate: 250, volunteer: person}` under leader_se_2014_2020.
    Passes: the same at `rate: 220`.
    """
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


@rule(
    "FP607", "volunteer-work-not-accepted", Severity.ERROR, profiles=_having("volunteer_work"),
    source=f"Interreg Sverige-Norge 2014–2020, Projekthandbok \"Budget och Finansiering\" ({_SOURCES} §8.2)",
)
def volunteer_work_not_accepted(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """No volunteer work as co-financing where the programme refuses it.

    Why: Interreg Sverige-Norge: "Ideelt arbeid kan ikke inngå som
    medfinansiering. Dette gjelder for både norsk og svensk side." A basis row
    marked `volunteer:` in the financing is such work; volunteer time shown
    beside the total (`outside_total`) is not co-financing and may stay.

    Fails: an in-kind line with a basis row `volunteer: person` under interreg_sverige_norge_2014_2020.
    Passes: the same row under `outside_total`.
    """
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
    "no_one": (N_("any financier"), lambda owner: True),
    "owner_only": (N_("a financier other than the beneficiary"), lambda owner: not owner),
    "others_only": (N_("the beneficiary itself"), lambda owner: owner),
}


@rule(
    "FP608", "in-kind-co-financing", Severity.ERROR, profiles=_having("in_kind_from"),
    source=f"the Interreg programmes' financing rules ({_SOURCES} §8.2, §8.4, §8.6)",
)
def in_kind_co_financing(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """Co-financing in kind only from whom the programme accepts it.

    Why: Interreg Nord accepts only cash ("Det är enbart kontanta medel som
    godkänns som medfinansiering"); Botnia-Atlantica in kind only from the
    beneficiaries' own staff ("För aktörer som inte är stödmottagare gäller
    endast kontant medfinansiering"); Sverige-Norge cash from the applicant on
    the Swedish side ("För sökande och medsökande kan medfinansiering endast
    ske med kontant medfinansiering"; so only in a plan with ERDF money,
    `scheme: interreg`). The beneficiary is `project.owner`; a co-applicant is
    not told apart from other financiers.

    Fails: an in-kind line under interreg_nord_2014_2020.
    Passes: the same money in cash.
    """
    profile = _first(settings, "in_kind_from")
    if profile is None:
        return
    value = settings.value(profile, "in_kind_from")
    rule_of = _FROM.get(value)
    if rule_of is None or (value == "others_only" and not _has_eu_money(plan, settings)):
        return  # Sverige-Norge's cash rule is the Swedish side's, whose money is the ERDF
    who, refused = rule_of
    owner = plan.project.owner.casefold().strip()
    for index, line in enumerate(plan.financing):
        if line.form == "in_kind" and refused(line.financier.casefold().strip() == owner):
            yield Violation(
                ("financing", index, "form"),
                Message(
                    "`{id}` is {amount} in kind from {financier}; {profile} accepts no co-financing in kind from "
                    "{who}; expected cash",
                    id=line.id, amount=format_kr(line.amount, plan.currency), financier=shorten(line.financier),
                    profile=profile.name, who=Message(who),
                ),
                data=figures(plan.currency, found=line.amount),
            )


_FUNDS = {"eu": "eu_share", "state": "state_share", "municipality": "municipality_share"}
_FUND_NAMES = {"eu": N_("the eu fund"), "state": N_("the state fund"), "municipality": N_("the municipality fund")}


@rule(
    "FP609", "fund-shares", Severity.WARNING, profiles=_having("eu_share"),
    source=f"Leader in mainland Finland 2014–2020: EU 42 %, state 38 %, municipalities 20 % ({_SOURCES} §6.1)",
)
def fund_shares(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """A public grant's parts by fund are the programme's fixed shares.

    Why: Finnish Leader money 2014–2020 is "EU:n rahoitusosuus 42 prosenttia,
    valtion 38 prosenttia ja kuntien 20 prosenttia" of the public financing. A
    split part marked `fund: eu`, `state` or `municipality` on a line of the
    profile's scheme is held to its share, within `rounding_tolerance` per
    part. A warning: the shares are the programme's, a decision may round.

    Fails: a leader line of 10 000 split EU 50 % / state 30 % / municipality 20 %.
    Passes: EU 42 % / state 38 % / municipality 20 %.
    """
    tolerance = settings.general("rounding_tolerance")
    for profile in settings.profiles:
        if not profile.has("eu_share"):
            continue
        for path, line in financing_lines(plan):
            if line.scheme not in profile.schemes:
                continue
            for number, part in enumerate(line.split or ()):
                if part.fund is None:
                    continue
                share = settings.value(profile, _FUNDS[part.fund])
                found = part.amount if part.amount is not None else line.amount * part.share / 100
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


@rule(
    "FP610", "programme-period", Severity.WARNING, profiles=tuple(p.name for p in PROFILES.values() if p.period),
    source="each profile's programme period (docs/rules.md, Profiles)",
)
def programme_period(plan: Plan, settings: Settings) -> Iterator[Violation]:
    """The project's period lies within the programme period of each profile it names.

    Why: money from a programme period pays for what is done and paid within
    its eligibility: a 2014–2020 ERDF project ends by 2023, a 2021–2027 one
    starts in 2021 or later. A plan whose period falls outside names the wrong
    profile, or the wrong dates. A plan that states no period is not checked.

    Fails: `profiles: [erdf_2014_2020]` with a period from 2024-01-01.
    Passes: the same plan under `erdf_2021_2027`.
    """
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
