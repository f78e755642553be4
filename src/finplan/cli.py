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
from typer.core import TyperGroup

from finplan import __version__
from finplan.i18n import LANGUAGES, N_, Message, _, choose_language, expect_message, ngettext, set_language
from finplan.report import DIFF_FORMATS, FORMATS, MEMO_FORMATS, SITE_FORMATS, SUMMARY_FORMATS
from finplan.usage import asked_language, localised

if TYPE_CHECKING:
    from finplan.findings import CheckResult

# Plain help, as click writes it: flags without a <bool>, and -h as well as --help.
_HELP = {"help_option_names": ["-h", "--help"]}


class _Formatter(typer.Context.formatter_class):  # click's HelpFormatter, wherever Typer takes click from
    """Click's own words in the help (Usage, Options, [required]) in the current language.

    Click takes them from the standard library's global gettext domain, which
    finplan's catalog is not; the help formatter is where they pass.
    """

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english in _USAGE_WORDS:
            args = args.replace(english, _(english))
        super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)

    def section(self, name: str):
        return super().section(_(name))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _help_cell(text)) for term, text in rows], col_max, col_spacing)


# Click's headings and its help option's text, marked for the catalog; the formatter translates them.
_CLICK_TEXTS = (N_("Arguments"), N_("Options"), N_("Commands"), N_("Show this message and exit."))
_USAGE_WORDS = (N_("COMMAND [ARGS]..."), N_("[OPTIONS]"))
_BRACKETS = {"required": N_("required"), "default: ": N_("default: ")}


def _help_cell(text: str) -> str:
    """An option's help with click's `[required]` or `[default: …]` after it, in the current language."""
    text = _(text)  # the help option's own text; finplan's texts are translated already
    body, bracket, note = text.rpartition("  [") if text.endswith("]") else (text, "", "")
    for english, marked in _BRACKETS.items():
        if note.startswith(english):
            note = _(marked) + note[len(english):]
    return f"{body}{bracket}{note}"


# The language a `--lang` anywhere on the command line asks for, found before Click parses it.
_ASKED = "finplan.asked_language"


class _Context(typer.Context):
    formatter_class = _Formatter


class _Localised(TyperGroup):
    """The root command: before anything is parsed or shown, the locale's language.

    `--lang` and the configuration's `lang` (finplan.toml, read in `_root`)
    then override it, before any command runs or shows its help.
    """

    context_class = _Context

    def parse_args(self, ctx, args):
        ctx.meta[_ASKED] = asked_language(args)
        _speak(ctx, choose_language(ctx.meta[_ASKED]))
        return super().parse_args(ctx, args)

    def make_context(self, *args, **kwargs):
        with localised():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        with localised():
            return super().invoke(ctx)


def _speak(ctx, language: str) -> None:
    """Use `language` from now on, the help of every command and option included."""
    set_language(language)
    _translate_help(ctx.find_root().command)


def _translate_help(command) -> None:
    # Typer builds the commands afresh for every run with the help as written, in
    # English; each keeps that text to translate from when the language changes.
    command.context_class = _Context
    for item in (command, *command.params):
        english = item.__dict__.setdefault("_english_help", getattr(item, "help", None))
        if english:
            item.help = _(english)
    for sub in getattr(command, "commands", {}).values():
        _translate_help(sub)


Language = enum.Enum("Language", {code: code for code in LANGUAGES}, type=str)  # type: ignore[misc]


def _lang_flag(ctx: typer.Context, value: Language | None) -> Language | None:
    if value is not None:
        _speak(ctx, value.value)
    return value


def _configured_language() -> str | None:
    """`lang` in the configuration found from the working folder."""
    from finplan.config import ConfigFinder
    from finplan.errors import InputError

    try:
        return ConfigFinder().language(Path.cwd())
    except InputError:
        return None  # the command that reads the configuration says what is wrong with it


LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang", help=N_("Language of the output: sv or en; else `lang` in finplan.toml, else the locale."),
        callback=_lang_flag, is_eager=True, show_default=False,
    ),
]

