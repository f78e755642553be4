"""EU cost conditions (FP6xx) the audit of December 2026 found without a rule: simplified costs in
2014–2020 and VAT. Each runs only under the profiles that carry the setting its rule reads.
The facts and their quotes are in docs/programme-sources.md.
"""

from __future__ import annotations

from finplan.codes.base import Code
from finplan.findings import Severity
from finplan.profiles import PROFILES

_SOURCES = "docs/programme-sources.md"


def _having(*names: str) -> tuple[str, ...]:
    """The profiles that define one of the settings `names`: the ones a rule reading them belongs to."""
    return tuple(profile.name for profile in PROFILES.values() if any(profile.has(name) for name in names))


SIMPLIFIED_COSTS_2014 = Code(
    "FP611", "simplified-costs-2014", Severity.ERROR,
    "A 2014–2020 ERDF operation of little public support has simplified costs.\n\n"
    "Why: from 2 August 2018, an operation whose public support does not\n"
    "exceed 100 000 EUR takes the form of unit costs, lump sums or flat rates\n"
    "(Reg. (EU) 1303/2013 art. 67(2a): \"public support does not exceed EUR\n"
    "100 000 shall take the form of standard scales of unit costs, lump sums or\n"
    "flat rates\"), except state aid; the managing authority could opt out for\n"
    "a time (art. 152(7)): set `erdf_2014_2020.simplified_costs_opted_out`.\n"
    "The public support is the plan's public financing, cash and in kind. A\n"
    "direct cost line at real cost is flagged unless a flat rate of the plan is\n"
    "a share of it, it is `paid_as: unit_costs` or `lump_sum`, or a line is\n"
    "`state_aid: true`. A plan in kronor is converted at `sek_per_eur`.\n\n"
    "Fails: public support of 900 000 kr (below 100 000 EUR at 10 kr) with a travel line at real cost.\n"
    "Passes: the same line `paid_as: lump_sum`.",
    profiles=_having("simplified_costs_public_up_to"),
    source=f"Förordning (EU) nr 1303/2013 art. 67.2a, 152.7 ({_SOURCES} §2.11)",
    settings=("simplified_costs_public_up_to",),
    amounts="all",
)
VAT_ELIGIBLE = Code(
    "FP612", "vat-eligible", Severity.ERROR,
    "VAT the beneficiary can recover is a cost only where the regulation allows it.\n\n"
    "Why: in 2014–2020, VAT is not eligible unless it is non-recoverable under\n"
    "national VAT legislation (Reg. (EU) 1303/2013 art. 69(3)(c)); in 2021–2027\n"
    "it is eligible in an operation whose total cost is below 5 000 000 EUR, VAT\n"
    "included, and above that only where it is non-recoverable (Reg. (EU)\n"
    "2021/1060 art. 64(1)(c)). A cost line whose amount includes VAT says so\n"
    "with `vat: recoverable` or `vat: non_recoverable`; a line without `vat:`\n"
    "is taken to hold no VAT. A plan in kronor is converted at `sek_per_eur`.\n\n"
    "Fails: a line `vat: recoverable` under erdf_2014_2020.\n"
    "Passes: the same line `vat: non_recoverable`, or under erdf_2021_2027 in a plan below 5 000 000 EUR.",
    profiles=_having("vat_eligible_below", "recoverable_vat_eligible"),
    source=f"Förordning (EU) nr 1303/2013 art. 69.3 c; Förordning (EU) 2021/1060 art. 64.1 c ({_SOURCES} §2.7)",
    amounts="all",
)
