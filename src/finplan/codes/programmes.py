"""Programme rules (FP6xx): the EU regulations behind ERDF, Interreg and Leader money, and the programmes' own.

Each code runs only under the profiles whose settings its rule reads, so a
rule never speaks where its source does not apply. The facts and their quotes
are in docs/programme-sources.md.
"""

from __future__ import annotations

from finplan.codes.base import Code
from finplan.findings import Severity
from finplan.profiles import PROFILES

_CPR = "Förordning (EU) 2021/1060"
_SOURCES = "docs/programme-sources.md"


def _having(*names: str) -> tuple[str, ...]:
    """The profiles that define one of the settings `names`: the ones a rule reading them belongs to."""
    return tuple(profile.name for profile in PROFILES.values() if any(profile.has(name) for name in names))


def _eu(period: str | None = None) -> tuple[str, ...]:
    """The profiles under the common provisions regulation (of `period`, `2014_2020` or `2021_2027`)."""
    return tuple(p.name for p in PROFILES.values() if p.eu_rules and (period is None or p.eu_rules == period))


def _staff_flat_rate_proviso() -> tuple[str, ...]:
    """The profiles under the common provisions' staff flat rate and its procurement proviso: every EU
    profile but the Interreg ones of 2021–2027, whose own rate (Reg. 2021/1059 art. 39(3)(c)) has none."""
    return tuple(
        p.name for p in PROFILES.values() if p.eu_rules and not (p.eu_rules == "2021_2027" and p.scheme == "interreg")
    )


