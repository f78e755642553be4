"""The report's charts: stacked bars of money per year, and the frames' use, written as SVG.

Every label is a `<text>` element, so a reader can select and search it, and
stands level; amounts are written in whole kronor or millions (`amounts`):
the tables beside a chart hold every figure to the öre. A plan's text is
drawn as written, only escaped (`svg`). What a chart draws is bounded,
whatever the plans hold (`bounds`): the tables beside it list everything. Where the parts go is `layout`'s; no library draws them, so
nothing of the machine's (settings, fonts, a display) takes part.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from finplan.i18n import N_, _
from finplan.report import wording
from finplan.report.portfolio.html import layout, svg
from finplan.report.portfolio.html.amounts import MILLION, Amounts
from finplan.report.portfolio.html.bounds import MAX_LABEL, Frame, bounded, chart_name, columns, one_line
from finplan.report.portfolio.html.layout import LABEL, SMALL, TICK, TOP, WIDTH, Entry, Legend

# tab20's first twelve colours: six hues, dark and light; its light grey is kept for the others.
_COLOURS = (
    "#1f77b4", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c", "#98df8a",
    "#d62728", "#ff9896", "#9467bd", "#c5b0d5", "#8c564b", "#c49c94",
)
_OTHERS_COLOUR = "#c7c7c7"
_STATUS_COLOURS = {"decided": "#1f5f99", "applied": "#e08a1e", "proposed": "#9bbfe0", "not stated": "#bbbbbb"}

_AXES_HEIGHT = 172.8  # 2.4 inches: the chart of years
_LEFT = 86.4  # 1.2 inches for the amounts left of the chart of years, more where they need it
_FRAMES_LEFT = 172.8  # 2.4 inches for the frames' names, up to half the chart where they need it
_BAR = 0.7  # of the room a year has


def stacked_years(
    title: str, years: Sequence[int], series: Sequence[tuple[str, dict[int, Decimal]]], currency: str
) -> str:
    """Stacked bars of money per year, one segment per named series, the year's sum atop each bar.

    `title` names its unit as `{unit}`: kr, or mnkr where the sums are millions.
    More than MAX_SERIES series are drawn as the largest and one of the others,
    more than MAX_YEARS years as the first and one bar of all later ones (`bounds`).
    Every label stands level, in whole kronor or millions (`amounts`).
    """
    bars, drawn = columns(years, bounded(series))
    legend = Legend.of([
        Entry(chart_name(name), _OTHERS_COLOUR if others else _COLOURS[index % len(_COLOURS)])
        for index, (name, _amounts, others) in enumerate(drawn)
    ], columns=3)
    # Floats only for where a bar is drawn; every figure a reader sees is from the exact Decimal's.
    segments, tops = [], [0.0] * len(bars)
    for _name, amounts, _others in drawn:
        bottoms = tops
        tops = [bottom + float(amount) for bottom, amount in zip(bottoms, amounts, strict=True)]
        segments.append((bottoms, tops))
    sums = [sum((amounts[bar] for _n, amounts, _o in drawn), Decimal(0)) for bar in range(len(bars))]
    largest = max((abs(amount) for amount in sums), default=Decimal(0))
    kind = Amounts(currency, millions=largest >= MILLION, decimals=1 if largest < 100 * MILLION else 0)
    title = title.format(unit=kind.unit_name)
    room = 20.0 if drawn and bars else 0.0  # a line of 8 points above the highest bar, for its sum
    low, high = layout.money_span([value for pair in segments for side in pair for value in side], room, _AXES_HEIGHT)
    money = layout.Scale(low, high, TOP + _AXES_HEIGHT, TOP)
    marks = [(value, kind.tick(value)) for value in layout.ticks(low, high)]
    left = max(_LEFT, max(svg.text_width(text, LABEL) for _value, text in marks) + 2 * TICK + 8)
    place = layout.categories(len(bars), _BAR, left, WIDTH - layout.RIGHT)
    pitch = (place(1) - place(0)) * 0.92 if len(bars) > 1 else WIDTH
    labels, size = _level_labels(sums, kind, pitch)
    # Years side by side where they fit, in a smaller letter if need be, else upright below the axes.
    year_size = LABEL if max((svg.text_width(b, LABEL) for b in bars), default=0.0) <= pitch else SMALL
    widest = max((svg.text_width(bar, year_size) for bar in bars), default=0.0)
    turned = bool(bars) and widest > pitch
    bottom = TOP + _AXES_HEIGHT
    height = bottom + layout.BELOW_AXES + (widest - LABEL if turned else 0.0) + layout.LEGEND_ROW * legend.rows

    parts = []
    half = _BAR / 2
    for (bottoms, tops_), entry in zip(segments, legend.entries, strict=True):
        parts.extend(
            svg.rect(place(bar - half), money(top), place(bar + half) - place(bar - half), money(base) - money(top), entry.colour)
            for bar, (base, top) in enumerate(zip(bottoms, tops_, strict=True)) if top != base
        )
    for bar, (top, text) in enumerate(zip(tops, labels, strict=True) if drawn else ()):
        parts.append(svg.text(place(bar), money(max(top, 0.0)) - 3, text, size, anchor="middle"))
    parts += _money_ticks_left(money, marks, left)
    for bar, label in enumerate(bars):
        x = place(bar)
        parts.append(svg.lines(f"M{svg.number(x)} {svg.number(bottom)}v{TICK}"))
        if turned:
            parts.append(svg.text(x + 0.36 * LABEL, bottom + TICK + layout.GAP, label, LABEL, anchor="end", upright=True))
        else:
            parts.append(svg.text(x, bottom + 13.8, label, year_size, anchor="middle"))
    parts += _frame_of_axes(left, bottom, title)
    parts += legend.draw(height)
    return svg.document(WIDTH, height, title, parts)


def _level_labels(sums: list[Decimal], kind: Amounts, room: float) -> tuple[list[str], float]:
    """The bars' sums, level, each in `room` points: with their unit where they fit, else bare, else smaller."""
    bare = replace(kind, unit=False)
    for way, size in ((kind, SMALL), (bare, SMALL), (bare, 7.0)):
        texts = [way(amount) for amount in sums]
        if max((svg.text_width(text, size) for text in texts), default=0.0) <= room:
            return texts, size
    return texts, 6.0


