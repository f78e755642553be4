"""What every job's markdown format is made of: cells, tables, and a report that stays under the size a
pull request's step summary or a merge request's note may take. Plans or sections that do not fit are
counted, not shown."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TextIO

from finplan.i18n import _
from finplan.money import format_number

LIMIT = 1_000_000
"""Bytes, so under GitHub's limit on a step summary (1 MiB) and GitLab's on a note (1 000 000 characters)."""
RESERVE = 16 * 1024
"""Left for the heading, the overview table and the closing lines."""
MAX_ROWS = 40
"""Rows a table shows; the rest are counted in a last row."""

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|", "\r": "", "\n": "<br>"})


def cell(value: object) -> str:
    """Text for a table cell: `|` cannot end the cell, a newline cannot end the row, no HTML is made."""
    return str(value).translate(_ESCAPES)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], right: Sequence[int] = ()) -> str:
    """A GitHub-flavoured table; the columns at `right` right-aligned. At most MAX_ROWS rows, then a count.

    `headers` are English texts marked for the catalog; they are shown in the reader's language.
    """
    lines = [
        "| " + " | ".join(cell(_(h)) for h in headers) + " |",
        "|" + "|".join("---:" if i in right else "---" for i in range(len(headers))) + "|",
    ]
    hidden = 0
    for row in rows:
        if len(lines) - 2 < MAX_ROWS:
            lines.append("| " + " | ".join(cell(value) for value in row) + " |")
        else:
            hidden += 1
    if hidden:
        more = _("… {n} more").format(n=format_number(hidden))
        lines.append("| " + " | ".join([more] + [""] * (len(headers) - 1)) + " |")
    return "\n".join(lines) + "\n"


def write_bounded(
    out: TextIO, head: str, items: Sequence, section: Callable[[object], str], left_out: Callable[[int], str]
) -> None:
    """`head`, then a section for each of `items` while the whole stays under LIMIT; then how many did not fit.

    `left_out(n)` says that n items were not shown, in the reader's language.
    """
    out.write(head)
    budget = LIMIT - RESERVE - len(head.encode("utf-8"))
    shown = 0
    for item in items:
        text = section(item) + "\n"
        budget -= len(text.encode("utf-8"))
        if budget < 0:
            break
        out.write(text)
        shown += 1
    left = len(items) - shown
    if left:
        out.write(left_out(left).format(n=format_number(left)) + "\n")
