"""Where a chart's parts go: its axes' scales and ticks, and its legend.

Pure arithmetic over points (1/72 inch); charts.py draws what it gives. The
margins and sizes are those the charts had when matplotlib drew them (an axes
2.4 inches tall, ticks of 3.5 points, labels of 9 points and a legend of 8),
but 12 inches wide rather than 8: a page's column at 1 280 pixels, so that a
chart takes the page's width with its letters at about their size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from finplan.report.portfolio.html import svg

WIDTH = 864.0
"""A chart's width: 12 inches, about a page's column at 1280 pixels; the page scales it to its column."""
TOP = 32.4
"""From the chart's top to its axes, where the title stands."""
RIGHT = 14.4
"""From the axes' right end to the chart's."""
BELOW_AXES = 39.6
"""From the axes' bottom to the legend: room for the ticks and their labels."""
LEGEND_ROW = 14.4
TICK = 3.5
GAP = 3.5
"""Between a tick and its label."""
LABEL = 9.0
SMALL = 8.0
TITLE = 10.0
MARGIN = 0.05
"""Of the data's span, left free at either end of an axis that no label needs room at (matplotlib's default)."""


@dataclass(frozen=True)
class Scale:
    """A linear map from data [low, high] to points [start, end]; start may be above end, as a y axis is."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        return self.start + (value - self.low) * (self.end - self.start) / (self.high - self.low)


def categories(count: int, band: float, start: float, end: float) -> Scale:
    """Positions 0 .. count - 1, each with a bar `band` wide, and a margin either side of them all."""
    low, high = -band / 2, count - 1 + band / 2
    margin = MARGIN * (high - low)
    return Scale(low - margin, high + margin, start, end)


def money_span(values: list[float], room: float, length: float) -> tuple[float, float]:
    """The money axis's ends: from zero or the lowest value to past the highest.

    Beyond the highest value, `room` points of the axis's `length` are left
    free for the labels drawn past it (at most four fifths of it).
    """
    low, high = min([0.0, *values]), max([0.0, *values])
    if low < 0:
        low -= MARGIN * (high - low)
    if high > 0:
        high /= 1 - min(room / length, 0.8)
    elif low == 0:
        high = 1.0  # nothing drawn: an axis of 0 to 1 rather than none
    return low, high


def ticks(low: float, high: float, bins: int = 6) -> list[float]:
    """Whole round values in [low, high], at most `bins` + 1 of them, a step of 1, 2, 2.5 or 5 times a power of ten."""
    span = high - low
    if span <= 0:
        return [low]
    scale = 10.0 ** math.floor(math.log10(span / bins))
    for factor in (1, 2, 2.5, 5, 10, 20, 25, 50, 100):
        step = factor * scale
        if step < 1 or step != math.floor(step):
            continue  # money is marked in whole units
        first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
        if last - first <= bins:
            return [index * step for index in range(first, last + 1)]
    return [low, high]


def spaced_ticks(scale: Scale, label) -> list[tuple[float, str]]:
    """Ticks along a horizontal axis whose labels do not run into each other: fewer where they would."""
    for bins in range(6, 0, -1):
        marks = [(value, label(value)) for value in ticks(scale.low, scale.high, bins)]
        if len(marks) < 2:
            return marks
        pitch = abs(scale(marks[1][0]) - scale(marks[0][0]))
        if max(svg.text_width(text, LABEL) for _value, text in marks) < pitch * 0.9:
            return marks
    return marks


def fit(text: str, size: float, room: float, most: int) -> str:
    """`text` in at most `room` points at `size` and `most` characters: where longer, its middle gives way to `…`.

    Both ends stay, as they tell names apart: `Regionalfonden (EU) 2025` and
    `Regionalfonden (EU) 2026`, or `Anslag 1` and `Anslag 12`.
    """
    if len(text) <= most and svg.text_width(text, size) <= room:
        return text
    for keep in range(min(len(text), most - 1), 0, -1):
        head, tail = text[: (keep + 1) // 2], text[len(text) - keep // 2 :] if keep > 1 else ""
        short = head.rstrip() + "…" + tail.lstrip()
        if svg.text_width(short, size) <= room:
            return short
    return "…"


@dataclass(frozen=True)
class Entry:
    """One entry of a legend: its label, and its swatch's colour, or an outline where `outline`."""

    label: str
    colour: str
    outline: bool = False


_SWATCH = 2.0 * SMALL  # matplotlib's handle: 2 em long, 0.7 em tall, 0.8 em before its label
_SWATCH_GAP = 0.8 * SMALL
_COLUMN_GAP = 2.0 * SMALL


@dataclass(frozen=True)
class Legend:
    """A legend below the axes, centred: `columns` columns, filled one column after the other."""

    entries: list[Entry]
    columns: int

    @classmethod
    def of(cls, entries: list[Entry], columns: int) -> Legend:
        """The legend in as many columns as asked for, or fewer where those would be wider than the chart."""
        for count in range(min(columns, len(entries)), 1, -1):
            legend = cls(entries, count)
            if legend.width <= WIDTH - 2 * _COLUMN_GAP:
                return legend
        return cls(entries, 1)

    @property
    def rows(self) -> int:
        return -(-len(self.entries) // self.columns) if self.entries else 0

    def _column_widths(self) -> list[float]:
        rows = self.rows
        return [
            max(_SWATCH + _SWATCH_GAP + svg.text_width(entry.label, SMALL) for entry in self.entries[at : at + rows])
            for at in range(0, len(self.entries), rows)
        ]

    @property
    def width(self) -> float:
        widths = self._column_widths()
        return sum(widths) + _COLUMN_GAP * (len(widths) - 1)

    def draw(self, bottom: float) -> list[str]:
        """The legend's swatches and labels, its last row's baseline a little above `bottom`."""
        parts: list[str] = []
        if not self.entries:
            return parts
        rows = self.rows
        x = (WIDTH - self.width) / 2
        for column, width in enumerate(self._column_widths()):
            for row, entry in enumerate(self.entries[column * rows : (column + 1) * rows]):
                baseline = bottom - 8 - (rows - 1 - row) * LEGEND_ROW
                if entry.outline:
                    extra = ' stroke="#000" stroke-width="1.2"'
                    parts.append(svg.rect(x, baseline - 6.3, _SWATCH, 0.7 * SMALL, "none", extra))
                else:
                    parts.append(svg.rect(x, baseline - 6.3, _SWATCH, 0.7 * SMALL, entry.colour))
                parts.append(svg.text(x + _SWATCH + _SWATCH_GAP, baseline, entry.label, SMALL))
            x += width + _COLUMN_GAP
        return parts