def frame_use(title: str, frames: Sequence[Frame], currency: str) -> str:
    """A horizontal bar per frame: its money by status, stacked, against an outline of the frame itself."""
    statuses = ("decided", "applied", "proposed", "not stated")
    legend = Legend.of(
        [Entry(wording.label(status), _STATUS_COLOURS[status]) for status in statuses]
        + [Entry(_(N_("frame")), "none", outline=True)],
        columns=5,
    )
    axes_height = (0.6 + 0.5 * len(frames)) * 72
    height = TOP + axes_height + layout.BELOW_AXES + layout.LEGEND_ROW * legend.rows
    bottom = TOP + axes_height
    # A frame's name loses its middle rather than its end, where its year stands.
    names = [one_line(name) for name, _amount, _by_status in frames]
    widest = max(svg.text_width(name[:MAX_LABEL], LABEL) for name in names)
    left = min(max(_FRAMES_LEFT, widest + 2 * TICK + 8), WIDTH / 2)
    names = [layout.fit(name, LABEL, left - 2 * TICK - 4, MAX_LABEL) for name in names]
    used = [sum(by_status.values(), Decimal(0)) for _name, _amount, by_status in frames]
    largest = max(abs(amount) for pair in zip(used, (frame[1] for frame in frames)) for amount in pair)
    kind = Amounts(currency, millions=largest >= MILLION, decimals=1 if largest < 100 * MILLION else 0)
    title = title.format(unit=kind.unit_name)
    notes = [_used_of(kind(one), kind(frame[1])) for one, frame in zip(used, frames, strict=True)]
    room = max(svg.text_width(note, SMALL) for note in notes) + 8
    ends = [0.0] * len(frames)
    stacks = []
    for status in statuses:
        starts = ends
        ends = [start + float(by_status[status]) for start, (_name, _amount, by_status) in zip(starts, frames, strict=True)]
        stacks.append((status, starts, ends))
    amounts = [float(amount) for _name, amount, _by_status in frames]
    right = WIDTH - layout.RIGHT
    low, high = layout.money_span(ends + amounts, room, right - left)
    money = layout.Scale(low, high, left, right)
    place = layout.categories(len(frames), 0.7, bottom, TOP)
    rows = list(range(len(frames)))[::-1]  # the first frame at the top

    parts = []
    for status, starts, ends_ in stacks:
        parts.extend(
            svg.rect(money(start), place(row + 0.25), money(end) - money(start), place(row - 0.25) - place(row + 0.25),
                     _STATUS_COLOURS[status])
            for row, start, end in zip(rows, starts, ends_, strict=True) if end != start
        )
    for row, amount in zip(rows, amounts, strict=True):
        parts.append(svg.rect(
            money(0.0), place(row + 0.35), money(amount) - money(0.0), place(row - 0.35) - place(row + 0.35), "none",
            ' stroke="#000" stroke-width="1.2"',
        ))
    for row, end, amount, note in zip(rows, ends, amounts, notes, strict=True):
        parts.append(svg.text(money(max(end, amount)) + 4, place(row) + 0.35 * SMALL, note, SMALL))
    for row, name in zip(rows, names, strict=True):
        y = place(row)
        parts.append(svg.lines(f"M{svg.number(left)} {svg.number(y)}h-{TICK}"))
        parts.append(svg.text(left - TICK - layout.GAP, y + 0.35 * LABEL, name, LABEL, anchor="end"))
    for value, text in layout.spaced_ticks(money, kind.tick):
        x = money(value)
        parts.append(svg.lines(f"M{svg.number(x)} {svg.number(bottom)}v{TICK}"))
        parts.append(svg.text(x, bottom + 13.8, text, LABEL, anchor="middle"))
    parts += _frame_of_axes(left, bottom, title)
    parts += legend.draw(height)
    return svg.document(WIDTH, height, title, parts)


def _used_of(used: str, frame: str) -> str:
    """`6,4 mnkr of 5,0 mnkr`: a frame's use against the frame."""
    return _("{used} of {frame}").format(used=used, frame=frame)


def _money_ticks_left(money: layout.Scale, marks: list[tuple[float, str]], left: float) -> list[str]:
    """The amounts along a vertical axis at `left`, each at its tick."""
    parts = []
    for value, text in marks:
        y = money(value)
        parts.append(svg.lines(f"M{svg.number(left)} {svg.number(y)}h-{TICK}"))
        parts.append(svg.text(left - TICK - layout.GAP, y + 0.35 * LABEL, text, LABEL, anchor="end"))
    return parts


def _frame_of_axes(left: float, bottom: float, title: str) -> list[str]:
    """The axes' left and bottom lines (no box: the top and right are left open), and the title above them."""
    right = WIDTH - layout.RIGHT
    return [
        svg.lines(f"M{svg.number(left)} {svg.number(TOP)}V{svg.number(bottom)}H{svg.number(right)}"),
        svg.text(left, TOP - 6, title, layout.TITLE, bold=True),
    ]
