"""An HTML memo (.html, .htm) as units: the text a browser shows, a block or table row a unit, each at its source line.

The standard library's `html.parser` reads it, entities decoded (a
character reference of more than ten digits is no character: U+FFFD). What a
browser does not show is not read: scripts, styles, templates, the page's
title and the rest of its head, comments. Text hidden by CSS or the `hidden`
attribute is read all the same: finplan does not lay the page out.

A unit is what a browser sets apart: a paragraph, heading, list item, a
`<div>`'s own text, a table row (its cells joined by " | "). Runs of white
space become one space, as a browser shows them, so "13 622" at a line's
end and "400" on the next read as 13 622 400; a no-break space stays. `<br>` is
a line break inside the unit. Every word of a unit knows its source line and
column, so a figure is placed where it stands in the source, whatever tags
and line breaks lie between it and the unit's start.

Before it is parsed, the page is held to two limits: `max_html_chars`
characters of source, and `max_html_tags` tags and character references
(every `<` and `&`), since `html.parser` and the reading of each take some
microseconds. A tag,
comment or script that is never closed, with more than a thousand characters
after it, is refused: the parser would read what follows again from each
`<` in it, in time that grows with its square (a browser shows none of it,
or all of it as text).
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from finplan.errors import InputError
from finplan.findings import Position
from finplan.i18n import Message
from finplan.memo.limits import MemoLimits
from finplan.memo.units import Unit, reason, too_much_text, utf8_text

# What a browser does not show: scripts, styles, templates, the title, what is for browsers without scripts, an
# inline frame's fallback text.
_NOT_SHOWN = frozenset(("script", "style", "template", "title", "noscript", "iframe"))
_BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html",
    "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul",
))
_CELLS = frozenset(("td", "th"))
_UNCLOSED = 1_000  # what may follow a construct never closed: a stray "<b" at the page's end
_WHITE = " \t\n\f"  # HTML's white space (carriage returns are line breaks by then): never the no-break space
_PIECES = re.compile(r"[ \t\n\f]+|[^ \t\n\f]+")


def html_units(data: bytes, limits: MemoLimits) -> list[Unit]:
    """The units of an HTML page's bytes (UTF-8), within `limits`."""
    source = utf8_text(data)
    if len(source) > limits.max_html_chars:
        raise InputError(Message("has more than {limit} characters of HTML, the limit for an HTML memo",
                                 limit=limits.max_html_chars))
    if source.count("<") + source.count("&") > limits.max_html_tags:
        raise InputError(Message("has more than {limit} tags and character references, the limit for an HTML memo",
                                 limit=limits.max_html_tags))
    page = _Page(limits)
    try:
        page.feed(source.replace("\r\n", "\n").replace("\r", "\n"))
        if len(page.rawdata) > _UNCLOSED:
            # feed() stops at the first construct that is never closed; close() would read the rest again from
            # each "<" in it, in time that grows with the square of its length.
            raise InputError(Message(
                "has a tag, comment or script that is never closed (line {line}), and the page after it is not read",
                line=page.getpos()[0],
            ))
        page.close()
    except InputError:
        raise
    except Exception as error:  # html.parser on a hostile page: a character reference of thousands of digits
        raise InputError(Message("cannot be read as HTML: {reason}", reason=reason(error))) from None
    page.flush()
    return page.units


@dataclass(frozen=True, slots=True)
class _PageUnit(Unit):
    """A unit whose words each know their place in the source: inline tags and line breaks lie between them."""

    anchors: tuple[tuple[int, int, int], ...] = ((0, 1, 1),)  # (offset in `text`, source line, column)

    def position(self, offset: int) -> Position:
        index = max(bisect.bisect_right(self.anchors, (offset, _LAST, _LAST)) - 1, 0)
        start, line, column = self.anchors[index]
        return Position(line, column + offset - start)


_LAST = 1 << 62


