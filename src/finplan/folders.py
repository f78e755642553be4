"""The files below a folder, and the files a glob matches, found the same bounded way.

Written here rather than taken from `Path.rglob` and `glob.glob`: both
recurse once per folder level, so a checkout with a thousand nested folders
stopped the check with a RecursionError; and `glob.glob` follows links to
folders under `**`, so two links to `.` in one folder (`a -> .`, `b -> .`)
made `finplan check 'budgets/**/*.yaml'` walk 2^40 paths. Here folders are
walked with a list, not the call stack, a link to a folder is never entered
under `**` or below a named folder, and each (folder, part of the pattern) is
visited once.

What is found is what the two library calls found: hidden folders (and, for
a glob, hidden names that its pattern does not start with a dot) are left
out, and paths are spelled as the command line spelled their start.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from pathlib import Path

_MAGIC = frozenset("*?[")


def has_magic(text: str) -> bool:
    return bool(_MAGIC & set(text))


def files_below(folder: Path) -> Iterator[tuple[Path, bool]]:
    """Every entry below `folder` that is not a folder, and whether it is a link (to a file or a folder).

    Hidden folders and links to folders are not entered.
    """
    pending = [str(folder)]
    while pending:
        current = pending.pop()
        for entry in _entries(current):
            if _is_folder(entry):
                if not entry.name.startswith("."):
                    pending.append(entry.path)
            else:
                yield Path(entry.path), _is_link(entry)


def glob_start(pattern: str) -> str:
    """The folder a glob starts from: its parts before the first with a wildcard (`budgets` of `budgets/**/*.yaml`)."""
    return _split(pattern)[0] or "."


def glob_matches(pattern: str) -> list[str]:
    """What `glob.glob(pattern, recursive=True)` gives, without entering a link to a folder under `**`."""
    begin, parts = _split(pattern)
    found: dict[str, None] = {}
    seen: set[tuple[str, int]] = set()
    pending = [(begin, 0)]
    while pending:
        state = pending.pop()
        if state in seen:
            continue
        seen.add(state)
        folder, at = state
        if at == len(parts):
            if folder:
                found.setdefault(folder, None)
            continue
        part, last = parts[at], at == len(parts) - 1
        if part == "**":
            pending.append((folder, at + 1))
            for entry in _entries(folder or "."):
                if entry.name.startswith("."):
                    continue
                if _is_folder(entry):
                    pending.append((os.path.join(folder, entry.name), at))
                elif last:  # a pattern that ends in `**` matches the files below too
                    pending.append((os.path.join(folder, entry.name), at + 1))
        elif not has_magic(part):
            path = os.path.join(folder, part)
            if os.path.lexists(path):
                pending.append((path, at + 1))
        else:
            hidden_too = part.startswith(".")
            pending.extend(
                (os.path.join(folder, entry.name), at + 1)
                for entry in _entries(folder or ".")
                if (hidden_too or not entry.name.startswith(".")) and fnmatch.fnmatchcase(entry.name, part)
            )
    return list(found)


def _split(pattern: str) -> tuple[str, list[str]]:
    """The pattern's start without wildcards (`` for the working folder) and the parts after it."""
    parts = pattern.split("/")
    fixed = 0
    while fixed < len(parts) - 1 and not has_magic(parts[fixed]):
        fixed += 1
    start = "/".join(parts[:fixed]) or ("/" if fixed else "")
    return start, parts[fixed:]


def leads_outside(path: Path, folder: Path) -> bool:
    """Whether `path`, with every link on its way followed, ends outside `folder` (itself resolved)."""
    try:
        return not path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links: it leads nowhere inside
        return True


def _entries(folder: str) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError:  # as the library calls: a folder that cannot be listed gives nothing
        return []


def _is_link(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False
