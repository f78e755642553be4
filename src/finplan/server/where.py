"""What stands under the cursor: the path in the plan (`financing[5].amount`), and whether a key or a value.

The loader's source map turns a path into a position; this is its reverse. It
walks down the map from the root, at each mapping or sequence choosing the
last key or item that starts at or before the cursor, so the cost is at most
the plan's size (one look at each key or item on the way down), whatever the
cursor's place.

Positions here count from 0, lines and characters both, as Python strings do;
the source map's count from 1.
"""

from __future__ import annotations

from dataclasses import dataclass

from finplan.loader import MapPositions, Node, SeqPositions, SourceMap
from finplan.server.spans import value_end


@dataclass(frozen=True, slots=True)
class Place:
    """A key or a value of the plan under the cursor.

    `path` is the value's path (a key's: the path of the value it names).
    `start` and `end` are where the key or scalar value stands on its line, as
    (line, character); None for a value that is a mapping or sequence, or whose
    line the cursor is not on (the second line of a folded text).
    """

    path: tuple[str | int, ...]
    on_key: bool
    start: tuple[int, int] | None = None
    end: tuple[int, int] | None = None


def place_at(source: SourceMap, lines: list[str], line: int, character: int) -> Place | None:
    """The key or value under (line, character); None on a blank line, a comment, or before the plan's first key."""
    if not 0 <= line < len(lines) or _is_blank(lines[line]):
        return None
    cursor = (line + 1, character + 1)
    node: Node = source.root
    path: list[str | int] = []
    while True:
        if isinstance(node, MapPositions):
            key = _last_reached(node.keys.items(), cursor, lines)
            if key is None:
                break
            key_at = node.keys[key]
            span = _span(lines, key_at)
            path.append(key)
            if _within(span, line, character):
                return Place(tuple(path), True, *span)
            child = node.values[key]
            if _at(child) < key_at:  # an alias: its positions are its anchor's, elsewhere in the file
                break
            node = child
        elif isinstance(node, SeqPositions):
            index = _last_reached(enumerate(_at(item) for item in node.items), cursor, lines)
            if index is None:
                break
            child = node.items[index]
            path.append(index)
            if _at(child) < node.at:  # an alias, as above
                break
            node = child
        else:
            span = _span(lines, node)
            if span is not None and span[0][0] == line:
                return Place(tuple(path), False, *span)
            break
    return Place(tuple(path), False) if path else None


def _last_reached(items, cursor: tuple[int, int], lines: list[str]):
    """The name of the last of (name, position) items that starts at or before the cursor, or only after
    the indentation and dashes of a sequence's item on the cursor's line (`  - id:` from its `-`)."""
    found = None
    for name, at in items:
        if at <= cursor or (at[0] == cursor[0] and _only_lead(lines[at[0] - 1], cursor[1] - 1, at[1] - 1)):
            found = name
    return found


def _only_lead(text: str, start: int, end: int) -> bool:
    return not text[start:end].strip(" \t-")


def _span(lines: list[str], at: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    line, start = at[0] - 1, at[1] - 1
    if not 0 <= line < len(lines):
        return None
    return (line, start), (line, value_end(lines, line, start))


def _within(span, line: int, character: int) -> bool:
    # A key's end counts as on it: the cursor just before the colon still names the key.
    return span is not None and span[0][0] == line and span[0][1] <= character <= span[1][1]


def _at(node: Node) -> tuple[int, int]:
    return node if type(node) is tuple else node.at


def _is_blank(text: str) -> bool:
    """A line that holds nothing of the plan: blank, or a comment alone."""
    stripped = text.strip()
    return not stripped or stripped.startswith("#")
