"""The help as a user reads it: in the current language, with words where Typer would show Python types."""

from __future__ import annotations

import re

import typer

from finplan.i18n import N_, _


class _Formatter(typer.Context.formatter_class):  # click's HelpFormatter, wherever Typer takes click from
    """Click's own words in the help (Usage, Options, [required]) in the current language.

    Click takes them from the standard library's global gettext domain, which
    finplan's catalog is not; the help formatter is where they pass. Typer
    writes a required argument as `{NAME}` in the usage line; a user reads
    `NAME`, as every other command line writes it.
    """

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english in _USAGE_WORDS:
            args = args.replace(english, _(english))
        args = re.sub(r"\{([^{}]+)\}", r"\1", args)
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


class Context(typer.Context):
    formatter_class = _Formatter


def prepare_help(command) -> None:
    # Typer builds the commands afresh for every run with the help as written, in
    # English; each keeps that text to translate from when the language changes.
    command.context_class = Context
    for item in (command, *command.params):
        english = item.__dict__.setdefault("_english_help", getattr(item, "help", None))
        if english:
            item.help = _(english)
        if isinstance(item, typer.core.TyperArgument):
            # An argument's name says what it is (PLAN, PATH); Typer would add a Python type.
            item.metavar = item.metavar or item.name.upper()
            item.display_type_rich = _no_type
    for sub in getattr(command, "commands", {}).values():
        prepare_help(sub)


def _no_type(ctx) -> None:
    return None