app = typer.Typer(
    name="finplan",
    cls=_Localised,
    help=N_("Checks the financing plans of regional development projects, kept as YAML files."),
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=_HELP,
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def _version(value: bool) -> None:
    if value:
        print(f"finplan {__version__}")
        raise typer.Exit(EXIT_CLEAN)


@app.callback(help=N_("Checks the financing plans of regional development projects, kept as YAML files."))
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", help=N_("Print finplan's version and exit."), callback=_version, is_eager=True)
    ] = False,
    lang: LangOption = None,
) -> None:
    if lang is None:
        _speak(ctx, choose_language(ctx.meta.get(_ASKED), _configured_language()))


def _choices(name: str, formats) -> type[enum.Enum]:
    """The registry's format names as the choices Typer offers and checks."""
    return enum.Enum(name, {fmt: fmt for fmt in formats}, type=str)  # type: ignore[return-value]


CheckFormat = _choices("CheckFormat", FORMATS)
DiffFormat = _choices("DiffFormat", DIFF_FORMATS)
SummaryFormat = _choices("SummaryFormat", SUMMARY_FORMATS)


# Options that check and memo check share, written once.
FormatOption = Annotated[
    CheckFormat | None,
    typer.Option("--format", "-o", help=N_("Output format; `github` when GITHUB_ACTIONS is set, else `text`."), show_default=False),
]
OutputOption = Annotated[Path | None, typer.Option("--output", help=N_("Write the report to this file."))]
SelectOption = Annotated[
    list[str] | None,
    typer.Option("--select", metavar="CODES", help=N_("Only these codes or prefixes (FP1, FP203); repeat or comma-separate.")),
]
IgnoreOption = Annotated[list[str] | None, typer.Option("--ignore", metavar="CODES", help=N_("Leave out these codes or prefixes."))]
StrictOption = Annotated[bool, typer.Option("--strict", help=N_("Fail on warnings too."))]
BaselineOption = Annotated[
    Path | None, typer.Option("--baseline", help=N_("Accept the findings recorded in this file; fail only on new ones."))
]
WriteBaselineOption = Annotated[Path | None, typer.Option("--write-baseline", help=N_("Record the current findings in this file."))]
ExitZeroOption = Annotated[
    bool, typer.Option("--exit-zero", help=N_("Exit 0 even when findings fail; 2 still for input that cannot be read."))
]


@app.command(help=N_("Check plan files: sums, periods, lines and funding rules; report; exit 0, 1 or 2."))
def check(
    paths: Annotated[
        list[str], typer.Argument(
            help=N_("Plan files, folders (every plan below, by its `finplan:` key) or globs; - reads standard input."),
            show_default=False, metavar="PATH",
        )
    ],
    output_format: FormatOption = None,
    output: OutputOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    strict: StrictOption = False,
    baseline: BaselineOption = None,
    write_baseline: WriteBaselineOption = None,
    tables: Annotated[
        bool | None,
        typer.Option(
            "--tables/--no-tables",
            help=N_("Show each plan's tables in the text report; by default only when one plan is checked."),
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        bool, typer.Option("--source/--no-source", help=N_("Show the plan's line under an input error (text)."))
    ] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=N_("Print the findings only: no tables, no summary lines."))] = False,
    exit_zero: ExitZeroOption = False,
    lang: LangOption = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option("--stdin-filename", help=N_("The name a plan read from standard input (-) is reported under."), show_default=False),
    ] = None,
) -> None:
    from finplan.batch import check_all
    from finplan.config import ConfigFinder
    from finplan.discover import expand
    from finplan.errors import InputError

    fmt = FORMATS[(output_format.value if output_format else None) or _default_format()]
    _refuse_flag_values(paths)
    try:
        finder = ConfigFinder(_codes(select), _codes(ignore) or (), strict)
        plans = expand([p for p in paths if p != "-"], finder.excluded)
    except InputError as error:
        _fail(error.message)
    for option, target in (("--output", output), ("--write-baseline", write_baseline)):
        if target is not None and any(_same_file(target, plan) for plan, _problem in plans):
            _fail(Message("{option} {target} is one of the plans being checked; finplan never writes to a plan",
                          option=option, target=target))
    stdin = [_check_stdin(finder, stdin_filename)] if "-" in paths else []
    count = len(plans) + len(stdin)
    show_tables = fmt.tables and not quiet and (tables if tables is not None else count == 1)
    results = stdin + check_all(plans, finder, keep_plans=show_tables or fmt.needs_plan)
    run = _report_run(results, show_tables, source=source, quiet=quiet)
    _finish(run, fmt, output, baseline, write_baseline, exit_zero)


