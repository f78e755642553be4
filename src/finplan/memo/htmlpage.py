"""An HTML memo (.html, .htm) as units: the text a browser shows, a block or table row a unit, each at its source line.

The standard library's `html.parser` reads it, entities decoded (a
character reference of more than ten digits is no character: U+FFFD). What a
browser does not show is not read: scripts, styles, templates, the page's
title and the rest of its head, comments; and an element hidden where it
stands, with everything inside it: the `hidden` attribute,
or `display: none` or `visibility: hidden` in its own `style` attribute.
Style sheets are not applied (finplan lays no page out): a class a style
sheet hides is read.

A hidden element ends at its end tag, found by the names of the elements
opened inside it (one stack, each element pushed and popped once, so a page
costs no more than its tags); where its end tag is left out, it ends where a
browser would end it: a paragraph at the next block, a list item, a cell or a
row at the next of its kind, any element at the end of the one around it.

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
_VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"))
# An open element whose end tag may be left out, and the start tags that end it (HTML's "implied end tags").
_ENDED_BY = {
    "p": _BLOCKS, "li": frozenset(("li",)), "dt": frozenset(("dt", "dd")), "dd": frozenset(("dt", "dd")),
    "td": frozenset(("td", "th", "tr")), "th": frozenset(("td", "th", "tr")), "tr": frozenset(("tr",)),
    "option": frozenset(("option",)),
}
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


def _hides(tag: str, attrs) -> bool:
    """An element whose content a browser does not show, by its name or by its own attributes."""
    if tag in _NOT_SHOWN:
        return True
    for name, value in attrs:
        # aria-hidden is not here: it hides text from a screen reader, and a sighted reader still sees it.
        if name == "hidden":
            return True
        if name == "style" and value:
            for declaration in value.split(";"):
                prop, _, shown = declaration.partition(":")
                prop, shown = prop.strip().lower(), shown.replace("!important", "").strip().lower()
                if (prop, shown) in (("display", "none"), ("visibility", "hidden"), ("visibility", "collapse")):
                    return True
    return False


class _Hidden:
    """The hidden element being read past, and the elements open inside it: each pushed and popped once."""

    def __init__(self) -> None:
        self.open: list[str] = []
        self.names: dict[str, int] = {}  # how many of each name are open, so an end tag is looked up in one step

    def __bool__(self) -> bool:
        return bool(self.open)

    def begin(self, tag: str) -> None:
        """The hidden element's start tag (a void element hides nothing)."""
        if tag not in _VOID:
            self._push(tag)

    def start(self, tag: str) -> None:
        """A start tag inside the hidden element. It may end open ones first, the hidden one too: then it is not
        inside it, and is for the page to read."""
        while self.open and tag in _ENDED_BY.get(self.open[-1], ()):
            self._pop()
        if self.open and tag not in _VOID:
            self._push(tag)

    def end(self, tag: str) -> bool:
        """An end tag inside the hidden element: it closes the elements opened since its own. One of an element
        opened before the hidden one ends the hidden one, and is for the page to read (False)."""
        if not self.names.get(tag):
            self.open.clear()
            self.names.clear()
            return False
        while self._pop() != tag:
            pass
        return True

    def _push(self, tag: str) -> None:
        self.open.append(tag)
        self.names[tag] = self.names.get(tag, 0) + 1

    def _pop(self) -> str:
        tag = self.open.pop()
        self.names[tag] -= 1
        if not self.open:
            self.names.clear()
        return tag


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
        self.hidden = _Hidden()  # the element not shown being read past
        self.pieces: list[str] = []  # the unit (or cell) being read, from its first word on, joined when it ends
        self.length = 0  # of the pieces together
        self.anchors: list[tuple[int, int, int]] = []  # where each word of `text` starts, and its place in the source
        self.cells: list[tuple[str, list[tuple[int, int, int]]]] | None = None  # the table row being read
        self.in_cell = False
        self.characters = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.hidden:
            self.hidden.start(tag)
            if self.hidden:
                return
        if _hides(tag, attrs):
            self.hidden.begin(tag)
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
        if not self.hidden and not _hides(tag, attrs):  # `<script/>`, `<div hidden/>` open nothing
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.hidden and self.hidden.end(tag):
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
