"""Portfolio codes (FP8xx): frames held against many plans' money, de minimis aid across plans, plans left out.

finplan.portfolio makes these findings; the codes stand here, below the job,
so that configuration, inline ignores, baselines and every report format read
them like any rule's without importing it.
"""

from __future__ import annotations

from finplan.codes.base import Code
from finplan.findings import Severity

_FRAMES = "the appropriation's yearly frame (ram), from the frames file (docs/summary.md)"
_DE_MINIMIS = (
    "Förordning (EU) 2023/2831 art. 3.2; Förordning (EU) nr 1407/2013 art. 3.2 (docs/programme-sources.md §3)"
)

FRAME_EXCEEDED = Code(
    "FP801", "frame-exceeded", Severity.ERROR,
    "Decided plans take more of a yearly frame than the frame holds.\n\n"
    "The money of decided financing lines naming the frame's appropriation, in\n"
    "the frame's year (from the lines' yearly breakdowns, or spread by days),\n"
    "adds up to more than the frame. The finding names the plans, largest first.",
    source=_FRAMES,
)
FRAME_EXCEEDED_IF_GRANTED = Code(
    "FP802", "frame-exceeded-if-granted", Severity.WARNING,
    "Decided and applied-for money together exceed a yearly frame.\n\n"
    "The decided lines fit the frame, but granting what is applied for would\n"
    "take more than it holds. The finding names the plans, largest first.",
    source=_FRAMES,
)
FRAME_UNCOUNTED = Code(
    "FP803", "frame-line-not-in-years", Severity.WARNING,
    "A line naming a framed appropriation cannot be put in years.\n\n"
    "The line has no yearly breakdown and neither it nor its project has a\n"
    "period, so no year's frame can count it: the frame's use may be larger\n"
    "than shown.",
    source=_FRAMES,
)
DE_MINIMIS_ACROSS = Code(
    "FP804", "de-minimis-across-plans", Severity.ERROR,
    "De minimis aid to one undertaking, across plans, stays within the ceiling over three years.\n\n"
    "Why: de minimis aid to one undertaking may not exceed 300 000 EUR over any\n"
    "period of three years (Reg. (EU) 2023/2831 art. 3(2), aid granted from 2024;\n"
    "200 000 EUR under Reg. (EU) 1407/2013 before). One plan sees only its own\n"
    "aid (FP603); `finplan summary` adds the lines marked `de_minimis` to the same\n"
    "organisation number in every plan, by grant date, in euro.\n"
    "Fails: two plans granting 200 000 EUR each to 556677-8899 a year apart.\n"
    "Passes: the same grants four years apart.",
    source=_DE_MINIMIS,
)
DE_MINIMIS_UNCOUNTED = Code(
    "FP805", "de-minimis-not-counted", Severity.INFO,
    "Says when a de minimis line cannot be counted across plans.\n\n"
    "A line marked `de_minimis` with no grant date (no `granted` and no project\n"
    "period), or in a currency with no rate to euro from its profiles, cannot be\n"
    "placed in the three-year window; the note names it rather than pass it over.",
    source="finplan summary (docs/summary.md)",
)

_COUNTED = "finplan summary: which plans are added up (docs/summary.md)"

DUPLICATE_PLAN = Code(
    "FP806", "duplicate-plan", Severity.ERROR,
    "Two plans of a portfolio are the same project: counted once.\n\n"
    "Two files name the same case (diarienummer), or the same project name,\n"
    "owner and period: a copy, or an old version left beside the new one.\n"
    "Added up, its money would be counted twice in every table, frame and\n"
    "chart. The first in the order checked (the paths as given, a folder's\n"
    "files by name) is counted; each later one is left out, and the finding\n"
    "names both files.\n"
    "Fails: attraktiv.yaml and attraktiv-v2.yaml both of case RUN/99/2019.\n"
    "Passes: two plans of different cases.",
    source=_COUNTED,
)
FAILING_PLAN = Code(
    "FP807", "failing-plan", Severity.ERROR,
    "A plan of the portfolio fails its own check: left out of the sums.\n\n"
    "A plan with findings of error severity (`finplan check` says which) has\n"
    "figures no officer should add up as they stand: its parts may not reach\n"
    "its total, or its money may fall outside its period. It is left out of\n"
    "every table, frame and chart, and named at the top of the summary;\n"
    "`--include-failing` counts it, still with this finding.\n"
    "Fails: a plan whose financing does not sum to its total.\n"
    "Passes: a plan that passes `finplan check`, warnings and all.",
    source=_COUNTED,
)
UNREADABLE_PLAN = Code(
    "FP808", "unreadable-plan", Severity.ERROR,
    "A plan of the portfolio could not be read: left out of the sums.\n\n"
    "The file is not YAML, not a plan, or has the wrong shape (an FP0xx\n"
    "finding says where). It cannot be counted, so the summary names it at\n"
    "the top rather than add up the others as if it were not there. The\n"
    "command's exit code is 2, as `finplan check`'s.\n"
    "Fails: a plan with a missing bracket.\n"
    "Passes: every plan read.",
    source=_COUNTED, fixed=True,
)