def _finish(run, fmt, output: Path | None, baseline: Path | None, write_baseline: Path | None, exit_zero: bool) -> NoReturn:
    """Baselines applied or recorded, the report written, and the exit code: the end of check and memo check."""
    from finplan.errors import InputError

    try:
        if baseline is not None:
            from finplan.baseline import apply_baseline, read_baseline

            run.baselined = apply_baseline(run.results, read_baseline(baseline), run.names)
        if write_baseline is not None:
            from finplan.baseline import write_baseline as record

            recorded = record(write_baseline, run.results, run.names)
            done = ngettext("recorded {n} finding in {file}", "recorded {n} findings in {file}", recorded)
            print(f"finplan: {done.format(n=recorded, file=write_baseline)}", file=sys.stderr)
        _write_report(run, fmt, output)
    except InputError as error:
        _fail(error.message)
    code = exit_code(run.results)
    raise typer.Exit(EXIT_CLEAN if code == EXIT_FINDINGS and (exit_zero or write_baseline is not None) else code)


# Values people write after a flag that takes none (`--strict true`); as paths they would be "not found".
_FLAG_VALUES = {"true", "false", "yes", "no", "on", "off", "1", "0"}


def _refuse_flag_values(paths: list[str]) -> None:
    for text in paths:
        if text.lower() in _FLAG_VALUES and not Path(text).exists():
            _fail(Message("{text} is no plan file; flags such as --strict and --exit-zero take no value: write --strict alone",
                          text=repr(text)))


def _check_stdin(finder, name: str | None) -> CheckResult:
    """The plan on standard input, checked under the configuration of `name` (or the working folder)."""
    from finplan.check import check_bytes
    from finplan.errors import InputError

    label = name or "<stdin>"
    try:
        config = finder.for_plan(Path(name) if name else Path.cwd() / "stdin.yaml")
    except InputError as error:
        _fail(error.message)
    return check_bytes(sys.stdin.buffer.read(), label, config)


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


def _fail(message: Message) -> NoReturn:
    """The message, in the reader's language, and exit code 2. A plain `str` is refused: it would read English."""
    expect_message(message)
    print(f"finplan: {_(message)}", file=sys.stderr)
    raise typer.Exit(EXIT_INPUT)


def _report_run(results: list[CheckResult], tables: bool, run_type=None, **extra):
    """The run the writers read: results named from the repository root, with every code's documentation."""
    from finplan.catalogue import CATALOGUE
    from finplan.paths import relative, repository_root
    from finplan.report.run import ReportRun

    root = repository_root()
    names = {result.file: relative(result.file, root) for result in results}
    return (run_type or ReportRun)(results, root, names, codes=CATALOGUE, tables=tables, **extra)


def _write_report(run, fmt, output: Path | None) -> None:
    """The run in format `fmt`, to standard output or, whole or not at all, to `output`."""
    stream = io.StringIO() if output is not None else sys.stdout
    fmt.load().render(run, _console(stream) if fmt.console else stream)
    if output is not None:
        from finplan.files import write_atomic

        write_atomic(output, stream.getvalue(), overwrite=True)


@app.command("rules", help=N_("List every rule, every profile with its caps and floors, and every setting with its source."))
def list_rules() -> None:
    from rich.table import Table
    from rich.text import Text

    from finplan.report.table import new_table
    from finplan.catalogue import CATALOGUE

    from finplan.profiles import PROFILES, all_settings
    from finplan.documentation import default_text, limit_text

    table: Table = new_table(_("Rules"), N_("Code"), N_("Name"), N_("Severity"), N_("Applies to"), N_("Checks"))
    for item in CATALOGUE.values():
        table.add_row(*(Text(str(v)) for v in (item.code, item.name, item.severity, item.applies_to, item.summary)))
    console = _console()
    console.print(table)
    profiles: Table = new_table(
        _("Profiles"), N_("Profile"), N_("Title"), N_("Schemes"), N_("Programme period"), N_("Caps and floors")
    )
    for p in PROFILES.values():
        period = _("{start} to {end}: {source}").format(start=p.period[0], end=p.period[1], source=_(p.period_source)) if p.period else "–"
        limits = "\n".join(limit_text(p, limit).replace("`", "") for limit in p.limits) or "–"
        profiles.add_row(*(Text(v) for v in (p.name, _(p.title), ", ".join(p.schemes), period, limits)))
    console.print(profiles)
    settings: Table = new_table(_("Settings"), N_("Key"), N_("Default"), N_("Meaning"), N_("Source"))
    for key, _profile, setting in all_settings():
        settings.add_row(*(Text(v) for v in (key, default_text(setting), _(setting.meaning), _(setting.source))))
    console.print(settings)


