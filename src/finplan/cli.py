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


memo_app = typer.Typer(
    help="Decision memos: write the financing section from a plan, or check a memo's figures against it.",
    no_args_is_help=True,
)
app.add_typer(memo_app, name="memo")


class MemoFormat(str, enum.Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    docx = "docx"


@memo_app.command("render")
def memo_render(
    plan: Annotated[Path, typer.Argument(help="The plan file.", show_default=False)],
    output_format: Annotated[MemoFormat, typer.Option("--format", "-o", help="Output format.")] = MemoFormat.text,
    output: Annotated[Path | None, typer.Option("--output", help="Write to this file (required for docx).")] = None,
) -> None:
    """Write the financing section of a decision memo, in Swedish, from a plan."""
    from finplan.config import ConfigFinder
    from finplan.memo.render import render

    if output is not None and _same_file(output, plan):
        _fail(f"--output {output} is the plan; finplan never writes to a plan")
    if output_format is MemoFormat.docx and output is None:
        _fail("--format docx writes a Word file; name it with --output, such as --output finansiering.docx")
    checked = _checked_plan(plan, ConfigFinder())
    written = render(checked.plan, output_format.value)
    if isinstance(written, bytes):
        try:
            output.write_bytes(written)
        except OSError as error:
            _fail(f"{output} cannot be written: {error.strerror or error}")
    elif output is not None:
        from finplan.errors import InputError
        from finplan.files import write_atomic

        try:
            write_atomic(output, written, overwrite=True)
        except InputError as error:
            _fail(error.message)
    else:
        sys.stdout.write(written)


@memo_app.command("check")
def memo_check(
    plan: Annotated[Path, typer.Argument(help="The plan file.", show_default=False)],
    memo: Annotated[Path, typer.Argument(help="The memo: .txt, .md, .docx or .pdf.", show_default=False)],
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format", "-o",
            help="Output format; `github` when GITHUB_ACTIONS is set, else `text`.", show_default=False,
        ),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", help="Write the report to this file.")] = None,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these codes or prefixes (FP7, FP701); repeat or comma-separate.")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Leave out these codes or prefixes.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Accept the findings recorded in this file; fail only on new ones.")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option("--write-baseline", help="Record the current findings in this file.")
    ] = None,
) -> None:
    """Check every figure of a decision memo against a plan; report; exit 0, 1 or 2."""
    from finplan.config import ConfigFinder
    from finplan.errors import InputError

    fmt = (output_format or (Format.github if os.environ.get("GITHUB_ACTIONS") == "true" else Format.text)).value
    for option, target in (("--output", output), ("--write-baseline", write_baseline)):
        if target is not None and (_same_file(target, plan) or _same_file(target, memo)):
            _fail(f"{option} {target} is the plan or the memo; finplan never writes to either")
    try:
        finder = ConfigFinder(_codes(select), _codes(ignore) or (), strict)
        config = finder.for_plan(memo)
    except InputError as error:
        _fail(error.message)
    checked = _checked_plan(plan, finder)
    from finplan.memo.check import check_memo_file

    try:
        result, memo_check = check_memo_file(checked.plan, memo, config)
    except InputError as error:
        _fail(f"the memo {memo} {error.message}")
    run = _report_run([result])
    try:
        if baseline is not None:
            from finplan.baseline import apply_baseline, read_baseline

            run.baselined = apply_baseline(run.results, read_baseline(baseline), run.names)
        if write_baseline is not None:
            from finplan.baseline import write_baseline as record

            print(f"finplan: recorded {record(write_baseline, run.results, run.names)} findings in {write_baseline}",
                  file=sys.stderr)
        if fmt == "text":
            _write_memo_text(run, memo_check.matches, output)
        else:
            _write_report(run, fmt, output, False)
    except InputError as error:
        _fail(error.message)
    raise typer.Exit(EXIT_CLEAN if write_baseline is not None else exit_code(run.results))


def _checked_plan(plan: Path, finder) -> CheckResult:
    """The plan checked as `finplan check` checks it; exit 2 where it cannot be read as a plan."""
    checked = _check_one(plan, None, finder)
    if not checked.readable:
        reason = checked.findings[0].message if checked.findings else "it is not a plan"
        _fail(f"the plan {plan} could not be read: {reason}; `finplan check {plan}` says more")
    from finplan.findings import Severity

    errors = checked.count(Severity.ERROR)
    if errors:
        print(f"finplan: the plan {plan} has {errors} error{'s' if errors > 1 else ''}; "
              f"`finplan check {plan}` lists them", file=sys.stderr)
    return checked


def _write_memo_text(run, matches, output: Path | None) -> None:
    """The text report with the table of matched figures before the findings."""
    from finplan.memo.table import matches_table
    from finplan.report.text import render

    stream = io.StringIO() if output is not None else sys.stdout
    console = _console(stream)
    if matches:
        console.print(matches_table(matches))
        console.print()
    render(run, console, tables=False)
    if output is not None:
        from finplan.files import write_atomic

        write_atomic(output, stream.getvalue(), overwrite=True)


def main() -> None:
    # Pydantic imports every installed package's `pydantic` plugin entry point
    # when the first model is built; finplan needs none, and runs no code of others.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app(prog_name="finplan")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
