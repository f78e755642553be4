"""A plan's tables as `finplan check` shows them, as plain data, for a format that draws tables itself.

The HTML report's page of a plan shows the check's own tables: built once by
the text report (`named_tables`) and read here cell by cell, so every figure,
word and row is the check's and none is worked out a second time. Plain
tuples of strings: a worker hands them over pickled, and the tables of every
plan of a portfolio are held until its pages are written.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text

from finplan.report.check.text import named_tables

Cell = tuple[str, str]
"""A cell's text and its style as the text report draws it (`bold red`, `dim`, or empty)."""


@dataclass(frozen=True, slots=True)
class TableData:
    """One table: its name (`caps`), title, columns (English names, headers shown, which hold figures), rows.

    `ends` are the rows after which the text report draws a rule: a sum row follows one.
    """

    name: str
    title: str
    columns: tuple[str, ...]
    headers: tuple[str, ...]
    numeric: tuple[bool, ...]
    rows: tuple[tuple[Cell, ...], ...]
    ends: frozenset[int]


def plan_tables(plan, settings) -> tuple[TableData, ...]:
    """The tables `finplan check` prints for `plan` (a `finplan.model.Plan`) under its settings."""
    return tuple(_data(name, table) for name, table in named_tables(plan, settings))


def _data(name: str, table: Table) -> TableData:
    columns = tuple(table.names)
    cells = [list(map(_cell, column._cells)) for column in table.columns]
    rows = tuple(tuple(row) for row in zip(*cells, strict=True))
    ends = frozenset(index for index, row in enumerate(table.rows) if row.end_section)
    headers = tuple(str(column.header) for column in table.columns)
    numeric = tuple(column.justify == "right" for column in table.columns)
    return TableData(name, str(table.title), columns, headers, numeric, rows, ends)


def _cell(cell: object) -> Cell:
    if isinstance(cell, Text):
        return cell.plain, str(cell.style or "")
    return str(cell), ""
