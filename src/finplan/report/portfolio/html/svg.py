"""SVG as the report's charts are written: a few kinds of element, each text escaped, and text measured.

No chart library: a chart here is a few dozen rectangles, lines and labels,
written as text in well under a millisecond. matplotlib took 50-70 ms a
chart and most of a report's time (a report of 1 000 plans draws 1 000
charts), and read settings of the machine's (a `matplotlibrc`) that had to be
fenced off. Letters stay `<text>`, so a reader can select and search them; a
plan's text is only ever escaped, never read as markup of any kind.

Lengths are in points (1/72 inch), the unit of the `viewBox`.
"""

from __future__ import annotations

import unicodedata
from html import escape

FONT = "'DejaVu Sans', Verdana, sans-serif"
"""The charts' letters: DejaVu Sans, whose widths `text_width` knows, else a sans-serif as wide."""

# DejaVu Sans's advance widths of the printable ASCII characters, U+0020 to U+007E, in thousandths
# of an em (from its hmtx table, 2048 units to the em). Other letters are measured by their
# base letter (å as a), which in this font is as wide within a few thousandths.
_ASCII_WIDTHS = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775,
    752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390,
    337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
)
_OTHER_WIDTHS = {"\u00a0": 318, "–": 500, "—": 1000, "…": 1000, "−": 838, "€": 636}
_WIDTH_OF_A_FIGURE = 636  # what a letter of no known width is taken to be


def text_width(text: str, size: float) -> float:
    """About how wide `text` is drawn at `size` points, in points: enough to place labels beside each other."""
    return sum(_char_width(char) for char in text) * size / 1000


def _char_width(char: str) -> int:
    code = ord(char)
    if 32 <= code < 127:
        return _ASCII_WIDTHS[code - 32]
    if char in _OTHER_WIDTHS:
        return _OTHER_WIDTHS[char]
    if unicodedata.combining(char):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1000
    base = unicodedata.normalize("NFKD", char)[:1]
    if base and 32 <= ord(base) < 127:
        return _ASCII_WIDTHS[ord(base) - 32]
    return _WIDTH_OF_A_FIGURE


def number(value: float) -> str:
    """A coordinate as the SVG holds it: at most two decimals, no trailing zeros, never `-0`."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def rect(x: float, y: float, width: float, height: float, fill: str, extra: str = "") -> str:
    """A rectangle from (x, y) of the given size; a negative width or height is drawn the other way."""
    if width < 0:
        x, width = x + width, -width
    if height < 0:
        y, height = y + height, -height
    return (
        f'<rect x="{number(x)}" y="{number(y)}" width="{number(width)}" height="{number(height)}" '
        f'fill="{fill}"{extra}/>'
    )


def lines(d: str, width: float = 0.8) -> str:
    """Black lines along the path `d`: axes and their ticks."""
    return f'<path d="{d}" fill="none" stroke="#000" stroke-width="{number(width)}"/>'


def text(x: float, y: float, content: str, size: float, anchor: str = "start", upright: bool = False, bold: bool = False) -> str:
    """`content` with its baseline at y, escaped; upright reads from bottom to top, starting at (x, y)."""
    turn = f' transform="rotate(-90 {number(x)} {number(y)})"' if upright else ""
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{number(x)}" y="{number(y)}" font-size="{number(size)}" text-anchor="{anchor}"{weight}{turn}>'
        f"{escape(content, quote=False)}</text>"
    )


def document(width: float, height: float, label: str, body: list[str]) -> str:
    """The `<svg>` element to put inside a page, named for screen readers, white behind its drawing."""
    size = f'width="{number(width)}pt" height="{number(height)}pt" viewBox="0 0 {number(width)} {number(height)}"'
    return (
        f'<svg role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg" {size} '
        f'font-family="{escape(FONT)}">\n'
        f'<rect width="{number(width)}" height="{number(height)}" fill="#fff"/>\n' + "\n".join(body) + "\n</svg>\n"
    )
