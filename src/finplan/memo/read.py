"""A memo file as the units of text its figures are read in, each knowing its place.

A unit is a paragraph or a table row: the span in which a figure and the
financier it names are read together. Where a unit's line and column are:

- .txt and .md: the file's own lines. A paragraph runs to the next blank line;
  a line that looks like a table row (a `|`, a tab, or a gap of two spaces
  between words) is a unit of its own, so that one row never names another's figure.
- .docx: "line" is the number of the paragraph or table row, counted from the
  top of the document body (every paragraph, empty ones too, and every row).
  A row's cells are joined with " | ", and the column counts in that text.
- .pdf: "line" is the line of the text extracted from the pages, counted over
  all pages, which are read as one .txt file would be. (Extracted text has no
  blank lines, so a paragraph is told from the next by its sentences only.)

python-docx and pypdf are imported here only, by the functions that need them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from finplan.errors import InputError
from finplan.findings import Position
from finplan.i18n import Message
from finplan.loader import DEFAULT_LIMITS, read_bytes

MEMO_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
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


def read_memo(path: str | Path) -> list[Unit]:
    """The units of the memo at `path`; InputError says why it cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in MEMO_SUFFIXES:
        raise InputError(Message("is not a memo finplan reads; expected a file ending in {suffixes}",
                                 suffixes=", ".join(MEMO_SUFFIXES)))
    data = read_bytes(path)
    if len(data) > DEFAULT_LIMITS.max_bytes:
        raise InputError(
            Message("is larger than the limit of {limit_bytes} bytes", limit_bytes=DEFAULT_LIMITS.max_bytes)
        )
    if suffix == ".docx":
        return _docx_units(path)
    if suffix == ".pdf":
        return _pdf_units(path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(Message("is not UTF-8 text (byte {byte}); save it as UTF-8", byte=error.start + 1)) from None
    return text_units(text)


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


def _docx_units(path: Path) -> list[Unit]:
    try:
        import docx
        from docx.table import Table
    except ImportError:  # pragma: no cover - the `memo` extra is not installed
        raise InputError(
            Message("is a Word document; reading one needs python-docx (pip install 'finplan[memo]')")
        ) from None
    try:
        document = docx.Document(str(path))
        units = []
        number = 0
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    number += 1
                    units.append(Unit(" | ".join(_cells(row)), number))
            else:
                number += 1
                if block.text.strip():
                    units.append(Unit(block.text, number))
        return units
    except Exception as error:  # python-docx raises many kinds on a damaged file
        raise InputError(
            Message("cannot be read as a Word document (.docx): {reason}", reason=_reason(error))
        ) from None


def _cells(row) -> list[str]:
    """A row's cells once each: a merged cell is the same cell in each column it spans."""
    seen, texts = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            texts.append(cell.text.replace("\n", " "))
    return texts


def _pdf_units(path: Path) -> list[Unit]:
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - the `memo` extra is not installed
        raise InputError(Message("is a PDF; reading one needs pypdf (pip install 'finplan[memo]')")) from None
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise InputError(Message("is an encrypted PDF; finplan reads only PDFs that open without a password"))
        # One text over all pages: a paragraph that runs onto the next page stays one.
        return text_units("\n".join((page.extract_text() or "").rstrip("\n") for page in reader.pages))
    except InputError:
        raise
    except Exception as error:  # pypdf raises many kinds on a damaged file
        raise InputError(Message("cannot be read as a PDF: {reason}", reason=_reason(error))) from None


def _reason(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 120 else text[:120] + "…"
