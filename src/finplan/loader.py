"""Reads a plan file into plain Python values and a map of where each one stands.

Only this module touches YAML. It reads with YAML 1.2 core semantics rather
than PyYAML's YAML 1.1, because 1.1 silently changes what a plan's author wrote:
`1:1` would be 61, `no` would be False, `0123` would be 83. Here:

- a quoted or block scalar is always text;
- a plain scalar is null (`~`, `null`, empty), a boolean (`true`, `false` in
  their three spellings), an integer (`2658128`), an exact `Decimal`
  (`1234.50`, never a float), or else text; `1:1`, `no`, `0123`, `0x1F`,
  `2_658_128` and `.inf` stay the text they look like;
- a repeated key, an explicit tag other than `!!str`/`!!map`/`!!seq`, a key that
  is not text or a whole number, and an alias to nothing are refused;
- file size, line count, nesting depth, scalar length and the nodes reached
  through aliases are bounded (see `Limits`), so no file can hang the process.

The parser is driven event by event instead of through PyYAML's composer and
constructor: the composer recurses once per nesting level, and the constructor
walks every alias in full, so neither can be bounded from outside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from finplan.errors import InputError
from finplan.files import read_limited
from finplan.findings import Path as PlanPath
from finplan.findings import Position, describe, shorten
from finplan.i18n import Message
from finplan.syntax import explain

_EventParser = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what a plan file may hold; crossing one refuses the file."""

    max_bytes: int = 64 * 1024 * 1024
    max_lines: int = 2_000_000
    max_depth: int = 64
    max_alias_nodes: int = 10_000
    max_scalar_chars: int = 65_536


DEFAULT_LIMITS = Limits()

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# Decimal integers only, and no leading zero: `0123` is octal in YAML 1.1 and
# decimal in 1.2, so neither reading can be trusted to be what the author meant.
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_DECIMAL = re.compile(r"[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_NUMBER_STARTS = frozenset("0123456789+-.")
_TEXT_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str"})
_MAP_TAGS = frozenset({None, "!", "tag:yaml.org,2002:map"})
_SEQ_TAGS = frozenset({None, "!", "tag:yaml.org,2002:seq"})


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted) scalar under YAML 1.2 core, conservatively."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if text[0] not in _NUMBER_STARTS:  # most plain scalars are names: no pattern to try
        return text
    if _INT.match(text):
        # Python refuses to read an int of more than 4 300 digits; such a number
        # is kept exact as a Decimal, and refused later where a number is read.
        return int(text) if len(text) <= 1000 else Decimal(text)
    if _DECIMAL.match(text):
        try:
            return Decimal(text)
        except InvalidOperation:  # an exponent past what Decimal holds: kept as the text it is
            return text
    return text


class MapPositions:
    """Where a mapping, each of its keys and each of its values stand."""

    __slots__ = ("at", "keys", "values")

    def __init__(self, at: tuple[int, int]) -> None:
        self.at = at
        self.keys: dict[Any, tuple[int, int]] = {}
        self.values: dict[Any, Node] = {}


class SeqPositions:
    """Where a sequence and each of its items stand."""

    __slots__ = ("at", "items")

    def __init__(self, at: tuple[int, int]) -> None:
        self.at = at
        self.items: list[Node] = []


# A scalar's place is a plain (line, column) tuple: a million of them are built
# for a large plan, and a tuple is the cheapest object that holds two numbers.
Node = tuple[int, int] | MapPositions | SeqPositions


def _at(node: Node) -> tuple[int, int]:
    return node if type(node) is tuple else node.at


class SourceMap:
    """Turns a path in the plan (`financing[3].amount`) into a file position."""

    def __init__(self, root: Node) -> None:
        self.root = root

    def locate(self, path: PlanPath, *, key: bool = False) -> Position:
        """The position of the value at `path`, or of its last key when `key`.

        A path that leaves the file (a missing key, a computed value) gets the
        position of the deepest part of it that is in the file.
        """
        node = self.root
        last = len(path) - 1
        for i, part in enumerate(path):
            if isinstance(node, MapPositions) and part in node.values:
                if key and i == last:
                    return Position(*node.keys[part])
                node = node.values[part]
            elif isinstance(node, SeqPositions) and isinstance(part, int) and 0 <= part < len(node.items):
                node = node.items[part]
            else:
                break
        return Position(*_at(node))


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded plan file: its data and where each value stands."""

    data: Any
    source: SourceMap


def load_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read and parse a plan file; InputError says why it cannot be read."""
    return parse_text(read_text(path, limits), limits)


