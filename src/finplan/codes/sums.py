"""Sums (FP1xx): the parts of a plan add up to its declared total, in all and per year."""

from __future__ import annotations

from finplan.codes.base import Code
from finplan.findings import Severity

_BUDGET = (
    "Tillväxtverket, \"Kostnads- och finansieringsbudget\" (EU projects 2014–2020) and "
    "\"Planera er finansieringsbudget\" (EU funds 2021–2027)"
)

FINANCING_TOTAL = Code(
    "FP101", "financing-total", Severity.ERROR,
    "The financing lines sum to the declared total.\n\n"
    "Why: the financing plan (finansieringsplan) must cover exactly what the\n"
    "project costs; a plan whose parts do not add up to the total that the\n"
    "decision names is a wrong decision.\n\n"
    "The finding names the likely culprit: a line, or two lines, that the\n"
    "difference equals exactly (counted twice, or meant to stand outside the\n"
    "total); else, where the declared total differs from the sum in one digit\n"
    "only (620 211 against 600 211) or by two adjacent digits swapped (620 211\n"
    "against 602 211), the total, with the figure it would be. Round figures\n"
    "differ in one digit by any round amount, so the figures must also agree in\n"
    "at least three other digits that are not 0.\n\n"
    "A cap or floor that breaks only because of this difference (it holds when\n"
    "measured with the sum of the lines as the total) is named here, not\n"
    "reported again by FP501, FP502, FP506 or FP507: one cause, one finding.\n"
    "Ignoring FP101 silences those limits too.\n\n"
    "Fails: `total: 1000` with financing lines of 600 and 500.\n"
    "Passes: `total: 1000` with financing lines of 600 and 400.",
    source=_BUDGET,
    amounts="total",
)
COST_TOTAL = Code(
    "FP102", "cost-total", Severity.ERROR,
    "The cost lines, income subtracted, sum to the declared total.\n\n"
    "Why: costs and financing are two views of the same project; a cost budget\n"
    "(kostnadsbudget) that sums to anything but the financed total leaves costs\n"
    "unfinanced or financing unspent. Checked only when the plan has costs.\n\n"
    "Fails: `total: 1000` with cost lines of 700 and 400.\n"
    "Passes: `total: 1000` with cost lines of 700, 400 and income of -100.",
    source=_BUDGET,
    amounts="cost_total",
)
BREAKDOWN_TOTAL = Code(
    "FP103", "breakdown-total", Severity.ERROR,
    "A line's yearly breakdown sums to the line's amount.\n\n"
    "Why: the yearly breakdown (fördelning per år) is what the financier pays\n"
    "out and the project books each year; if it does not add up to the line's\n"
    "amount, one of the two figures is wrong.\n\n"
    "Fails: `amount: 1000` with `per_year: {2020: 600, 2021: 500}`.\n"
    "Passes: `amount: 1000` with `per_year: {2020: 600, 2021: 400}`.",
    source=_BUDGET,
)
YEARLY_BALANCE = Code(
    "FP104", "yearly-balance", Severity.ERROR,
    "In each year, financing equals costs, when every line is broken down by year.\n\n"
    "Why: money financed in one year pays for costs of that year; a year whose\n"
    "costs exceed its financing cannot be paid, and financing beyond the year's\n"
    "costs is not needed then.\n\n"
    "Fails: financing of 500 in 2020 and 500 in 2021 against costs of 700 in\n"
    "2020 and 300 in 2021.\n"
    "Passes: the same financing against costs of 500 in each year.",
    source=_BUDGET,
)
YEARLY_BALANCE_UNCHECKED = Code(
    "FP105", "yearly-balance-unchecked", Severity.INFO,
    "Says when financing and costs cannot be compared year by year.\n\n"
    "Why: FP104 compares the years only when every financing and cost line has a\n"
    "yearly breakdown; where some have one and others do not, that comparison\n"
    "is not made, and the report says so rather than passing in silence.\n\n"
    "Fails (is reported): two cost lines, one of them with `per_year`.\n"
    "Passes: every line with `per_year`, or none.",
    source=_BUDGET,
)
TOTAL_WITHIN_ROUNDING = Code(
    "FP106", "total-within-rounding", Severity.INFO,
    "Says when the financing meets the total only within the precision of figures printed rounded.\n\n"
    "Why: a document that prints \"36 miljoner kronor\" or \"drygt 17 mnkr\" states\n"
    "a figure to the nearest million; parts that sum to 35 800 000 may well make\n"
    "up a total printed as 36 miljoner. finplan does not fail a plan on a figure\n"
    "it cannot know (`rounded_to`, `total_rounded_to`), and says the sum rests on\n"
    "the rounding.\n\n"
    "Fails (is reported): `total: 36000000`, `total_rounded_to: 1000000` and lines summing to 35 800 000.\n"
    "Passes: lines summing to 36 000 000.",
    source=_BUDGET,
)
PRINTED_SHARES = Code(
    "FP107", "printed-shares", Severity.ERROR,
    "Two shares a document prints agree, each within the precision it is printed to.\n\n"
    "Why: a decision excerpt prints a grant's share of the total (\"vilket utgör\n"
    "40 procent av projektets totala kostnader\") and may print another line's\n"
    "share, or the cap its decision sets (\"dock högst 40 procent\"). A share with\n"
    "its amount gives the total; two lines whose shares give totals that cannot\n"
    "meet, or a line printed at a larger share than its own cap allows (or a\n"
    "smaller one than its floor), mean one of the printed figures is wrong. A share written\n"
    "with N decimals holds to half its last digit (a line's \"40 %\" to half a\n"
    "percent, as a document rounds it); a limit's whole percentage is the rule's\n"
    "own number, exact.\n\n"
    "The finding names both shares and how far apart they lie. Where the plan\n"
    "states its total, FP101 holds each line's share to it instead, and where\n"
    "every amount is stated, FP501 and FP506 measure the cap or floor on the\n"
    "amounts: one cause, one finding.\n\n"
    "Fails: `{amount: 400, share: 40 %}` and `{amount: 300, share: 20 %}` with no\n"
    "total (1 000 against 1 500); `share: 45 %` beside `limits: [{max: 40 %}]`.\n"
    "Passes: `{amount: 400, share: 40 %}` and `{amount: 300, share: 30 %}`.",
    source=_BUDGET,
)
