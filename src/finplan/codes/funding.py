"""Funding rules (FP5xx): caps and floors, flat rates, advances."""

from __future__ import annotations

from finplan.codes.base import Code
from finplan.findings import Severity
from finplan.profiles import PROFILES, offers_flat_rates

_CAPS = (
    "Förordning (2003:596) 5 § (SFS 2009:674; from 2023-01-01 SFS 2022:1470); Förordning (EU) 2021/1060 art. 112; the regional ERDF "
    "programmes, Leader and Interreg, as each profile's settings cite them (docs/programme-sources.md); "
    "a decision's own limits, as it prints them"
)
# The profiles' caps: each cap's setting, the one taking its place where the ERDF or the ESF+ co-finances,
# and the joint cap of several decision-makers (finplan.limits).
_CAP_SETTINGS = (
    *dict.fromkeys(
        name for profile in PROFILES.values() for limit in profile.limits if limit.is_cap
        for name in (limit.setting, limit.co_financed) if name
    ),
    "joint_max_share",
)
# Shared paragraphs of the caps' and floors' documentation (finplan.limits).
_PRINTED_SHARES = (
    "A share a line's limit prints with decimals is a rounded figure, read to half\n"
    "its last decimal: `max: 39,99 %` is 39,985 % to 39,995 %, and `39,90 %` is\n"
    "narrower than `39,9 %`. A grant within that reach is not over the cap: the\n"
    "limit rests on the rounding (FP507). A whole percentage (`50 %`), and every\n"
    "profile's number, is exact."
)
_ONE_CAUSE = (
    "One cause, one finding: where the financing lines do not sum to the declared\n"
    "total (FP101), a limit measured against that total may break only because\n"
    "of the difference. When the same limit, measured with the sum of the lines\n"
    "as the total, gives no finding (FP501, FP502, FP506 or FP507), its breach\n"
    "follows from the difference alone: it is not reported here, and FP101 names\n"
    "it. A limit that breaks against both is reported as before."
)
_PROFILES = "finplan's rule profiles (docs/rules.md): a profile governs the lines of its scheme"
_FLOORS = (
    "a decision's or a programme's minimum, as a line states it under `limits:`; the Leader profiles' "
    "floors (docs/programme-sources.md §5.1, §5.2)"
)
_FLAT_RATES = (
    "Förordning (EU) 2021/1060 art. 54–56; Förordning (EU) nr 1303/2013 art. 68, 68a, 68b; "
    "Tillväxtverket 2014–2020, \"Kostnads- och finansieringsbudget\""
)

