"""Where a table of many years is cut, so that each part fits a page 1 280 pixels wide.

An amount is never wrapped (split over two lines it reads as two), so a
table of a dozen years of `12 879 011,36` is wider than a screen. As the text
summary cuts its years into several tables where a terminal is too narrow,
the page cuts them into parts that each fit, every part with its rows' names,
the last with the total and the plans. Widths are measured as the page draws
them (DejaVu Sans, `svg.text_width`), with room to spare for another font.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

from finplan.report.portfolio.html import svg

PAGE = 1100.0
"""Pixels a table may take: a window of 1 280 less the page's margins, a scrollbar, and room for a wider font."""
_FONT = 13.6  # the tables' letters: .85rem
_BOLD = 1.1  # a bold header or sum is about this much wider
_PADDING = 16.0  # a cell's padding either side, and its border
KEY_MOST = 220.0
"""A row's name wraps past this: it may take two lines; an amount may not."""
PLANS_MOST = 224.0
"""The plans' column (`td.plans`, 14rem): cut with `…`, all of them where the pointer rests."""


_MEASURED = 64
"""The longest texts of a column that are measured: the widest is among them (a letter is 0.3 to 1 em wide)."""


def width(texts: Iterable[str], most: float = PAGE) -> float:
    """The pixels a column of `texts` takes, bold ones included, at most `most`.

    A column of four thousand financiers is measured by its longest texts only.
    """
    longest = heapq.nlargest(_MEASURED, set(texts), key=len)
    return min(max((svg.text_width(text, _FONT) for text in longest), default=0.0) * _BOLD + _PADDING, most)


def parts(key: float, years: Sequence[float], trailing: float) -> list[range]:
    """The year columns of each part, as even as they fit: each beside the names, the last with `trailing` too."""
    cuts = _greedy(key, years, trailing)
    count, total = len(cuts), len(years)
    even = [range(-(-total * part // count), -(-total * (part + 1) // count)) for part in range(count)]
    fits = all(
        key + sum(years[index] for index in cut) + (trailing if cut is even[-1] else 0.0) <= PAGE for cut in even
    )
    return even if count > 1 and fits else cuts


def _greedy(key: float, years: Sequence[float], trailing: float) -> list[range]:
    """As many year columns in each part as fit beside the names; the last part gives up years to fit `trailing`."""
    cuts: list[range] = []
    start, taken = 0, key
    for index, column in enumerate(years):
        if taken + column > PAGE and index > start:
            cuts.append(range(start, index))
            start, taken = index, key
        taken += column
    last = list(range(start, len(years)))
    while len(last) > 1 and taken + trailing > PAGE:  # the total must fit beside the last years: fewer of them
        taken -= years[last[0]]
        last.pop(0)
    if last and last[0] > start:
        cuts.append(range(start, last[0]))
    cuts.append(range(last[0], len(years)) if last else range(len(years), len(years)))
    return cuts
