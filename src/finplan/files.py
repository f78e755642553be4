"""Writing files safely: whole or not at all, and never over a file without being asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from finplan.errors import InputError, os_reason
from finplan.i18n import Message


def write_atomic(path: Path, text: str, *, overwrite: bool) -> None:
    """Write `text` to `path` so that a reader sees the old file or the new one, never half.

    With `overwrite` false an existing file is refused, also when one appears
    while writing: the new file is linked into place, which fails if the name is taken.
    """
    path = Path(path)
    if not overwrite and path.exists():
        raise InputError(_exists(path))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(_unwritable(path, error)) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if overwrite:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)
    except FileExistsError:
        raise InputError(_exists(path)) from None
    except OSError as error:
        raise InputError(_unwritable(path, error)) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _exists(path: Path) -> Message:
    return Message("{file} already exists; finplan does not overwrite it", file=path)


def _unwritable(path: Path, error: OSError) -> Message:
    return Message("{file} cannot be written: {reason}", file=path, reason=os_reason(error))
