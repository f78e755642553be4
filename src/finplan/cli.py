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
from finplan.report import DIFF_FORMATS, FORMATS, SITE_FORMATS, SUMMARY_FORMATS

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


def _choices(name: str, formats) -> type[enum.Enum]:
    """The registry's format names as the choices Typer offers and checks."""
    return enum.Enum(name, {fmt: fmt for fmt in formats}, type=str)  # type: ignore[return-value]


CheckFormat = _choices("CheckFormat", FORMATS)
DiffFormat = _choices("DiffFormat", DIFF_FORMATS)
SummaryFormat = _choices("SummaryFormat", SUMMARY_FORMATS)


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(help="Plan files, folders (every *.yaml and *.yml below) or globs.", show_default=False)
    ],
    output_format: Annotated[
        CheckFormat | None,
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
    from finplan.batch import check_all
    from finplan.config import ConfigFinder
    from finplan.discover import expand
    from finplan.errors import InputError

    fmt = FORMATS[(output_format.value if output_format else None) or _default_format()]
    plans = expand(paths)
    for option, target in (("--output", output), ("--write-baseline", write_baseline)):
        if target is not None and any(_same_file(target, plan) for plan, _ in plans):
            _fail(f"{option} {target} is one of the plans being checked; finplan never writes to a plan")
    try:
        finder = ConfigFinder(_codes(select), _codes(ignore) or (), strict)
    except InputError as error:
        _fail(error.message)
    show_tables = fmt.tables and (tables if tables is not None else len(plans) == 1)
    results = check_all(plans, finder, keep_plans=show_tables or fmt.needs_plan)
    run = _report_run(results, show_tables)
    try:
        if baseline is not None:
            from finplan.baseline import apply_baseline, read_baseline

            run.baselined = apply_baseline(results, read_baseline(baseline), run.names)
        if write_baseline is not None:
            from finplan.baseline import write_baseline as record

            recorded = record(write_baseline, results, run.names)
            print(f"finplan: recorded {recorded} findings in {write_baseline}", file=sys.stderr)
        _write_report(run, fmt, output)
    except InputError as error:
        _fail(error.message)
    raise typer.Exit(EXIT_CLEAN if write_baseline is not None and all(r.readable for r in results) else exit_code(results))


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


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


def _report_run(results: list[CheckResult], tables: bool):
    from finplan.catalogue import CATALOGUE
    from finplan.paths import relative, repository_root
    from finplan.report.run import ReportRun

    root = repository_root()
    names = {result.file: relative(result.file, root) for result in results}
    return ReportRun(results, root, names, codes=CATALOGUE, tables=tables)


def _write_report(run, fmt, output: Path | None) -> None:
    """The run in format `fmt`, to standard output or, whole or not at all, to `output`."""
    stream = io.StringIO() if output is not None else sys.stdout
    fmt.load().render(run, _console(stream) if fmt.console else stream)
    if output is not None:
        from finplan.files import write_atomic

        write_atomic(output, stream.getvalue(), overwrite=True)


@app.command("rules")
def list_rules() -> None:
    """List every rule (code, name, severity, profiles, what it checks), every profile, and every setting with its source."""
    from rich.table import Table
    from rich.text import Text

    from finplan.report.table import new_table
    from finplan.catalogue import CATALOGUE

    from finplan.profiles import PROFILES, all_settings
    from finplan.rules.docs import default_text, limit_text

    table: Table = new_table("Rules", "Code", "Name", "Severity", "Applies to", "Checks")
    for item in CATALOGUE.values():
        table.add_row(*(Text(str(v)) for v in (item.code, item.name, item.severity, item.applies_to, item.summary)))
    console = _console()
    console.print(table)
    profiles: Table = new_table("Profiles", "Profile", "Title", "Schemes", "Programme period", "Caps and floors")
    for p in PROFILES.values():
        period = f"{p.period[0]} to {p.period[1]}: {p.period_source}" if p.period else "–"
        limits = "\n".join(limit_text(p, limit).replace("`", "") for limit in p.limits) or "–"
        profiles.add_row(*(Text(v) for v in (p.name, p.title, ", ".join(p.schemes), period, limits)))
    console.print(profiles)
    settings: Table = new_table("Settings", "Key", "Default", "Meaning", "Source")
    for key, _, setting in all_settings():
        settings.add_row(*(Text(v) for v in (key, default_text(setting), setting.meaning, setting.source)))
    console.print(settings)


@app.command("rule")
def show_rule(code: Annotated[str, typer.Argument(help="A rule's code, such as FP501.", show_default=False)]) -> None:
    """Print a rule's documentation: what it checks, why, examples, and its source."""
    from finplan.catalogue import find

    item = find(code)
    if item is None:
        print(f"finplan: no rule {code}; `finplan rules` lists them", file=sys.stderr)
        raise typer.Exit(EXIT_INPUT)
    print(item.text(), end="")


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


def _console(stream=None):
    from rich.console import Console

    console = Console(file=stream, highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        # Rich assumes 80 columns off a terminal; CI logs are wider, and tables wrap less.
        console.width = 120
    return console


class FailOn(str, enum.Enum):
    never = "never"
    new_errors = "new-errors"
    new_findings = "new-findings"


@app.command("diff")
def diff(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="OLD NEW: two plan files. With --rev: the plans or folders to compare (the whole repository if none).",
            show_default=False,
        ),
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            help="Compare the plans at this git revision with the working tree; A..B compares two revisions, "
            "A...B B with its merge base with A.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[DiffFormat, typer.Option("--format", "-o", help="Output format.")] = "text",  # type: ignore[assignment]
    output: Annotated[Path | None, typer.Option("--output", help="Write the report to this file.")] = None,
    fail_on: Annotated[
        FailOn,
        typer.Option("--fail-on", help="Exit 1 when the change brings new errors, or new findings of any severity."),
    ] = FailOn.never,
) -> None:
    """Compare two versions of plans: lines, shares, subtotals, caps and findings; exit 0, or 1 with --fail-on."""
    from finplan.errors import InputError

    try:
        run = _diff_run(paths or [], rev)
    except InputError as error:
        _fail(error.message)
    if output is not None and any(
        _same_file(output, run.root / name) for plan in run.plans for name in (plan.old_name, plan.new_name) if name
    ):
        _fail(f"--output {output} is one of the plans being compared; finplan never writes to a plan")
    try:
        _write_report(run, DIFF_FORMATS[DiffFormat(output_format).value], output)
    except InputError as error:
        _fail(error.message)
    from finplan.findings import Severity

    # Exit 2 when a plan as it is now could not be read: nothing about it can be trusted.
    if any(plan.new_status == "unreadable" for plan in run.plans):
        raise typer.Exit(EXIT_INPUT)
    severity = Severity.ERROR if fail_on is FailOn.new_errors else None
    worse = fail_on is not FailOn.never and any(plan.worse(severity) for plan in run.plans)
    raise typer.Exit(EXIT_FINDINGS if worse else EXIT_CLEAN)


def _diff_run(paths: list[str], rev: str | None):
    """The plans compared: two files, or the plans of a revision against another or the working tree."""
    from finplan.config import ConfigFinder
    from finplan.errors import InputError

    if rev is not None:
        from finplan.diff.revisions import compare_revisions

        return compare_revisions(rev, paths, ConfigFinder())
    if len(paths) != 2:
        raise InputError("diff takes two plan files, OLD and NEW, or --rev REV and the plans to compare")
    from finplan.diff.compare import compare_files

    return compare_files(Path(paths[0]), Path(paths[1]), ConfigFinder())


_PLAN_PATHS = typer.Argument(help="Plan files, folders (every *.yaml and *.yml below) or globs.", show_default=False)
_FRAMES = typer.Option(
    "--frames", help="A file of yearly frames per appropriation; else `frames` in finplan.toml.", show_default=False
)


@app.command()
def summary(
    paths: Annotated[list[str], _PLAN_PATHS],
    output_format: Annotated[SummaryFormat, typer.Option("--format", "-o", help="Output format.")] = "text",  # type: ignore[assignment]
    output: Annotated[Path | None, typer.Option("--output", help="Write the summary to this file.")] = None,
    frames: Annotated[Path | None, _FRAMES] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
) -> None:
    """Add up many plans per year, appropriation, financier, scheme, status and kind; hold them against frames."""
    fmt = SUMMARY_FORMATS[SummaryFormat(output_format).value]
    if fmt.binary and output is None:
        _fail(f"--format {fmt.name} writes a file of its own; name it with --output FILE")
    from finplan.errors import InputError

    portfolio, results = _portfolio(paths, frames, output)
    try:
        if fmt.binary:
            fmt.load().write(portfolio, output)
        else:
            _write_report(portfolio, fmt, output)
    except ImportError as error:
        _fail(f"--format {fmt.name} needs {error.name}: pip install 'finplan[report]'")
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
        pages = SITE_FORMATS["html"].load().write(portfolio, html)
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
    from finplan.batch import check_all

    results = check_all(plans, ConfigFinder(), keep_plans=True)
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


def main() -> None:
    # Pydantic imports every installed package's `pydantic` plugin entry point
    # when the first model is built; finplan needs none, and runs no code of others.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app(prog_name="finplan")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

