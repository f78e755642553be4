"""A report's table drawn as plain text, character for character as Rich draws it without colour.

Rich lays a table out through its renderable machinery: a measurement, a
console render and a list of segments for every cell, about 11 ms for the
seed's tables, fifteen times the check itself. Where nothing is drawn but the
text (a file, a pipe, a CI log, a language server), this module lays out the
same table with strings: Rich's own rules for the column widths (measured as
`Text.__rich_measure__` does, collapsed with Rich's `_collapse_widths` and
`ratio_reduce`) and for each cell's lines (word wrap by Rich's
`divide_line`, then its justify, truncate and padding). Anything outside the
shape `finplan.report.table.new_table` builds, and any cell this module does
not know how to draw exactly (a tab, a character that is no printable text,
a cell narrower than its padding), is left to Rich, the table or the cell.
tests/test_plain_table.py holds the two drawings equal.
"""

from __future__ import annotations

import re
from operator import attrgetter

from rich._ratio import ratio_reduce
from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Column, Table
from rich.text import Text

_TRAILING_SPACE = re.compile(r"\s+$")  # as rich.text's, for rstrip_end
_WORD = re.compile(r"\s*\S+\s*")  # as rich._wrap's: a word and the space after it
_JOINERS = ("\u200d", "\ufe0f")  # they join characters into one cell, so widths stop adding up
_WIDE_OR_BREAKING = re.compile("[^\x20-\x7e\xa1-\xac\xae-\u02ff\u2013\u2014\u2026\u2192]")
"""Any character but those of one cell each (Latin letters, digits, the dashes, an ellipsis and an arrow), printable,
none a line break or a space but the space: a text of only those is as wide as it is long, and its width is told
without Rich's table of widths (which takes milliseconds to load). tests/test_plain_table.py holds Rich to one cell
for each."""


_LAYOUT = attrgetter("justify", "overflow", "no_wrap", "end")  # a text's own layout, which Rich follows
_DEFAULT_LAYOUT = (None, None, None, "\n")
_NO_LAYOUT = {_DEFAULT_LAYOUT}
_STYLE = attrgetter("style")
_TEXTS = {Text, str}


def draws_plain(console: Console) -> bool:
    """Whether the console writes the text alone: no colour to draw and nothing recorded (a file, a pipe, a CI log)."""
    return console.color_system is None and not console.record


def _narrow(text: str) -> bool:
    return _WIDE_OR_BREAKING.search(text) is None


class Measured:
    """A column's header and cells, and its measure as Rich's: its longest line, and (`least`) its longest word, or
    of a text of no word its longest line.

    `cells` are Text, or strings of narrow characters and no markup, which
    read as they are. `simple`: every one is one line of narrow characters
    (`_WIDE_OR_BREAKING`) with no layout of its own, so a width is a length;
    where not, `narrow` tells it of each.
    """

    __slots__ = ("cells", "plains", "simple", "most", "_narrow", "_least")

    def __init__(self, cells: list[Text | str]) -> None:
        self.cells = cells
        self.plains = plains = [cell if type(cell) is str else cell.plain for cell in cells]
        layouts = {_LAYOUT(cell) for cell in cells if type(cell) is not str}
        # One search over all of them joined: a line break within one is no narrow character.
        self.simple = _narrow("".join(plains)) and layouts <= _NO_LAYOUT
        if self.simple:
            self.most = max(map(len, plains))
        else:
            self.most = max(max(map(cell_len, plain.splitlines()), default=0) for plain in plains)
        self._narrow: list[bool] | None = None
        self._least: int | None = None

    def text(self, row: int) -> Text:
        """A cell as Text, as Rich reads it (a string here holds no markup)."""
        cell = self.cells[row]
        return Text(cell) if type(cell) is str else cell

    @property
    def least(self) -> int:
        if self._least is None:  # Rich's widths are its columns' longest lines: this is asked only at times
            if self.simple:
                blank = max(map(len, filter(str.isspace, self.plains)), default=0)
                self._least = max(max(map(len, " ".join(self.plains).split()), default=0), blank)
            else:
                self._least = max(
                    max(map(cell_len, plain.split()), default=max(map(cell_len, plain.splitlines()), default=0))
                    for plain in self.plains
                )
        return self._least

    @property
    def narrow(self) -> list[bool]:
        if self._narrow is None:
            self._narrow = [
                type(cell) is str or (_narrow(plain) and _LAYOUT(cell) == _DEFAULT_LAYOUT)
                for cell, plain in zip(self.cells, self.plains)
            ]
        return self._narrow


