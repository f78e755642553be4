"""The text report's table of every figure matched: memo line, figure as written, plan line, value."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from finplan.memo.match import Match
from finplan.report.table import new_table

_STYLE = {"matches": "green", "rounded": "cyan", "differs": "bold red"}


def matches_table(matches: list[Match]) -> Table:
    """One row per figure compared with the plan, in the memo's order."""
    table = new_table("Figures of the memo", "Line", "Figure", "Plan", "Value", "Outcome")
    for match in matches:
        table.add_row(
            Text(f"{match.position.line}:{match.position.column}"), Text(match.figure), Text(match.target),
            Text(match.expected), Text(match.outcome, style=_STYLE[match.outcome]),
        )
    return table
