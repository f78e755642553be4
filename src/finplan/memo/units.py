"""What every reader of a memo shares: the unit of text figures are read in, plain text's units, and the refusals.

`read` (plain text), `word` and `pdf` all build their units here, so that
neither format's reader imports the module that chooses between them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from finplan.errors import InputError
from finplan.findings import Position
from finplan.i18n import Message
from finplan.memo.limits import MemoLimits

_TABLE_ROW = re.compile(r"\||\t|\S {2,}\S")


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph or table row of a memo: its text, and where its lines start in the file."""

    text: str
    line: int
    breaks: tuple[int, ...] = (0,)  # offset in `text` where each of its lines starts
    column: int = 1  # column of its first character

    def position(self, offset: int) -> Position:
        """The file's line and column of the character at `offset` in this unit."""
        index = bisect.bisect_right(self.breaks, offset) - 1
        column = offset - self.breaks[index] + (self.column if index == 0 else 1)
        return Position(self.line + index, column)


def text_units(text: str, first_line: int = 1) -> list[Unit]:
    """Paragraphs and table rows of plain text, its first line numbered `first_line`."""
    units: list[Unit] = []
    lines: list[tuple[int, str]] = []

    def close() -> None:
        if lines:
            breaks, offset = [], 0
            for _, line in lines:
                breaks.append(offset)
                offset += len(line) + 1
            units.append(Unit("\n".join(line for _, line in lines), lines[0][0], tuple(breaks)))
            lines.clear()

    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), first_line):
        if not line.strip():
            close()
        elif _TABLE_ROW.search(line.strip()):
            close()
            units.append(Unit(line, number))
        else:
            lines.append((number, line))
    close()
    return units


def utf8_text(data: bytes) -> str:
    """A text or HTML memo's bytes as text: UTF-8, a byte-order mark left out."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(Message("is not UTF-8 text (byte {byte}); save it as UTF-8", byte=error.start + 1)) from None


def too_much_text(limits: MemoLimits) -> InputError:
    return InputError(Message("has more than {limit} characters of text, the limit for a memo",
                              limit=limits.max_text_chars))


def encrypted() -> InputError:
    """A Word or PDF memo that opens only with a password."""
    return InputError(Message("is encrypted (password-protected); save it without a password"))


def reason(error: Exception) -> str:
    """A library's own words for what is wrong with a file, cut short: never the file's content at length."""
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 120 else text[:120] + "…"
