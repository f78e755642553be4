"""`finplan diff`: two versions of plans compared; exit 0, or 1 with --fail-on, 2 where the new side is unreadable."""

import enum
from pathlib import Path
from typing import Annotated

import typer

from finplan.cli.app import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT, LangOption, app
from finplan.cli.common import choices, format_option, output_option, refuse, remember_inputs, say, write_report
from finplan.i18n import N_, Message
from finplan.report import DIFF_FORMATS

DiffFormat = choices("DiffFormat", DIFF_FORMATS)


class FailOn(str, enum.Enum):
    never = "never"
    new_errors = "new-errors"
    new_findings = "new-findings"


@app.command("diff", help=N_("Compare two versions of plans: lines, shares, subtotals, caps and findings; exit 0, or 1 with --fail-on."))
def diff(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help=N_("OLD NEW: two plan files. With --rev: the plans or folders to compare (the whole repository if none)."),
            show_default=False, metavar="PATH",
        ),
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev", metavar="REV",
            help=N_(
                "Compare the plans at this git revision with the working tree; A..B compares two revisions, "
                "A...B B with its merge base with A."
            ),
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[DiffFormat, format_option(DIFF_FORMATS)] = "text",  # type: ignore[assignment]
    output: Annotated[Path | None, output_option()] = None,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on", metavar="[never|new-errors|new-findings]",
            help=N_("Exit 1 when the change brings new errors, or new findings of any severity."),
        ),
    ] = FailOn.never,
    lang: LangOption = None,
) -> None:
    from finplan.findings import Severity

    run = _diff_run(paths or [], rev)
    for note in run.passed_over:  # on standard error: the report itself stays what its format says
        say(note)
    remember_inputs(Message("a plan being compared"), *(run.root / name for plan in run.plans for name in (plan.old_name, plan.new_name) if name))
    write_report(run, DIFF_FORMATS[DiffFormat(output_format).value], output)
    # Exit 2 when a plan as it is now could not be read: nothing about it can be trusted.
    if any(plan.new_status == "unreadable" for plan in run.plans):
        raise typer.Exit(EXIT_INPUT)
    severity = Severity.ERROR if fail_on is FailOn.new_errors else None
    worse = fail_on is not FailOn.never and any(plan.worse(severity) for plan in run.plans)
    raise typer.Exit(EXIT_FINDINGS if worse else EXIT_CLEAN)


def _diff_run(paths: list[str], rev: str | None):
    """The plans compared: two files, or the plans of a revision against another or the working tree."""
    from finplan.config import ConfigFinder

    if rev is not None:
        from finplan.diff.revisions import compare_revisions

        return compare_revisions(rev, paths, ConfigFinder())
    if len(paths) != 2:
        refuse(Message("diff takes two plan files, OLD and NEW, or --rev REV and the plans to compare"))
    from finplan.diff.compare import compare_files

    remember_inputs(Message("a plan being compared"), *paths)
    return compare_files(Path(paths[0]), Path(paths[1]), ConfigFinder())
