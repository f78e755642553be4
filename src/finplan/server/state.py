"""One open plan as the server knows it: the editor's text, its check, and positions in the editor's units."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types

from finplan.batch import guarded
from finplan.check import check_bytes
from finplan.config import ConfigFinder
from finplan.discover import not_a_plan_text
from finplan.errors import InputError
from finplan.findings import CheckResult
from finplan.loader import DEFAULT_LIMITS, Document, decode, parse_text


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def path_of(uri: str) -> Path | None:
    """The file a `file:` URI names; None for an editor's unsaved buffer (`untitled:`) and other schemes."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if len(path) > 2 and path[0] == "/" and path[2] == ":":  # file:///C:/plans/x.yaml on Windows
        path = path[1:]
    return Path(path)


@dataclass
class OpenPlan:
    """A plan open in the editor, as last checked.

    `result` is None for a document that is no plan (no top-level `finplan:`
    key, or a frames file): the server says nothing about it, as a folder check
    passes such files over. Positions here count characters from 0, as Python
    strings do; `Positions` turns them into the editor's units.
    """

    uri: str
    text: str
    result: CheckResult | None
    _document: Document | None = field(default=None, repr=False)
    _parsed: bool = field(default=False, repr=False)
    _lines: list[str] | None = field(default=None, repr=False)

    @property
    def lines(self) -> list[str]:
        """The text's lines, split where the protocol and YAML both end a line: at \\r\\n, \\r and \\n."""
        if self._lines is None:
            self._lines = _LINE_BREAK.split(self.text)
        return self._lines

    def server_position(self, position: types.Position, units) -> types.Position:
        """A place the editor names in its units (`units`: a pygls PositionCodec), in characters on these lines."""
        at = units.position_from_client_units(self.lines, position)
        return types.Position(at.line, at.character)

    def client_range(self, span: types.Range, units) -> types.Range:
        """A range counted in characters, in the editor's units."""
        start, end = span.start, span.end
        return types.Range(
            self.client_position(start.line, start.character, units), self.client_position(end.line, end.character, units)
        )

    def client_position(self, line: int, character: int, units) -> types.Position:
        """A place counted in characters, in the editor's units (`units`: a pygls PositionCodec)."""
        if 0 <= line < len(self.lines):
            before = self.lines[line][:character]
            # ASCII is one unit a character in every encoding: pygls counts (a character at a time) only the rest.
            return types.Position(line, len(before) if before.isascii() else units.client_num_units(before))
        return types.Position(line, character)

    @property
    def document(self) -> Document | None:
        """The YAML as loaded, with a position for every value; None where the text cannot be loaded.

        Loaded on first use (a hover, a completion), not on every change: the
        check loads the text too, but keeps nothing of it.
        """
        if not self._parsed:
            self._parsed = True
            try:
                self._document = parse_text(decode(self.text.encode("utf-8", "surrogatepass"), DEFAULT_LIMITS), DEFAULT_LIMITS)
            except InputError:
                self._document = None
        return self._document


def check_open(uri: str, text: str, finder: ConfigFinder) -> OpenPlan:
    """The editor's text of `uri` checked as `finplan check` checks the file, under the same configuration."""
    data = text.encode("utf-8", "surrogatepass")
    if not_a_plan_text(data) is not None:
        return OpenPlan(uri, text, None)
    path = path_of(uri)
    name = str(path) if path is not None else uri
    where = path if path is not None else Path.cwd() / "untitled.yaml"
    return OpenPlan(uri, text, guarded(name, lambda: check_bytes(data, name, finder.for_plan(where))))
