"""Turns the command line's inputs (files, folders, globs) into the plan files to check.

A file named on the command line is checked whatever it holds. Below a folder,
or matched by a glob, a YAML file is a plan when it has a top-level
`finplan:` key; any other YAML in a repository (CI configuration, a
docker-compose file, a frames file for `finplan summary`) is passed over with
a note, not failed. The configuration's `exclude` globs leave files out of
folders and globs too. A commit hook, which names every changed YAML file,
asks for named files to be passed over in the same way (`skip_named`).

A symbolic link found below a folder or by a glob is followed only where it
ends inside the folder given (a glob's folder is its start without
wildcards): a link out of it, to a secret or a device, is passed over with a
note and never opened. A file named on the command line is read wherever it
leads: naming it is the user's choice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from finplan.folders import files_below, glob_matches, glob_start, has_magic, leads_outside
from finplan.i18n import N_, Message

PLAN_SUFFIXES = (".yaml", ".yml")


def top_level_key(name: bytes) -> re.Pattern[bytes]:
    """A key at the start of a line, quoted or not, the first one after a UTF-8 BOM too (the loader drops it)."""
    return re.compile(rb"^(?:\xef\xbb\xbf)?([\"']?)" + name + rb"\1[ \t]*:", re.MULTILINE)


_PLAN_KEY = top_level_key(b"finplan")
FRAMES_KEY = top_level_key(b"frames")


class Skip(Message):
    """Why a file found below a folder is passed over rather than checked: a note, not a failure."""


_NO_PLAN_KEY = Skip(N_("has no top-level `finplan:` key: not a plan, passed over"))
_FRAMES_FILE = Skip(N_("is a frames file (a top-level `frames:` key), not a plan: passed over"))
_LINK_OUT = N_("is a symbolic link that leads outside `{folder}`: not followed, passed over")
_FOLDER_LINK_OUT = N_("is a symbolic link to a folder outside `{folder}`: not followed, passed over")
# Only the start of a file is read to find the `finplan:` key; a larger file is left to the check, which refuses it.
_PLAN_KEY_WITHIN = 64 * 1024 * 1024


def expand(
    inputs: list[str], excluded: Callable[[Path], bool] = lambda path: False, *, skip_named: bool = False,
) -> list[tuple[Path, Message | None]]:
    """Each file to check, in order and once, with a reason when it cannot be found or is passed over.

    A folder gives every `*.yaml` and `*.yml` below it, hidden folders left out;
    a glob gives the files it matches. A folder or glob that gives nothing is
    kept, with the reason, so that a gate that checks nothing says so. A file
    named is checked whatever it holds, unless `skip_named`: then one that is
    not a plan is passed over as a folder's would be.
    """
    found: dict[Path, Message | None] = {}
    for text in inputs:
        path = Path(text)
        if has_magic(text) and not path.exists():
            matches = sorted(Path(m) for m in glob_matches(text) if Path(m).is_file())
            if not matches:
                found.setdefault(path, Message("this pattern matches no file"))
            _add_found(found, matches, Path(glob_start(text)), excluded, through_links=True)
        elif path.is_dir():
            files = []
            for file, is_link in files_below(path):
                if file.suffix in PLAN_SUFFIXES and file.is_file():
                    files.append(file)
                elif is_link and file.is_dir() and leads_outside(file, path):  # never entered, but said
                    files.append(file)
            if not any(file.is_file() for file in files):
                found.setdefault(path, Message("this folder holds no *.yaml or *.yml file"))
            _add_found(found, sorted(files), path, excluded, through_links=False)
        else:
            # Only a regular file is opened here: a named pipe would wait for ever; the check refuses it.
            found.setdefault(path, not_a_plan(path) if skip_named and path.is_file() else None)
    return list(found.items())


def _add_found(
    found: dict[Path, Message | None], files: list[Path], folder: Path, excluded: Callable[[Path], bool], *,
    through_links: bool,
) -> None:
    """`files` found below `folder`, each with the note it is passed over with, if any.

    `through_links`: whether a file may lie in a linked folder (a glob enters one, a folder's walk never does).
    """
    for file in files:
        if excluded(file):
            continue
        if file.is_symlink() or (through_links and _through_link(file, folder)):
            if leads_outside(file, folder):
                found.setdefault(file, Skip(_FOLDER_LINK_OUT if file.is_dir() else _LINK_OUT, folder=str(folder)))
                continue
        found.setdefault(file, not_a_plan(file))


def _through_link(file: Path, folder: Path) -> bool:
    """Whether a folder between `folder` and `file` is a link (a glob's `*/x.yaml` goes through links)."""
    try:
        parts = file.relative_to(folder).parts[:-1]
    except ValueError:
        return True
    here = folder
    for part in parts:
        here = here / part
        if here.is_symlink():
            return True
    return False


def not_a_plan(path: Path) -> Skip | None:
    """Why a file is passed over as no plan (no top-level `finplan:` key; a frames file); None for a plan.

    A file that cannot be read is taken for a plan: the check then says why it could not be read.
    """
    try:
        with path.open("rb") as stream:
            start = stream.read(_PLAN_KEY_WITHIN)
    except OSError:
        return None
    return not_a_plan_text(start)


def not_a_plan_text(start: bytes) -> Skip | None:
    """Why a file that starts with `start` is no plan, as `not_a_plan` says; None for a plan."""
    if _PLAN_KEY.search(start) is not None:
        return None
    return _FRAMES_FILE if FRAMES_KEY.search(start) is not None else _NO_PLAN_KEY