IN_KIND_CEILING = Code(
    "FP601", "in-kind-ceiling", Severity.WARNING,
    "Public support, in kind included, stays within the eligible expenditure less in kind.\n\n"
    "Why: contributions in kind are eligible only where the public support paid\n"
    "to the operation, in kind included, is no more than the total eligible\n"
    "expenditure less in kind at the end of the operation (Reg. (EU) 2021/1060\n"
    "art. 67(1)(a): \"de overheidssteun ... inclusief bijdragen in natura, is niet\n"
    "hoger dan het totale bedrag aan subsidiabele uitgaven, exclusief bijdragen\n"
    "in natura\"); in 2014–2020 the same condition, word for word (Reg. (EU)\n"
    "1303/2013 art. 69(1)(a): \"the public support paid to the operation which\n"
    "includes contributions in kind does not exceed the total eligible\n"
    "expenditure, excluding contributions in kind\"). The law tests it at the\n"
    "end, so a plan that breaks it gets a warning. The eligible expenditure is\n"
    "`eligible_costs`, else the total.\n\n"
    "Fails: total 1 000, public cash 600 and public in kind 300 (public 900, eligible less in kind 700).\n"
    "Passes: the same with the in kind from a private financier (public 600).",
    profiles=_eu(), source=f"{_CPR} art. 67.1 a; Förordning (EU) nr 1303/2013 art. 69.1 a ({_SOURCES} §2.8)",
    amounts="all",
)
SIMPLIFIED_COSTS = Code(
    "FP602", "simplified-costs", Severity.ERROR,
    "A small operation's costs are simplified: unit costs, lump sums or flat rates.\n\n"
    "Why: where an operation's total cost is at most 200 000 EUR, the ERDF\n"
    "contribution is paid as unit costs, lump sums or flat rates, except where\n"
    "the support is state aid (Reg. (EU) 2021/1060 art. 53(2): \"in Form von\n"
    "Kosten je Einheit, Pauschalbeträgen oder Pauschalfinanzierungen\"). A\n"
    "direct cost line paid as real costs has no place in such a plan, unless a\n"
    "flat rate of the plan is a share of it (the staff costs under the 40 % rate:\n"
    "art. 53(2), \"only the categories of costs to which the flat-rate applies\n"
    "may be reimbursed\" as real costs): mark it\n"
    "`paid_as: unit_costs` or `lump_sum`, or compute it as a flat rate; a line\n"
    "`state_aid: true` exempts the plan. A plan in kronor is converted at\n"
    "`sek_per_eur`; one in another currency without a rate is not checked.\n\n"
    "Fails: a plan of 1 000 000 kr with a travel line of real costs.\n"
    "Passes: the same line `paid_as: lump_sum`.",
    profiles=_having("simplified_costs_up_to"),
    source=f"{_CPR} art. 53.2 ({_SOURCES} §2.3); Förordning (1999:710) 2 § for the rate ({_SOURCES} §4.4)",
    amounts="all",
)
DE_MINIMIS = Code(
    "FP603", "de-minimis", Severity.ERROR,
    "De minimis aid to one undertaking stays within the ceiling over three years.\n\n"
    "Why: de minimis aid granted by one Member State to one undertaking may\n"
    "not exceed 300 000 EUR over three years (Reg. (EU) 2023/2831 art. 3(2):\n"
    "\"in einem Zeitraum von drei Jahren 300000 EUR nicht übersteigen\", aid\n"
    "granted from 2024); 200 000 EUR over three fiscal years before (Reg. (EU)\n"
    "1407/2013). An aid that would pass\n"
    "the ceiling cannot be given under the regulation at all. A line marked\n"
    "`de_minimis: {undertaking: ...}` counts with the other lines to the same\n"
    "undertaking and its `earlier` aid; the grant date is `granted`, else the\n"
    "project's start. A plan in kronor is converted at `sek_per_eur`. Aid to\n"
    "an undertaking in the primary production of agricultural products or in\n"
    "fishery and aquaculture is outside the regulation (art. 1(1)(a)–(c)): a\n"
    "line that says so (`primary_production: agriculture` or `fishery`) is not\n"
    "held to this ceiling, and a note (FP303) says the sector's own regulation\n"
    "applies (1408/2013, 717/2014).\n\n"
    "Fails: 250 000 EUR of de minimis aid with `earlier: 100 000`.\n"
    "Passes: 150 000 EUR with `earlier: 100 000`; the 250 000 EUR to a farm with\n"
    "`primary_production: agriculture`.",
    profiles=_having("de_minimis_max"),
    source=f"Förordning (EU) 2023/2831 art. 1.1, 3.2; Förordning (EU) nr 1407/2013 art. 3.2 ({_SOURCES} §3)",
    amounts="all",
)
STAFF_FLAT_RATE_PROCUREMENT = Code(
    "FP604", "staff-flat-rate-procurement", Severity.ERROR,
    "No staff flat rate where the direct costs include a public contract above the EU thresholds.\n\n"
    "Why: staff costs may be a flat rate of up to 20 % of the other direct costs\n"
    "only where the direct costs include no public contract for works, supplies\n"
    "or services above the thresholds of Directive 2014/24/EU art. 4 (Reg. (EU)\n"
    "2021/1060 art. 55(1)); in 2014–2020 only works contracts counted: \"provided\n"
    "that the direct costs of the operation do not include public works\n"
    "contracts which exceed in value the threshold\" (Reg. (EU) 1303/2013 art.\n"
    "68a(1)). A cost line says `procurement_above_threshold:`. Interreg\n"
    "2021–2027 has a staff flat rate of its own with no such condition (Reg.\n"
    "(EU) 2021/1059 art. 39(3)(c): \"without there being a requirement for the\n"
    "Member State to perform a calculation\"), so the rule does not run there.\n\n"
    "Fails: a staff flat rate and a line with `procurement_above_threshold: services` under 2021–2027.\n"
    "Passes: the same under 2014–2020 (services did not count then), under an Interreg 2021–2027\n"
    "profile, or without the staff flat rate.",
    profiles=_staff_flat_rate_proviso(),
    source=f"{_CPR} art. 55.1; Förordning (EU) nr 1303/2013 art. 68a.1; Förordning (EU) 2021/1059 art. 39.3 c ({_SOURCES} §2.5)",
)
REMAINING_FLAT_RATE_STAFF_SHARE = Code(
    "FP605", "remaining-flat-rate-staff-share", Severity.ERROR,
    "The 40 % flat rate for all other costs only in a staff-intensive project.\n\n"
    "Why: Tillväxtverket allowed the 40 % option in 2014–2020 for\n"
    "\"personalintensiva projekt\": where 45 % of the budget or more is staff\n"
    "costs (with the payroll overhead of 45,24 %). The staff lines are taken as\n"
    "written (with their overhead); the budget is every cost line but income.\n\n"
    "Fails: staff 400 000 of a budget of 1 000 000 with `remaining_of_staff`.\n"
    "Passes: staff 500 000 of 1 000 000.",
    profiles=_having("remaining_needs_staff_share"),
    source=f"Tillväxtverket, Handbok för EU-projekt 2014–2020, \"Redovisningsalternativ\" ({_SOURCES} §9.1)",
    amounts="flat_rates",
)
VOLUNTEER_RATE = Code(
    "FP606", "volunteer-rate", Severity.ERROR,
    "Volunteer work is valued at no more than the programme's rate.\n\n"
    "Why: volunteer time (ideell tid, talko) is valued at a fixed rate, not at\n"
    "what the work would cost: 220 kr an hour in Swedish Leader 2014–2022 (some\n"
    "groups 340 kr in 2023–2027); 15 EUR a person-hour and 45 EUR a machine-hour\n"
    "in Finnish Leader 2014–2020; 20 and 40 EUR on Åland in 2023–2027. A basis\n"
    "row marked `volunteer: person` or `volunteer: machine` is held to the\n"
    "profile's `volunteer_rate` or `machine_rate` (a lower value is allowed).\n\n"
    "Fails: `{hours: 100, rate: 250, volunteer: person}` under leader_se_2014_2020.\n"
    "Passes: the same at `rate: 220`.",
    profiles=_having("volunteer_rate", "machine_rate"),
    source=f"the programmes' values of volunteer work: Leader Sweden, Finland, Åland ({_SOURCES} §5.5, §6.2, §7.2)",
)
VOLUNTEER_WORK_NOT_ACCEPTED = Code(
    "FP607", "volunteer-work-not-accepted", Severity.ERROR,
    "No volunteer work as co-financing where the programme refuses it.\n\n"
    "Why: Interreg Sverige-Norge: \"Ideelt arbeid kan ikke inngå som\n"
    "medfinansiering. Dette gjelder for både norsk og svensk side.\" A basis row\n"
    "marked `volunteer:` in the financing is such work; volunteer time shown\n"
    "beside the total (`outside_total`) is not co-financing and may stay.\n\n"
    "Fails: an in-kind line with a basis row `volunteer: person` under interreg_sverige_norge_2014_2020.\n"
    "Passes: the same row under `outside_total`.",
    profiles=_having("volunteer_work"),
    source=f"Interreg Sverige-Norge 2014–2020, Projekthandbok \"Budget och Finansiering\" ({_SOURCES} §8.2)",
)
IN_KIND_CO_FINANCING = Code(
    "FP608", "in-kind-co-financing", Severity.ERROR,
    "Co-financing in kind only from whom the programme accepts it.\n\n"
    "Why: Interreg Nord accepts only cash (\"Det är enbart kontanta medel som\n"
    "godkänns som medfinansiering\"); Botnia-Atlantica in kind from every\n"
    "beneficiary, only as salary costs, and cash from everyone else (\"endast\n"
    "lönekostnader för stödmottagare kan växla upp EU-medel. För aktörer som inte\n"
    "är stödmottagare gäller endast kontant medfinansiering\"): a beneficiary's\n"
    "in kind is its staff's worked hours, a `basis` with no `volunteer:` rows;\n"
    "Sverige-Norge cash from the applicant and the co-applicants on the Swedish\n"
    "side (\"För sökande och medsökande kan medfinansiering endast ske med\n"
    "kontant medfinansiering\"; so only in a plan with ERDF money, `scheme:\n"
    "interreg`). The beneficiaries are `project.owner` and the\n"
    "`project.partners` (co-applicants), as the financing lines name them.\n\n"
    "Fails: an in-kind line under interreg_nord_2014_2020; in kind from a co-applicant named in\n"
    "`project.partners` under interreg_sverige_norge_2014_2020.\n"
    "Passes: the same money in cash; a partner's staff hours in kind under Botnia-Atlantica.",
    profiles=_having("in_kind_from"),
    source=f"the Interreg programmes' financing rules ({_SOURCES} §8.2, §8.4, §8.6)",
)
FUND_SHARES = Code(
    "FP609", "fund-shares", Severity.WARNING,
    "A public grant's parts by fund are the programme's fixed shares.\n\n"
    "Why: Finnish Leader money 2014–2020 is \"EU:n rahoitusosuus 42 prosenttia,\n"
    "valtion 38 prosenttia ja kuntien 20 prosenttia\" of the public financing. A\n"
    "split part marked `fund: eu`, `state` or `municipality` on a line of the\n"
    "profile's scheme is held to its share, within `rounding_tolerance` per\n"
    "part. A warning: the shares are the programme's, a decision may round.\n\n"
    "Fails: a leader line of 10 000 split EU 50 % / state 30 % / municipality 20 %.\n"
    "Passes: EU 42 % / state 38 % / municipality 20 %.",
    profiles=_having("eu_share"),
    source=f"Leader in mainland Finland 2014–2020: EU 42 %, state 38 %, municipalities 20 % ({_SOURCES} §6.1)",
)
PROGRAMME_PERIOD = Code(
    "FP610", "programme-period", Severity.WARNING,
    "The project's period lies within the programme period of each profile it names.\n\n"
    "Why: money from a programme period pays for what is done and paid within\n"
    "its eligibility: a 2014–2020 ERDF project ends by 2023, a 2021–2027 one\n"
    "starts in 2021 or later. A plan whose period falls outside names the wrong\n"
    "profile, or the wrong dates. A plan that states no period is not checked.\n\n"
    "Fails: `profiles: [erdf_2014_2020]` with a period from 2024-01-01.\n"
    "Passes: the same plan under `erdf_2021_2027`.",
    profiles=tuple(p.name for p in PROFILES.values() if p.period),
    source="each profile's programme period (docs/rules.md, Profiles)",
)
