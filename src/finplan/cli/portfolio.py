"""`finplan summary` and `finplan report --html`: many plans added up, held against frames, and written out."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from finplan.cli.app import EXIT_CLEAN, EXIT_FINDINGS, LangOption, app
from finplan.cli.common import PathsArgument, StrictOption, binary_needs_a_file, choices, refuse, exit_code, format_option, output_option, remember_inputs, write_report
from finplan.i18n import N_, Message, ngettext
from finplan.report import SITE_FORMATS, SUMMARY_FORMATS

if TYPE_CHECKING:
    from finplan.findings import CheckResult

SummaryFormat = choices("SummaryFormat", SUMMARY_FORMATS)
FramesOption = typer.Option(
    "--frames", metavar="FILE",
    help=N_("A file of yearly frames per appropriation; else `frames` in finplan.toml."), show_default=False,
)
IncludeFailingOption = Annotated[bool, typer.Option(
    "--include-failing", help=N_("Count plans that fail their check in the sums; else they are left out and named."),
)]


@app.command(help=N_("Add up many plans per year, appropriation, financier, scheme, status and kind; hold them against frames."))
def summary(
    paths: Annotated[list[str], PathsArgument],
    output_format: Annotated[SummaryFormat, format_option(SUMMARY_FORMATS)] = "text",  # type: ignore[assignment]
    output: Annotated[Path | None, output_option(N_("Write the summary to this file."))] = None,
    frames: Annotated[Path | None, FramesOption] = None,
    include_failing: IncludeFailingOption = False,
    full: Annotated[bool, typer.Option("--full", help=N_("Every table in full, in the text format."))] = False,
    strict: StrictOption = False,
    lang: LangOption = None,
) -> None:
    fmt = SUMMARY_FORMATS[SummaryFormat(output_format).value]
    binary_needs_a_file(fmt, output)
    portfolio, results = _portfolio(paths, frames, include_failing)
    portfolio.full = full
    try:
        write_report(portfolio, fmt, output)
    except ImportError as error:
        refuse(Message(
            "--format {format} needs {module}: pip install 'finplan[report]'", format=fmt.name, module=error.name,
        ))
    raise typer.Exit(_portfolio_exit(portfolio, results, strict))


@app.command(help=N_("Write a static HTML report of many plans: the portfolio, frames, and a page per plan, with charts."))
def report(
    paths: Annotated[list[str], PathsArgument],
    html: Annotated[
        Path, typer.Option("--html", metavar="FOLDER", help=N_("Write the HTML report into this folder."), show_default=False)
    ],
    frames: Annotated[Path | None, FramesOption] = None,
    include_failing: IncludeFailingOption = False,
    strict: StrictOption = False,
    lang: LangOption = None,
) -> None:
    from finplan.files import Folder

    site = SITE_FORMATS["html"].load()
    portfolio, results = _portfolio(paths, frames, include_failing, keep=site.keep)
    folder = Folder(html)
    pages = site.render(portfolio, folder)
    wrote = ngettext("wrote {n} page to {folder}; open {index}", "wrote {n} pages to {folder}; open {index}", pages)
    print("finplan: " + wrote.format(n=pages, folder=html, index=html / "index.html"), file=sys.stderr)
    raise typer.Exit(_portfolio_exit(portfolio, results, strict))


def _portfolio(paths: list[str], frames: Path | None, include_failing: bool, keep=None):
    """Every plan checked and added up, with the frames of `--frames` or the configuration.

    `keep` is what of each checked plan is held: its figures, unless a format asks for more;
    `include_failing` counts the plans that fail their check in the sums.
    """
    from finplan.batch import check_all
    from finplan.config import ConfigFinder
    from finplan.discover import expand
    from finplan.paths import plan_names, repository_root, shown_name
    from finplan.portfolio.aggregate import collect
    from finplan.portfolio.de_minimis import measure_de_minimis
    from finplan.portfolio.figures import keep_figures
    from finplan.portfolio.frames import configured_frames, measure, read_frames

    frames = frames or configured_frames()
    remember_inputs(Message("the frames file"), frames)
    finder = ConfigFinder()
    # A frames file kept beside the plans is no plan.
    plans = [(plan, problem) for plan, problem in expand(paths, finder.excluded) if frames is None or not _same(frames, plan)]
    remember_inputs(Message("a plan being summarised"), *(plan for plan, _problem in plans))
    # Each plan's figures only, not its model: ten thousand plans are held at once.
    results = check_all(plans, finder, keep_plans=True, keep=keep or keep_figures)
    names = plan_names([result.file for result in results], repository_root())
    portfolio = collect(results, names, include_failing=include_failing)
    measure_de_minimis(portfolio)
    if frames is not None:
        measure(portfolio, read_frames(frames), shown_name(str(frames)))
    return portfolio, results


def _same(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


def _portfolio_exit(portfolio, results: "list[CheckResult]", strict: bool) -> int:
    """The plans' own exit code (2 where one cannot be read, 1 where one fails), or 1 for a finding of error
    severity: a frame exceeded, a plan twice (warnings too with --strict)."""
    from finplan.findings import Severity

    worst = max((finding.severity for _plan, finding in portfolio.findings), default=None)
    failed = worst is not None and worst >= (Severity.WARNING if strict else Severity.ERROR)
    return max(exit_code(results), EXIT_FINDINGS if failed else EXIT_CLEAN)
