"""Where a finding's value or key ends on its line, so an editor can underline all of it.

A finding has a start (line, column); the protocol wants a range. The end is
found on the start's line alone, by YAML's own token rules, so the cost is the
line's length whatever the plan holds.
"""

from __future__ import annotations

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
    for index in range(start, len(line)):
        char = line[index]
        if char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return index + 1
    return len(line.rstrip("\r"))