def measured(table: Table, console: Console, options: ConsoleOptions) -> list[Measured] | None:
    """Each column's header and cells, measured; None where a cell is no text nor string."""
    made: dict[str, Text] = {}

    def read(value: str) -> Text:  # as Rich reads a string in a table: as markup, with emoji codes
        if value not in made:
            made[value] = console.render_str(value, markup=options.markup, highlight=False)
        return made[value]

    columns = []
    for column in table.columns:
        cells = [column.header, *column._cells]
        if not set(map(type, cells)) <= _TEXTS:
            return None
        strings = "".join(cell for cell in cells if type(cell) is str)
        if not _narrow(strings) or "[" in strings or ":" in strings:  # markup, an emoji code: read as Rich reads it
            cells = [read(cell) if type(cell) is str else cell for cell in cells]
        columns.append(Measured(cells))
    return columns


def draws_alike(table: Table) -> bool:
    """Whether the table is of the shape this module draws as Rich does (every table new_table makes)."""
    top, _right, bottom, left = table.padding
    return (
        table.box is not None and table.show_header and not table.show_footer and not table.show_edge
        and not table.show_lines and not table.leading and not table.expand and table.width is None
        and table.min_width is None and not table.caption and not table.collapse_padding and not table.pad_edge
        and not (top or bottom or left) and not table.row_styles and not any(map(_STYLE, table.rows))
        and all(_plain_column(column) for column in table.columns) and bool(table.columns)
    )


def _plain_column(column: Column) -> bool:
    return (
        column.width is None and column.max_width is None and column.ratio is None and column.vertical == "top"
        and column.justify in ("left", "right") and column.overflow in ("fold", "crop", "ellipsis")
    )


def lines(table: Table, columns: list[Measured], console: Console, options: ConsoleOptions) -> list[str]:
    """The table's lines within `options.max_width`: title, header, rule, rows and the blank line of each section."""
    right = table.padding[1]
    pads = [0 if index == len(columns) - 1 else right for index in range(len(columns))]
    widths = _widths(table, columns, pads, options.max_width - (len(columns) - 1))
    box = table.box.substitute(options, safe=table.safe_box if table.safe_box is not None else console.safe_box)
    table_width = sum(widths) + len(columns) - 1
    drawn: list[str] = []
    title_from_rich = False
    if table.title:
        title, title_from_rich = _title(table, console, options, table_width)
        drawn.extend(title)
    drawn_columns, tall = [], set()
    for number, shape in enumerate(zip(columns, widths, pads)):
        drawn_columns.append(_column(table, console, options, number, shape, tall))
    head, section = box.get_row(widths, "head", edge=False), box.get_row(widths, "row", edge=False)
    dividers = (box.head_vertical, box.mid_vertical, box.foot_vertical)
    rows = list(zip(*drawn_columns))
    if not tall and len(set(dividers)) == 1:  # most tables: one line a row, one divider
        drawn_rows = list(map(dividers[0].join, rows))
    else:
        drawn_rows = [_row(cells, index, len(rows), widths, dividers, index in tall) for index, cells in enumerate(rows)]
    drawn.extend((drawn_rows[0], head))
    ends = [row.end_section for row in table.rows]
    for index in range(1, len(drawn_rows)):
        drawn.append(drawn_rows[index])
        if ends[index - 1] and index < len(drawn_rows) - 1:
            drawn.append(section)
    if tall:  # a row of more than one line is its lines joined by line breaks, which no line holds else
        drawn = "\n".join(drawn).split("\n")
    if table_width > options.max_width or title_from_rich:  # as `Console.print` cuts a line too wide for it
        drawn = [line if cell_len(line) <= options.max_width else set_cell_size(line, options.max_width) for line in drawn]
    return drawn


def _row(cells: tuple[str, ...], index: int, rows: int, widths: list[int], dividers: tuple[str, ...], tall: bool) -> str:
    """A row's line, or its lines joined by line breaks where a cell takes more than one: the header's cells at the
    bottom of the row, the others' at the top."""
    first, last = index == 0, index == rows - 1
    divider = dividers[0] if first else (dividers[2] if last else dividers[1])
    if not tall:
        return divider.join(cells)
    shaped = [cell.split("\n") for cell in cells]
    height = max(map(len, shaped))
    for number, cell in enumerate(shaped):
        blank = [" " * widths[number]] * (height - len(cell))
        shaped[number] = blank + cell if first else cell + blank
    return "\n".join(divider.join(parts) for parts in zip(*shaped))


