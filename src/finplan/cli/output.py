"""Standard output: the console the text formats draw on, and output that cannot be written.

A full disk, a closed descriptor or a reader that went away is the run's
outcome, exit 2, and never a traceback: a full disk or a closed output is
one line on standard error; a pipe whose reader stopped
(`finplan check budgets | head`) ends quietly, as the reader asked. What
finplan would still print after that is dropped, so it is said once.
"""

from __future__ import annotations

import errno
import os
import sys

from finplan.cli.exits import EXIT_INPUT
from finplan.i18n import Message, _


class OutputLost(Exception):
    """Standard output failed; `quiet` where its reader simply stopped reading.

    Told as an InputError is (finplan.cli.app), without importing what an InputError needs
    before a command runs.
    """

    def __init__(self, error: OSError) -> None:
        from finplan.errors import os_reason  # only now: a run that loses nothing never imports it

        self.message = Message("standard output cannot be written: {reason}", reason=os_reason(error))
        super().__init__(self.message)
        self.quiet = error.errno == errno.EPIPE

    def report(self) -> int:
        if not self.quiet:
            try:
                print(f"finplan: {_(self.message)}", file=sys.stderr)
            except (OSError, ValueError):
                pass
        return EXIT_INPUT


class _Guarded:
    """sys.stdout, whose write and flush turn an OSError into OutputLost, once."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self._lost = False

    def write(self, text: str) -> int:
        if self._lost:
            return len(text)
        try:
            return self._stream.write(text)
        except (OSError, ValueError) as error:
            raise self._lose(error) from None

    def flush(self) -> None:
        if self._lost:
            return
        try:
            self._stream.flush()
        except (OSError, ValueError) as error:
            raise self._lose(error) from None

    def _lose(self, error: Exception) -> OutputLost:
        self._lost = True
        if not isinstance(error, OSError):  # a closed stream: write to a closed file
            error = OSError(errno.EBADF, "Bad file descriptor")
        return OutputLost(error)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def guard_standard_output() -> None:
    # A locale whose encoding cannot hold a character finplan prints (LANG=sv_SE.ISO-8859-1 and an en
    # dash): the character is replaced by "?", as docs/security.md says, never a traceback.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    if sys.stdout is None:  # started with standard output closed (`>&-`): there is nowhere to write
        sys.stdout = _Guarded(_Closed())
    elif not isinstance(sys.stdout, _Guarded):
        sys.stdout = _Guarded(sys.stdout)


class _Closed:
    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "Bad file descriptor")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


MAX_COLUMNS = 10_000
"""Wider than any terminal: a COLUMNS beyond it, like 0 or a word, is taken as unset."""


def console(stream=None):
    from rich.console import Console

    text = os.environ.get("COLUMNS", "")
    columns = int(text) if text.isdigit() and 0 < int(text) <= MAX_COLUMNS else None
    # No emoji codes to load: a plan's :text: prints as written. An explicit width keeps Rich
    # from reading a COLUMNS of 0, with which it prints nothing at all.
    made = Console(file=stream, highlight=False, emoji=False, width=columns or _unset_width(stream))
    return made


def _unset_width(stream) -> int | None:
    """The width where COLUMNS says none: the terminal's, or 120 off a terminal (CI logs are wider than 80)."""
    target = stream if stream is not None else sys.stdout
    try:
        return os.get_terminal_size(target.fileno()).columns if target.isatty() else 120
    except (AttributeError, OSError, ValueError):
        return 120
