"""Turns the command line's inputs (files, folders, globs) into the plan files to check."""

from __future__ import annotations

import glob
from pathlib import Path

PLAN_SUFFIXES = (".yaml", ".yml")
_GLOB_CHARS = frozenset("*?[")


def expand(inputs: list[str]) -> list[tuple[Path, str | None]]:
    """Each plan file to check, in order and once, with a reason when it cannot be found.

    A folder gives every `*.yaml` and `*.yml` below it, hidden folders left out;
    a glob gives the files it matches. A folder or glob that gives nothing is
    kept, with the reason, so that a gate that checks nothing says so.
    """
    found: dict[Path, str | None] = {}
    for text in inputs:
        path = Path(text)
        if _GLOB_CHARS & set(text) and not path.exists():
            matches = sorted(Path(m) for m in glob.glob(text, recursive=True) if Path(m).is_file())
            if not matches:
                found.setdefault(path, "this pattern matches no file")
            for match in matches:
                found.setdefault(match, None)
        elif path.is_dir():
            plans = sorted(
                p for p in path.rglob("*")
                if p.suffix in PLAN_SUFFIXES and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not plans:
                found.setdefault(path, "this folder holds no *.yaml or *.yml file")
            for plan in plans:
                found.setdefault(plan, None)
        else:
            found.setdefault(path, None)
    return list(found.items())
