"""One look for every table of the report."""

from __future__ import annotations

from rich import box
from rich.table import Table

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
