"""A memo file as the units of text its figures are read in, each knowing its place.

A unit is a paragraph or a table row: the span in which a figure and the
financier it names are read together. Where a unit's line and column are:

- .txt and .md: the file's own lines. A paragraph runs to the next blank line;
  a line that looks like a table row (a `|`, a tab, or a gap of two spaces
  between words) is a unit of its own, so that one row never names another's figure.
- .docx: "line" is the number of the paragraph or table row, counted from the
  top of the document body (every paragraph, empty ones too, and every row),
  then on through its footnotes and endnotes (in the order of their marks),
  its headers and its footers. A row's cells are joined with
  " | ", and the column counts in that text. The text is Word's as it shows
  it, tracked changes accepted (`wordml`).
- .html and .htm: the source's own lines; a unit is a block a browser sets
  apart (a paragraph, a heading, a table row), its text as the browser shows
  it (`htmlpage`).
- .pdf: "line" is the line of the text extracted from the pages, counted over
  all pages, which are read as one .txt file would be. (Extracted text has no
  blank lines, so a paragraph is told from the next by its sentences only.)

The file is opened once, without waiting (a named pipe is refused, never
waited on), and read no further than one byte past its size limit; Word and
PDF readers get those bytes, never the path. Every limit (`MemoLimits`) is
checked before the work it bounds. python-docx and pypdf are imported only
by the modules that read those formats (`word`, `pdf`), when a memo needs them.
"""

from __future__ import annotations

import os
from pathlib import Path

from finplan.errors import InputError
from finplan.files import remember
from finplan.i18n import Message
from finplan.files import open_regular
from finplan.memo.limits import MEMO_LIMITS, MemoLimits
from finplan.memo.units import Unit, text_units, too_much_text, utf8_text

MEMO_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")


def read_memo(path: str | Path, limits: MemoLimits | None = None) -> list[Unit]:
    """The units of the memo at `path`, within `limits` (MEMO_LIMITS); InputError says why it cannot be read."""
    limits = limits or MEMO_LIMITS
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in MEMO_SUFFIXES:
        raise InputError(Message("is not a memo finplan reads; expected a file ending in {suffixes}",
                                 suffixes=", ".join(MEMO_SUFFIXES)))
    return memo_units(read_once(path, limits), suffix, limits)


def memo_units(data: bytes, suffix: str, limits: MemoLimits = MEMO_LIMITS) -> list[Unit]:
    """The units of a memo's bytes, read as the format `suffix` names (".txt", ".md", ".docx", ".pdf", ".html", ".htm");
    InputError where there is no text in them to check."""
    units = _units(data, suffix, limits)
    if not any(unit.text.strip() for unit in units):
        # Nothing read is nothing checked: a pass here would vouch for figures no one has seen.
        raise InputError(Message("has no text; a scanned PDF needs its text layer (OCR) before its figures can be checked"))
    return units


def _units(data: bytes, suffix: str, limits: MemoLimits) -> list[Unit]:
    if len(data) > limits.max_bytes:
        raise _too_large(limits)
    if suffix == ".docx":
        from finplan.memo.word import docx_units

        return docx_units(data, limits)
    if suffix == ".pdf":
        from finplan.memo.pdf import pdf_units

        return pdf_units(data, limits)
    if suffix in (".html", ".htm"):
        from finplan.memo.htmlpage import html_units

        return html_units(data, limits)
    text = utf8_text(data)
    if len(text) > limits.max_text_chars:
        raise too_much_text(limits)
    return text_units(text)


def read_once(path: Path, limits: MemoLimits = MEMO_LIMITS) -> bytes:
    """The file's bytes, from one opening that never waits, no more than one byte past the size limit.

    A named pipe, a device or a socket is refused on what the opened file is
    (`fstat`), so nothing is read twice and nothing waits for a writer.
    """
    try:
        stream = open_regular(path, Message(
            "is not a regular file (a named pipe, a device or a socket); finplan reads a memo from a file"
        ))
    except FileNotFoundError:
        raise InputError(Message("does not exist")) from None
    except IsADirectoryError:
        raise InputError(Message("is a folder, not a memo file")) from None
    except PermissionError:
        raise InputError(Message("cannot be read: permission denied")) from None
    except OSError as error:  # a socket (ENXIO), a name too long, a loop of links
        raise InputError(Message("cannot be read: {reason}", reason=error.strerror or error)) from None
    with stream:
        status = os.fstat(stream.fileno())
        remember(path, status)
        if status.st_size > limits.max_bytes:
            raise _too_large(limits)
        try:
            return stream.read(limits.max_bytes + 1)  # one byte past the limit at most, which memo_units refuses
        except OSError as error:
            raise InputError(Message("cannot be read: {reason}", reason=error.strerror or error)) from None


def _too_large(limits: MemoLimits) -> InputError:
    return InputError(Message("is larger than the limit of {limit_bytes} bytes", limit_bytes=limits.max_bytes))
