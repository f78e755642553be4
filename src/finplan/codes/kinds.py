"""Kinds and in kind (FP4xx): sectors, appropriations, and worked hours valued as hours x rate."""

from __future__ import annotations

from finplan.codes.base import Code
from finplan.findings import Severity
from finplan.profiles import PROFILES

_HANDBOOKS = (
    "Tillväxtverket, handbook for national project funds, \"Medfinansiering av projektet\"; "
    "Tillväxtverket, EU funds 2021–2027, \"Planera er finansieringsbudget\""
)
_CPR_HOURS = "Förordning (EU) 2021/1060 art. 55.2; Förordning (EU) nr 1303/2013 art. 68a.2"

ONE_SECTOR_PER_FINANCIER = Code(
    "FP401", "one-sector-per-financier", Severity.ERROR,
    "A financier is public or private on every one of its lines.\n\n"
    "Why: every co-financing line is exactly one of four kinds, public or\n"
    "private cash or in kind (offentlig/privat, kontant/bidrag i annat än\n"
    "pengar). The format gives each line one sector and one form, so a financier\n"
    "giving both cash and in kind has two lines; this rule checks that those\n"
    "lines agree on whether the financier is public or private.\n\n"
    "Fails: `Jämtkraft` as `sector: private` on its cash line and `sector:\n"
    "public` on its in-kind line.\n"
    "Passes: both lines `sector: private`.",
    source=_HANDBOOKS,
)
APPROPRIATION_NAMED = Code(
    "FP402", "appropriation-named", Severity.INFO,
    "Public cash names the appropriation it comes from; no other line names one.\n\n"
    "Why: Tillväxtverket's handbook for national project funds asks an\n"
    "application, for each line of public cash, which appropriation (anslag)\n"
    "pays it: Reg.tillväxt, Övr.nat.anslag, Övriga medel, or \"vet ej\" when\n"
    "unknown. Private money and in-kind contributions come from no\n"
    "appropriation. Decisions rarely print appropriations, so this is a note\n"
    "under the 1:1 profile only; a team that checks applications raises it\n"
    "(`[severity] FP402 = \"warning\"`).\n\n"
    "Fails: a `sector: public`, `form: cash` line without `appropriation`.\n"
    "Passes: the same line with `appropriation: Reg.tillväxt`.",
    profiles=("anslag_1_1",), source=_HANDBOOKS,
    other_documents="silent",
)
IN_KIND_BALANCE = Code(
    "FP411", "in-kind-balance", Severity.ERROR,
    "In-kind financing equals the in-kind cost lines, when the plan has costs.\n\n"
    "Why: a contribution in kind (bidrag i annat än pengar) is both financing\n"
    "and cost: the hours a municipality works for the project finance it and are\n"
    "spent in it. The two sides must carry the same sum.\n\n"
    "Fails: financing in kind of 1 200 000 kr and in-kind cost lines of 1 000 000 kr.\n"
    "Passes: 1 200 000 kr on both sides.",
    source="Tillväxtverket, EU projects 2014–2020, \"Kostnads- och finansieringsbudget\"",
    amounts="bounds",
)
IN_KIND_BASIS_MISSING = Code(
    "FP412", "in-kind-basis-missing", Severity.WARNING,
    "An in-kind financing line carries its calculation basis.\n\n"
    "Why: the financier values worked hours from a calculation basis\n"
    "(beräkningsunderlag): hours x hourly rate for each group of people. A\n"
    "contribution in kind without one cannot be checked, and is not accepted.\n\n"
    "Only worked hours are valued as hours x rate: a line in kind whose\n"
    "`resource` is `premises`, `equipment`, `goods` or `land` is valued at its\n"
    "market value and is not asked for one. Nor is a line beside the total\n"
    "(`outside_total`), which carries a basis only if it has one.\n\n"
    "Fails: a `form: in_kind` line without `basis`.\n"
    "Passes: the same line with `basis: [{hours: 1720, rate: 450}]`.",
    profiles=tuple(PROFILES),
    source="Tillväxtverket, \"Medfinansiering av projektet\" and \"Planera er finansieringsbudget\"",
    other_documents="note",
)
IN_KIND_BASIS_TOTAL = Code(
    "FP413", "in-kind-basis-total", Severity.ERROR,
    "The calculation basis reproduces the line's amount: the sum of hours x rate.\n\n"
    "Why: the basis is how the amount was reached; where it gives another sum,\n"
    "either the amount or the basis is wrong. A difference within the rounding\n"
    "tolerance (`rounding_tolerance`) is accepted.\n\n"
    "Fails: `amount: 800000` with `basis: [{hours: 1720, rate: 450}]` (774 000 kr).\n"
    "Passes: `amount: 774000` with the same basis.",
    source=_CPR_HOURS,
)
HOURS_PER_YEAR = Code(
    "FP414", "hours-per-year", Severity.ERROR,
    "Hours per person and year stay within a person-year times the share of full time.\n\n"
    "Why: one full-time person-year is at most 1 720 hours (`hours_per_year`);\n"
    "someone working half time gives at most 860. More hours than that per\n"
    "person and year are hours nobody can have worked. `years` defaults to the\n"
    "line's period in years.\n\n"
    "Fails: `{people: 1, years: 1, hours: 1900, rate: 400}`.\n"
    "Passes: `{people: 2, years: 1, hours: 1900, rate: 400}`.",
    source=_CPR_HOURS,
)
HOURLY_RATE = Code(
    "FP415", "hourly-rate", Severity.ERROR,
    "An hourly rate agrees with the monthly salary it comes from, where the basis gives one.\n\n"
    "Why: the hourly rate is monthly salary x 12 / 1 720, plus the payroll\n"
    "overhead (PO-pålägg) where the salary does not include it; SKL's 2019\n"
    "overheads were 39,15 % for municipalities and 46,45 % for regions. A rate\n"
    "further from that than `hourly_rate_tolerance` overstates or understates\n"
    "the contribution.\n\n"
    "Fails: `{hours: 1720, rate: 450, monthly_salary: 35000, payroll_overhead: 39.15 %}`\n"
    "(the salary gives 339,78 kr an hour).\n"
    "Passes: the same with `rate: 339.78`.",
    source="Tillväxtverket, EU funds 2021–2027: hourly rate = monthly salary x 12 / 1 720",
)
BASIS_VALUES = Code(
    "FP416", "basis-values", Severity.ERROR,
    "A row of a calculation basis has hours, a rate and years that can value worked time.\n\n"
    "Why: a row values worked hours as hours x rate; a rate of 0 kr or less, or\n"
    "a row of 0 years, values nothing and hides a typing error, and the\n"
    "hours-per-year check cannot hold a row of 0 years against a person-year.\n\n"
    "Fails: `{hours: 400, rate: -500}`, `{hours: 400, rate: 500, years: 0}`.\n"
    "Passes: `{hours: 400, rate: 500, years: 1}`.",
    source=_CPR_HOURS,
)
