"""`finplan check`: plans read, checked and reported; exit 0, 1 or 2."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from finplan.cli.app import LangOption, app
from finplan.cli.common import (
    BaselineOption, ExitZeroOption, FormatOption, IgnoreOption, PathsArgument, QuietOption, SelectOption, StrictOption,
    WriteBaselineOption, codes, default_format, finish, output_option, refuse, remember_inputs, report_run,
)
from finplan.i18n import N_, Message
from finplan.report import FORMATS

if TYPE_CHECKING:
    from finplan.findings import CheckResult


# Values people write after a flag that takes none (`--strict true`); as paths they would be "not found".
_FLAG_VALUES = {"true", "false", "yes", "no", "on", "off", "1", "0"}


@app.command(help=N_("Check plan files: sums, periods, lines and funding rules; report; exit 0, 1 or 2."))
def check(
    paths: Annotated[list[str], PathsArgument],
    output_format: FormatOption = None,
    output: Annotated[Path | None, output_option()] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    strict: StrictOption = False,
    baseline: BaselineOption = None,
    write_baseline: WriteBaselineOption = None,
    tables: Annotated[
        bool | None,
        typer.Option(
            "--tables/--no-tables",
            help=N_(
                "Show each plan's tables in the text report, and its caps and floors in json; "
                "by default only when one plan is checked."
            ),
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        bool, typer.Option("--source/--no-source", help=N_("Show the plan's line under an input error (text)."))
    ] = True,
    quiet: QuietOption = False,
    exit_zero: ExitZeroOption = False,
    skip_non_plans: Annotated[
        bool,
        typer.Option(
            "--skip-non-plans",
            help=N_(
                "Pass over a file named that is not a plan (no top-level `finplan:` key), with a note, as in a "
                "folder; for commit hooks, which name every changed YAML file."
            ),
        ),
    ] = False,
    lang: LangOption = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename", metavar="NAME",
            help=N_("The name a plan read from standard input (-) is reported under."), show_default=False,
        ),
    ] = None,
) -> None:
    from finplan.batch import check_all
    from finplan.config import ConfigFinder
    from finplan.discover import expand

    fmt = FORMATS[(output_format.value if output_format else None) or default_format()]
    _refuse_flag_values(paths)
    finder = ConfigFinder(codes(select), codes(ignore) or (), strict)
    plans = expand([p for p in paths if p != "-"], finder.excluded, skip_named=skip_non_plans)
    remember_inputs(Message("a plan being checked"), *(plan for plan, _problem in plans))
    remember_inputs(Message("the baseline"), baseline)
    stdin = [_check_stdin(finder, stdin_filename)] if "-" in paths else []
    count = len(plans) + len(stdin)
    show_tables = fmt.tables and not quiet and (tables if tables is not None else count == 1)
    results = stdin + check_all(plans, finder, keep_plans=show_tables or fmt.needs_plan)
    run = report_run(results, show_tables, source=source, quiet=quiet)
    raise typer.Exit(finish(run, fmt, output, baseline, write_baseline, exit_zero))


def _refuse_flag_values(paths: list[str]) -> None:
    for text in paths:
        if text.lower() in _FLAG_VALUES and not Path(text).exists():
            refuse(Message(
                "{text} is no plan file; flags such as --strict and --exit-zero take no value: write --strict alone",
                text=repr(text),
            ))


def _check_stdin(finder, name: str | None) -> "CheckResult":
    """The plan on standard input, checked under the configuration of `name` (or the working folder)."""
    from finplan.check import check_bytes

    config = finder.for_plan(Path(name) if name else Path.cwd() / "stdin.yaml")
    return check_bytes(sys.stdin.buffer.read(), name or "<stdin>", config)
