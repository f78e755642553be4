"""The one door out: every file finplan writes goes through here.

A file is written whole or not at all (a temporary file in the same folder,
then a rename), with the mode the umask gives a new file, or the mode of the
file it replaces. It is never written over an input of the same run (a plan, a
memo, frames, a configuration or a baseline that was read), compared by
resolved path and by device and inode, so a symbolic or a hard link to an
input counts too. It is never written through a symbolic link, nor over
anything that is not a regular file: a device, a FIFO, a socket or a folder.

Folders are walked by file descriptor (`dir_fd`), so a folder swapped for a
link between the check and the write is not followed either.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from finplan.errors import InputError, os_reason
from finplan.i18n import Message

_inputs: dict[tuple[int, int], str] = {}  # (device, inode) -> the input's name as it was given
_input_names: list[str] = []  # resolved only when something is written: most runs write nothing
_named: set[str] = set()  # each name once: a language server reads one configuration on every keystroke
_resolved: dict[str, str] = {}  # resolved path -> the input's name, for the first `_resolved_up_to[0]` names
_resolved_up_to = [0]
_roles: dict[str, Message] = {}  # an input's name -> what it is to the run ("a plan being checked")


def remember(path: str | os.PathLike, status: os.stat_result | None = None, role: Message | None = None) -> None:
    """Record `path` as an input of this run: nothing is written over it.

    `status` is the opened file's `os.fstat`, where the reader has it; a path
    that cannot be looked at is recorded by name alone. `role` says what the
    input is to the run, for the message that refuses to write over it.
    """
    name = str(path)
    if role is not None:
        _roles[name] = role
    try:
        status = status or os.stat(path)
    except OSError:
        status = None
    if status is not None:
        _inputs[(status.st_dev, status.st_ino)] = name
    if name not in _named:
        _named.add(name)
        _input_names.append(name)


def forget_inputs() -> None:
    """A new run begins: the last one's inputs are no longer this one's (tests run many in one process)."""
    _inputs.clear()
    _input_names.clear()
    _named.clear()
    _resolved.clear()
    _resolved_up_to[0] = 0
    _roles.clear()


def write_file(path: str | os.PathLike, data: str | bytes, *, replace: bool = True, sync: bool = True) -> None:
    """Write `data` (text as UTF-8) to `path`, whole, never over an input, a link or a non-file.

    With `replace` false an existing file is refused, also one that appears
    while writing: the new file is linked into place, which fails if the name is taken.
    """
    path = Path(path)
    folder = path.parent
    with _opened_folder(folder, path, follow=True) as fd:
        _write_in(fd, path.name, path, _as_bytes(data), replace=replace, sync=sync)


class Folder:
    """A folder to write a report of many files into, made if missing.

    The folder named is taken as given (it may be a link the user made);
    inside it nothing is followed: a name or a sub-folder that is a link is refused.
    """

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        try:
            status = os.stat(self.path)
        except FileNotFoundError:
            status = None
        except OSError as error:
            raise InputError(_unwritable(self.path, error)) from None
        if status is not None and not stat.S_ISDIR(status.st_mode):
            raise InputError(Message("{folder} is a file; name a folder to write the report into", folder=self.path))
        if status is None:
            try:
                self.path.mkdir(parents=True)
            except FileExistsError:
                pass
            except OSError as error:
                raise InputError(_unwritable(self.path, error)) from None

    def write(self, name: str, data: str | bytes) -> None:
        """Write `data` to `name` inside the folder (`plans/x.html`), making its sub-folders.

        A report folder is made again from the plans whenever it is wanted, so
        its files are renamed into place but not each synced to disk: a
        thousand syncs would take longer than drawing the pages.
        """
        *parts, leaf = Path(name).parts
        shown = self.path / name
        with _opened_folder(self.path, shown, follow=True) as root:
            fd = root
            opened: list[int] = []
            try:
                for part in parts:
                    fd = _sub_folder(fd, part, shown)
                    opened.append(fd)
                _write_in(fd, leaf, shown, _as_bytes(data), replace=True, sync=False)
            finally:
                for each in opened:
                    os.close(each)


def _as_bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


@contextmanager
def _opened_folder(folder: Path, shown: Path, *, follow: bool) -> Iterator[int]:
    flags = os.O_RDONLY | os.O_DIRECTORY | (0 if follow else os.O_NOFOLLOW)
    try:
        fd = os.open(folder if str(folder) else ".", flags)
    except OSError as error:
        raise InputError(_unwritable(shown, error)) from None
    try:
        yield fd
    finally:
        os.close(fd)


def _sub_folder(parent: int, name: str, shown: Path) -> int:
    """The sub-folder `name` of the folder open as `parent`, made if missing; never a link."""
    try:
        os.mkdir(name, 0o777, dir_fd=parent)
    except FileExistsError:
        pass
    except OSError as error:
        raise InputError(_unwritable(shown, error)) from None
    try:
        return os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR):
            raise InputError(_not_a_folder(shown, name)) from None
        raise InputError(_unwritable(shown, error)) from None


def _write_in(folder: int, name: str, shown: Path, data: bytes, *, replace: bool, sync: bool) -> None:
    old = _refuse(folder, name, shown, replace=replace)
    temporary = f".{name}.{secrets.token_hex(6)}.tmp"
    try:
        # 0o666 and the umask, as any new file gets; a replaced file keeps its own mode.
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666, dir_fd=folder)
    except OSError as error:
        raise InputError(_unwritable(shown, error)) from None
    try:
        try:
            if old is not None:
                os.fchmod(handle, stat.S_IMODE(old.st_mode))
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view):]
            if sync:
                os.fsync(handle)
        finally:
            os.close(handle)
        if replace:
            os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
        else:
            os.link(temporary, name, src_dir_fd=folder, dst_dir_fd=folder, follow_symlinks=False)
    except FileExistsError:
        raise InputError(_exists(shown)) from None
    except OSError as error:
        raise InputError(_unwritable(shown, error)) from None
    finally:
        try:
            os.unlink(temporary, dir_fd=folder)
        except FileNotFoundError:
            pass


def _refuse(folder: int, name: str, shown: Path, *, replace: bool) -> os.stat_result | None:
    """What stands at `name` now, if finplan may replace it; InputError where it may not."""
    try:
        status = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise InputError(_unwritable(shown, error)) from None
    if stat.S_ISLNK(status.st_mode):
        target = _input_named(shown)
        if target is not None:
            raise InputError(_is_input(shown, target))
        raise InputError(Message(
            "{file} is a symbolic link; finplan never writes through a link: remove it, or name another file",
            file=shown,
        ))
    if not stat.S_ISREG(status.st_mode):
        raise InputError(Message(
            "{file} is not a regular file ({kind}); finplan writes only regular files", file=shown, kind=_kind(status),
        ))
    target = _inputs.get((status.st_dev, status.st_ino)) or _input_named(shown)
    if target is not None:
        raise InputError(_is_input(shown, target))
    if not replace:
        raise InputError(_exists(shown))
    return status


def _input_named(path: Path) -> str | None:
    """The input that `path` leads to, by resolved path and by device and inode; None where it is none."""
    if not _input_names:
        return None
    # Each input is resolved once, however many files are written (a report of a thousand pages).
    for name in _input_names[_resolved_up_to[0]:]:
        _resolved.setdefault(os.path.realpath(name), name)
    _resolved_up_to[0] = len(_input_names)
    found = _resolved.get(os.path.realpath(path))
    if found is not None:
        return found
    try:
        status = os.stat(path)
    except OSError:
        return None
    return _inputs.get((status.st_dev, status.st_ino))


def _kind(status: os.stat_result) -> Message:
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        return Message("a folder")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Message("a device")
    if stat.S_ISFIFO(mode):
        return Message("a named pipe")
    if stat.S_ISSOCK(mode):
        return Message("a socket")
    return Message("not a file")


def _is_input(path: Path, name: str) -> Message:
    role = _roles.get(name) or Message("an input of this run")
    if str(path) == name:
        return Message("{file} is {role}; finplan never writes over what it reads", file=path, role=role)
    return Message(
        "{file} leads to {input}, {role}; finplan never writes over what it reads", file=path, input=name, role=role,
    )


def _not_a_folder(path: Path, name: str) -> Message:
    return Message(
        "{file} cannot be written: {folder} is a symbolic link or a file; finplan never writes through a link",
        file=path, folder=name,
    )


def _exists(path: Path) -> Message:
    return Message("{file} already exists; finplan does not overwrite it", file=path)


def _unwritable(path: Path, error: OSError) -> Message:
    return Message("{file} cannot be written: {reason}", file=path, reason=os_reason(error))


# Reading: every input is opened here too, so that what is read is remembered and never written over.
_NOT_REGULAR = Message("is not a regular file (a device, a named pipe or a socket); only a file is read")


def read_limited(path: str | Path, max_bytes: int, *, regular_only: bool = False) -> bytes:
    """The file's bytes, read no further than one byte past the size limit.

    With `regular_only`, for a file a configuration or a repository names
    rather than the user, anything but a regular file is refused unread.
    """
    path = Path(path)
    try:
        opened = open_regular(path, _NOT_REGULAR) if regular_only else path.open("rb")
        with opened as stream:
            remember(path, os.fstat(stream.fileno()))
            data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(Message("does not exist")) from None
    except IsADirectoryError:
        raise InputError(Message("is a directory, not a plan file")) from None
    except PermissionError:
        raise InputError(Message("cannot be read: permission denied")) from None
    except OSError as error:
        raise InputError(Message("cannot be read: {reason}", reason=os_reason(error))) from None
    return data  # one byte past the limit at most, which the reader refuses


_NO_WAIT = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)  # Windows has neither, nor FIFOs in its folders


def open_regular(path: str | Path, not_regular: Message):
    """The file at `path` opened for reading, never waited on; InputError(`not_regular`) for a pipe, device or socket.

    Opened without waiting (a named pipe would wait for a writer for ever),
    then looked at: what is refused is what the opened file is, so nothing
    is opened twice. A folder raises IsADirectoryError, which each reader names its own way.
    """
    fd = os.open(path, os.O_RDONLY | _NO_WAIT)
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        raise InputError(not_regular)
    return open(fd, "rb")
