"""Where a finding's value or key ends on its line, so an editor can underline all of it.

A finding has a start (line, column); the protocol wants a range. The end is
found on the start's line alone, by YAML's own token rules, so the cost is the
line's length whatever the plan holds.
"""

from __future__ import annotations

from finplan.loader import scalar_end

_CLOSING = {"{": "}", "[": "]"}


def token_end(line: str, start: int) -> int:
    """The column just past the YAML token that starts at `start` on `line` (columns count from 0).

    A quoted scalar ends at its closing quote, a flow collection at its closing
    bracket (or the line's end), a plain scalar before `, ` `]` `}` inside a
    flow collection, before ` #` and before a key's `: `.
    """
    if start >= len(line):
        return start
    first = line[start]
    if first in "\"'":
        return _quoted_end(line, start, first)
    if first in _CLOSING:
        return _flow_end(line, start)
    in_flow = any(c in line[:start] for c in "{[")
    end = start
    while end < len(line):
        char = line[end]
        if in_flow and char in ",]}":
            break
        if char == "#" and end > start and line[end - 1] in " \t":
            break
        if char == ":" and (end + 1 == len(line) or line[end + 1] in " \t"):
            break
        end += 1
    while end > start and line[end - 1] in " \t\r":
        end -= 1
    return max(end, start + 1)


def value_end(lines: list[str], number: int, start: int) -> int:
    """The column just past the value or key that starts at `start` of line `number` (both from 0) in `lines`.

    As `token_end`, except where `,` `]` or `}` stand in what it finds: those end
    a value inside a `{...}` or `[...]` that opened on a line before (the
    `85 000` of `     amount: 85 000}`), or belong to a plain value in a block
    (`Foo, Bar`). Only the scanner tells which, so there the text is scanned
    from the line where that collection opens, not from the top of the plan.
    """
    line = lines[number].rstrip("\r")
    end = token_end(line, start)
    if any(char in line[start:end] for char in ",]}"):
        opened = _opening_line(lines, number)
        scanned = scalar_end("\n".join(lines[opened:number + 1]), number + 1 - opened, start + 1)
        end = scanned.column - 1 if scanned is not None else end
    return end


def _opening_line(lines: list[str], number: int) -> int:
    """The nearest line before `number` indented less than it, where a `{...}` it goes on with opens."""
    line = lines[number]
    indent = len(line) - len(line.lstrip(" "))
    for before in range(number - 1, -1, -1):
        text = lines[before]
        stripped = text.lstrip(" ")
        if stripped.strip() and not stripped.startswith("#") and len(text) - len(stripped) < indent:
            return before
    return 0


def _quoted_end(line: str, start: int, quote: str) -> int:
    index = start + 1
    while index < len(line):
        if line[index] == "\\" and quote == '"':
            index += 2
            continue
        if line[index] == quote:
            if quote == "'" and line[index + 1:index + 2] == "'":  # '' is a quote inside single quotes
                index += 2
                continue
            return index + 1
        index += 1
    return len(line.rstrip("\r"))


def _flow_end(line: str, start: int) -> int:
    depth = 0
    index = start
    while index < len(line):
        char = line[index]
        if char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return index + 1
        elif char in "\"'" and line[:index].rstrip(" \t")[-1:] in ("{", "[", ",", ":"):
            # A quoted value (`financier: "B}"`): its brackets are text. An apostrophe inside a plain value
            # (`Region's`) follows no such sign, and is text too.
            index = _quoted_end(line, index, char)
            continue
        index += 1
    return len(line.rstrip("\r"))
