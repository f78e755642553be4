"""The command line: arguments in, a report out, and the exit code.

Exit codes: 0 no errors; 1 errors (warnings too with --strict); 2 a file that
could not be read or checked, or a usage error. Imports of the checking stack
wait until a command needs them, so `--version` and `--help` stay quick.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from finplan import __version__

if TYPE_CHECKING:
    from finplan.findings import CheckResult

app = typer.Typer(
    name="finplan",
    help="Checks the financing plans of regional development projects, kept as YAML files.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def _version(value: bool) -> None:
    if value:
        print(f"finplan {__version__}")
        raise typer.Exit(EXIT_CLEAN)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", help="Print finplan's version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Checks the financing plans of regional development projects, kept as YAML files."""


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Plan files to check.", show_default=False)],
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
) -> None:
    """Check plan files: sums, periods and lines; print a report; exit 0, 1 or 2."""
    from finplan.report.text import render_result, run_summary

    console = _stdout_console()
    results = [_check_one(path) for path in paths]
    for index, result in enumerate(results):
        if index:
            console.print()
        render_result(result, console)
    if len(results) > 1:
        console.print(run_summary(results), soft_wrap=True)
    raise typer.Exit(exit_code(results, strict=strict))


@app.command("rules")
def list_rules() -> None:
    """List every rule: code, name, severity, the profiles it belongs to, what it checks."""
    from rich.table import Table
    from rich.text import Text

    from finplan.report.table import new_table
    from finplan.rules.docs import DOCUMENTED, applies_to

    table: Table = new_table("Rules", "Code", "Name", "Severity", "Applies to", "Checks")
    for item in DOCUMENTED:
        table.add_row(*(Text(str(v)) for v in (item.code, item.name, item.severity, applies_to(item), item.summary)))
    _stdout_console().print(table)


@app.command("rule")
def show_rule(code: Annotated[str, typer.Argument(help="A rule's code, such as FP501.", show_default=False)]) -> None:
    """Print a rule's documentation: what it checks, why, examples, and its source."""
    from finplan.rules.docs import find, rule_text

    item = find(code)
    if item is None:
        print(f"finplan: no rule {code}; `finplan rules` lists them", file=sys.stderr)
        raise typer.Exit(EXIT_INPUT)
    print(rule_text(item), end="")


def exit_code(results: list[CheckResult], *, strict: bool) -> int:
    """The worst outcome of all files decides: unreadable > errors > (strict) warnings."""
    from finplan.findings import Severity

    if any(not result.readable for result in results):
        return EXIT_INPUT
    worst = max((result.worst for result in results if result.worst is not None), default=None)
    failing = Severity.WARNING if strict else Severity.ERROR
    return EXIT_FINDINGS if worst is not None and worst >= failing else EXIT_CLEAN


def _check_one(path: Path) -> CheckResult:
    from finplan.check import INPUT_CODE, check_file
    from finplan.findings import CheckResult, Finding, Severity

    try:
        return check_file(path)
    except Exception as error:  # a bug in finplan, never the plan's fault: say so without a traceback
        if os.environ.get("FINPLAN_DEBUG"):
            raise
        message = (
            f"finplan failed on this file ({type(error).__name__}); this is a bug in finplan, "
            "please report it (FINPLAN_DEBUG=1 shows the traceback)"
        )
        return CheckResult(str(path), [Finding(INPUT_CODE, Severity.ERROR, message)], readable=False)


def _stdout_console():
    from rich.console import Console

    console = Console(highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        # Rich assumes 80 columns off a terminal; CI logs are wider, and tables wrap less.
        console.width = 120
    return console


def main() -> None:
    app(prog_name="finplan")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
