"""Typer's reading of a parameter's value, made when there is a value, and a choice read without Pydantic.

Typer 0.29 makes each parameter's reader, a Pydantic adapter, before it looks
at the value: also for an option left out, whose value (`None`) needs no
reading. The root's options and a group's help option are read on every run,
so `finplan COMMAND --help`, whose help needs nothing of Pydantic, imported it
for them: most of that help's time. Here a parameter's reader is Typer's own,
made the first time there is a value to read; a choice (`--lang`, `--format`)
is read as Typer's adapter reads it (`coerce_cli_choice`), with no adapter:
the same value, or the same error, which finplan.cli.usage words as it words
Typer's. This leans on two of Typer's own modules (`typer._coercion`,
`typer._param_types`); tests/test_imports.py holds what `--help` imports.
"""

from dataclasses import dataclass
from typing import Any

import typer
from typer._coercion import RuntimeParam, build_runtime_param  # typer.core has imported both
from typer._param_types import choice_coercion_annotation, coerce_cli_choice
from typer.core import TyperGroup


@dataclass(frozen=True)
class _ReadWhenGiven(RuntimeParam):
    descriptor: Any = None

    def _coerce_value(self, value, param, ctx):
        choice = choice_coercion_annotation(self.annotation, self.parameter_info)
        if choice is not None:
            choices, case_sensitive = choice
            try:
                return coerce_cli_choice(value, choices=choices, case_sensitive=case_sensitive, ctx=ctx)
            except ValueError as error:
                raise typer.BadParameter(str(error), ctx=ctx, param=param) from None
        param._runtime_param = build_runtime_param(self.descriptor)
        return param._runtime_param._coerce_value(value, param=param, ctx=ctx)


def read_when_given(params) -> None:
    """Each of `params` read by `_ReadWhenGiven` from now on, where Typer has not made its reader yet."""
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is not None and param._runtime_param is None:
            param._runtime_param = _ReadWhenGiven(descriptor.parameter_info, descriptor.annotation, descriptor)


def _every_param(command):
    yield from command.params
    for sub in getattr(command, "commands", {}).values():
        yield from _every_param(sub)


class Group(TyperGroup):
    """A group of commands (the root, `memo`) whose parameters, and those of its commands, are read when given.

    Click makes a group's help option as the group's arguments are parsed, so here.
    """

    def parse_args(self, ctx, args):
        read_when_given([self.get_help_option(ctx), *_every_param(self)])
        return super().parse_args(ctx, args)
