"""The report's charts: stacked bars of money per year, and the frames' use, written as SVG.

Every label is a `<text>` element, so a reader can select and search it;
amounts are written by `finplan.money.format_kr`, as the text report writes
them. A plan's text is drawn as written, only escaped (`svg`). What a chart
draws is bounded, whatever the plans hold (`bounds`): the tables beside it
list everything. Where the parts go is `layout`'s; no library draws them, so
nothing of the machine's (settings, fonts, a display) takes part.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from finplan.i18n import N_, _
from finplan.money import format_kr
from finplan.report import wording
from finplan.report.portfolio.html import layout, svg
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

    More than MAX_SERIES series are drawn as the largest and one of the others,
    more than MAX_YEARS years as the first and one bar of all later ones (`bounds`).
    """
    bars, drawn = columns(years, bounded(series))
    legend = Legend.of([
        Entry(chart_name(name), _OTHERS_COLOUR if others else _COLOURS[index % len(_COLOURS)])
        for index, (name, _amounts, others) in enumerate(drawn)
    ], columns=2)
    # Floats only for where a bar is drawn; every figure a reader sees is the exact Decimal's.
    segments, tops = [], [0.0] * len(bars)
    for _name, amounts, _others in drawn:
        bottoms = tops
        tops = [bottom + float(amount) for bottom, amount in zip(bottoms, amounts, strict=True)]
        segments.append((bottoms, tops))
    sums = [format_kr(sum((amounts[bar] for _n, amounts, _o in drawn), Decimal(0)), currency) for bar in range(len(bars))]
    upright = len(bars) > 4  # side by side, long sums would run into each other
    # Room above the highest bar for its sum: as wide as the widest upright, a line of 8 points side by side.
    room = ((max(svg.text_width(text, SMALL) for text in sums) if upright else 12.0) + 8) if drawn and bars else 0.0
    low, high = layout.money_span([value for pair in segments for side in pair for value in side], room, _AXES_HEIGHT)
    money = layout.Scale(low, high, TOP + _AXES_HEIGHT, TOP)
    marks = [(value, format_kr(Decimal(round(value)), currency)) for value in layout.ticks(low, high)]
    left = max(_LEFT, max(svg.text_width(text, LABEL) for _value, text in marks) + 2 * TICK + 8)
    place = layout.categories(len(bars), _BAR, left, WIDTH - layout.RIGHT)
    # Years side by side where they fit, else upright, with the room they need below the axes.
    widest = max((svg.text_width(bar, LABEL) for bar in bars), default=0.0)
    turned = bool(bars) and widest > (place(1) - place(0)) * 0.9
    bottom = TOP + _AXES_HEIGHT
    height = bottom + layout.BELOW_AXES + (widest - LABEL if turned else 0.0) + layout.LEGEND_ROW * legend.rows

    parts = []
    half = _BAR / 2
    for (bottoms, tops_), entry in zip(segments, legend.entries, strict=True):
        parts.extend(
            svg.rect(place(bar - half), money(top), place(bar + half) - place(bar - half), money(base) - money(top), entry.colour)
            for bar, (base, top) in enumerate(zip(bottoms, tops_, strict=True)) if top != base
        )
    for bar, (top, text) in enumerate(zip(tops, sums, strict=True) if drawn else ()):
        at = money(max(top, 0.0)) - 3
        if upright:  # 0.36 em to the right of the bar's middle: upright letters stand centred on it
            parts.append(svg.text(place(bar) + 0.36 * SMALL, at, text, SMALL, upright=True))
        else:
            parts.append(svg.text(place(bar), at, text, SMALL, anchor="middle"))
    parts += _money_ticks_left(money, marks, left)
    for bar, label in enumerate(bars):
        x = place(bar)
        parts.append(svg.lines(f"M{svg.number(x)} {svg.number(bottom)}v{TICK}"))
        if turned:
            parts.append(svg.text(x + 0.36 * LABEL, bottom + TICK + layout.GAP, label, LABEL, anchor="end", upright=True))
        else:
            parts.append(svg.text(x, bottom + 13.8, label, LABEL, anchor="middle"))
    parts += _frame_of_axes(left, bottom, title)
    parts += legend.draw(height)
    return svg.document(WIDTH, height, title, parts)


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
    notes = [_used_of(sum(by_status.values(), Decimal(0)), amount, currency) for _name, amount, by_status in frames]
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
    for value, text in layout.spaced_ticks(money, lambda value: format_kr(Decimal(round(value)), currency)):
        x = money(value)
        parts.append(svg.lines(f"M{svg.number(x)} {svg.number(bottom)}v{TICK}"))
        parts.append(svg.text(x, bottom + 13.8, text, LABEL, anchor="middle"))
    parts += _frame_of_axes(left, bottom, title)
    parts += legend.draw(height)
    return svg.document(WIDTH, height, title, parts)


def _used_of(used: Decimal, frame: Decimal, currency: str) -> str:
    """`6 439 505,85 kr of 5 000 000 kr`: a frame's use against the frame."""
    return _("{used} of {frame}").format(used=format_kr(used, currency), frame=format_kr(frame, currency))


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
