"""`finplan memo check --format text`: the table of every figure matched, then the findings as `check` prints them.

The other formats of `memo check` are check's own: a memo's findings are
findings like any other.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from finplan.i18n import N_, _
from finplan.memo.match import Match
from finplan.report.check import text
from finplan.report.run import MemoRun
from finplan.report.table import new_table
from finplan.report.wording import shown

_STYLE = {"matches": "green", "rounded": "cyan", "differs": "bold red", "not checked": "yellow"}
_OUTCOME = {"matches": N_("matches"), "rounded": N_("rounded"), "differs": N_("differs"), "not checked": N_("not checked")}


def render(run: MemoRun, console: Console) -> None:
    if run.matches and not run.quiet:
        console.print(matches_table(run.matches))
        console.print()
    text.render(run, console)


def matches_table(matches: list[Match]) -> Table:
    """One row per figure compared with the plan, in the memo's order."""
    table = new_table(_("Figures of the memo"), N_("Line"), N_("Figure"), N_("Plan"), N_("Value"), N_("Outcome"))
    for match in matches:
        table.add_row(
            Text(f"{match.position.line}:{match.position.column}"), Text(match.figure), Text(shown(match.target)),
            Text(shown(match.expected)), Text(_(_OUTCOME[match.outcome]), style=_STYLE[match.outcome]),
        )
    return table
