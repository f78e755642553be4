"""Where files stand relative to the repository, as CI systems want them named."""

from __future__ import annotations

import os
import re
from pathlib import Path

# A byte of a file name that is not UTF-8 comes from the OS as a lone surrogate (`\udce5`, PEP 383),
# which no UTF-8 writer can encode; a control character would break a one-line message or a CI log.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


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


def shown_name(name: str) -> str:
    """`name` as every writer may show it: a byte that is not UTF-8, or a control character, escaped.

    `plan-\\xe5r.yaml` for the Latin-1 name `plan-år.yaml`, which the OS gives as
    `plan-\\udce5r.yaml`; the escape is the byte itself, so a reader can find the file.
    """
    return _UNSHOWABLE.sub(_escape, name) if not name.isprintable() else name


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:  # the byte `code - 0xDC00` that could not be decoded
        code -= 0xDC00
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def plan_names(files: list[str], root: Path) -> dict[str, str]:
    """Each file named from `root` where it lies inside; else from the folder holding every such file.

    A summary run from outside the repository names `budgets/a.yaml` as
    `a.yaml`, from the folder checked, never by an absolute path.
    """
    names: dict[str, str] = {}
    outside: dict[str, Path] = {}
    for file in files:
        path = Path(file).resolve()
        try:
            names[file] = path.relative_to(root).as_posix()
        except ValueError:
            outside[file] = path
    if outside:
        folder = Path(os.path.commonpath([path.parent for path in outside.values()]))
        names.update((file, path.relative_to(folder).as_posix()) for file, path in outside.items())
    return names
