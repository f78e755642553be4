"""The command line: one thin module per command, on the root app of `finplan.cli.app`.

Exit codes: 0 no errors; 1 errors (warnings too with --strict); 2 a file that
could not be read, checked or written, or a usage error. Imports of the
checking stack wait until a command needs them, so `--version` and `--help`
stay quick. The command modules leave out `from __future__ import
annotations`: Typer builds every command on every run, and evaluating their
annotations from strings cost `--version` a tenth of its time.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from finplan.cli import check, completion, diff, init, memo, portfolio, rules, server  # noqa: F401 (each registers its commands)
from finplan.cli.app import EXIT_INPUT, app
from finplan.cli.diff import DiffFormat, FailOn
from finplan.cli.output import OutputLost, guard_standard_output

__all__ = ["DiffFormat", "FailOn", "app", "main", "run"]


def main() -> None:
    """The command line, as a program calls it: it ends in SystemExit with the exit code."""
    # Pydantic imports every installed package's `pydantic` plugin entry point
    # when the first model is built; finplan needs none, and runs no code of others.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    guard_standard_output()
    completion.answer_the_shell()
    app(prog_name="finplan", complete_var=completion.COMPLETE_VAR)


def run() -> NoReturn:
    """The `finplan` command: main(), then an exit that skips tearing the interpreter down.

    Every file finplan writes is whole and closed by then (finplan.files) and
    worker processes are joined; what is left is freeing the interpreter's
    objects one by one, about a tenth of the seed's check (benchmarks/README.md).
    Output is flushed first: where it cannot be, that is the run's outcome.
    """
    try:
        main()
        code = 0
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OutputLost as lost:
            code = lost.report()
        except (OSError, ValueError):
            code = EXIT_INPUT
    os._exit(code)
