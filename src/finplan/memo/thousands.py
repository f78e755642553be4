"""A table in thousands (or millions) of kronor: its bare numbers ("1 500", a cell with no unit) are thousands.

    Finansiering per år (tkr)

    Finansiär      | 2024 | 2025 | Totalt
    Region Exempel | 500  | 1 000 | 1 500

A caption that says so (a short paragraph that is no table row and no
sentence, with "tkr", "tusental kronor" or "tusen kronor": "Belopp i tkr";
"Tabellen ovan är i tkr." is a sentence about a table before it), or a table row that
does ("Finansiär | Belopp (tkr)"), sets the scale (`mnkr`, `miljoner kronor`:
millions, "| 2,66 |" for 2 660 000 kr to the 10 000) of the bare numbers of the
rows after it, and a cell of one group of digits ("| 475 |") is an amount
there too. The next paragraph that is no table row ends it, as it ends a
table. A number with its own unit ("2 658 tkr", "1 500 kronor") keeps it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from finplan.memo.figures import AMOUNT, Figure

# The unit alone, not an amount's own ("2 658 tkr", "Budget 38,6 mnkr" say nothing of a table's numbers).
_ALONE = r"(?<![0-9])(?<![0-9][\s\u00a0\u202f\u2009\u2007])(?<!\w)"
_THOUSANDS = re.compile(_ALONE + r"(?:tkr|tsek|ksek|tusentals?\s+kronor|tusen\s+kronor)(?!\w)", re.IGNORECASE)
_MILLIONS = re.compile(_ALONE + r"(?:mnkr|mkr|msek|miljoner\s+kronor)(?!\w)", re.IGNORECASE)
_ROW = re.compile(r"\||\t|\S {2,}\S")
_CAPTION = 100  # characters: a caption is short; a paragraph of prose that says "tkr" is no table's


class TableScale:
    """The scale of a table's bare numbers, carried from its caption or header to its rows."""

    def __init__(self) -> None:
        self.scale = 1

    def of(self, text: str) -> int:
        """The scale of the bare numbers of the unit `text`, read in memo order."""
        if _ROW.search(text):
            self.scale = _scale(text) or self.scale
        elif text.strip():
            caption = len(text) <= _CAPTION and not text.rstrip().endswith((".", "!", "?"))
            self.scale = (_scale(text) if caption else None) or 1
        return self.scale


def _scale(text: str) -> int | None:
    """1 000 where the text says its amounts are thousands, 1 000 000 where millions, else None."""
    if _THOUSANDS.search(text):
        return 1000
    if _MILLIONS.search(text):
        return 1_000_000
    return None


# A cell of a table row that is a number of one group ("| 475 |", "\t300\n"): in thousands, an amount.
_SMALL_CELL = re.compile(r"(?:^|(?<=\|)|(?<=\t))[ \t]*(?P<number>[0-9]{1,3}(?:,[0-9]{1,2})?)[ \t]*(?=\||\t|$)")


def small_cells(text: str, figures: list[Figure], scale: int) -> list[Figure]:
    """The cells of a row in thousands that hold a number of one group ("Jämtkraft | 25 | 100 | 300"), as amounts:
    in kronor such a number is no amount (a count, a note's number), in thousands it is one."""
    if scale == 1 or not _ROW.search(text):
        return []
    taken = [(figure.start, figure.end) for figure in figures]
    found = []
    for match in _SMALL_CELL.finditer(text):
        start, end = match.span("number")
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            continue
        whole, _, decimals = match["number"].partition(",")
        value = Decimal(f"{whole}.{decimals or 0}") * scale
        found.append(Figure(AMOUNT, match["number"], start, end, value, Decimal(1).scaleb(-len(decimals)) * scale,
                            bare=True))
    return found
