"""The root of the command line: the Typer app, its global options, and help in the reader's language.

Every command module registers itself on `app` (or `memo_app`); none of them
is imported here, so this floor stays below the commands.
"""

import enum
from pathlib import Path
from typing import Annotated

import typer

from finplan import __version__
from finplan.cli.exits import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT  # noqa: F401 (the commands take them from here)
from finplan.cli.output import OutputLost
from finplan.cli.help import Context, prepare_help
from finplan.cli.params import Group
from finplan.cli.usage import asked_language, localised
from finplan.i18n import LANGUAGES, N_, _, choose_language, set_language

# Plain help, as click writes it: flags without a <bool>, and -h as well as --help.
HELP = {"help_option_names": ["-h", "--help"]}



# The language a `--lang` anywhere on the command line asks for, found before Click parses it.
_ASKED = "finplan.asked_language"


class _Localised(Group):
    """The root command: the locale's language before anything is parsed, and the one place a run's input error ends.

    `--lang` and the configuration's `lang` (finplan.toml, read in `_root`)
    then override the language, before any command runs or shows its help.
    An InputError from any command is its one line on standard error and exit 2.
    """

    context_class = Context

    def parse_args(self, ctx, args):
        # Click stops at the first usage error, before `--lang` takes effect: read it from the arguments first.
        ctx.meta[_ASKED] = asked_language(args)
        _speak(ctx, choose_language(ctx.meta[_ASKED]))
        return super().parse_args(ctx, args)

    def make_context(self, *args, **kwargs):
        with localised():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        with localised():
            try:
                return super().invoke(ctx)
            except Exception as error:
                from finplan.errors import InputError  # not before a command needs it: --help stays quick

                if isinstance(error, (InputError, OutputLost)):
                    fail(error)
                raise


def fail(error) -> None:
    """An InputError's message (or lost output's) on standard error, in the reader's language, and exit 2."""
    import sys

    if not getattr(error, "quiet", False):
        print(f"finplan: {_(error.message)}", file=sys.stderr)
    raise typer.Exit(EXIT_INPUT)


def _speak(ctx, language: str) -> None:
    """Use `language` from now on, the help of every command and option included."""
    set_language(language)
    prepare_help(ctx.find_root().command)


Language = enum.Enum("Language", {code: code for code in LANGUAGES}, type=str)  # type: ignore[misc]


def _lang_flag(ctx: typer.Context, value: Language | None) -> Language | None:
    if value is not None:
        _speak(ctx, value.value)
    return value


def _configured_language() -> str | None:
    """`lang` in the configuration found from the working folder."""
    from finplan.config import ConfigFinder

    try:
        return ConfigFinder().language(Path.cwd())
    except Exception as error:
        from finplan.errors import InputError

        if not isinstance(error, InputError):
            raise
        return None  # the command that reads the configuration says what is wrong with it


# Every command takes it too, so that it works where a user types it: `finplan rule FP101 --lang sv`.
LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang", metavar="sv|en",
        help=N_("Language of the output: sv or en; else `lang` in finplan.toml, else the locale."),
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
    context_settings=HELP,
)


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
    from finplan.files import forget_inputs

    forget_inputs()  # a run's inputs are its own, also where tests run many in one process
    if lang is None:
        _speak(ctx, choose_language(ctx.meta.get(_ASKED), _configured_language()))


memo_app = typer.Typer(
    cls=Group,
    help=N_("Decision memos: write the financing section from a plan, or check a memo's figures against it."),
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings=HELP,
)
app.add_typer(memo_app, name="memo")
