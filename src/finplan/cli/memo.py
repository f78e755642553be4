"""`finplan memo render` and `finplan memo check`: a plan's financing section written, a memo's figures checked."""

from pathlib import Path
from typing import Annotated

import typer

from finplan.cli.app import LangOption, memo_app
from finplan.cli.common import (
    BaselineOption, ExitZeroOption, FormatOption, IgnoreOption, QuietOption, SelectOption, StrictOption, WriteBaselineOption,
    checked_plan, choices, codes, default_format, finish, format_option, output_option, refuse, remember_inputs, report_run,
    to_standard_output, write_report,
)
from finplan.i18n import N_, Message
from finplan.report import MEMO_FORMATS, MEMO_RENDER_FORMATS

RenderFormat = choices("RenderFormat", MEMO_RENDER_FORMATS)
PlanArgument = typer.Argument(help=N_("The plan file."), show_default=False, metavar="PLAN")


@memo_app.command("render", help=N_("Write the financing section of a decision memo, in Swedish, from a plan."))
def memo_render(
    plan: Annotated[Path, PlanArgument],
    output_format: Annotated[
        RenderFormat | None,
        format_option(MEMO_RENDER_FORMATS, N_("Output format; else the one --output's suffix names, else `text`.")),
    ] = None,
    output: Annotated[Path | None, output_option(N_("Write to this file (required for docx)."))] = None,
    lang: LangOption = None,
) -> None:
    from finplan.config import ConfigFinder

    fmt = _render_format(output_format.value if output_format else None, output)
    if fmt.binary and to_standard_output(output):
        refuse(Message(
            "--format docx writes a Word file; name it with --output, such as --output finansiering.docx"
        ))
    from finplan.memo.render import section

    write_report(section(checked_plan(plan, ConfigFinder()).plan), fmt, output)


def _render_format(name: str | None, output: Path | None):
    """The format asked for, else the one whose suffix the output file has, else text; a format whose file the
    output's suffix says is another is refused before anything is read or written (`--format text --output x.docx`)."""
    by_suffix = {fmt.suffix: fmt for fmt in MEMO_RENDER_FORMATS.values()}
    named = None if to_standard_output(output) else by_suffix.get(output.suffix.lower())
    if name is None:
        return named or MEMO_RENDER_FORMATS["text"]
    if named is not None and named.name != name:
        refuse(Message(
            "--format {format} does not write a {suffix} file; name the file {wanted}, or leave out --format to write {named}",
            format=name, suffix=output.suffix, wanted=MEMO_RENDER_FORMATS[name].suffix, named=named.name,
        ))
    return MEMO_RENDER_FORMATS[name]


@memo_app.command("check", help=N_("Check every figure of a decision memo against a plan; report; exit 0, 1 or 2."))
def memo_check(
    plan: Annotated[Path, PlanArgument],
    memo: Annotated[Path, typer.Argument(help=N_("The memo: .txt, .md, .docx, .pdf, .html or .htm."), show_default=False, metavar="MEMO")],
    output_format: FormatOption = None,
    output: Annotated[Path | None, output_option()] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    strict: StrictOption = False,
    baseline: BaselineOption = None,
    write_baseline: WriteBaselineOption = None,
    quiet: QuietOption = False,
    exit_zero: ExitZeroOption = False,
    lang: LangOption = None,
) -> None:
    from finplan.config import ConfigFinder
    from finplan.memo.check import check_memo_file
    from finplan.report.run import MemoRun

    fmt = MEMO_FORMATS[(output_format.value if output_format else None) or default_format()]
    remember_inputs(Message("the memo"), memo)
    remember_inputs(Message("the baseline"), baseline)
    finder = ConfigFinder(codes(select), codes(ignore) or (), strict)
    config = finder.for_plan(memo)
    checked = checked_plan(plan, finder)
    try:
        result, matched = check_memo_file(checked.plan, memo, config)
    except Exception as error:
        from finplan.errors import InputError

        if not isinstance(error, InputError):
            raise
        refuse(Message("the memo {memo} {problem}", memo=memo, problem=error.message))
    run = report_run([result], False, MemoRun, matches=matched.matches, quiet=quiet)
    raise typer.Exit(finish(run, fmt, output, baseline, write_baseline, exit_zero))
