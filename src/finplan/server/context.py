"""Where in a plan the cursor stands, read from the text around it: a plan half typed need not load.

The place is found as YAML's layout says it: block mappings and sequences by
their indentation and the keys and dashes above the cursor, flow collections
(`{...}`, `[...]`) by their brackets, even across lines. One pass reads every
line into a row (its indentation, dashes and key); walks up and down the rows
from the cursor then find the keys above it and the keys already written
beside it. Each step is linear in the plan; nothing is loaded or built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

ITEM = -1
"""A path's step into an item of a sequence whose index the text around the cursor does not tell."""

Path = tuple[str | int, ...]

# Each pattern is matched in time linear in the line, whatever it holds (no backtracking over runs of blanks).
_KEY = re.compile(r"""(?:"([^"]*)"|'([^']*)'|([^\s#'"{}\[\],&*!|>%@`][^#:]*)):(?:[ \t]|$)""")
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*[ \t]*(#.*)?$")
_WORD_ON = re.compile(r"[\w.\-]*")
_COLON = re.compile(r"[\w.\-]*[ \t]*:")


@dataclass(frozen=True)
class Context:
    """What the cursor may write: a `key` of the mapping at `path`, or the `value` at `path` (a key's
    value, or an item of a sequence), or at a dash (`item`), the item at `path`: a key of its mapping
    or the item itself.

    `present` holds what is already written beside it (the mapping's other keys, the sequence's
    other items); `start` and `end` (columns of `line`) the word being typed, which a completion
    replaces; `colon` says a key is already followed by its colon; `space` that a value needs a
    space before it (`key:|`).
    """

    at: Literal["key", "value", "item"]
    path: Path
    present: frozenset[str]
    line: int
    start: int
    end: int
    colon: bool = False
    space: bool = False


@dataclass(slots=True)
class _Row:
    """A line that starts outside any flow collection and block scalar: its dashes and its key."""

    content: int
    dashes: tuple[int, ...]
    key: str | None
    key_col: int
    value: str
    value_col: int


@dataclass
class _Frame:
    """An open flow collection; a root frame knows the row it opened on (its line and layout), a nested
    one its parent."""

    kind: str
    row: int
    opened: _Row | None = None
    parent: _Frame | None = None
    step: str | int | None = None
    key: str | None = None
    state: str = "key"
    keys: list[str] = field(default_factory=list)


def context_at(lines: list[str], line: int, character: int) -> Context | None:
    """The place at (line, character), both counted from 0 in characters; None where the text tells none."""
    if not 0 <= line < len(lines):
        return None
    text = lines[line].rstrip("\r")
    character = min(character, len(text))
    start = character
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.-"):
        start -= 1
    while start < character and text[start] == "-":  # a word starts with a letter, a digit, _ or .
        start += 1
    end = _WORD_ON.match(text, character).end()
    reader = _Reader(lines)
    try:
        for index in range(line):
            reader.feed(index)
        place = reader.place(line, text, start)
        if place is None:
            return None
        at, path, present, space = place
        if at != "value" or path[-1:] == (ITEM,):  # a key's value has nothing beside it
            reader.feed(line, skip_to=end)
            present |= reader.beside(line)
    except _NoShape:
        return None
    colon = at != "value" and _COLON.match(text, start) is not None
    return Context(at, path, frozenset(present), line, start, end, colon, space)


class _NoShape(Exception):
    """The rows above the cursor are not a YAML collection's layout (a scalar where a key should be)."""


class _Reader:
    """Reads the lines in order, as rows, keeping the open flow collections and block scalars."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.rows: list[_Row | None] = []
        self.stack: list[_Frame] = []
        self.scalar: int | None = None  # a block scalar's lines are deeper than this column
        self.frame: _Frame | None = None  # the flow collection the cursor is in
        self.block: tuple[int, int] | None = None  # the block collection the cursor is in: (dash, key) columns

    def feed(self, index: int, skip_to: int | None = None) -> None:
        """Reads line `index` (the cursor's from `skip_to`, past the word being typed; it is no row of its own)."""
        text = self.lines[index].rstrip("\r")
        row = None
        if skip_to is not None and self.stack:
            self._flow(index, text, skip_to)
        elif self.scalar is not None and (not text.strip() or _indent(text) > self.scalar):
            pass
        elif self.stack and not self._ends_flow(text):
            self.scalar = None
            self._flow(index, text, 0)
        else:
            self.stack.clear()
            self.scalar = None
            row = _row(text)
            if row is not None:
                self._open(index, text, row)
        self.rows.append(None if skip_to is not None else row)

    def _ends_flow(self, text: str) -> bool:
        """Whether a key or a dash at or left of the column of the row that opened the flow collections
        ends them: YAML would refuse the plan, but the cursor below an unclosed bracket is still in the block."""
        row = _row(text)
        return row is not None and (row.key is not None or bool(row.dashes)) and row.content <= self.stack[0].opened.content

    def _open(self, index: int, text: str, row: _Row, stop: int | None = None) -> None:
        """What a row's value opens: a flow collection (read to `stop`) or a block scalar."""
        if row.value[:1] in ("{", "["):
            self.stack.append(_Frame(row.value[0], index, row))
            self._flow(index, text, row.value_col + 1, stop)
        elif stop is None and _BLOCK_SCALAR.match(row.value):
            # Its lines are deeper than its key or dash; a `|` alone on a line (a scalar where the plan's keys
            # stand) takes every line after it.
            self.scalar = row.key_col if row.key is not None else row.dashes[-1] if row.dashes else row.value_col - 1

    def place(self, index: int, text: str, start: int) -> tuple | None:
        """What the word at `start` may be, from the rows above and the cursor's line before it."""
        if self.stack and self._ends_flow(text[:start] + "x"):
            self.stack.clear()
        if self.stack:
            self._flow(index, text, 0, start)
            return self._in_flow(self.stack[-1]) if self.stack else None
        if self.scalar is not None and _indent(text) > self.scalar:
            return None
        before = text[:start]
        space = before.endswith(":")
        # The word being typed stands as a scalar `x`: the row then says whether it is a key or a value.
        row = _row(before + (" x" if space else "x"))
        if row is None:
            return None
        if row.key is not None and not before[row.value_col:].strip():
            return "value", self._path_of(index, row) + (row.key,), set(), space
        if row.key is not None or row.value != "x":
            self._open(index, text, row, start)
            return self._in_flow(self.stack[-1]) if self.stack else None
        if row.dashes:
            self.block = (row.dashes[0], start)
            path, present = self._up(index, "seq", row.dashes[0], collect=True)
            return "item", path + (ITEM,) * len(row.dashes), present, False
        self.block = (-1, start)
        path, present = self._up(index, "map", start, collect=True)
        return "key", path, present, False

    def _in_flow(self, frame: _Frame) -> tuple:
        self.frame = frame
        path = self._frame_path(frame)
        if frame.kind == "[":
            return "value", path + (ITEM,), set(frame.keys), False
        if frame.state == "value" and frame.key is not None:
            return "value", path + (frame.key,), set(), False
        return "key", path, set(frame.keys), False

    def _frame_path(self, frame: _Frame) -> Path:
        steps: list[str | int] = []
        while frame.parent is not None:
            steps.append(frame.step if frame.step is not None else ITEM)
            frame = frame.parent
        row = frame.opened
        base = self._path_of(frame.row, row)
        if row.key is not None:
            base += (row.key,)
        return base + tuple(reversed(steps))

    def _path_of(self, index: int, row: _Row) -> Path:
        """The path of the collection the row's key (or its dash's item) is in."""
        if row.dashes:
            path, _present = self._up(index, "seq", row.dashes[0])
            return path + (ITEM,) * len(row.dashes)
        return self._up(index, "map", row.key_col if row.key is not None else row.content)[0]

    def _up(self, index: int, mode: str, column: int, collect: bool = False) -> tuple[Path, set[str]]:
        """The path of the block mapping (`map`) whose keys, or the block sequence (`seq`) whose dashes,
        stand at `column` on line `index`, from the rows above; with `collect`, what that collection
        holds above the line."""
        path: list[str | int] = []
        present: set[str] = set()
        for row in reversed(self.rows[:index]):
            if row is None or row.content > column:
                continue
            if mode == "map" and row.key is not None and row.key_col == column:
                if collect:
                    present.add(row.key)
                if row.dashes:  # the item's first key: the mapping starts on this row
                    path[:0] = [ITEM] * len(row.dashes)
                    mode, column, collect = "seq", row.dashes[0], False
                continue
            if mode == "seq" and row.dashes and row.dashes[0] == column:
                if collect and _is_scalar_item(row):
                    present.add(_scalar(row.value))
                continue
            # A sequence may stand at its key's own indentation; any other row at the column is a sibling's.
            if row.content == column and not (mode == "seq" and row.key is not None and not row.dashes):
                continue
            collect = False
            if row.key is not None:
                path.insert(0, row.key)
            elif not row.dashes or row.value:
                raise _NoShape
            if row.dashes:
                path[:0] = [ITEM] * len(row.dashes)
                mode, column = "seq", row.dashes[0]
            else:
                mode, column = "map", row.key_col
        return tuple(path), present

    def beside(self, index: int) -> set[str]:
        """What the cursor's collection holds below the cursor: the lines read on to its end."""
        frame = self.frame
        if frame is not None:
            for later in range(index + 1, len(self.lines)):
                if not any(open_ is frame for open_ in self.stack):
                    break
                self.feed(later)
            return set(frame.keys)
        if self.block is None:
            return set()
        dash, key = self.block
        below: set[str] = set()
        own = True  # still in the cursor's own item, below its dash
        for later in range(index + 1, len(self.lines)):
            self.feed(later)
            row = self.rows[later]
            if row is None:
                continue
            if dash < 0:  # a mapping's keys
                if row.content < key:
                    break
                if row.content == key and row.key is not None and not row.dashes:
                    below.add(row.key)
                continue
            if row.content > dash:
                if own and row.key is not None and not row.dashes and row.key_col == key:
                    below.add(row.key)
                continue
            if row.content < dash or not row.dashes or row.dashes[0] != dash:
                break  # a shallower row, or a key beside the dashes of a sequence at its key's indentation
            own = False
            if _is_scalar_item(row):
                below.add(_scalar(row.value))
        return below

    def _flow(self, index: int, text: str, start: int, stop: int | None = None) -> None:
        """Reads flow content of `text` from `start` (to `stop`), opening and closing collections."""
        i, end = start, len(text) if stop is None else stop
        while i < end and self.stack:
            char = text[i]
            top = self.stack[-1]
            if char in " \t":
                i += 1
            elif char == "#" and (i == 0 or text[i - 1] in " \t"):
                return
            elif char in "{[":
                self.stack.append(_Frame(char, index, None, top, ITEM if top.kind == "[" else top.key))
                i += 1
            elif char in "}]":
                self.stack.pop()
                i += 1
            elif char == ",":
                top.key, top.state = None, "key"
                i += 1
            elif char == ":" and (i + 1 == len(text) or text[i + 1] in " \t,]}"):
                top.state = "value"
                i += 1
            else:
                i = self._token(text, i, end, top)

    @staticmethod
    def _token(text: str, i: int, end: int, top: _Frame) -> int:
        """Reads the scalar at `i`: a key where a flow mapping waits for one, an item of a flow sequence."""
        if text[i] in "'\"":
            close = text.find(text[i], i + 1)
            close = len(text) if close < 0 else close
            token, after = text[i + 1:close], close + 1
        else:
            j = i
            while j < end and not (
                text[j] in ",[]{}"
                or (text[j] == ":" and (j + 1 == len(text) or text[j + 1] in " \t,]}"))
                or (text[j] == "#" and text[j - 1] in " \t")
            ):
                j += 1
            token, after = text[i:j].strip(), j
        if top.kind == "[":
            top.keys.append(token)
        elif top.state == "key":
            top.key = token
            top.keys.append(token)
        return max(after, i + 1)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _is_scalar_item(row: _Row) -> bool:
    return row.key is None and len(row.dashes) == 1 and bool(row.value) and row.value[0] not in "{["


def _scalar(value: str) -> str:
    """A scalar item's text: unquoted, without its comment."""
    comment = re.search(r"[ \t]#", value)
    value = (value[:comment.start()] if comment else value).strip()
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"" else value


def _row(text: str) -> _Row | None:
    """A line read as YAML's block layout reads it; None for a blank line, a comment or a document marker."""
    stripped = text.strip()
    if not stripped or stripped[0] in "#%" or stripped in ("---", "..."):
        return None
    content = column = len(text) - len(text.lstrip(" "))
    dashes = []
    while text.startswith("-", column) and text[column + 1:column + 2] in ("", " "):
        dashes.append(column)
        column += 1
        while text.startswith(" ", column):
            column += 1
    key = _KEY.match(text, column)
    if key is None:
        return _Row(content, tuple(dashes), None, column, text[column:].rstrip(), column)
    name = next(group for group in key.groups() if group is not None).rstrip(" \t")
    value_col = key.end()
    while value_col < len(text) and text[value_col] in " \t":
        value_col += 1
    value = "" if text.startswith("#", value_col) else text[value_col:].rstrip()
    return _Row(content, tuple(dashes), name, column, value, value_col)
