"""Memo codes (FP7xx): a decision memo's figures against its plan.

finplan.memo makes these findings; the codes stand here, below the job, so
that configuration, inline ignores, baselines and every report format read
them like any rule's without importing it.
"""

from __future__ import annotations

from finplan.codes.base import Code
from finplan.findings import Severity

_SOURCE = "finplan's memo check (docs/memo.md)"

AMOUNT_DIFFERS = Code(
    "FP701", "memo-amount-differs", Severity.ERROR,
    "An amount the memo gives a financier is the plan's amount for that financier.\n\n"
    "Why: the memo is what is signed; a figure typed by hand from the plan that\n"
    "differs from it decides a sum nobody planned.\n"
    "Fails: \"Länsstyrelsen 1 702 900 kronor\" where the plan's line is 1 702 800.\n"
    "Passes: \"Länsstyrelsen 1 702 800 kronor\"; \"3 miljoner kronor\" for 3 077 694 kr\n"
    "is a rounded figure (FP703), and an error only outside its precision.",
    source=_SOURCE,
)
TOTAL_DIFFERS = Code(
    "FP702", "memo-total-differs", Severity.ERROR,
    "A total, sum or remainder in the memo is what the plan gives.\n\n"
    "Why: a total over parts that do not add up to it (620 211 kr stated over\n"
    "parts of 600 211 kr) leaves the decision unclear about what is granted.\n"
    "Fails: \"omsluter totalt 38 566 757 kronor\" for a total of 38 566 657; a\n"
    "\"resterande\" figure other than the total less the parts listed before it;\n"
    "parts after \"varav\" that add up to more than the figure they are part of,\n"
    "or, each of a year, to less; a total the financing is listed after that\n"
    "leaves out a line the memo gives nowhere else.\n"
    "Passes: \"Projektet omsluter totalt 38 566 657 kronor\"; \"Resterande\n"
    "finansiering, 19 283 329 kronor\" after parts of 19 283 328 kronor.",
    source=_SOURCE,
)
ROUNDED = Code(
    "FP703", "memo-rounded", Severity.INFO,
    "A rounded figure in the memo is within its stated precision of the plan.\n\n"
    "Why: \"3 miljoner kronor\" for a line of 3 077 694 kr is true to the million,\n"
    "not to the krona; the reader of a decision should know which figures are exact.\n"
    "Noted: \"2,6 mnkr\" for 2 558 128 kr (to the nearest 100 000). An error (FP701\n"
    "or FP702) where the plan's amount lies outside the precision, as \"2,6 mnkr\"\n"
    "for 2 758 128 kr.",
    source=_SOURCE,
)
PERIOD_DIFFERS = Code(
    "FP704", "memo-period-differs", Severity.ERROR,
    "A period in the memo is the plan's project period, and its dates are dates.\n\n"
    "Why: costs are eligible only inside the decided period; a memo deciding\n"
    "another period than the plan's decides other costs.\n"
    "Fails: \"under perioden 2019-10-01 – 2022-10-30\" for a period ending\n"
    "2022-09-30; \"2019-13-01\". Passes: \"2019-10-01 – 2022-09-30\", and \"från\n"
    "oktober 2019 till september 2022\" (to the month).",
    source=_SOURCE,
)
DURATION_DIFFERS = Code(
    "FP705", "memo-duration-differs", Severity.ERROR,
    "A project's length in words is the length of the plan's period.\n\n"
    "Why: a decision that states a three-year project for a 23-month period\n"
    "promises what the plan does not finance.\n"
    "Fails: \"ett treårigt projekt\" for 2020-02-01 – 2021-12-31 (23 months).\n"
    "Passes: \"tre år\", \"ett treårigt projekt\" or \"36 månader\" for\n"
    "2019-10-01 – 2022-09-30. Only lengths in a sentence about the project or\n"
    "its period are read.",
    source=_SOURCE,
)
SHARE_DIFFERS = Code(
    "FP706", "memo-share-differs", Severity.ERROR,
    "A percentage the memo gives a financier is that line's share of the total.\n\n"
    "Why: a share is how a cap such as the 1:1 appropriation's 50 % is read; a\n"
    "wrong one misleads the decision about the cap.\n"
    "Fails: \"Länets kommuner … 36 %\" for a share of 35,32 %. Passes: \"35 %\"\n"
    "(to the percent) or \"35,32 %\".",
    source=_SOURCE,
)
LINE_UNMENTIONED = Code(
    "FP707", "memo-line-unmentioned", Severity.WARNING,
    "Every line of the plan has its amount in the memo.\n\n"
    "Why: a financier the memo leaves out is a commitment the decision does not\n"
    "show. Fails: a plan with a Jämtkraft line of 300 000 kr and a memo that\n"
    "states no figure for Jämtkraft. Passes: \"Jämtkraft 300 000 kronor\", or the\n"
    "line as the remainder (\"Resterande finansiering, … kronor\").",
    source=_SOURCE,
)
FIGURE_UNMATCHED = Code(
    "FP708", "memo-figure-unmatched", Severity.INFO,
    "A figure in the memo matches something in the plan.\n\n"
    "Why: an amount, share or case number the plan does not hold is either from\n"
    "elsewhere (a decision the memo cites) or a figure to look at once more.\n"
    "Noted: \"500 000 kronor\" where no line, total or remainder is 500 000 kr;\n"
    "a case number that is neither the project's nor a line's; and, as not\n"
    "checked, a figure the words place but not on a figure of the plan: a\n"
    "call's or programme's sum, a ceiling (\"dock högst\"), an amount per year\n"
    "or a rate, one in a sentence citing another case, one given to several\n"
    "financiers without saying whose part is which.\n"
    "Passes: every figure that matches a line, the total, the period or a case\n"
    "number.",
    source=_SOURCE,
)
CASE_DIFFERS = Code(
    "FP709", "memo-case-differs", Severity.ERROR,
    "A case number the memo gives the project or a financier is theirs, not another's of the plan.\n\n"
    "Why: a decision that cites the 1:1 grant's case as the project's, or the\n"
    "project's as the grant's, sends its reader to the wrong decision.\n"
    "Fails: a memo headed \"RUN/379/2019\" where that is the 1:1 line's case and\n"
    "the project's is RUN/99/2019; \"1:1-anslaget (RUN/99/2019)\"; a memo headed\n"
    "\"RUN/99/2018\", a number the plan does not hold where the project's own\n"
    "stands. Passes: each number where it belongs, and elsewhere a number the\n"
    "plan does not hold (FP708), as it may be another case the memo cites.",
    source=_SOURCE,
)
