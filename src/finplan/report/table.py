"""One look for every table of the report."""

from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.table import Row, Table
from rich.text import Text

from finplan.i18n import _
from finplan.money import format_number
from finplan.report import plain_table

# Columns are known by their English names (marked N_ where a table is built);
# only the header shown is translated.
# Right-aligned and kept whole: an amount split over two lines misreads.
_NUMERIC = {"Amount", "Share", "Total", "Margin", "Value", "Limit"}
# One word each (a code, a sector, a status): cut, they would read as another.
_KEYWORDS = {"Id", "Sector", "Form", "Status", "Kind", "Category", "Profile", "Code", "Severity"}


class FittedTable(Table):
    """A table that, where the terminal is too narrow for it, turns into one block per row.

    An amount folded over two lines, or cut short, reads as another amount; so
    rather than squeeze its columns, a table that does not fit whole shows each
    row as a block of `label  value` lines, every value whole. Its cells are
    text (Text, or a string of markup). Where nothing but the text is drawn, the
    table is laid out by finplan.report.plain_table, as Rich would lay it out.
    """

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        columns = plain_table.measured(self, console, options)
        if columns is None:
            yield from super().__rich_console__(console, options)
        elif plain_table.minimum_width(self, columns, options.max_width) > options.max_width:
            yield from _blocks(self)
        elif plain_table.draws_plain(console) and plain_table.draws_alike(self):
            yield Segment("".join(f"{line}\n" for line in plain_table.lines(self, columns, console, options)))
        else:
            yield from super().__rich_console__(console, options)

    def add_row(self, *cells, style=None, end_section: bool = False) -> None:
        """A row of text and strings; other cells, a row with a style or wider than the table, as Rich adds them."""
        columns = self.columns
        if style is not None or len(cells) > len(columns) or not set(map(type, cells)) <= _TEXTS:
            super().add_row(*cells, style=style, end_section=end_section)
            return
        for column, cell in zip(columns, cells):
            column._cells.append(cell)
        for column in columns[len(cells):]:
            column._cells.append("")  # as Rich fills a short row
        self.rows.append(Row(end_section=end_section))

    def plain_lines(self, console: Console, options: ConsoleOptions) -> list[str] | None:
        """The table's lines as text, as Rich draws them without colour; None where it shows as blocks or Rich must draw it."""
        # A table kept and shown again (the numbers in force, the same for a folder's plans) is laid out once
        # for the same width and console: everything its lines depend on, and its rows, in case more were added.
        key = (
            len(self.rows), options.max_width, options.encoding, options.ascii_only, options.legacy_windows,
            options.markup, options.no_wrap, options.overflow, console.safe_box,
        )
        kept = self.__dict__.get("_drawn")
        if kept is not None and kept[0] == key:
            return kept[1]
        drawn = None
        if plain_table.draws_alike(self):
            columns = plain_table.measured(self, console, options)
            if columns is not None and plain_table.minimum_width(self, columns, options.max_width) <= options.max_width:
                drawn = plain_table.lines(self, columns, console, options)
        self._drawn = (key, drawn)
        return drawn


_TEXTS = {Text, str}


def _blocks(table: Table) -> RenderResult:
    from rich.padding import Padding

    if table.title:
        yield Text(str(table.title), style="bold")
    labels = [str(column.header) for column in table.columns]
    for first, *rest in zip(*(list(column.cells) for column in table.columns), strict=False):
        yield Padding(_text(first), (0, 0, 0, 2))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column()  # a long value wraps under itself, not under the label
        for label, cell in zip(labels[1:], rest, strict=False):
            if _text(cell).plain:
                grid.add_row(label, _text(cell))
        yield Padding(grid, (0, 0, 0, 4))


def _text(cell: object) -> Text:
    return cell if isinstance(cell, Text) else Text(str(cell))


def new_table(title: str, *columns: str, gap: int = 1) -> FittedTable:
    """A titled table; amounts and years right-aligned, amounts and keywords never cut or wrapped.

    `columns` are the columns' English names, which decide how each is laid
    out; the header shows each translated into the current language.

    `gap` spaces stand between columns: one lets the financing fit 80 columns,
    where each amount ends in `kr`; columns of bare amounts (`1 000 000`) need
    two, or their digit groups and the gap between them read alike.
    """
    table = FittedTable(
        title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False,
        padding=(0, gap - 1, 0, 0), show_edge=False,  # the box itself puts one space between columns
    )
    for column in columns:
        numeric = column in _NUMERIC or column.isdigit()
        whole = numeric or column in _KEYWORDS
        shown = _(column)
        table.add_column(
            shown,
            justify="right" if numeric else "left",
            no_wrap=whole,
            # Where a terminal is too narrow for the table, a whole cell folds
            # onto a second line rather than losing its end to an ellipsis.
            overflow="fold" if whole else "ellipsis",
            min_width=None if whole else min(10, max(len(shown), 4)),
        )
    table.names = columns  # the English names, by which a format that draws the table itself knows its columns
    return table


MAX_ROWS = 40
"""Lines a table shows; a plan of thousands of lines is read through its sums and findings."""
MAX_YEARS = 12
"""Year columns a table shows: a project's years fit, and a plan with a year on every line
(FP202 reports each one outside the period) does not make a table thousands of columns wide."""


def add_lines(table: Table, lines: list, row) -> None:
    """A row for each of the first MAX_ROWS lines, then one saying how many more there are."""
    for line in lines[:MAX_ROWS]:
        table.add_row(*row(line))
    if len(lines) > MAX_ROWS:
        more = format_number(Decimal(len(lines) - MAX_ROWS))
        table.add_row(Text(_("… {n} more").format(n=more), style="dim"))
