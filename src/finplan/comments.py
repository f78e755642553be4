"""Comments that cut a text value short: `financier: Region #1` is the text "Region".

YAML starts a comment at a `#` after a space, so a value such as "Region #1"
or "Avtal #2019-3" loses its end without a word. A comment written as a
comment has a space after its `#`; a `#` directly followed by text, after a
value on the same line, is most likely part of the value, and is reported.
"""

from __future__ import annotations

import re

from finplan.codes.input import VALUE_CUT
from finplan.findings import Finding, Fix, Position, shorten
from finplan.i18n import Message
from finplan.loader import inside_scalars


# `key: value` before the comment, in a block mapping or a list item; a number or a
# quoted or flow value before the comment is no text it could cut.
_KEY_VALUE = re.compile(r"\s*(?:-\s+)?(?P<key>[^\s:#'\"{}\[\]][^:#]*?):[ \t]+(?P<value>[^'\"{\[|>&*!#\s].*)\Z")
_NUMBER = re.compile(r"[-+\u2212]?[0-9][0-9 _.,\u00a0]*\Z")
_COMMENT = re.compile(r"[ \t]#")


def cut_values(text: str) -> list[Finding]:
    """A warning for each `#` that most likely cuts a text value short; a `#` inside quotes is text."""
    if " #" not in text and "\t#" not in text:
        return []
    candidates: dict[int, Finding] = {}
    offset = 0
    for number, line in enumerate(text.split("\n"), 1):
        # The comment's start found first, then the line before it read: no pattern backtracks over a long line.
        comment = _COMMENT.search(line)
        rest = line[comment.end():].rstrip("\r") if comment else ""
        if not rest or rest[0].isspace() or rest.startswith("finplan:"):
            offset += len(line) + 1
            continue
        match = _KEY_VALUE.match(line[: comment.start()].rstrip(" \t"))
        if match is not None and not _NUMBER.match(match.group("value")):
            column = comment.end()
            # The value and what the comment took of it, quoted together: from the value's start to the line's end.
            fix = Fix("quote", start=Position(number, match.start("value") + 1),
                      end=Position(number, len(line.rstrip("\r \t")) + 1))
            key, value, rest = shorten(match.group("key"), 30), shorten(match.group("value"), 30), shorten(rest, 30)
            candidates[offset + column - 1] = Finding(
                VALUE_CUT.code, VALUE_CUT.severity,
                Message(
                    "the value of `{key}` ends before `#{rest}`: YAML reads it to the end of the line as a comment, "
                    'so the value is "{value}"; quote the value if `#{rest}` belongs to it: `{key}: "{value} #{rest}"`',
                    key=key, value=value, rest=rest,
                ),
                (), Position(number, column), fix=fix,
            )
        offset += len(line) + 1
    if not candidates:
        return []
    quoted = inside_scalars(text, list(candidates))
    return [finding for at, finding in candidates.items() if at not in quoted]
