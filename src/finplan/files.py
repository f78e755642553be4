"""Writing files safely: whole or not at all, and never over a file without being asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from finplan.errors import InputError
from finplan.i18n import Message


def write_file(path: Path, data: str | bytes, *, replace: bool = True) -> None:
    """Write `data` (text as UTF-8) to `path` so that a reader sees the old file or the new one, never half.

    With `replace` false an existing file is refused, also when one appears
    while writing: the new file is linked into place, which fails if the name is taken.
    """
    _write(Path(path), data.encode("utf-8") if isinstance(data, str) else data, replace=replace, sync=True)


def write_atomic(path: Path, text: str, *, overwrite: bool) -> None:
    """`write_file` under its older name, for the writers of baselines and starting plans."""
    write_file(path, text, replace=overwrite)


class Folder:
    """A folder to write a report of many files into: made if missing, refused if it is a file or a link.

    It holds nothing but its path, so forked workers write through it as the parent does.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if self.path.is_symlink() or (self.path.exists() and not self.path.is_dir()):
            raise InputError(f"{self.path} is a file or a link; name a folder for the report")
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(_unwritable(self.path, error)) from None

    def write(self, name: str, data: str | bytes) -> None:
        """Write `data` to `name` inside the folder (`plans/x.html`), making its sub-folders; never through a link.

        Not synced to disk: a report folder is made again from the plans whenever it
        is wanted, and a thousand syncs would take longer than drawing the pages.
        """
        target = self.path / name
        folder = self.path
        for part in Path(name).parts[:-1]:
            folder = folder / part
            try:
                folder.mkdir(exist_ok=True)
            except OSError as error:
                raise InputError(_unwritable(target, error)) from None
            if folder.is_symlink():
                raise InputError(_unwritable(target, OSError(0, f"{folder} is a link")))
        if target.is_symlink():
            raise InputError(_unwritable(target, OSError(0, "it is a link")))
        _write(target, data.encode("utf-8") if isinstance(data, str) else data, replace=True, sync=False)


def _write(path: Path, data: bytes, *, replace: bool, sync: bool) -> None:
    if not replace and path.exists():
        raise InputError(_exists(path))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(_unwritable(path, error)) from None
    try:
        os.fchmod(handle, 0o666 & ~_umask())  # as any new file gets, not mkstemp's 0o600
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if sync:
                os.fsync(stream.fileno())
        if replace:
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


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _exists(path: Path) -> Message:
    return Message("{file} already exists; finplan does not overwrite it", file=path)


def _unwritable(path: Path, error: OSError) -> Message:
    return Message("{file} cannot be written: {reason}", file=path, reason=error.strerror or error)