@app.command("rule", help=N_("Print a rule's documentation: what it checks, why, examples, and its source."))
def show_rule(code: Annotated[str, typer.Argument(help=N_("A rule's code, such as FP501."), show_default=False)]) -> None:
    from finplan.catalogue import find

    item = find(code)
    if item is None:
        print("finplan: " + _("no rule {code}; `finplan rules` lists them").format(code=code), file=sys.stderr)
        raise typer.Exit(EXIT_INPUT)
    print(item.text(), end="")


@app.command("schema", help=N_("Print the plan format as a JSON Schema, for editors and schema validators."))
def show_schema() -> None:
    import json

    from finplan.schema import plan_schema

    print(json.dumps(plan_schema(), ensure_ascii=False, indent=2))


@app.command("init", help=N_("Write a commented starting plan; an existing file is never overwritten."))
def init(
    path: Annotated[Path, typer.Argument(help=N_("Where to write the new plan."))] = Path("plan.yaml"),
) -> None:
    from finplan.errors import InputError
    from finplan.files import write_atomic
    from finplan.templates import template_text, translated

    template = translated(template_text(), _)
    try:
        write_atomic(path, template, overwrite=False)
    except InputError as error:
        _fail(error.message)
    print("finplan: " + _("wrote a starting plan to {path}; fill it in, then run `finplan check {path}`").format(path=path))


def exit_code(results: list[CheckResult]) -> int:
    """The worst outcome of all files decides: unreadable > failing > clean."""
    if any(not result.readable for result in results):
        return EXIT_INPUT
    return EXIT_FINDINGS if any(result.failed for result in results) else EXIT_CLEAN


def _console(stream=None):
    from rich.console import Console

    # No emoji codes to load: a plan's :text: prints as written.
    console = Console(file=stream, highlight=False, emoji=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        # Rich assumes 80 columns off a terminal; CI logs are wider, and tables wrap less.
        console.width = 120
    return console


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
            show_default=False,
        ),
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            help=N_(
                "Compare the plans at this git revision with the working tree; A..B compares two revisions, "
                "A...B B with its merge base with A."
            ),
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[DiffFormat, typer.Option("--format", "-o", help=N_("Output format."))] = "text",  # type: ignore[assignment]
    output: Annotated[Path | None, typer.Option("--output", help=N_("Write the report to this file."))] = None,
    fail_on: Annotated[
        FailOn,
        typer.Option("--fail-on", help=N_("Exit 1 when the change brings new errors, or new findings of any severity.")),
    ] = FailOn.never,
) -> None:
    from finplan.errors import InputError

    try:
        run = _diff_run(paths or [], rev)
    except InputError as error:
        _fail(error.message)
    if output is not None and any(
        _same_file(output, run.root / name) for plan in run.plans for name in (plan.old_name, plan.new_name) if name
    ):
        _fail(Message("--output {output} is one of the plans being compared; finplan never writes to a plan", output=output))
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
        raise InputError(Message("diff takes two plan files, OLD and NEW, or --rev REV and the plans to compare"))
    from finplan.diff.compare import compare_files

    return compare_files(Path(paths[0]), Path(paths[1]), ConfigFinder())


_PLAN_PATHS = typer.Argument(
            help=N_("Plan files, folders (every plan below, by its `finplan:` key) or globs; - reads standard input."),
            show_default=False, metavar="PATH",
        )
_FRAMES = typer.Option(
    "--frames", help=N_("A file of yearly frames per appropriation; else `frames` in finplan.toml."), show_default=False
)


