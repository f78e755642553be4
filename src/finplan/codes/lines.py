"""Lines (FP3xx): signs, ids, splits, and what a plan states and leaves unstated."""

from __future__ import annotations

from finplan.codes.base import Code
from finplan.findings import Severity
from finplan.profiles import PROFILES

_BUDGET = "Tillväxtverket, \"Kostnads- och finansieringsbudget\": projektintäkter are entered negative"

AMOUNT_SIGN = Code(
    "FP301", "amount-sign", Severity.ERROR,
    "Amounts are positive, and income lines negative; no year goes the other way.\n\n"
    "Why: a financing or cost line of zero or less is a typing error or a line\n"
    "that should not be there; planned project income (projektintäkter) reduces\n"
    "what must be financed and is written negative in the cost budget.\n\n"
    "Fails: a financing line with `amount: -300000`, or an income line of `50000`.\n"
    "Passes: a financing line of `300000`, an income line of `-50000`.",
    source=_BUDGET,
)
UNIQUE_ID = Code(
    "FP302", "unique-id", Severity.ERROR,
    "Each line's id is used by that line alone, across financing and costs.\n\n"
    "Why: an id names one line in findings, reports and baselines; two lines\n"
    "with one id make every reference to it ambiguous.\n\n"
    "Fails: two financing lines with `id: region`.\n"
    "Passes: `id: region` and `id: region-in-kind`.",
    source="finplan's plan format: an id names one line",
)
NOT_STATED = Code(
    "FP303", "not-stated", Severity.INFO,
    "Says once when a rule could not check something because the plan leaves a value unstated.\n\n"
    "Why: real decisions and project pages often print no project period; a\n"
    "plan leaves it out rather than invent one. Then the years of a yearly\n"
    "breakdown, a line's own period and hours per year cannot be held against\n"
    "it. Saying so once is better than passing in silence, and better than a\n"
    "finding for every line. A profile that requires the value makes its\n"
    "absence an error instead (FP304).\n\n"
    "The same note says when a plan holds money of both sides of an Interreg\n"
    "programme that caps each side on its own costs (`interreg` and\n"
    "`interreg_no` under Sverige-Norge, Aurora or Öresund-Kattegat-Skagerrak)\n"
    "but states no `side:` on its lines: each side's cap is then measured on\n"
    "the whole plan, not on its side's costs (FP501); and when de minimis aid\n"
    "goes to primary production (`de_minimis: {primary_production:\n"
    "agriculture}` or `fishery`), which the general regulation does not cover\n"
    "(Reg. (EU) 2023/2831 art. 1(1)): the sector's own regulation applies\n"
    "(1408/2013, 717/2014), whose ceilings finplan does not check (FP603\n"
    "passes it by).\n\n"
    "The same note names, once, the amounts that a plan read from a document\n"
    "other than an application leaves out (`total`, a line's `amount`), and\n"
    "every rule that could not run without them: a cap or floor whose line or\n"
    "base is unstated, the programmes' rules on sums; the sums themselves are\n"
    "checked as bounds (FP101), and a cap or floor whose line and base are\n"
    "known (the total stated, or given by a printed share) is measured.\n\n"
    "Fails (is reported): no `project.period` and a line with `per_year`; ERDF and Norwegian\n"
    "Interreg money in one plan with no `side:`.\n"
    "Passes: the same plan with `project.period`; with `side:` on its lines.",
    source="finplan's plan format: what a document does not state is left out, not invented",
)
REQUIRED_BY_PROFILE = Code(
    "FP304", "required-by-profile", Severity.ERROR,
    "A plan states what its profiles require.\n\n"
    "Why: a value may be left out where a document does not state it, but some\n"
    "programmes require it: an application for a 1:1 grant gives the project's\n"
    "timetable (Förordning 2003:596, 8 §), so a 1:1 plan without a period is\n"
    "incomplete, not merely unstated.\n\n"
    "Fails: `profiles: [anslag_1_1]` and no `project.period`.\n"
    "Passes: the same plan with `project.period`.",
    profiles=tuple(PROFILES),
    source="finplan's rule profiles (docs/rules.md); each requirement cites its own source",
    other_documents="silent",
)
SPLIT = Code(
    "FP305", "split", Severity.ERROR,
    "The parts of a split line reproduce the line, each within the rounding tolerance.\n\n"
    "Why: a grant is often printed as one amount with a fixed split between its\n"
    "payers (EU 42 %, state 38 %, municipality 20 % of the public money; \"EU och\n"
    "staten\" 67 % and the local action group 33 %). The parts must make up the\n"
    "line exactly: shares that sum to 100 %, an amount per part that is its\n"
    "share of the line, and amounts that sum to the line, each part within\n"
    "`rounding_tolerance`.\n\n"
    "A share printed with decimals is a rounded figure, read to half its last\n"
    "decimal: three parts of `33,33 %` make 100 % (each 33,325 % to 33,335 %), and\n"
    "a part's amount may lie that much of the line from its share.\n\n"
    "Fails: a line of 100 000 split 67 % / 34 %.\n"
    "Passes: the same line split 67 % / 33 %, or 67 000 / 33 000.",
    source="a decision's split of one grant between its payers, as it prints it",
)
