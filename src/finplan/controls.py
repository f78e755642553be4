"""Control characters in a plan's or a frames file's text: found at load, so that no report meets one.

A financier named "Jämtkraft\\x07 AB" passed the check, then stopped the
writers downstream (an Excel file refuses the character, a Word file too) and
would ring or rewrite a terminal where a report is shown. YAML's reader
already refuses such a character written as itself; in double-quoted text an
escape (`\\a`, `\\x07`, `\\u001b`, `\\e`, `\\0`, `\\N`...) still writes one. So a C0
control character other than tab and newline, DEL, and a C1 control
character, in any text or key, refuses the file, at the escape that wrote it.

Only an escape can write one, so a plan whose text holds no backslash
followed by such an escape's letter costs one search of its text, and nothing else.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from finplan.findings import Path, Position, format_path
from finplan.i18n import Message
from finplan.loader import Document

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""The characters refused: C0 controls but tab and newline, DEL, C1 controls."""

_MAYBE_ESCAPE = re.compile(r"\\[0abvfreNxuU]")
# An escape in double-quoted YAML, with `\\` taken whole so that `\\a` is a backslash and an `a`.
_ESCAPE = re.compile(r"\\(?:\\|([0abvfreN])|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")
_LETTERS = {"0": 0x00, "a": 0x07, "b": 0x08, "v": 0x0B, "f": 0x0C, "r": 0x0D, "e": 0x1B, "N": 0x85}


class Control(NamedTuple):
    """A control character in a file: where it was written, in which text or key, and which it is."""

    position: Position
    path: Path  # the text's place; for a key, the mapping that holds it
    on_key: bool
    code: str  # the code point, such as "0007"

    def message(self) -> Message:
        if self.on_key:
            return Message(
                "a key holds the control character U+{code}, which no report can show; remove it", code=self.code
            )
        return Message(
            "`{path}` holds the control character U+{code}, which no report can show; remove it",
            path=format_path(self.path), code=self.code,
        )


def control_characters(text: str, document: Document) -> list[Control]:
    """Each text or key of `document` that holds a control character, in the order of the file."""
    if _MAYBE_ESCAPE.search(text) is None:
        return []
    places = _Places(text)
    found = []
    for path, on_key, value in _texts(document.data, ()):
        character = CONTROL.search(value)
        if character is None:
            continue
        start = document.source.locate(path, key=on_key)
        at = places.escape_from(start, character.group()) or start
        found.append(Control(at, path[:-1] if on_key else path, on_key, f"{ord(character.group()):04X}"))
    return sorted(found, key=lambda control: control.position)


def _texts(value: Any, path: Path) -> Iterator[tuple[Path, bool, str]]:
    """Every text and key below `value`, with its path; nothing below a key that holds a control character."""
    if isinstance(value, str):
        yield path, False, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and CONTROL.search(key):
                yield (*path, key), True, key
                continue
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


class _Places:
    """Turns a line and column into an offset in the text and back, for the few texts that hold a control."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def escape_from(self, start: Position, character: str) -> Position | None:
        """The first escape at or after `start` that writes `character`."""
        if not 0 < start.line <= len(self.starts):
            return None
        offset = self.starts[start.line - 1] + start.column - 1
        for match in _ESCAPE.finditer(self.text, offset):
            letter, *digits = match.groups()
            if letter is not None:
                code = _LETTERS[letter]
            elif any(digits):
                code = int(next(d for d in digits if d), 16)
            else:
                continue  # `\\`
            if chr(code) == character:
                line = bisect.bisect_right(self.starts, match.start())
                return Position(line, match.start() - self.starts[line - 1] + 1)
        return None
