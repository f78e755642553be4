"""What a memo's words say a figure is: a financier's, the total, or the remainder.

A financier is found by its name as the plan writes it, in any case
("länets kommuner" for "Länets kommuner"), with a Swedish ending added
(genitive -s, definite -en/-et/-n: "Länsstyrelsens", "1:1-anslaget"). A line
of the 1:1 appropriation (its scheme, or "1:1" in its financier or
appropriation) is also found as "1:1-anslaget", "anslag 1:1", "1:1-medel" or
"regionala tillväxtåtgärder", as memos name it. A name shorter than three
characters ("A", "LF") is found only as written, case and all, and with no
ending: in any case it would be an ordinary word ("en", "i").

A total is announced by "totalt" or "omsluter"; a sum, which may also be a
subtotal ("Summa offentlig finansiering"), by "summa" or "sammanlagt"; a
remainder by "resterande", "återstående" or "resten". A call or programme
(CALL) by "utlysningen", "ansökningsomgången", "ansökningar", "programmet" or
a count of projects, applications or beneficiaries ("14 projekt"): a total in
a sentence about one is the call's, not the project's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from finplan.model import FinancingLine, Plan

NAME, TOTAL, SUM, REMAINDER, CALL = "name", "total", "sum", "remainder", "call"

_ONE_TO_ONE = (
    "1:1-anslag", "anslag 1:1", "anslaget 1:1", "1:1-medel", "1:1-medlen", "regionala tillväxtåtgärder",
)
_ROLES = re.compile(
    r"(?<!\w)(?:(?P<total>totalt|total|totala|totalen|omsluter|omslutning)"
    r"|(?P<sum>summa|summan|sammanlagt|sammanlagda|sammantaget)|(?P<remainder>resterande|återstående|resten)"
    r"|(?P<call>utlysning(?:en|ar|arna)?|ansökningsomgång(?:en|ar|arna)?|ansökningar(?:na)?|programmet"
    r"|programperioden|insatsområdet|(?:[0-9]+|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo)\s+"
    r"(?:projekt|ansökningar|ärenden|stödmottagare|företag|beslut|sökande)))(?!\w)",
    re.IGNORECASE,
)
_ENDINGS = r"(?P<ending>s|en|ens|et|ets|n|ns)?"


@dataclass(frozen=True, slots=True)
class Cue:
    """A word in the memo that says what a figure near it is."""

    start: int
    end: int
    kind: str  # NAME, TOTAL, SUM, REMAINDER or CALL
    lines: tuple[FinancingLine, ...] = ()
    genitive: bool = False  # "Region Jämtland Härjedalens anslag": the owner of what follows


class Names:
    """The financiers of one plan, found in memo text in one pass."""

    def __init__(self, plan: Plan) -> None:
        self._lines: dict[str, list[FinancingLine]] = {}
        for line in plan.financing:
            for alias in aliases(line):
                found = self._lines.setdefault(alias, [])
                if line not in found:
                    found.append(line)
        self._short = {}
        for line in plan.financing:
            name = _normal(line.financier)
            if len(name) < 3:
                self._short.setdefault(line.financier.strip(), []).append(line)
        names = sorted(self._lines, key=len, reverse=True)
        self._patterns = [
            re.compile(rf"(?<!\w)(?P<name>{'|'.join(map(_as_pattern, names))}){_ENDINGS}(?!\w)", re.IGNORECASE)
        ] if names else []
        if self._short:
            short = sorted(self._short, key=len, reverse=True)
            self._patterns.append(re.compile(rf"(?<!\w)(?P<name>{'|'.join(map(re.escape, short))})(?P<ending>)(?!\w)"))

    def cues(self, text: str) -> list[Cue]:
        """The names, totals and remainders in `text`, in order."""
        found = [
            Cue(m.start(), m.end(), m.lastgroup) for m in _ROLES.finditer(text)
        ]
        for pattern in self._patterns:
            for m in pattern.finditer(text):
                lines = tuple(self._lines.get(_normal(m["name"])) or self._short[m["name"]])
                found.append(Cue(m.start(), m.end(), NAME, lines, genitive=m["ending"] in ("s", "ens", "ets", "ns")))
        return sorted(found, key=lambda cue: cue.start)


def aliases(line: FinancingLine) -> set[str]:
    """The names a memo may give the line's financier, lower case."""
    names = {_normal(line.financier)}
    texts = f"{line.financier} {line.appropriation or ''}"
    if line.scheme == "anslag_1_1" or "1:1" in texts:
        names.update(_ONE_TO_ONE)
    return {name for name in names if len(name) >= 3}


def _as_pattern(name: str) -> str:
    """A name as a pattern: its words apart by any white space, as a memo wraps them."""
    return r"\s+".join(map(re.escape, name.split(" ")))


def _normal(name: str) -> str:
    return " ".join(name.split()).lower()
