"""Where files stand relative to the repository, as CI systems want them named."""

from __future__ import annotations

import os
import re
from pathlib import Path

# A byte of a file name that is not UTF-8 comes from the OS as a lone surrogate (`\udce5`, PEP 383),
# which no UTF-8 writer can encode; a control character would break a one-line message or a CI log;
# a bidirectional control would show a name, and the line it stands on, in another order than it is.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


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


def plan_names(files: list[str], root: Path) -> dict[str, str]:
    """Each file's name relative to `root` where it lies inside, else to the folder that holds them all.

    Never absolute: plans checked from another folder (`finplan summary
    /srv/plans`) are named from the folder checked (`2019/attraktiv.yaml`).
    """
    names = {}
    outside = []
    for file in files:
        try:
            names[file] = Path(file).resolve().relative_to(root).as_posix()
        except (ValueError, OSError):
            outside.append(file)
    if outside:
        folders = [str(Path(file).resolve().parent) for file in outside]
        common = Path(os.path.commonpath(folders))
        names.update((file, relative(file, common)) for file in outside)
    return names


def shown_name(name: str) -> str:
    """`name` as every writer may show it: a byte that is not UTF-8, or a control character, escaped.

    `plan-\\xe5r.yaml` for the Latin-1 name `plan-år.yaml`, which the OS gives as
    `plan-\\udce5r.yaml`; the escape is the byte itself, so a reader can find the file.
    """
    return _UNSHOWABLE.sub(_escape, name) if not name.isprintable() else name


def unshowable(text: str) -> bool:
    """Whether `text` holds a character `shown_name` would escape."""
    return not text.isprintable() and _UNSHOWABLE.search(text) is not None


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:  # the byte `code - 0xDC00` that could not be decoded
        code -= 0xDC00
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"