SHARE_CAP = Code(
    "FP501", "share-cap", Severity.ERROR,
    "Financing stays within its caps: a share of a named base, or an amount.\n\n"
    "Why: the 1:1 grant may cover at most 50 % of a project's expenditure per\n"
    "decision-maker (from 2023-01-01, SFS 2022:1470: 60 % where the ERDF or the\n"
    "ESF+ co-finances the project; the plan's date chooses the wording), and\n"
    "grants of several decision-makers together at most\n"
    "100 % where Tillväxtverket is one of them (Förordning 2003:596, 5 §); ERDF\n"
    "support at most its regional programme's rate (Mellersta Norrland 50 % in\n"
    "2014–2020 and 40 % in 2021–2027); Leader support at most 100 % of the\n"
    "eligible costs (70 % for commercial benefit, 200 000 kr for single\n"
    "companies); Interreg money at most its programme's share, Norwegian\n"
    "Interreg funds at most 50 %. A decision prints its own caps on other bases (\"73,37 % of the\n"
    "eligible costs, at most 1 210 517 kronor; of the public financing the EU's\n"
    "share at most 50 %\"), which a line states under `limits:`. An excess within\n"
    "`rounding_tolerance` is FP502, a warning; one that only the exact reading\n"
    "of a figure printed rounded gives is FP507, a note; beyond them, this error.\n\n"
    f"{_PRINTED_SHARES}\n\n{_ONE_CAUSE}\n\n"
    "Fails: `total: 1000` and a `scheme: anslag_1_1` line of 600 under `anslag_1_1`.\n"
    "Passes: the same line of 500.",
    source=_CAPS, settings=_CAP_SETTINGS,
    amounts="limits",
)
SHARE_CAP_ROUNDING = Code(
    "FP502", "share-cap-rounding", Severity.WARNING,
    "Financing is over its cap by no more than rounding.\n\n"
    "Why: half of an odd total is not a whole krona, so a grant of exactly half\n"
    "rounded to whole kronor is 0,50 kr over the cap. That is rounding, not a\n"
    "breach, but it is said rather than passed over, with the excess named.\n"
    "Where a share printed with decimals covers the excess (a grant 0,10 kr over\n"
    "`39,99 %`), the cap rests on that rounding instead (FP507).\n\n"
    f"{_ONE_CAUSE}\n\n"
    "Fails (is reported): `total: 38566657` with a 1:1 line of 19283329, 0,50 kr\n"
    "over half.\n"
    "Passes: a 1:1 line of 19283328.",
    source=_CAPS, settings=_CAP_SETTINGS,
    amounts="limits",
)
SCHEME_WITHOUT_PROFILE = Code(
    "FP503", "scheme-without-profile", Severity.WARNING,
    "A line's scheme is governed by a profile the plan names.\n\n"
    "Why: `scheme: erdf` says the money is ERDF support, but only a named\n"
    "profile (`erdf_2014_2020` or `erdf_2021_2027`) switches on the ERDF rules;\n"
    "without one, the cap is not checked, and the report says so. The hint\n"
    "names the profiles of the scheme whose programme period holds the plan's\n"
    "(and, for Leader, whose country fits the plan's currency), and says when\n"
    "none does: a 2013 ERDF project has no profile of finplan's to name.\n\n"
    "Fails: a `scheme: anslag_1_1` line in a plan without `profiles: [anslag_1_1]`.\n"
    "Passes: the same plan with `profiles: [anslag_1_1]`.",
    source=_PROFILES,
)
PROFILE_WITHOUT_LINES = Code(
    "FP504", "profile-without-lines", Severity.WARNING,
    "A named profile finds financing lines of its scheme.\n\n"
    "Why: a profile's cap applies to the lines marked with its scheme; a plan\n"
    "that names `anslag_1_1` but marks no line `scheme: anslag_1_1` is checked\n"
    "against nothing, which would pass in silence.\n\n"
    "Fails: `profiles: [anslag_1_1]` and no line with `scheme: anslag_1_1`.\n"
    "Passes: the 1:1 line marked `scheme: anslag_1_1`.",
    profiles=tuple(PROFILES), source=_PROFILES,
)
SETTING_UNUSED = Code(
    "FP505", "setting-unused", Severity.WARNING,
    "A setting overrides a number of a profile the plan names.\n\n"
    "Why: `erdf_2021_2027.max_share` changes nothing in a plan that does not\n"
    "name `erdf_2021_2027`; a reader would think it does.\n\n"
    "Fails: `settings: {erdf_2021_2027.max_share: 50 %}` with `profiles: [anslag_1_1]`.\n"
    "Passes: the same setting with `profiles: [erdf_2021_2027]`.",
    source=_PROFILES,
)
FLOOR = Code(
    "FP506", "floor", Severity.ERROR,
    "Financing reaches its floors: a share of a named base, or an amount.\n\n"
    "Why: some support has a minimum as well as a maximum: Leader support is at\n"
    "least 40 % of the eligible costs, and some programmes pay no support below\n"
    "a minimum amount (Leader in Sweden 2014–2020: 22 000 kr). A line below its\n"
    "floor, its own or its profile's, is support that cannot be paid as planned.\n"
    "A shortfall within `rounding_tolerance` is not reported.\n\n"
    f"{_ONE_CAUSE}\n\n"
    "Fails: a line of 300 with `limits: [{min: 40 %, of: eligible_costs}]` and `eligible_costs: 1000`.\n"
    "Passes: the same line of 400.",
    source=_FLOORS,
    amounts="limits",
)
LIMIT_RESTS_ON_ROUNDING = Code(
    "FP507", "limit-rests-on-rounding", Severity.INFO,
    "Says when a cap or floor holds only within the precision of a figure printed rounded.\n\n"
    "Why: a decision that prints its total as \"36 miljoner kronor\" states it to\n"
    "the nearest million; a cap that only the exact reading of 36 000 000 would\n"
    "break may well hold for the real total. finplan does not fail the plan on a\n"
    "figure it cannot know, and says the result rests on the rounding, and how\n"
    "far the real figures must lie in the limit's favour for it to hold: the\n"
    "whole excess (200 000 kr below), of the reach the rounding leaves open\n"
    "(250 000 kr).\n\n"
    f"{_PRINTED_SHARES}\n\n"
    "Fails (is reported): `total: 36000000` with `total_rounded_to: 1000000` and a\n"
    "1:1 line of 18 200 000 under `anslag_1_1`.\n"
    "Passes: the same with a 1:1 line of 18 000 000.",
    source="finplan's own: a figure printed rounded is read within its precision",
    amounts="limits",
)
FLAT_RATE_DECLARED = Code(
    "FP511", "flat-rate-declared", Severity.ERROR,
    "A flat-rate cost line says which flat rate it is; no other line does, but staff.\n\n"
    "Why: a flat rate is checked against its base, and the base depends on the\n"
    "option: indirect costs of the staff costs or of the direct costs, staff\n"
    "costs of the other direct costs, or the 40 % that covers all remaining\n"
    "costs. A `flat_rate` cost line must declare `flat_rate: {option, rate}`;\n"
    "a staff line may, with `staff_of_other_direct`; no other line may.\n\n"
    "Fails: `{category: flat_rate, amount: 1000}` without `flat_rate`.\n"
    "Passes: `{category: flat_rate, amount: 1000, flat_rate: {option: indirect_of_staff, rate: 15 %}}`.",
    source=_FLAT_RATES,
)
FLAT_RATE_TOTAL = Code(
    "FP512", "flat-rate-total", Severity.ERROR,
    "A flat-rate cost is at most its rate of its base.\n\n"
    "Why: a flat rate is computed, not budgeted: 15 % of 2 880 000 kr of staff\n"
    "costs is 432 000 kr, and a flat-rate line above that claims costs the rate\n"
    "does not give. An excess within `rounding_tolerance` is rounding.\n\n"
    "Fails: staff 2 880 000 and an `indirect_of_staff` line of 15 % for 450 000.\n"
    "Passes: the same line for 432 000.",
    source=_FLAT_RATES,
    amounts="flat_rates",
)
FLAT_RATE_LIMIT = Code(
    "FP513", "flat-rate-limit", Severity.ERROR,
    "A flat rate is one the programme offers, at no more than its limit.\n\n"
    "Why: each programme period offers its own flat rates. 2021–2027: indirect\n"
    "costs up to 7 % of direct costs (25 % where calculated), or 15 % of direct\n"
    "staff costs; staff costs up to 20 % of the other direct costs; 40 % of staff\n"
    "costs for all remaining costs. 2014–2020 (Tillväxtverket): 15 % of staff\n"
    "costs (20 % for universities), or 25 % of direct costs except external\n"
    "services, this only for the research, innovation and entrepreneurship\n"
    "projects Tillväxtverket lists (\"om ert projekt är av en viss typ av\n"
    "forsknings-, innovations- och entreprenörskapsprojekt\": the plan says so\n"
    "with `erdf_2014_2020.research_innovation_project: true`); 40 % as above.\n"
    "The 20 % staff rate of 2014–2020 is not among Tillväxtverket's options: a\n"
    "plan whose managing authority offers it sets\n"
    "`erdf_2014_2020.staff_flat_rate_offered: true`.\n\n"
    "Fails: `indirect_of_staff` at 20 % under `erdf_2021_2027`; `indirect_of_direct_except_external`\n"
    "under `erdf_2014_2020` without `research_innovation_project`.\n"
    "Passes: `indirect_of_staff` at 15 %; the 25 % rate with `research_innovation_project: true`.",
    profiles=tuple(name for name, profile in PROFILES.items() if offers_flat_rates(profile)),
    source=f"{_FLAT_RATES}; the Interreg programmes' manuals (docs/programme-sources.md §8.5, §8.6)",
)
FLAT_RATE_REMAINING = Code(
    "FP514", "flat-rate-remaining", Severity.ERROR,
    "With the flat rate that covers all remaining costs, no other direct cost lines.\n\n"
    "Why: the 40 % option (`remaining_of_staff`) pays every cost but staff; a\n"
    "travel or external-services line beside it claims the same costs twice.\n"
    "In-kind and income lines may stand beside it.\n\n"
    "Fails: staff, `remaining_of_staff` at 40 %, and a travel line.\n"
    "Passes: staff and `remaining_of_staff` at 40 % only.",
    source=_FLAT_RATES,
)
ADVANCE_LIMIT = Code(
    "FP521", "advance-limit", Severity.ERROR,
    "An advance of the 1:1 grant is at most half the grant and at most 400 000 kr.\n\n"
    "Why: the grant is paid in arrears; an advance (förskott) needs special\n"
    "reasons and may be at most half the grant and at most 400 000 kr\n"
    "(Förordning 2003:596, 11 §). Both limits are settings.\n\n"
    "Fails: a 1:1 line of 1 000 000 kr with `advance: 600000`.\n"
    "Passes: the same line with `advance: 400000`.",
    profiles=("anslag_1_1",), source="Förordning (2003:596) 11 §",
)