@app.command(help=N_("Add up many plans per year, appropriation, financier, scheme, status and kind; hold them against frames."))
def summary(
    paths: Annotated[list[str], _PLAN_PATHS],
    output_format: Annotated[SummaryFormat, typer.Option("--format", "-o", help=N_("Output format."))] = "text",  # type: ignore[assignment]
    output: Annotated[Path | None, typer.Option("--output", help=N_("Write the summary to this file."))] = None,
    frames: Annotated[Path | None, _FRAMES] = None,
    strict: Annotated[bool, typer.Option("--strict", help=N_("Fail on warnings too."))] = False,
) -> None:
    fmt = SUMMARY_FORMATS[SummaryFormat(output_format).value]
    if fmt.binary and output is None:
        _fail(Message("--format {format} writes a file of its own; name it with --output FILE", format=fmt.name))
    from finplan.errors import InputError

    portfolio, results = _portfolio(paths, frames, output)
    try:
        if fmt.binary:
            fmt.load().write(portfolio, output)
        else:
            _write_report(portfolio, fmt, output)
    except ImportError as error:
        _fail(Message("--format {format} needs {module}: pip install 'finplan[report]'", format=fmt.name, module=error.name))
    except InputError as error:
        _fail(error.message)
    raise typer.Exit(_portfolio_exit(portfolio, results, strict))


@app.command(help=N_("Write a static HTML report of many plans: the portfolio, frames, and a page per plan, with charts."))
def report(
    paths: Annotated[list[str], _PLAN_PATHS],
    html: Annotated[Path, typer.Option("--html", help=N_("Write the HTML report into this folder."), show_default=False)],
    frames: Annotated[Path | None, _FRAMES] = None,
    strict: Annotated[bool, typer.Option("--strict", help=N_("Fail on warnings too."))] = False,
) -> None:
    from finplan.errors import InputError

    portfolio, results = _portfolio(paths, frames, None)
    try:
        pages = SITE_FORMATS["html"].load().write(portfolio, html)
    except ImportError as error:
        _fail(Message("the HTML report needs {module}: pip install 'finplan[report]'", module=error.name))
    except InputError as error:
        _fail(error.message)
    wrote = ngettext("wrote {n} page to {folder}; open {index}", "wrote {n} pages to {folder}; open {index}", pages)
    print("finplan: " + wrote.format(n=pages, folder=html, index=html / "index.html"), file=sys.stderr)
    raise typer.Exit(_portfolio_exit(portfolio, results, strict))


def _portfolio(paths: list[str], frames: Path | None, output: Path | None):
    """Every plan checked and added up, with the frames of `--frames` or the configuration."""
    from finplan.config import ConfigFinder
    from finplan.discover import expand
    from finplan.errors import InputError
    from finplan.paths import relative, repository_root
    from finplan.portfolio.aggregate import collect
    from finplan.portfolio.de_minimis import measure_de_minimis
    from finplan.portfolio.frames import configured_frames, measure, read_frames

    try:
        frames = frames or configured_frames()
    except InputError as error:
        _fail(error.message)
    # A frames file kept beside the plans is no plan.
    finder = ConfigFinder()
    plans = [(plan, problem) for plan, problem in expand(paths, finder.excluded) if frames is None or not _same_file(frames, plan)]
    if output is not None and any(_same_file(output, plan) for plan, _problem in plans):
        _fail(Message("--output {output} is one of the plans being summarised; finplan never writes to a plan", output=output))
    from finplan.batch import check_all

    results = check_all(plans, finder, keep_plans=True)
    root = repository_root()
    portfolio = collect(results, {result.file: relative(result.file, root) for result in results})
    measure_de_minimis(portfolio)
    if frames is not None:
        try:
            measure(portfolio, read_frames(frames), str(frames))
        except InputError as error:
            _fail(error.message)
    return portfolio, results


def _portfolio_exit(portfolio, results: list[CheckResult], strict: bool) -> int:
    """The plans' own exit code, or 1 where a frame is exceeded (warnings too with --strict)."""
    from finplan.findings import Severity

    worst = max((finding.severity for _plan, finding in portfolio.findings), default=None)
    failed = worst is not None and worst >= (Severity.WARNING if strict else Severity.ERROR)
    return max(exit_code(results), EXIT_FINDINGS if failed else EXIT_CLEAN)


memo_app = typer.Typer(
    help=N_("Decision memos: write the financing section from a plan, or check a memo's figures against it."),
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings=_HELP,
)
app.add_typer(memo_app, name="memo")


