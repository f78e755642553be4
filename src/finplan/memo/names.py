"""What a memo's words say a figure is: a financier's, the total, or the remainder.

A financier is found by its name as the plan writes it, in any case
("länets kommuner" for "Länets kommuner"), with a Swedish ending added
(genitive -s, definite -en/-et/-n: "Länsstyrelsens", "1:1-anslaget"). A line
of the 1:1 appropriation (its scheme, or "1:1" in its financier or
appropriation) is also found as "1:1-anslaget", "anslag 1:1", "1:1-medel" or
"regionala tillväxtåtgärder", as memos name it. Names shorter than three
characters are not looked for: they would be found inside ordinary words.

A total is announced by "totalt", "omsluter", "summa", "sammanlagt"; a
remainder by "resterande", "återstående", "resten".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from finplan.model import FinancingLine, Plan

NAME, TOTAL, REMAINDER = "name", "total", "remainder"

_ONE_TO_ONE = (
    "1:1-anslag", "anslag 1:1", "anslaget 1:1", "1:1-medel", "1:1-medlen", "regionala tillväxtåtgärder",
)
_ROLES = re.compile(
    r"(?<!\w)(?:(?P<total>totalt|total|totala|totalen|omsluter|omslutning|summa|summan|sammanlagt"
    r"|sammanlagda|sammantaget)|(?P<remainder>resterande|återstående|resten))(?!\w)",
    re.IGNORECASE,
)
_ENDINGS = r"(?P<ending>s|en|ens|et|ets|n|ns)?"


@dataclass(frozen=True, slots=True)
class Cue:
    """A word in the memo that says what a figure near it is."""

    start: int
    end: int
    kind: str  # NAME, TOTAL or REMAINDER
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
        names = sorted(self._lines, key=len, reverse=True)
        self._pattern = (
            re.compile(rf"(?<!\w)(?P<name>{'|'.join(map(_as_pattern, names))}){_ENDINGS}(?!\w)", re.IGNORECASE)
            if names else None
        )

    def cues(self, text: str) -> list[Cue]:
        """The names, totals and remainders in `text`, in order."""
        found = [
            Cue(m.start(), m.end(), TOTAL if m["total"] else REMAINDER) for m in _ROLES.finditer(text)
        ]
        if self._pattern is not None:
            for m in self._pattern.finditer(text):
                lines = tuple(self._lines[_normal(m["name"])])
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
