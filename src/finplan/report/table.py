"""One look for every table of the report."""

from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.table import Table
from rich.text import Text

from finplan.money import format_number

# Right-aligned and kept whole: an amount split over two lines misreads.
_NUMERIC = {"Amount", "Share", "Total", "Margin", "Value", "Limit"}
# One word each (a code, a sector, a status): cut, they would read as another.
_KEYWORDS = {"Id", "Sector", "Form", "Status", "Kind", "Category", "Profile", "Code", "Severity"}


def new_table(title: str, *columns: str, gap: int = 1) -> Table:
    """A titled table; amounts and years right-aligned, amounts and keywords never cut or wrapped.

    `gap` spaces stand between columns: one lets the financing fit 80 columns,
    where each amount ends in `kr`; columns of bare amounts (`1 000 000`) need
    two, or their digit groups and the gap between them read alike.
    """
    table = Table(
        title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False,
        padding=(0, gap - 1, 0, 0), show_edge=False,  # the box itself puts one space between columns
    )
    for column in columns:
        numeric = column in _NUMERIC or column.isdigit()
        whole = numeric or column in _KEYWORDS
        table.add_column(
            column,
            justify="right" if numeric else "left",
            no_wrap=whole,
            # Where a terminal is too narrow for the table, a whole cell folds
            # onto a second line rather than losing its end to an ellipsis.
            overflow="fold" if whole else "ellipsis",
            min_width=None if whole else min(10, max(len(column), 4)),
        )
    return table


MAX_ROWS = 40
"""Lines a table shows; a plan of thousands of lines is read through its sums and findings."""


def add_lines(table: Table, lines: list, row) -> None:
    """A row for each of the first MAX_ROWS lines, then one saying how many more there are."""
    for line in lines[:MAX_ROWS]:
        table.add_row(*row(line))
    if len(lines) > MAX_ROWS:
        more = format_number(Decimal(len(lines) - MAX_ROWS))
        table.add_row(Text(f"… {more} more", style="dim"))
