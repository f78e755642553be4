"""Turns the command line's inputs (files, folders, globs) into the plan files to check.

A file named on the command line is checked whatever it holds. Below a folder,
or matched by a glob, a YAML file is a plan when it has a top-level
`finplan:` key; any other YAML in a repository (CI configuration, a
docker-compose file) is passed over with a note, not failed. The
configuration's `exclude` globs leave files out of folders and globs too.
"""

from __future__ import annotations

import glob
import re
from collections.abc import Callable
from pathlib import Path

from finplan.i18n import N_, Message

PLAN_SUFFIXES = (".yaml", ".yml")
_GLOB_CHARS = frozenset("*?[")
_PLAN_KEY = re.compile(rb"^finplan[ \t]*:", re.MULTILINE)


class Skip(Message):
    """Why a file found below a folder is passed over rather than checked: a note, not a failure."""


_NO_PLAN_KEY = Skip(N_("has no top-level `finplan:` key: not a plan, passed over"))


def expand(inputs: list[str], excluded: Callable[[Path], bool] = lambda path: False) -> list[tuple[Path, Message | None]]:
    """Each file to check, in order and once, with a reason when it cannot be found or is passed over.

    A folder gives every `*.yaml` and `*.yml` below it, hidden folders left out;
    a glob gives the files it matches. A folder or glob that gives nothing is
    kept, with the reason, so that a gate that checks nothing says so.
    """
    found: dict[Path, Message | None] = {}
    for text in inputs:
        path = Path(text)
        if _GLOB_CHARS & set(text) and not path.exists():
            matches = sorted(Path(m) for m in glob.glob(text, recursive=True) if Path(m).is_file())
            if not matches:
                found.setdefault(path, Message("this pattern matches no file"))
            _add_found(found, matches, excluded)
        elif path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.suffix in PLAN_SUFFIXES and p.is_file()
                # Hidden folders (.git, .venv) are left out; a hidden file, such as
                # .pre-commit-config.yaml, is found, and passed over with a note.
                and not any(part.startswith(".") for part in p.relative_to(path).parts[:-1])
            )
            if not files:
                found.setdefault(path, Message("this folder holds no *.yaml or *.yml file"))
            _add_found(found, files, excluded)
        else:
            found.setdefault(path, None)
    return list(found.items())


def _add_found(found: dict[Path, Message | None], files: list[Path], excluded: Callable[[Path], bool]) -> None:
    for file in files:
        if not excluded(file):
            found.setdefault(file, None if is_plan(file) else _NO_PLAN_KEY)


def is_plan(path: Path) -> bool:
    """Whether a file has a top-level `finplan:` key; a file that cannot be read is left to the check to say so."""
    try:
        return _PLAN_KEY.search(path.read_bytes()) is not None
    except OSError:
        return True