def _widths(table: Table, columns: list[Measured], pads: list[int], limit: int) -> list[int]:
    """Each column's width with its padding, as `Table._calculate_column_widths` gives them."""
    shapes = list(zip(table.columns, columns, pads))
    widths = [_widest(column, found, pad, limit) or 1 for column, found, pad in shapes]
    if sum(widths) > limit:
        wrapping = [column.width is None and not column.no_wrap for column in table.columns]
        widths = Table._collapse_widths(widths, wrapping, limit)
        if sum(widths) > limit:
            widths = ratio_reduce(sum(widths) - limit, [1] * len(widths), widths, widths)
        widths = [_widest(column, found, pad, width) or 0 for (column, found, pad), width in zip(shapes, widths)]
    return widths


def _widest(column: Column, found: Measured, pad: int, limit: int) -> int:
    """A column's widest within `limit`, as `Table._measure_column` gives it (its narrowest plays no part in widths).

    Rich measures each cell (in its Padding, where the table has any) and takes
    the largest; every step of that is monotonic, so the longest line of the
    column, measured once, gives the same.
    """
    if limit < 1:
        return 0
    most = limit if pad and limit - pad < 1 else min(found.most + pad, limit)
    if column.min_width is not None:
        most = max(most, column.min_width + pad)
    return most


def _column(
    table: Table, console: Console, options: ConsoleOptions, number: int, shape: tuple[Measured, int, int], tall: set[int]
) -> list[str]:
    """Each cell of a column drawn in its width, its lines joined by line breaks; the rows of more than one put in `tall`."""
    found, width, pad = shape
    column = table.columns[number]
    inner = width - pad
    left = column.justify == "left"
    if found.simple and found.most <= inner:  # most columns: every cell one line that fits
        return [_padded(plain, inner, pad, left) for plain in found.plains]
    drawn: list[str] = []
    for row, (plain, narrow) in enumerate(zip(found.plains, found.narrow)):
        if narrow and len(plain) <= inner:  # most cells: one line that fits
            drawn.append(_padded(plain, inner, pad, left))
            continue
        text = found.text(row)
        lines = None
        if inner >= 1:
            lines = text_lines(
                text, plain, inner, text.justify or column.justify, text.overflow or column.overflow,
                column.no_wrap if text.no_wrap is None else text.no_wrap,
            )
        if lines is None:
            lines = _rich_cell(table, console, options, number, row, width)
        elif pad:
            lines = [line + " " * pad for line in lines]
        if len(lines) > 1:
            tall.add(row)
        drawn.append("\n".join(lines))
    return drawn


def _padded(plain: str, width: int, pad: int, left: bool) -> str:
    """A line of narrow characters that fits `width`, justified as Rich justifies it (to the right without the
    space it ends in), and the column's padding after it."""
    return plain.ljust(width + pad) if left else plain.rstrip().rjust(width) + " " * pad


def text_lines(text: Text, plain: str, width: int, justify: str, overflow: str, no_wrap: bool) -> list[str] | None:
    """`text` in lines of `width` cells, as `Text.wrap` and `Console.render_lines` make them; None where only Rich can say."""
    if justify not in ("left", "right") or overflow not in ("fold", "crop", "ellipsis") or text.end != "\n":
        return None
    drawn = []
    for line in plain.split("\n"):
        if not line.isprintable():  # a tab, a line separator: Rich's own rules
            return None
        narrow = _narrow(line)
        if no_wrap or fits(line, width):
            pieces = [line]
        else:
            offsets = (_divide_narrow if narrow else divide_line)(line, width, fold=overflow == "fold")
            bounds = [0, *offsets, len(line)]
            pieces = [_rstrip_end(line[start:end], width) for start, end in zip(bounds, bounds[1:])]
        if narrow:  # as below, with lengths for widths
            drawn.extend(_narrow_piece(piece, width, justify == "left", overflow) for piece in pieces)
            continue
        for piece in pieces:
            if justify == "left":
                piece = _truncate(piece, width, overflow, pad=True)
            else:
                piece = _truncate(piece.rstrip(), width, overflow)
                piece = " " * (width - cell_len(piece)) + piece
            drawn.append(set_cell_size(_truncate(piece, width, overflow), width))
    return drawn


