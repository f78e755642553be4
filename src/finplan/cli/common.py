"""What the commands share: options written once, the report written out, and the exit status.

A command parses its options, calls its job, hands the result to a writer
from the registry (finplan.report) and takes its exit status from the result;
the work and the writing live below this floor.
"""

from __future__ import annotations

import enum
import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from finplan.cli.app import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT
from finplan.cli.output import console
from finplan.i18n import N_, Message, _, ngettext
from finplan.report import FORMATS

if TYPE_CHECKING:
    from finplan.findings import CheckResult
    from finplan.report import Format


def refuse(message: Message) -> NoReturn:
    """Stop the command: the message on standard error, in the reader's language, and exit 2."""
    from finplan.errors import InputError

    raise InputError(message)


def choices(name: str, formats) -> type[enum.Enum]:
    """The registry's format names as the choices Typer offers and checks."""
    return enum.Enum(name, {fmt: fmt for fmt in formats}, type=str)  # type: ignore[return-value]


def format_option(formats, helptext: str = N_("Output format.")):
    """`--format/-o` with the registry's names as its choices, shown as `[a|b|c]`, not as a Python type."""
    return typer.Option("--format", "-o", help=helptext, metavar="[" + "|".join(formats) + "]")


def output_option(helptext: str = N_("Write the report to this file; - for standard output.")):
    return typer.Option("--output", metavar="FILE", help=helptext, show_default=False)


CheckFormat = choices("CheckFormat", FORMATS)
# check's formats, which memo check shares: a memo's findings are findings like any other.
FormatOption = Annotated[
    CheckFormat | None,
    format_option(FORMATS, N_("Output format; `github` when GITHUB_ACTIONS is set, else `text`.")),
]
PathsArgument = typer.Argument(
    help=N_("Plan files, folders (every plan below, by its `finplan:` key) or globs; - reads standard input."),
    show_default=False, metavar="PATH",
)
SelectOption = Annotated[
    list[str] | None,
    typer.Option("--select", metavar="CODES", help=N_("Only these codes or prefixes (FP1, FP203); repeat or comma-separate.")),
]
IgnoreOption = Annotated[list[str] | None, typer.Option("--ignore", metavar="CODES", help=N_("Leave out these codes or prefixes."))]
StrictOption = Annotated[bool, typer.Option("--strict", help=N_("Fail on warnings too."))]
BaselineOption = Annotated[
    Path | None,
    typer.Option("--baseline", metavar="FILE", help=N_("Accept the findings recorded in this file; fail only on new ones.")),
]
WriteBaselineOption = Annotated[
    Path | None, typer.Option("--write-baseline", metavar="FILE", help=N_("Record the current findings in this file."))
]
ExitZeroOption = Annotated[
    bool, typer.Option("--exit-zero", help=N_("Exit 0 even when findings fail; 2 still for input that cannot be read."))
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help=N_("Print the findings only: no tables, no summary lines."))]


def codes(values: list[str] | None) -> tuple[str, ...] | None:
    """`--select FP1,FP203 --select FP5` as codes, in capitals."""
    if not values:
        return None
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def say(message: str) -> None:
    """A line of finplan's own on standard error, in the reader's language."""
    print(f"finplan: {_(message)}", file=sys.stderr)


def to_standard_output(output: Path | None) -> bool:
    return output is None or str(output) == "-"


def write_report(run, fmt: Format, output: Path | None) -> None:
    """The run in format `fmt`, to standard output or, whole or not at all, to `output` through the door."""
    from finplan.files import write_file

    if fmt.binary:
        binary_needs_a_file(fmt, output)
        write_file(output, fmt.load().render(run))
        return
    if to_standard_output(output):
        fmt.load().render(run, console() if fmt.console else sys.stdout)
        return
    stream = io.StringIO()
    fmt.load().render(run, console(stream) if fmt.console else stream)
    write_file(output, stream.getvalue())


def binary_needs_a_file(fmt: Format, output: Path | None) -> None:
    """A binary format is never written to a terminal or a pipe: it needs --output."""
    if fmt.binary and to_standard_output(output):
        refuse(Message("--format {format} writes a file of its own; name it with --output FILE", format=fmt.name))


def report_run(results: list[CheckResult], tables: bool, run_type=None, **extra):
    """The run the writers read: results named from the repository root, with every code's documentation."""
    from finplan.codes import CATALOGUE
    from finplan.paths import relative, repository_root
    from finplan.report.run import ReportRun

    root = repository_root()
    names = {result.file: relative(result.file, root) for result in results}
    return (run_type or ReportRun)(results, root, names, codes=CATALOGUE, tables=tables, **extra)


def finish(run, fmt: Format, output: Path | None, baseline: Path | None, write_baseline: Path | None, exit_zero: bool) -> int:
    """Baselines applied or recorded, the report written; the exit status: the end of check and memo check."""
    if baseline is not None:
        from finplan.baseline import apply_baseline, read_baseline

        run.baselined = apply_baseline(run.results, read_baseline(baseline), run.names)
    if write_baseline is not None:
        from finplan.baseline import write_baseline as record

        recorded = record(write_baseline, run.results, run.names)
        done = ngettext("recorded {n} finding in {file}", "recorded {n} findings in {file}", recorded)
        print(f"finplan: {done.format(n=recorded, file=write_baseline)}", file=sys.stderr)
    write_report(run, fmt, output)
    code = exit_code(run.results)
    return EXIT_CLEAN if code == EXIT_FINDINGS and (exit_zero or write_baseline is not None) else code


def exit_code(results: list[CheckResult]) -> int:
    """The worst outcome of all files decides: unreadable > failing > clean."""
    if any(not result.readable for result in results):
        return EXIT_INPUT
    return EXIT_FINDINGS if any(result.failed for result in results) else EXIT_CLEAN


def remember_inputs(role: Message, *paths: Path | str | None) -> None:
    """These files are read by this run as `role` ("a plan being checked"): nothing it writes may land on them."""
    from finplan.files import remember

    for path in paths:
        if path is not None and str(path) != "-":
            remember(path, role=role)


def checked_plan(plan: Path, finder) -> CheckResult:
    """The plan checked as `finplan check` checks it; exit 2 where it cannot be read as a plan."""
    from finplan.batch import check_one
    from finplan.findings import Severity

    remember_inputs(Message("the plan"), plan)
    checked = check_one(plan, None, finder)
    if not checked.readable:
        reason = checked.findings[0].message if checked.findings else Message("it is not a plan")
        refuse(Message(
            "the plan {plan} could not be read: {reason}; `finplan check {plan}` says more", plan=plan, reason=reason,
        ))
    errors = checked.count(Severity.ERROR)
    if errors:
        has = ngettext("the plan {plan} has {n} error; `finplan check {plan}` lists them",
                       "the plan {plan} has {n} errors; `finplan check {plan}` lists them", errors)
        print("finplan: " + has.format(plan=plan, n=errors), file=sys.stderr)
    return checked
