"""The report's charts, drawn by matplotlib as SVG with text kept as text.

`svg.fonttype: none` leaves every label a `<text>` element, so a reader can
select and search it; labels are written by `finplan.money.format_kr`, as the
text report writes amounts. A plan's text is shown as written, never parsed as
mathtext or LaTeX, under finplan's own matplotlib settings whatever a
`matplotlibrc` says (`plotting`). What a chart draws is bounded, whatever the
plans hold (`bounds`): the tables beside it list everything.
matplotlib is imported only when a chart is drawn; pyplot is never used, so
no window system is touched.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal

from finplan.i18n import N_, _
from finplan.money import format_kr
from finplan.report import wording
from finplan.report.portfolio.html.bounds import Frame, bounded, chart_name, columns
from finplan.report.portfolio.html.plotting import drawing

_OTHERS_COLOUR = "#c7c7c7"  # tab20's light grey, which no other series is given

_WIDTH = 8.0  # inches; the page scales the SVG to its column


def stacked_years(
    title: str, years: Sequence[int], series: Sequence[tuple[str, dict[int, Decimal]]], currency: str
) -> str:
    """Stacked bars of money per year, one segment per named series, the year's sum atop each bar.

    More than MAX_SERIES series are drawn as the largest and one of the others,
    more than MAX_YEARS years as the first and one bar of all later ones (`bounds`).
    """
    bars, drawn = columns(years, bounded(series))
    with drawing() as matplotlib:
        from matplotlib.figure import Figure  # only now: `drawing` imports matplotlib first, its own way

        rows = (len(drawn) + 1) // 2
        figure = Figure(figsize=(_WIDTH, 3.4 + 0.2 * rows))
        axes = _axes(figure, legend_rows=rows)
        positions = list(range(len(bars)))
        below = [0.0] * len(bars)
        colours = matplotlib.colormaps["tab20"].colors
        handles, labels = [], []
        for index, (name, amounts, others) in enumerate(drawn):
            # Floats only for where a bar is drawn; every figure a reader sees is the exact Decimal's.
            heights = [float(amount) for amount in amounts]
            colour = _OTHERS_COLOUR if others else colours[index % len(colours)]
            label = chart_name(name)
            handles.append(axes.bar(positions, heights, bottom=below, label=label, color=colour, width=0.7))
            labels.append(label)
            below = [b + h for b, h in zip(below, heights, strict=True)]
        if handles:
            sums = [sum((amounts[column] for _name, amounts, _o in drawn), Decimal(0)) for column in positions]
            upright = len(bars) > 4  # side by side, long sums would run into each other
            for position, height, amount in zip(positions, below, sums, strict=True):
                axes.annotate(
                    format_kr(amount, currency), (position, max(height, 0.0)), xytext=(0, 3), textcoords="offset points",
                    ha="center", va="bottom", fontsize=8, rotation=90 if upright else 0,
                )
            # Room above the highest bar for its label, about 5 points a character upright.
            label = max(len(format_kr(amount, currency)) for amount in sums) * 5.0 if upright else 12.0
            _leave_room(axes, "y", max(below, default=0.0), label + 8)
        axes.set_xticks(positions, bars)
        _money_axis(axes.yaxis, currency)
        axes.set_title(title, loc="left", fontsize=10, fontweight="bold")
        if handles:
            # Handles and labels given, not gathered: matplotlib leaves out a label that begins with `_`.
            figure.legend(handles, labels, loc="lower center", ncols=2, frameon=False, fontsize=8)
        return _svg(figure, title)


def frame_use(title: str, frames: Sequence[Frame], currency: str) -> str:
    """A horizontal bar per frame: its money by status, stacked, against an outline of the frame itself."""
    statuses = ("decided", "applied", "proposed", "not stated")
    colours = {"decided": "#1f5f99", "applied": "#e08a1e", "proposed": "#9bbfe0", "not stated": "#bbbbbb"}
    with drawing():
        from matplotlib.figure import Figure

        figure = Figure(figsize=(_WIDTH, 1.8 + 0.5 * len(frames)))
        axes = _axes(figure, legend_rows=1, left=2.4)
        positions = list(range(len(frames)))[::-1]
        left = [0.0] * len(frames)
        for status in statuses:
            widths = [float(by_status[status]) for _name, _amount, by_status in frames]
            axes.barh(positions, widths, left=left, height=0.5, label=wording.label(status), color=colours[status])
            left = [a + b for a, b in zip(left, widths, strict=True)]
        axes.barh(
            positions, [float(amount) for _name, amount, _by_status in frames], height=0.7, fill=False,
            edgecolor="black", linewidth=1.2, label=_(N_("frame")),
        )
        for position, (_name, amount, by_status) in zip(positions, frames, strict=True):
            used = sum(by_status.values(), Decimal(0))
            axes.annotate(
                _used_of(used, amount, currency),
                (float(max(used, amount)), position), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8,
            )
        axes.set_yticks(positions, [chart_name(name) for name, _amount, _by_status in frames])
        _money_axis(axes.xaxis, currency)
        longest = max(len(_used_of(sum(b.values(), Decimal(0)), a, currency)) for _name, a, b in frames)
        _leave_room(axes, "x", max(left + [float(a) for _name, a, _by_status in frames]), longest * 4.6 + 8)
        axes.set_title(title, loc="left", fontsize=10, fontweight="bold")
        figure.legend(loc="lower center", ncols=5, frameon=False, fontsize=8)
        return _svg(figure, title)


def _used_of(used: Decimal, frame: Decimal, currency: str) -> str:
    """`6 439 505,85 kr of 5 000 000 kr`: a frame's use against the frame."""
    return _("{used} of {frame}").format(used=format_kr(used, currency), frame=format_kr(frame, currency))


def _axes(figure, *, legend_rows: int, left: float = 1.2):
    """The plot's axes, with fixed room (in inches) for the amounts at its left and the legend below.

    Fixed margins rather than matplotlib's constrained layout, which draws
    every chart twice to measure it: a report of a thousand plans draws a
    thousand charts.
    """
    width, height = figure.get_size_inches()
    bottom = 0.45 + 0.2 * legend_rows
    return figure.add_axes((left / width, (bottom + 0.1) / height, 1 - (left + 0.2) / width, 1 - (bottom + 0.55) / height))


def _leave_room(axes, axis: str, highest: float, points: float) -> None:
    """The `axis` from 0 to past `highest`, leaving `points` of the axes free beyond it for labels."""
    if highest <= 0:
        return
    box = axes.get_position()
    width, height = axes.figure.get_size_inches()
    length = (box.height * height if axis == "y" else box.width * width) * 72
    limit = highest / (1 - min(points / length, 0.8))
    if axis == "y":
        axes.set_ylim(top=limit)
    else:
        axes.set_xlim(right=limit)


def _money_axis(axis, currency: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10], integer=True))
    axis.set_major_formatter(FuncFormatter(lambda value, _: format_kr(Decimal(round(value)), currency)))


def _svg(figure, title: str) -> str:
    """The figure as an `<svg>` element to put inside a page, named for screen readers."""
    import html

    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    text = text[text.index("<svg"):]  # the XML declaration and DOCTYPE have no place inside HTML
    # The RDF block names its creator and vocabularies by address; a page needs none of it.
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.DOTALL)
    return text.replace("<svg ", f'<svg role="img" aria-label="{html.escape(title)}" ', 1)