class MemoFormat(str, enum.Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    docx = "docx"


@memo_app.command("render", help=N_("Write the financing section of a decision memo, in Swedish, from a plan."))
def memo_render(
    plan: Annotated[Path, typer.Argument(help=N_("The plan file."), show_default=False)],
    output_format: Annotated[MemoFormat, typer.Option("--format", "-o", help=N_("Output format."))] = MemoFormat.text,
    output: Annotated[Path | None, typer.Option("--output", help=N_("Write to this file (required for docx)."))] = None,
) -> None:
    from finplan.config import ConfigFinder
    from finplan.memo.render import render

    if output is not None and _same_file(output, plan):
        _fail(Message("--output {output} is the plan; finplan never writes to a plan", output=output))
    if output_format is MemoFormat.docx and output is None:
        _fail(Message("--format docx writes a Word file; name it with --output, such as --output finansiering.docx"))
    checked = _checked_plan(plan, ConfigFinder())
    written = render(checked.plan, output_format.value)
    if isinstance(written, bytes):
        try:
            output.write_bytes(written)
        except OSError as error:
            from finplan.errors import os_reason

            _fail(Message("{output} cannot be written: {reason}", output=output, reason=os_reason(error)))
    elif output is not None:
        from finplan.errors import InputError
        from finplan.files import write_atomic

        try:
            write_atomic(output, written, overwrite=True)
        except InputError as error:
            _fail(error.message)
    else:
        sys.stdout.write(written)


@memo_app.command("check", help=N_("Check every figure of a decision memo against a plan; report; exit 0, 1 or 2."))
def memo_check(
    plan: Annotated[Path, typer.Argument(help=N_("The plan file."), show_default=False)],
    memo: Annotated[Path, typer.Argument(help=N_("The memo: .txt, .md, .docx or .pdf."), show_default=False)],
    output_format: FormatOption = None,
    output: OutputOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    strict: StrictOption = False,
    baseline: BaselineOption = None,
    write_baseline: WriteBaselineOption = None,
    exit_zero: ExitZeroOption = False,
) -> None:
    from finplan.config import ConfigFinder
    from finplan.errors import InputError

    fmt = MEMO_FORMATS[(output_format.value if output_format else None) or _default_format()]
    for option, target in (("--output", output), ("--write-baseline", write_baseline)):
        if target is not None and (_same_file(target, plan) or _same_file(target, memo)):
            _fail(Message("{option} {target} is the plan or the memo; finplan never writes to either",
                          option=option, target=target))
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
        _fail(Message("the memo {memo} {problem}", memo=memo, problem=error.message))
    from finplan.report.memo_text import MemoRun

    run = _report_run([result], False, MemoRun, matches=memo_check.matches)
    _finish(run, fmt, output, baseline, write_baseline, exit_zero)


def _checked_plan(plan: Path, finder) -> CheckResult:
    """The plan checked as `finplan check` checks it; exit 2 where it cannot be read as a plan."""
    from finplan.batch import check_one

    checked = check_one(plan, None, finder)
    if not checked.readable:
        reason = checked.findings[0].message if checked.findings else Message("it is not a plan")
        _fail(Message("the plan {plan} could not be read: {reason}; `finplan check {plan}` says more", plan=plan, reason=reason))
    from finplan.findings import Severity

    errors = checked.count(Severity.ERROR)
    if errors:
        has = ngettext("the plan {plan} has {n} error; `finplan check {plan}` lists them",
                       "the plan {plan} has {n} errors; `finplan check {plan}` lists them", errors)
        print("finplan: " + has.format(plan=plan, n=errors), file=sys.stderr)
    return checked


def main() -> None:
    """The command line, as a program calls it: it ends in SystemExit with the exit code."""
    # Pydantic imports every installed package's `pydantic` plugin entry point
    # when the first model is built; finplan needs none, and runs no code of others.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app(prog_name="finplan")


def run() -> NoReturn:
    """The `finplan` command: main(), then an exit that skips tearing the interpreter down.

    Every file finplan writes is whole and closed by then (files.write_atomic)
    and worker processes are joined; what is left is freeing the interpreter's
    objects one by one, about a tenth of the seed's check (benchmarks/README.md).
    Output is flushed first.
    """
    try:
        main()
        code = 0
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            code = code or EXIT_FINDINGS  # a closed pipe: the report did not reach its reader
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()