def _narrow_piece(piece: str, width: int, left: bool, overflow: str) -> str:
    """A piece of a line of narrow characters justified and truncated to `width`, as below for any piece."""
    if not left:
        piece = piece.rstrip()
    if len(piece) > width:
        piece = piece[: width - 1] + "…" if overflow == "ellipsis" else piece[:width]
    return piece.ljust(width) if left else piece.rjust(width)


def _divide_narrow(line: str, width: int, fold: bool = True) -> list[int]:
    """Where `rich._wrap.divide_line` breaks a line of narrow characters to fit `width`: its rules, with lengths
    for widths."""
    breaks: list[int] = []
    offset = 0
    for word in _WORD.finditer(line):
        start, text = word.start(), word.group()
        length = len(text.rstrip())
        if width - offset >= length:
            offset += len(text)
        elif length > width:
            pieces = [text[at : at + width] for at in range(0, len(text), width)] if fold else [text]
            for piece in pieces[:-1]:  # folded over as many lines as it takes
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = len(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(text)
    return breaks


def fits(line: str, width: int) -> bool:
    """Whether `line` takes at most `width` cells, counted character by character (nothing joins two into one)."""
    return len(line) <= width and cell_len(line) <= width and not any(joiner in line for joiner in _JOINERS)


def _rstrip_end(piece: str, width: int) -> str:
    """Whitespace past `width` at the end taken away, as `Text.rstrip_end`."""
    excess = len(piece) - width
    if excess > 0:
        space = _TRAILING_SPACE.search(piece)
        if space is not None:
            return piece[: len(piece) - min(len(space.group(0)), excess)]
    return piece


def _truncate(piece: str, width: int, overflow: str, pad: bool = False) -> str:
    """As `Text.truncate`."""
    length = cell_len(piece)
    if length > width:
        return set_cell_size(piece, width - 1) + "…" if overflow == "ellipsis" else set_cell_size(piece, width)
    if pad and length < width:
        return piece + " " * (width - length)
    return piece


def _title(table: Table, console: Console, options: ConsoleOptions, width: int) -> tuple[list[str], bool]:
    """The title's lines, and whether Rich drew them (and they may be wider than the table)."""
    title = table.title
    overflow = options.overflow or "fold"
    if isinstance(title, str) and table.title_justify == "left" and overflow != "ignore" and len(title) <= width:
        if _narrow(title) and "[" not in title and ":" not in title:  # most titles: no markup, one line that fits
            return [title.ljust(width)], False
    style = table.title_style or "table.title"
    text = console.render_str(title, style=style, highlight=False) if isinstance(title, str) else title
    justify = text.justify or table.title_justify or "default"
    overflow = text.overflow or overflow
    plain = text.plain
    no_wrap = text.no_wrap if text.no_wrap is not None else bool(options.no_wrap)
    if width >= 1 and overflow != "ignore":
        drawn = text_lines(text, plain, width, justify, overflow, no_wrap)
        if drawn is not None:
            return drawn, False
    shown = options.update(width=width, highlight=table.highlight, height=None).update(justify=table.title_justify)
    return [_joined(line) for line in Segment.split_lines(console.render(text, shown))], True


def _rich_cell(table: Table, console: Console, options: ConsoleOptions, number: int, row: int, width: int) -> list[str]:
    """One cell drawn by Rich itself, as `Table._render` draws it."""
    column = table.columns[number]
    value = column.header if row == 0 else column._cells[row - 1]
    if any(table.padding):
        right = 0 if number == len(table.columns) - 1 else table.padding[1]
        value = Padding(value, (0, right, 0, 0))
    cell_options = options.update(
        width=width, justify=column.justify, no_wrap=column.no_wrap, overflow=column.overflow, height=None,
        highlight=column.highlight,
    )
    return [_joined(line) for line in console.render_lines(value, cell_options)]


def _joined(line: list[Segment]) -> str:
    return "".join(segment.text for segment in line)


def minimum_width(table: Table, columns: list[Measured], limit: int) -> int:
    """The narrowest the table can be drawn with every cell of a whole column (amounts, keywords) whole."""
    if limit < 1:
        return (len(columns) - 1) * (1 + table.padding[1] + table.padding[3])
    widths = []
    for column, found in zip(table.columns, columns):
        most = min(found.most, limit)
        if column.no_wrap:
            widths.append(most)
        else:
            widths.append(min(most, column.min_width) if column.min_width else min(found.least, limit))
    gaps = (len(widths) - 1) * (1 + table.padding[1] + table.padding[3])
    return sum(widths) + gaps
