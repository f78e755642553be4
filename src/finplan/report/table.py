"""One look for every table of the report."""

from __future__ import annotations

from rich import box
from rich.table import Table

_NUMERIC = {"Amount", "Share", "Total", "Cap", "Margin", "Value"}


def new_table(title: str, *columns: str) -> Table:
    """A titled table; amount-like columns (and years) right-aligned and never wrapped."""
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
    for column in columns:
        numeric = column in _NUMERIC or column.isdigit()
        table.add_column(column, justify="right" if numeric else "left", no_wrap=numeric)
    return table
