"""What a check produces: findings with a code, a severity, a path and a position."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, NamedTuple

from finplan.i18n import Message, _, expect_message, join
from finplan.paths import shown_name

PathPart = str | int
Path = tuple[PathPart, ...]


class Position(NamedTuple):
    """A place in a file: line and column, both counted from 1."""

    line: int
    column: int


class Severity(enum.IntEnum):
    """How much a finding matters; the exit code follows the worst one."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()


# Line breaks and tabs a plan's text may hold, written as escapes where a message quotes it: a quoted
# value never breaks the one line a finding is (grep, editors and CI annotations read it line by line).
_VISIBLE = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def shorten(value: object, limit: int = 40, *, one_line: bool = True) -> str:
    """Text from a plan, on one line and cut to `limit` characters: no message repeats an unbounded input.

    `one_line=False` keeps line breaks for a value a writer shows as written, escaping it its own way.
    """
    text = str(value).translate(_VISIBLE) if one_line else str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def describe(value: Any) -> str:
    """A short, bounded description of a value from the plan, for a message."""
    if value is None:
        return Message("nothing (an empty value)")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float | Decimal):
        return shorten(value)
    if isinstance(value, str):
        return f'"{shorten(value)}"'
    if isinstance(value, dict):
        return Message("a mapping")
    if isinstance(value, list):
        return Message("a list")
    return type(value).__name__


def some(items: list[str], shown: int = 5) -> str:
    """`a, b, c, d, e, and 7 more`: a list in a message, bounded; its items as written, or Messages."""
    listed = join(items[:shown])
    if len(items) <= shown:
        return listed
    return Message("{items}, and {more} more", items=listed, more=len(items) - shown)


def format_path(path: Path) -> str:
    """`("financing", 3, "amount")` -> `financing[3].amount`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


class Figure(NamedTuple):
    """A number a finding is about, exactly, with its unit: SEK, EUR, %, pp, hours, days."""

    value: Decimal
    unit: str

    def text(self) -> str:
        """The value as an exact decimal string, `19283328.50`: for programs, not people.

        Money with öre keeps at least two decimals, as it is written; nothing is rounded.
        """
        value = self.value
        if len(self.unit) == 3 and self.unit.isupper() and value != value.to_integral_value():
            cents = value.quantize(Decimal("0.01")) if value.as_tuple().exponent > -2 else value
            return f"{cents:f}"
        return f"{value:f}"


Data = Mapping[str, Figure]
"""A finding's numbers by role: found, expected, difference, base, share, limit, tolerance."""


class Fix(NamedTuple):
    """The edit a finding's message proposes, for an editor to offer; no writer shows it.

    `kind`: `quote` the text from `start` to `end`; `replace` it by one of
    `texts`; `add` the key `key` to the mapping at the finding, with one of
    `texts` as its value; `total`: set the total to the sum `texts[0]` (an
    exact decimal). `start` and `end` count from 1, as a Position does; where
    they are None, the value or key the finding stands at is meant.
    """

    kind: str
    texts: tuple[str, ...] = ()
    key: str | None = None
    start: Position | None = None
    end: Position | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing found in a plan.

    `code` is a rule's code (FP101...), or one of the input codes (FP001...) for
    a plan that could not be read or has the wrong shape. `data` carries the
    numbers its message names, so a program need not read them out of the text.
    `message` is a Message, shown in the reader's language; a plain `str` is refused.
    """

    code: str
    severity: Severity
    message: Message
    path: Path = ()
    position: Position | None = None
    data: Data = field(default_factory=dict)
    snippet: str | None = None  # the plan's line at `position`, shown under an input error
    fix: Fix | None = None

    def __post_init__(self) -> None:
        expect_message(self.message)


SNIPPET_CHARS = 200


def with_snippets(findings: list[Finding], text: str) -> list[Finding]:
    """The findings, each with the line of `text` it stands on (bounded), for showing under it.

    The text is split once, however many findings there are: a plan wrong on
    every line costs one pass, not one for each finding.
    """
    if not any(finding.position for finding in findings):
        return findings
    lines = text.split("\n")
    return [
        replace(finding, snippet=lines[finding.position.line - 1].rstrip("\r")[:SNIPPET_CHARS])
        if finding.position and 0 < finding.position.line <= len(lines) else finding
        for finding in findings
    ]


def fingerprint(file: str, finding: Finding) -> str:
    """A stable identity of a finding in a file, for baselines and CI systems.

    By file (from the repository root), code, place in the plan and message,
    not by line: moving a line keeps it, a changed amount (a new message) does not.
    """
    import hashlib  # only baselines and the machine-read formats need it

    key = "\0".join((file, finding.code, format_path(finding.path), finding.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def location(file: str, finding: Finding) -> str:
    """`file:line:col`, or `file` alone for a finding about the whole file."""
    if finding.position is None:
        return file
    return f"{file}:{finding.position.line}:{finding.position.column}"


def finding_parts(file: str, finding: Finding) -> tuple[str, str, str, str]:
    """`file:line:col: `, code, severity, message: a finding line, in the order every format prints it.

    The message is in the reader's language; the severity stays English, the word editors and CI match on.
    """
    return f"{location(file, finding)}: ", finding.code, str(finding.severity), _(finding.message)


def finding_line(file: str, finding: Finding) -> str:
    """`file:line:col: CODE severity message`: one line for grep, editors and CI logs."""
    return _(finding_message(file, finding))


def finding_message(file: str, finding: Finding) -> Message:
    """The finding's line as a Message, for a message that quotes it: shown in the reader's language where it is shown."""
    return join([f"{location(file, finding)}: {finding.code} {finding.severity}", finding.message], " ")


def file_order(finding: Finding) -> tuple[Position | tuple[int, int], str]:
    """The order findings are reported in: by position, then code; whole-file findings first."""
    return (finding.position or (0, 0), finding.code)


@dataclass(slots=True)
class CheckResult:
    """Everything known about one checked file.

    `readable` is False when the plan could not be read or built at all, so no
    rule ran: that is exit code 2, whatever the findings' severities. `file`
    is the file's name as every writer shows it (`finplan.paths.shown_name`):
    a name the OS gives with bytes that are not UTF-8 is escaped here, once,
    so no writer has to know of it.
    """

    file: str
    findings: list[Finding] = field(default_factory=list)
    plan: object | None = None
    readable: bool = True
    strict: bool = False
    settings: object | None = None

    def __post_init__(self) -> None:
        self.file = shown_name(self.file)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    @property
    def status(self) -> str:
        """`passed`, `failed` or `unreadable`."""
        if not self.readable:
            return "unreadable"
        return "failed" if self.failed else "passed"

    @property
    def failed(self) -> bool:
        """Whether this file fails the check: errors, or warnings too when strict."""
        worst = self.worst
        return worst is not None and worst >= (Severity.WARNING if self.strict else Severity.ERROR)
