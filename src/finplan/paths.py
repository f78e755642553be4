"""Where files stand relative to the repository, as CI systems want them named."""

from __future__ import annotations

from pathlib import Path


def repository_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` (the working folder) holding `.git`; else `start`."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def relative(file: str, root: Path) -> str:
    """`file` relative to `root` with forward slashes; as given where it lies outside."""
    try:
        return Path(file).resolve().relative_to(root).as_posix()
    except ValueError:
        return Path(file).as_posix()
