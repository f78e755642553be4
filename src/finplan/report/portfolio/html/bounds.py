"""What a chart draws of the plans: a bounded number of series, years, frames and characters.

A plan may hold thousands of financiers, name any year and any name; a chart
drawn of all of them would take minutes and could not be read. These pure
functions choose what is drawn; the tables beside each chart list everything.
No matplotlib here: charts.py draws what they give.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from finplan.i18n import Message, _

MAX_SERIES = 12
"""The most series one chart draws: the 11 largest and one of all the others.

tab20's first twelve colours are six hues, dark and light, none of them grey,
which is kept for the others; a legend of twelve is six rows in two columns;
and a stack of more segments than that cannot be read anyway. It also keeps a
chart's drawing time bounded: a plan of 5 000 financiers is drawn as 12.
"""
MAX_YEARS = 30
"""The most bars one chart of years draws; 30 bars and their sums, upright, fit side by side."""
MAX_FRAMES = 30
"""The most frames the chart of the frames' use draws: a bar each, half an inch tall."""
MAX_LABEL = 60
"""The most characters of a name a chart shows (longer ones end in `…`): two legend columns fit side by side."""

Frame = tuple[str, Decimal, dict[str, Decimal]]
"""A frame as the chart of the frames' use takes it: its name and year, its amount, its money by status."""


def bounded(series: Sequence[tuple[str, dict[int, Decimal]]]) -> list[tuple[str, dict[int, Decimal], bool]]:
    """At most MAX_SERIES series: all of them, or the MAX_SERIES - 1 largest and one summing the others.

    Each is (name, amounts per year, whether it is the others). The largest by
    the money they move (their amounts without sign, so a negative line counts
    too), ties by their order; those kept stay in the order given, so a plan's
    financiers keep theirs, and the others come last, named with their number.
    """
    if len(series) <= MAX_SERIES:
        return [(name, amounts, False) for name, amounts in series]
    sizes = [sum((abs(amount) for amount in amounts.values()), Decimal(0)) for _name, amounts in series]
    ranked = sorted(range(len(series)), key=lambda index: -sizes[index])
    kept, rest = sorted(ranked[: MAX_SERIES - 1]), ranked[MAX_SERIES - 1 :]
    others: dict[int, Decimal] = {}
    for index in rest:
        for year, amount in series[index][1].items():
            others[year] = others.get(year, Decimal(0)) + amount
    name = _(Message("others ({n})", n=len(rest)))
    return [(*series[index], False) for index in kept] + [(name, others, True)]


def columns(
    years: Sequence[int], drawn: list[tuple[str, dict[int, Decimal], bool]]
) -> tuple[list[str], list[tuple[str, list[Decimal], bool]]]:
    """The bars' labels, and each series' amount in each bar: a bar a year, up to MAX_YEARS bars.

    Past MAX_YEARS (a plan may put money in any year, with a finding), the
    last bar holds every later year, `2052–4999`, so a chart is drawn in the
    same time however many years the plans name.
    """
    groups = [[year] for year in years[: MAX_YEARS - 1]]
    rest = list(years[MAX_YEARS - 1 :])
    if rest:
        groups.append(rest)
    labels = [str(group[0]) if len(group) == 1 else f"{group[0]}–{group[-1]}" for group in groups]
    return labels, [
        (name, [sum((amounts.get(year, Decimal(0)) for year in group), Decimal(0)) for group in groups], others)
        for name, amounts, others in drawn
    ]


def most_used(frames: Sequence[Frame]) -> list[Frame]:
    """At most MAX_FRAMES frames, in their order: those whose money takes the largest share of them.

    A frames file may name thousands; the chart shows the frames nearest to
    their limit or past it, and the table below it every frame.
    """
    if len(frames) <= MAX_FRAMES:
        return list(frames)

    def share(frame: Frame) -> Decimal:
        _name, amount, by_status = frame
        used = sum(by_status.values(), Decimal(0))
        if amount > 0:
            return used / amount
        return Decimal("Infinity") if used > 0 else Decimal(0)  # any money over a frame of nothing

    ranked = sorted(range(len(frames)), key=lambda index: -share(frames[index]))
    return [frames[index] for index in sorted(ranked[:MAX_FRAMES])]


def chart_name(name: str) -> str:
    """A name as a chart shows it: on one line, and cut to MAX_LABEL characters."""
    flat = one_line(name)
    return flat if len(flat) <= MAX_LABEL else flat[: MAX_LABEL - 1] + "…"


def one_line(name: str) -> str:
    """A name with every run of spaces, tabs and line breaks in it made one space."""
    return " ".join(name.split())