class _Page(HTMLParser):
    """The page's text, collected unit by unit as the parser goes."""

    def __init__(self, limits: MemoLimits) -> None:
        super().__init__(convert_charrefs=False)  # entities one by one: each word's place stays exact
        self.limits = limits
        self.units: list[Unit] = []
        self.hidden: list[str] = []  # the elements not shown that are open, innermost last
        self.pieces: list[str] = []  # the unit (or cell) being read, from its first word on, joined when it ends
        self.length = 0  # of the pieces together
        self.anchors: list[tuple[int, int, int]] = []  # where each word of `text` starts, and its place in the source
        self.cells: list[tuple[str, list[tuple[int, int, int]]]] | None = None  # the table row being read
        self.in_cell = False
        self.characters = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _NOT_SHOWN:
            self.hidden.append(tag)
        elif self.hidden:
            return
        elif tag == "br":
            if self.pieces:
                self._append("\n")
        elif tag == "tr":
            self.flush()
            self.cells = []
        elif tag in _CELLS and self.cells is not None:
            self._close_cell()
            self.in_cell = True
        elif tag in _BLOCKS:
            self._block_edge()

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag not in _NOT_SHOWN:  # `<script/>` opens nothing
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            if tag == self.hidden[-1]:
                self.hidden.pop()
            return
        if tag in _CELLS and self.cells is not None:
            self._close_cell()
        elif tag in ("tr", "table"):
            self.flush()
        elif tag in _BLOCKS:
            self._block_edge()

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        self.characters += len(data)
        if self.characters > self.limits.max_text_chars:
            raise too_much_text(self.limits)
        line, column = self.getpos()
        for piece in _PIECES.findall(data):
            if piece[0] in _WHITE:  # a run of white space is one space, as a browser shows it
                if self.pieces and self.pieces[-1][-1] not in " \n":
                    self._append(" ")
                breaks = piece.count("\n")
                line += breaks
                column = len(piece) - piece.rfind("\n") - 1 if breaks else column + len(piece)
            else:
                self.anchors.append((self.length, line, column + 1))
                self._append(piece)
                column += len(piece)

    def handle_entityref(self, name: str) -> None:
        shown = html.unescape(f"&{name};")
        self.handle_data(shown if shown != f"&{name};" else f"&{name}")  # an unknown name is shown as written

    def handle_charref(self, name: str) -> None:
        # A reference of more digits than any character has is no character (nor a number Python reads).
        self.handle_data(html.unescape(f"&#{name};") if len(name) <= 10 else "\ufffd")

    def flush(self) -> None:
        """The text read so far as a unit: a paragraph's, or a table row's cells joined by " | "."""
        if self.cells is not None:
            self._close_cell()
            cells, self.cells = self.cells, None
            pieces: list[str] = []
            anchors: list[tuple[int, int, int]] = []
            length = 0
            for cell, places in cells:
                if pieces:
                    pieces.append(" | ")
                    length += 3
                anchors.extend((offset + length, line, column) for offset, line, column in places)
                pieces.append(cell)
                length += len(cell)
            if anchors:
                self.units.append(_PageUnit("".join(pieces), anchors[0][1], anchors=tuple(anchors)))
        elif self.anchors:
            self.units.append(_PageUnit(self._text(), self.anchors[0][1], anchors=tuple(self.anchors)))
        self._restart()

    def _close_cell(self) -> None:
        if self.in_cell and self.cells is not None:
            self.cells.append((self._text().replace("\n", " "), self.anchors))  # a row reads as one line
        self.in_cell = False
        self._restart()

    def _block_edge(self) -> None:
        if self.cells is None:
            self.flush()
        elif self.pieces and self.pieces[-1][-1] != " ":
            self._append(" ")  # a paragraph inside a cell: the cell reads on

    def _append(self, piece: str) -> None:
        self.pieces.append(piece)
        self.length += len(piece)

    def _text(self) -> str:
        return "".join(self.pieces).rstrip()

    def _restart(self) -> None:
        self.pieces, self.length, self.anchors = [], 0, []
