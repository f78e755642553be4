"""A memo table whose header row holds years: the amounts under a year are that year's, never a line's whole.

    Finansiär        | 2020    | 2021    | 2022    | Totalt
    Region Test      | 300 000 | 400 000 | 300 000 | 1 000 000

The header is a row (cells apart as `units` tells a row: a `|`, a tab, two
spaces; Word's and HTML's cells joined by " | ") with no amount and no
financier's name, and a year in one cell or more ("2020", "År 2020"). The
rows under it, up to the next such header or the next unit that is no row,
are read against its columns: an amount in a year's column is the amount for
that year of the financier the row names outside the year columns (or of the
whole financing, in a row of "Summa" or "Totalt"). An amount in another
column ("Totalt", "Belopp") is that financier's whole, or the plan's total in
a sum row (`memo.match`). A header of no year ends
the year columns: the next table's "Finansiär | Belopp" is read as before.

A cell is told by counting the cell edges before a figure: one pass over the
row's text, so a row costs what its length does.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from finplan.memo.figures import AMOUNT, Figure
from finplan.memo.names import NAME, SUM, TOTAL, Names
from finplan.model import FinancingLine

_EDGE = re.compile(r"[ \t]*\|[ \t]*|\t[ \t]*| {2,}")
_YEAR = re.compile(r"(?:år\s+)?((?:19|20)\d\d)", re.IGNORECASE)
_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class YearCells:
    """A row's amounts in year columns (by the figure's id), and whose they are: a financier's lines, or, in a sum
    row, the whole financing (`everyone`)."""

    years: dict[int, int] = field(default_factory=dict)
    lines: tuple[FinancingLine, ...] = ()
    everyone: bool = False


_NONE = YearCells()


class YearColumns:
    """The year columns of the table being read, carried from its header to its rows."""

    def __init__(self) -> None:
        self.years: tuple[int | None, ...] | None = None  # the header's cells: a year, or None
        self.header: dict[int, int] = {}  # the last unit read, if a header: each year and where it is in the unit

    def read(self, text: str, figures: list[Figure], names: Names) -> YearCells:
        """The unit's amounts that stand in year columns. A header sets the columns; a unit that is no row ends them."""
        self.header = {}
        edges = [match.start() for match in _EDGE.finditer(text)]
        if not edges:
            self.years = None
            return _NONE
        cues = names.cues(text)  # a row's only: prose is not read twice
        named = [cue for cue in cues if cue.kind == NAME]
        amounts = [figure for figure in figures if figure.kind == AMOUNT]
        if not amounts:
            if not named and _WORD.search(text):  # a header; a rule of dashes ("|---|---|") is none
                starts = [0, *(match.end() for match in _EDGE.finditer(text))]
                cells = _EDGE.split(text)
                years = tuple(int(match[1]) if (match := _YEAR.fullmatch(cell.strip())) else None for cell in cells)
                self.years = years if any(year is not None for year in years) else None
                self.header = {year: start + text[start:].index(str(year))
                               for year, start in zip(years, starts, strict=True) if year is not None}
            return _NONE
        if self.years is None:
            return _NONE
        columns = self.years

        def year_of(offset: int) -> int | None:
            column = bisect.bisect_right(edges, offset)
            return columns[column] if column < len(columns) else None

        years = {id(figure): year for figure in amounts if (year := year_of(figure.start)) is not None}
        if not years:
            return _NONE
        financier = next((cue for cue in named if year_of(cue.start) is None), None)
        if financier is not None:
            return YearCells(years, financier.lines)
        summed = any(cue.kind in (SUM, TOTAL) and year_of(cue.start) is None for cue in cues)
        return YearCells(years, everyone=summed)
