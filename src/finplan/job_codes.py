"""The codes of the jobs around the check, declared here so the catalogue knows them.

The jobs (finplan.portfolio: frames held against many plans' money) make
their findings in their own packages; their codes live on this floor, below
the jobs, so that the configuration, inline ignores, baselines and every
report format read them like any rule's, without importing a job.
"""

from __future__ import annotations

from finplan.codes import Code
from finplan.findings import Severity

_SOURCE = "the appropriation's yearly frame (ram), from the frames file (docs/summary.md)"

FRAME_EXCEEDED = Code(
    "FP801", "frame-exceeded", Severity.ERROR,
    "Decided plans take more of a yearly frame than the frame holds.\n\n"
    "The money of decided financing lines naming the frame's appropriation, in\n"
    "the frame's year (from the lines' yearly breakdowns, or spread by days),\n"
    "adds up to more than the frame. The finding names the plans, largest first.",
    source=_SOURCE,
)
FRAME_EXCEEDED_IF_GRANTED = Code(
    "FP802", "frame-exceeded-if-granted", Severity.WARNING,
    "Decided and applied-for money together exceed a yearly frame.\n\n"
    "The decided lines fit the frame, but granting what is applied for would\n"
    "take more than it holds. The finding names the plans, largest first.",
    source=_SOURCE,
)
FRAME_UNCOUNTED = Code(
    "FP803", "frame-line-not-in-years", Severity.WARNING,
    "A line naming a framed appropriation cannot be put in years.\n\n"
    "The line has no yearly breakdown and neither it nor its project has a\n"
    "period, so no year's frame can count it: the frame's use may be larger\n"
    "than shown.",
    source=_SOURCE,
)

PORTFOLIO_CODES = (FRAME_EXCEEDED, FRAME_EXCEEDED_IF_GRANTED, FRAME_UNCOUNTED)
JOB_CODES = PORTFOLIO_CODES
