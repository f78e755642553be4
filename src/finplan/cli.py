"""The command line: arguments in, a report out, and the exit code.

Exit codes: 0 no errors; 1 errors (warnings too with --strict); 2 a file that
could not be read or checked, or a usage error. Imports of the checking stack
wait until a command needs them, so `--version` and `--help` stay quick.
"""

from __future__ import annotations

import enum
import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

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


class Format(str, enum.Enum):
    text = "text"
    concise = "concise"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    gitlab = "gitlab"


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(help="Plan files, folders (every *.yaml and *.yml below) or globs.", show_default=False)
    ],
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format", "-o",
            help="Output format; `github` when GITHUB_ACTIONS is set, else `text`.", show_default=False,
        ),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", help="Write the report to this file.")] = None,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these codes or prefixes (FP1, FP203); repeat or comma-separate.")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Leave out these codes or prefixes.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Accept the findings recorded in this file; fail only on new ones.")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option("--write-baseline", help="Record the current findings in this file.")
    ] = None,
    tables: Annotated[
        bool | None,
        typer.Option(
            "--tables/--no-tables",
            help="Show each plan's tables in the text report; by default only when one plan is checked.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check plan files: sums, periods, lines and funding rules; report; exit 0, 1 or 2."""
    from finplan.config import ConfigFinder
    from finplan.discover import expand
    from finplan.errors import InputError

    fmt = (output_format or (Format.github if os.environ.get("GITHUB_ACTIONS") == "true" else Format.text)).value
    plans = expand(paths)
    for option, target in (("--output", output), ("--write-baseline", write_baseline)):
        if target is not None and any(_same_file(target, plan) for plan, _ in plans):
            _fail(f"{option} {target} is one of the plans being checked; finplan never writes to a plan")
    try:
        finder = ConfigFinder(_codes(select), _codes(ignore) or (), strict)
    except InputError as error:
        _fail(error.message)
    show_tables = tables if tables is not None else len(plans) == 1
    results = _check_all(plans, finder, keep_plans=fmt == "text" and show_tables)
    run = _report_run(results)
    try:
        if baseline is not None:
            from finplan.baseline import apply_baseline, read_baseline

            run.baselined = apply_baseline(results, read_baseline(baseline), run.names)
        if write_baseline is not None:
            from finplan.baseline import write_baseline as record

            recorded = record(write_baseline, results, run.names)
            print(f"finplan: recorded {recorded} findings in {write_baseline}", file=sys.stderr)
        _write_report(run, fmt, output, show_tables)
    except InputError as error:
        _fail(error.message)
    raise typer.Exit(EXIT_CLEAN if write_baseline is not None and all(r.readable for r in results) else exit_code(results))


def _codes(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


def _same_file(output: Path, plan: Path) -> bool:
    try:
        return output.resolve() == plan.resolve()
    except OSError:
        return False


def _fail(message: str) -> NoReturn:
    print(f"finplan: {message}", file=sys.stderr)
    raise typer.Exit(EXIT_INPUT)


def _report_run(results: list[CheckResult]):
    from finplan.paths import relative, repository_root
    from finplan.report.common import ReportRun

    root = repository_root()
    return ReportRun(results, root, {result.file: relative(result.file, root) for result in results})


def _write_report(run, fmt: str, output: Path | None, tables: bool) -> None:
    stream = io.StringIO() if output is not None else sys.stdout
    if fmt == "text":
        from finplan.report.text import render

        render(run, _console(stream), tables=tables)
    else:
        from finplan.report import renderer

        renderer(fmt)(run, stream)
    if output is not None:
        from finplan.files import write_atomic

        write_atomic(output, stream.getvalue(), overwrite=True)


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
    _console().print(table)


@app.command("rule")
def show_rule(code: Annotated[str, typer.Argument(help="A rule's code, such as FP501.", show_default=False)]) -> None:
    """Print a rule's documentation: what it checks, why, examples, and its source."""
    from finplan.rules.docs import find, rule_text

    item = find(code)
    if item is None:
        print(f"finplan: no rule {code}; `finplan rules` lists them", file=sys.stderr)
        raise typer.Exit(EXIT_INPUT)
    print(rule_text(item), end="")


@app.command("schema")
def show_schema() -> None:
    """Print the plan format as a JSON Schema, for editors and schema validators."""
    import json

    from finplan.schema import plan_schema

    print(json.dumps(plan_schema(), ensure_ascii=False, indent=2))


@app.command("init")
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the new plan.")] = Path("plan.yaml"),
) -> None:
    """Write a commented starting plan; an existing file is never overwritten."""
    import importlib.resources

    from finplan.errors import InputError
    from finplan.files import write_atomic

    template = importlib.resources.files("finplan.templates").joinpath("plan.yaml").read_text(encoding="utf-8")
    try:
        write_atomic(path, template, overwrite=False)
    except InputError as error:
        _fail(error.message)
    print(f"finplan: wrote a starting plan to {path}; fill it in, then run `finplan check {path}`")


def exit_code(results: list[CheckResult]) -> int:
    """The worst outcome of all files decides: unreadable > failing > clean."""
    if any(not result.readable for result in results):
        return EXIT_INPUT
    return EXIT_FINDINGS if any(result.failed for result in results) else EXIT_CLEAN


PARALLEL_FROM = 32
"""Fewer plans than this are checked in this process: starting workers costs more than it saves."""


def _check_all(plans: list[tuple[Path, str | None]], finder, *, keep_plans: bool) -> list[CheckResult]:
    """Every plan checked, in order; over the cores when there are many."""
    workers = min(os.cpu_count() or 1, len(plans) // PARALLEL_FROM)
    if workers < 2:
        return [_check_one(plan, problem, finder) for plan, problem in plans]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the imported modules with the workers; elsewhere they import anew.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_set_worker, initargs=(finder, keep_plans)
    ) as pool:
        return list(pool.map(_check_in_worker, plans, chunksize=max(1, len(plans) // (workers * 8))))


_worker: tuple = (None, False)


def _set_worker(finder, keep_plans: bool) -> None:
    global _worker
    _worker = (finder, keep_plans)


def _check_in_worker(item: tuple[Path, str | None]) -> CheckResult:
    finder, keep_plans = _worker
    result = _check_one(*item, finder)
    if not keep_plans:
        # Only the findings travel back: a plan's model is large, and no report
        # but the text tables needs it.
        result.plan = result.settings = None
    return result


def _check_one(path: Path, problem: str | None, finder) -> CheckResult:
    from finplan.check import INPUT_CODE, check_file
    from finplan.errors import InputError
    from finplan.findings import CheckResult, Finding, Severity

    def unchecked(message: str) -> CheckResult:
        return CheckResult(str(path), [Finding(INPUT_CODE, Severity.ERROR, message)], readable=False)

    if problem is not None:
        return unchecked(problem)
    try:
        return check_file(path, finder.for_plan(path))
    except InputError as error:  # the plan's configuration could not be read
        return unchecked(error.message)
    except Exception as error:  # a bug in finplan, never the plan's fault: say so without a traceback
        if os.environ.get("FINPLAN_DEBUG"):
            raise
        return unchecked(
            f"finplan failed on this file ({type(error).__name__}); this is a bug in finplan, "
            "please report it (FINPLAN_DEBUG=1 shows the traceback)"
        )


def _console(stream=None):
    from rich.console import Console

    console = Console(file=stream, highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        # Rich assumes 80 columns off a terminal; CI logs are wider, and tables wrap less.
        console.width = 120
    return console


def main() -> None:
    # Pydantic imports every installed package's `pydantic` plugin entry point
    # when the first model is built; finplan needs none, and runs no code of others.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app(prog_name="finplan")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


class SummaryFormat(str, enum.Enum):
    text = "text"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


_PLAN_PATHS = typer.Argument(help="Plan files, folders (every *.yaml and *.yml below) or globs.", show_default=False)
_FRAMES = typer.Option(
    "--frames", help="A file of yearly frames per appropriation; else `frames` in finplan.toml.", show_default=False
)


@app.command()
def summary(
    paths: Annotated[list[str], _PLAN_PATHS],
    output_format: Annotated[SummaryFormat, typer.Option("--format", "-o", help="Output format.")] = SummaryFormat.text,
    output: Annotated[Path | None, typer.Option("--output", help="Write the summary to this file.")] = None,
    frames: Annotated[Path | None, _FRAMES] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
) -> None:
    """Add up many plans per year, appropriation, financier, scheme, status and kind; hold them against frames."""
    fmt = output_format.value
    if fmt == "xlsx" and output is None:
        _fail("--format xlsx writes a workbook; name its file with --output FILE")
    from finplan.errors import InputError

    portfolio, results = _portfolio(paths, frames, output)
    stream = io.StringIO()
    try:
        if fmt == "xlsx":
            from finplan.report.summary_xlsx import write

            write(portfolio, output)
        else:
            if fmt == "text":
                from finplan.report.summary_text import render

                render(portfolio, _console(stream if output is not None else None))
            else:
                import importlib

                importlib.import_module(f"finplan.report.summary_{fmt}").render(portfolio, stream if output else sys.stdout)
            if output is not None:
                from finplan.files import write_atomic

                write_atomic(output, stream.getvalue(), overwrite=True)
    except ImportError as error:
        _fail(f"--format {fmt} needs {error.name}: pip install 'finplan[report]'")
    except InputError as error:
        _fail(error.message)
    raise typer.Exit(_portfolio_exit(portfolio, results, strict))


@app.command()
def report(
    paths: Annotated[list[str], _PLAN_PATHS],
    html: Annotated[Path, typer.Option("--html", help="Write the HTML report into this folder.", show_default=False)],
    frames: Annotated[Path | None, _FRAMES] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
) -> None:
    """Write a static HTML report of many plans: the portfolio, frames, and a page per plan, with charts."""
    from finplan.errors import InputError

    portfolio, results = _portfolio(paths, frames, None)
    try:
        from finplan.report.html import write_site

        pages = write_site(portfolio, html)
    except ImportError as error:
        _fail(f"the HTML report needs {error.name}: pip install 'finplan[report]'")
    except InputError as error:
        _fail(error.message)
    print(f"finplan: wrote {pages} pages to {html}; open {html / 'index.html'}", file=sys.stderr)
    raise typer.Exit(_portfolio_exit(portfolio, results, strict))


def _portfolio(paths: list[str], frames: Path | None, output: Path | None):
    """Every plan checked and added up, with the frames of `--frames` or the configuration."""
    from finplan.config import ConfigFinder
    from finplan.discover import expand
    from finplan.errors import InputError
    from finplan.paths import relative, repository_root
    from finplan.portfolio.aggregate import collect
    from finplan.portfolio.frames import configured_frames, measure, read_frames

    try:
        frames = frames or configured_frames()
    except InputError as error:
        _fail(error.message)
    # A frames file kept beside the plans is no plan.
    plans = [(plan, problem) for plan, problem in expand(paths) if frames is None or not _same_file(frames, plan)]
    if output is not None and any(_same_file(output, plan) for plan, _ in plans):
        _fail(f"--output {output} is one of the plans being summarised; finplan never writes to a plan")
    results = _check_all(plans, ConfigFinder(), keep_plans=True)
    root = repository_root()
    portfolio = collect(results, {result.file: relative(result.file, root) for result in results})
    if frames is not None:
        try:
            measure(portfolio, read_frames(frames), str(frames))
        except InputError as error:
            _fail(error.message)
    return portfolio, results


def _portfolio_exit(portfolio, results: list[CheckResult], strict: bool) -> int:
    """The plans' own exit code, or 1 where a frame is exceeded (warnings too with --strict)."""
    from finplan.findings import Severity

    worst = max((finding.severity for _, finding in portfolio.findings), default=None)
    failed = worst is not None and worst >= (Severity.WARNING if strict else Severity.ERROR)
    return max(exit_code(results), EXIT_FINDINGS if failed else EXIT_CLEAN)
