"""The command line's usage errors (an unknown option, a missing argument, a bad value) in the reader's language.

Click, which Typer parses the command line with, writes these in English
and has no catalog of its own; its exceptions carry what went wrong as
attributes (the option, the parameter, the possibilities) and a message
built from them. `localised` gives each error a `show` that says the same
in the current language, from those attributes and the message's known
forms; a message of a form not known here is shown as Click wrote it.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import IO, Any

import typer

from finplan.i18n import LANGUAGES, N_, _, ngettext


def _click(module: str) -> Any:
    """Click's module `module`, wherever this Typer takes Click from (its own copy, or the click package)."""
    base = typer.Context.__mro__[1]
    return importlib.import_module(base.__module__.rsplit(".", 1)[0] + "." + module)


@contextmanager
def localised() -> Iterator[None]:
    """Usage errors raised inside show themselves in the current language."""
    exceptions = _click("exceptions")
    try:
        yield
    except exceptions.UsageError as error:
        if type(error).__name__ != "NoArgsIsHelpError":  # that one shows the help, translated already
            error.show = partial(show, error)
        raise


def asked_language(args: list[str]) -> str | None:
    """The language `--lang` asks for, wherever it stands on the command line, read before Click parses it.

    Click stops at the first usage error, before `--lang` takes effect: that
    error is told in the language asked for all the same.
    """
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = args[index + 1] if arg == "--lang" and index + 1 < len(args) else arg.partition("--lang=")[2]
        if value in LANGUAGES:
            return value
    return None


def show(error: Any, file: IO[str] | None = None) -> None:
    """What Click's UsageError.show prints: the usage, a hint, and the error, in the current language."""
    file = sys.stderr if file is None else file
    ctx = error.ctx
    if ctx is not None:
        print(ctx.get_usage(), file=file)
        if ctx.command.get_help_option(ctx) is not None:
            print(_("Try '{command} {option}' for help.").format(command=ctx.command_path, option=ctx.help_option_names[0]), file=file)
        print(file=file)
    print(_("Error: {message}").format(message=message(error)), file=file)


def message(error: Any) -> str:
    """The error's message in the current language."""
    kind = type(error).__name__
    if kind == "NoSuchOption":
        text = _("No such option: {option}").format(option=error.option_name)
        if error.possibilities:
            text += " " + _("(Possible options: {options})").format(options=", ".join(sorted(error.possibilities)))
        return text
    if kind == "MissingParameter":
        return _missing(error)
    if kind == "BadParameter":
        hint = _hint(error)
        value = _value(error.message)
        return _("Invalid value for {parameter}: {problem}").format(parameter=hint, problem=value) if hint else value
    return _value(error.message)


def _missing(error: Any) -> str:
    hint = _hint(error)
    kind = error.param_type or (error.param.param_type_name if error.param is not None else "parameter")
    texts = {
        "argument": _("Missing argument {name}.") if hint else _("Missing argument."),
        "option": _("Missing option {name}.") if hint else _("Missing option."),
    }
    return texts.get(kind, _("Missing parameter {name}.") if hint else _("Missing parameter.")).format(name=hint)


def _hint(error: Any) -> str | None:
    hint = error.param_hint if error.param_hint is not None else (error.param.get_error_hint() if error.param else None)
    if hint is not None and not isinstance(hint, str):
        hint = " / ".join(repr(item) for item in hint)
    return hint


# The messages Click and Typer build, by their form: a regular expression and the catalog's text for it.
_FORMS = [
    (re.compile(r"(?:Value error, )?(?P<value>.+) is not one of (?P<choices>.+)\.\Z", re.S), N_("{value} is not one of {choices}.")),
    (re.compile(r"No such command (?P<name>'[^']*')\. Did you mean (?P<choices>.+)\?\Z", re.S), N_("No such command {name}. Did you mean {choices}?")),
    (re.compile(r"No such command (?P<name>.+)\.\Z", re.S), N_("No such command {name}.")),
    (re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<arguments>.*)\)\Z", re.S), None),
    (re.compile(r"Option (?P<option>'[^']*') requires an argument\.\Z"), N_("Option {option} requires an argument.")),
    (re.compile(r"Option (?P<option>'[^']*') does not take a value\.\Z"), N_("Option {option} does not take a value.")),
    (re.compile(r"Missing command\.\Z"), N_("Missing command.")),
]


def _value(text: str) -> str:
    """A message Click or Typer built, in the current language where its form is known."""
    for pattern, template in _FORMS:
        found = pattern.match(text)
        if found is None:
            continue
        if template is None:  # the extra arguments: a count
            arguments = found["arguments"]
            count = len(arguments.split(" ")) if arguments else 0
            return ngettext("Got unexpected extra argument ({arguments})", "Got unexpected extra arguments ({arguments})", count).format(
                arguments=arguments
            )
        return _(template).format(**found.groupdict())
    return text