def read_text(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """The file's text, decoded as UTF-8 (a BOM is dropped), within the limits."""
    return decode(read_bytes(path, limits), limits)


def read_bytes(path: str | Path, limits: Limits = DEFAULT_LIMITS, *, regular_only: bool = False) -> bytes:
    """The file's bytes, read no further than one byte past the size limit (finplan.files.read_limited)."""
    return read_limited(path, limits.max_bytes, regular_only=regular_only)


def decode(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """Bytes to text: UTF-8, with or without a BOM; anything else is refused."""
    if len(data) > limits.max_bytes:
        raise InputError(Message("is larger than the limit of {limit} bytes", limit=limits.max_bytes))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(Message("is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        byte = data[error.start]
        latin = bytes([byte]).decode("cp1252", "replace")
        # Windows-1252 (and Latin-1) write å ä ö as one byte each: the commonest way a plan is not UTF-8.
        if latin.isalpha():
            message = Message(
                "is not valid UTF-8: byte 0x{byte} cannot start or continue a character (in Windows-1252 it would "
                "be `{character}`); plans are read as UTF-8: save the file as UTF-8 (in Excel or Notepad: Save as, "
                "encoding UTF-8)",
                byte=f"{byte:02X}", character=latin,
            )
        else:
            message = Message(
                "is not valid UTF-8: byte 0x{byte} cannot start or continue a character; plans are read as UTF-8: "
                "save the file as UTF-8 (in Excel or Notepad: Save as, encoding UTF-8)",
                byte=f"{byte:02X}",
            )
        raise InputError(message, Position(line, column)) from None
    lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    if lines > limits.max_lines:
        raise InputError(
            Message("has {count} lines, more than the limit of {limit}", count=lines, limit=limits.max_lines),
            Position(limits.max_lines + 1, 1),
        )
    return text


def parse_text(text: str, limits: Limits = DEFAULT_LIMITS, *, parser_class: Any = None) -> Document:
    """Parse one YAML document into plain values and their positions.

    libyaml's parser where PyYAML has it; `parser_class` chooses another (the
    tests compare the pure-Python one against it).
    """
    parser = None
    try:
        # The pure-Python parser checks the characters as it is made: inside the try.
        parser = (parser_class or _EventParser)(text)
        return _Builder(limits).build(parser)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or ""
        where = Position(mark.line + 1, mark.column + 1) if mark else None
        if "maximum nesting depth" in problem:
            # libyaml's scanner reads ahead and meets its own bound before ours.
            raise InputError(_too_deep(limits), where) from None
        syntax = explain(
            error.problem or "", error.context or "", _mark_of(error.problem_mark), _mark_of(error.context_mark), text
        )
        raise InputError(syntax.message, syntax.position, syntax.fix) from None
    except yaml.reader.ReaderError as error:
        index = error.position
        if hasattr(yaml, "CBaseLoader") and isinstance(parser, yaml.CBaseLoader):
            # libyaml counts this position in bytes of UTF-8, where everything else counts characters.
            index = len(text.encode("utf-8", "surrogatepass")[:index].decode("utf-8", "ignore"))
        raise InputError(
            Message("is not valid YAML: character #x{code} is not allowed in a YAML file", code=f"{error.character:04X}"),
            _position_of_index(text, index),
        ) from None
    except yaml.YAMLError as error:  # the parser's own words, which no entry of finplan.syntax matched
        raise InputError(Message("is not valid YAML: {problem}", problem=shorten(str(error), 200))) from None
    finally:
        if parser is not None:
            parser.dispose()


def _too_deep(limits: Limits) -> Message:
    return Message("nests deeper than the limit of {limit} levels", limit=limits.max_depth)


def _too_long(length: int, limits: Limits) -> Message:
    return Message(
        "has a value of {length} characters, more than the limit of {limit}", length=length, limit=limits.max_scalar_chars
    )


def _tag_refused(tag: str) -> Message:
    return Message("uses the tag {tag}; tags are not allowed in a plan", tag=repr(shorten(tag)))


def _mark_of(mark: Any) -> tuple[int, int] | None:
    return (mark.line + 1, mark.column + 1) if mark is not None else None


_LINE_BREAK = re.compile(r"\r\n?|\n")


def _position_of_index(text: str, index: int) -> Position:
    """The line and column of `text[index]`, lines ended as YAML (and an editor) end them: \\r\\n, \\r or \\n."""
    line, line_start = 1, 0
    for found in _LINE_BREAK.finditer(text, 0, index):
        line, line_start = line + 1, found.end()
    return Position(line, index - line_start + 1)


def _mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


def _refuse(message: Message, at: tuple[int, int]) -> InputError:
    return InputError(message, Position(*at))


class _Frame:
    """A mapping or sequence being built, with what is needed to finish it.

    `keys` and `places` (a mapping's) or `items` (a sequence's) are its
    positions' own containers, held here so the hot loop reaches them in one step.
    """

    __slots__ = ("value", "positions", "anchor", "size", "height", "key", "key_at", "is_map", "keys", "places", "items")

    def __init__(self, value: Any, positions: Any, anchor: str | None) -> None:
        self.value = value
        self.positions = positions
        self.anchor = anchor
        self.size = 1
        self.height = 1
        self.key: Any = _NO_KEY
        self.key_at: tuple[int, int] | None = None
        self.is_map = type(value) is dict
        if self.is_map:
            self.keys, self.places = positions.keys, positions.values
        else:
            self.items = positions.items


_NO_KEY = object()


class _Builder:
    """Builds values from parser events, enforcing the loader's rules and limits.

    The loop is the hot path of a large plan (a million events): plain scalars,
    by far the most common event, are handled inline, without a method call,
    and so are the names among them (a plain scalar that cannot be a number,
    a null or a boolean is its text) and the keys that are names.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.stack: list[_Frame] = []
        # anchor -> (value, positions, size, height); None while still being built
        self.anchors: dict[str, tuple[Any, Node, int, int] | None] = {}
        self.alias_nodes = 0
        self.root: tuple[Any, Node] | None = None

    def build(self, parser: Any) -> Document:
        documents = 0
        stack = self.stack
        max_chars = self.limits.max_scalar_chars
        get_event = parser.get_event
        scalar_event, no_key, number_starts, nulls, bools = ScalarEvent, _NO_KEY, _NUMBER_STARTS, _NULLS, _BOOLS
        frame = None  # stack[-1], kept at hand; set again after every event that may change the stack
        while (event := get_event()) is not None:  # both parsers give None after the stream's end
            kind = type(event)
            if kind is scalar_event and frame is not None and event.anchor is None and event.tag is None:
                mark = event.start_mark
                at = (mark.line + 1, mark.column + 1)
                text = event.value
                if len(text) > max_chars:
                    raise _refuse(_too_long(len(text), self.limits), at)
                if not event.implicit[0]:
                    value = text
                elif text and text[0] not in number_starts and text not in nulls and text not in bools:
                    value = text  # what resolve_plain would say, without the call
                else:
                    value = resolve_plain(text)
                frame.size += 1
                if not frame.is_map:
                    frame.value.append(value)
                    frame.items.append(at)
                    continue
                key = frame.key
                if key is not no_key:
                    frame.value[key] = value
                    frame.keys[key] = frame.key_at
                    frame.places[key] = at
                    frame.key = no_key
                elif type(value) is str and value not in frame.value:  # a new name: what _key would accept
                    frame.key = value
                    frame.key_at = at
                else:
                    self._key(frame, value, at)
                continue
            if kind is scalar_event:
                self._scalar(event)
            elif kind is MappingStartEvent:
                self._open(event, {}, MapPositions(_mark(event)), _MAP_TAGS)
            elif kind is SequenceStartEvent:
                self._open(event, [], SeqPositions(_mark(event)), _SEQ_TAGS)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                self._close()
            elif kind is AliasEvent:
                self._alias(event)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _refuse(Message("holds more than one YAML document; a plan file holds exactly one"), _mark(event))
            frame = stack[-1] if stack else None
        if self.root is None or self.root[0] is None:
            raise InputError(Message("is empty: it holds no plan"))
        return Document(self.root[0], SourceMap(self.root[1]))

    def _scalar(self, event: ScalarEvent) -> None:
        """A scalar with an anchor or a tag, or the whole document."""
        at = _mark(event)
        if event.tag not in _TEXT_TAGS:
            raise _refuse(_tag_refused(event.tag), at)
        text = event.value
        if len(text) > self.limits.max_scalar_chars:
            raise _refuse(_too_long(len(text), self.limits), at)
        value = resolve_plain(text) if event.implicit[0] and event.tag is None else text
        self._anchor(event.anchor, (value, at, 1, 0))
        self._add(value, at, 1, 0)

    def _open(self, event: Any, value: Any, positions: Any, tags: frozenset) -> None:
        if event.tag not in tags:
            raise _refuse(_tag_refused(event.tag), positions.at)
        if len(self.stack) >= self.limits.max_depth:
            raise _refuse(_too_deep(self.limits), positions.at)
        if event.anchor is not None:
            self.anchors[event.anchor] = None
        self.stack.append(_Frame(value, positions, event.anchor))

    def _close(self) -> None:
        frame = self.stack.pop()
        self._anchor(frame.anchor, (frame.value, frame.positions, frame.size, frame.height))
        self._add(frame.value, frame.positions, frame.size, frame.height)

    def _alias(self, event: AliasEvent) -> None:
        at = _mark(event)
        name = shorten(event.anchor)
        if event.anchor not in self.anchors:
            raise _refuse(Message("has the alias *{name} with no anchor &{name} before it", name=name), at)
        target = self.anchors[event.anchor]
        if target is None:
            raise _refuse(Message("has the alias *{name} inside the value it refers to", name=name), at)
        value, positions, size, height = target
        self.alias_nodes += size
        if self.alias_nodes > self.limits.max_alias_nodes:
            raise _refuse(
                Message("reaches more than {limit} values through aliases (the limit)", limit=self.limits.max_alias_nodes), at
            )
        if len(self.stack) + height > self.limits.max_depth:
            raise _refuse(
                Message(
                    "nests deeper than the limit of {limit} levels through the alias *{name}",
                    limit=self.limits.max_depth, name=name,
                ),
                at,
            )
        self._add(value, positions, size, height)

    def _anchor(self, name: str | None, entry: tuple[Any, Node, int, int]) -> None:
        if name is not None:
            self.anchors[name] = entry

    def _add(self, value: Any, positions: Node, size: int, height: int) -> None:
        if not self.stack:
            self.root = (value, positions)
            return
        frame = self.stack[-1]
        frame.size += size
        if height >= frame.height:
            frame.height = height + 1
        if not frame.is_map:
            frame.value.append(value)
            frame.positions.items.append(positions)
        elif frame.key is _NO_KEY:
            self._key(frame, value, _at(positions))
        else:
            frame.value[frame.key] = value
            frame.positions.keys[frame.key] = frame.key_at
            frame.positions.values[frame.key] = positions
            frame.key = _NO_KEY

    def _key(self, frame: _Frame, key: Any, at: tuple[int, int]) -> None:
        if isinstance(key, bool) or not isinstance(key, str | int):
            raise _refuse(Message("has a key that is {what}; a key must be a name or a year", what=describe(key)), at)
        if key in frame.value:
            first = frame.positions.keys[key]
            raise _refuse(
                Message(
                    "repeats the key `{key}` (first at line {line}); a repeated key would silently drop one of the values",
                    key=shorten(key), line=first[0],
                ),
                at,
            )
        frame.key = key
        frame.key_at = at


def inside_scalars(text: str, offsets: list[int]) -> set[int]:
    """Which character offsets of `text` fall inside a scalar, such as a `#` in quoted text.

    Only the scanner knows where a quoted value ends, so the text is scanned
    again; callers ask only when the text holds a candidate at all. The
    scanner gives the scalars in the order of the text, so the offsets, sorted,
    are walked alongside them once.
    """
    pending = sorted(offsets)
    inside: set[int] = set()
    at = 0
    scanner = _EventParser(text)
    try:
        while at < len(pending) and scanner.check_token():
            token = scanner.get_token()
            if isinstance(token, yaml.ScalarToken):
                start, end = token.start_mark.index, token.end_mark.index
                while at < len(pending) and pending[at] < end:
                    if pending[at] >= start:
                        inside.add(pending[at])
                    at += 1
    except yaml.YAMLError:
        pass  # a plan that does not scan is refused by the parser anyway
    finally:
        scanner.dispose()
    return inside


def scalar_end(text: str, line: int, column: int) -> Position | None:
    """Where the scalar that starts at `line`, `column` (both from 1) ends, when it ends on that line; else None.

    The scanner alone knows where a plain value inside a `{...}` written over
    several lines ends, so the text is scanned up to that line, no further.
    """
    scanner = _EventParser(text)
    try:
        while scanner.check_token():
            token = scanner.get_token()
            start = token.start_mark
            if (start.line + 1, start.column + 1) > (line, column):
                return None
            if isinstance(token, yaml.ScalarToken) and (start.line + 1, start.column + 1) == (line, column):
                end = token.end_mark
                return Position(end.line + 1, end.column + 1) if end.line + 1 == line else None
    except yaml.YAMLError:
        return None  # a text that does not scan up to there: the caller finds the end on the line itself
    finally:
        scanner.dispose()
    return None


def flow_close(text: str, line: int, column: int) -> Position | None:
    """Where the `{...}` or `[...]` that opens at `line`, `column` (both from 1) closes: its closing bracket's
    position; None where no collection opens there, or the text does not scan up to its close.

    The scanner alone knows which bracket closes it (one in a quoted value does
    not), so the text is scanned from the opening up to the close, no further.
    """
    opening = (yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
    closing = (yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
    scanner = _EventParser(text)
    depth = 0
    try:
        while scanner.check_token():
            token = scanner.get_token()
            at = (token.start_mark.line + 1, token.start_mark.column + 1)
            if depth == 0:
                if at < (line, column):
                    continue
                if at > (line, column) or not isinstance(token, opening):
                    return None
            if isinstance(token, opening):
                depth += 1
            elif isinstance(token, closing):
                depth -= 1
                if depth == 0:
                    return Position(*at)
    except yaml.YAMLError:
        return None
    finally:
        scanner.dispose()
    return None
