"""The text of a Word document's XML (WordprocessingML) as Word shows it, with its changes accepted.

What a reader sees on the page is read; what Word keeps but does not show is not:

- paragraphs and tables, also inside content controls (`w:sdt`, around a
  block, a row, a cell or a few words), custom XML (`w:customXml`), smart
  tags, hyperlinks and simple fields (their result, never their code);
- tracked changes as accepted: inserted text (`w:ins`, `w:moveTo`) in,
  deleted text (`w:del` with its `w:delText`, `w:moveFrom`) and deleted rows out;
- text boxes, once each: a box drawn both ways (`mc:AlternateContent`, for
  Word of today and a VML copy for older readers) is read from its first
  choice, never from the fallback. Its paragraphs follow the paragraph that
  anchors it;
- a table row is its cells joined by " | ", each cell once: a merged cell
  counts in the first row and column it covers (a cell merged with the one
  above, `vMerge`, is that cell, found by its column in the previous row, so
  the rows are read once, top to bottom; python-docx's `_Row.cells` walks up
  the rows above each merged cell, and repeats a cell once per column it
  spans, which a hostile `gridSpan` of a billion makes a billion). A cell's
  paragraphs, and the rows of a table inside it, are joined by spaces.

Footnotes, endnotes, headers and footers are read by the same rules (word.py
chooses the parts). A note's mark in the text (its number) and the note's own
number before its text are not read: a superscript "1" after "300 000" is no
digit of the amount. Comments are no part of the text and are never read.
"""

from __future__ import annotations

from collections.abc import Iterator

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

P, TBL, TR, TC, R = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "r"
ID = _W + "id"
_TEXT_BOX = _W + "txbxContent"
_FALLBACK = _MC + "Fallback"
# Elements whose content is shown in place: a content control's content, custom XML, changes accepted.
_WRAPPERS = frozenset(_W + name for name in (
    "sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo", "hyperlink", "fldSimple", "dir", "bdo",
))


# What holds text Word does not show; a note's mark inside one is no mark on the page.
_NOT_SHOWN = frozenset((_W + "del", _W + "moveFrom", _W + "sdtPr", _FALLBACK))


def blocks(container) -> Iterator[str | list[str]]:
    """The paragraphs (as text) and tables (as their rows' texts) of `container`, in the order Word shows them."""
    for element in _shown(container, (P, TBL)):
        if element.tag == P:
            yield paragraph_text(element)
            for box in _text_boxes(element):
                yield from blocks(box)
        else:
            yield _rows(element)


def paragraph_text(p) -> str:
    """A paragraph's text as python-docx gives a run's (tabs, line breaks), inserted text in, deleted out."""
    return "".join(run.text for run in _shown(p, (R,)))


def _rows(table) -> list[str]:
    rows = []
    above: dict[int, object] = {}  # a grid column -> the cell that starts there in the row above
    for tr in _shown(table, (TR,)):
        if _deleted_row(tr):
            continue
        here: dict[int, object] = {}
        seen: set[int] = set()
        texts = []
        column = tr.grid_before
        for tc in _shown(tr, (TC,)):
            cell = above.get(column, tc) if tc.vMerge == "continue" else tc
            here[column] = cell
            column += tc.grid_span
            if id(cell) not in seen:
                seen.add(id(cell))
                texts.append(_cell_text(cell))
        rows.append(" | ".join(texts))
        above = here
    return rows


def _cell_text(tc) -> str:
    texts = []
    for block in blocks(tc):
        texts.extend([block] if isinstance(block, str) else block)
    return " ".join(texts).replace("\n", " ")


def _shown(parent, wanted: tuple[str, ...]) -> Iterator:
    """The elements tagged `wanted` under `parent`, in document order, through wrappers.

Anything else is passed over whole: deleted text (`w:del`, `w:moveFrom`), a
content control's properties (its placeholder's text among them), a paragraph's or run's properties.
"""
    stack = [iter(parent)]
    while stack:
        for child in stack[-1]:
            if child.tag in wanted:
                yield child
            elif child.tag in _WRAPPERS:
                stack.append(iter(child))
                break
        else:
            stack.pop()


def _text_boxes(p) -> Iterator:
    """The text boxes a paragraph's runs anchor, each once: none inside a fallback or inside another box."""
    for run in _shown(p, (R,)):
        for box in run.iter(_TEXT_BOX):
            ancestor = box.getparent()
            while ancestor is not run and ancestor.tag not in (_FALLBACK, _TEXT_BOX):
                ancestor = ancestor.getparent()
            if ancestor is run:
                yield box


def marks(container, tag: str) -> list[str]:
    """The ids of the notes whose marks (`tag`: a footnote's or an endnote's reference) `container` shows, each once, in
    the order they are shown; a mark in deleted text, a fallback copy or a control's properties is not shown.
    One walk, so a mark nested in many deletions costs no more than one in none."""
    from lxml import etree

    ids: dict[str, None] = {}
    hidden = 0
    for event, element in etree.iterwalk(container, events=("start", "end")):
        if element.tag in _NOT_SHOWN:
            hidden += 1 if event == "start" else -1
        elif event == "start" and element.tag == tag and not hidden:
            ids.setdefault(element.get(ID))
    return list(ids)


def _deleted_row(tr) -> bool:
    properties = tr.trPr
    return properties is not None and properties.find(_W + "del") is not None
