"""Code actions: the edits finplan's findings propose, offered as quick fixes.

Each edit comes from the finding's `fix` (finplan.findings.Fix), which the
module that made the finding fills from what it knew when it worded the
message: the value to quote, the key or value it meant, the amount regrouped,
the required key, the sum. No message text is read back. Positions here count
characters from 0; `register` turns them into the editor's units.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from lsprotocol import types

from finplan.codes.input import VALUE_CUT
from finplan.findings import Finding, shorten
from finplan.i18n import Message, _
from finplan.loader import flow_close
from finplan.server.diagnostics import finding_range
from finplan.server.spans import token_end, value_end
from finplan.server.state import OpenPlan

log = logging.getLogger(__name__)

Place = tuple[int, int]
"""A line and a character in it, both from 0."""

_GROUP_SEPARATORS = ("\u00a0", "\u202f", " ", "_")
_TITLE_CHARS = 60  # of a value a title quotes: a menu entry is one short line


@dataclass(frozen=True, slots=True)
class Edit:
    """`text` written in place of what stands from `start` to `end` (an insertion where they are equal)."""

    start: Place
    end: Place
    text: str


@dataclass(frozen=True, slots=True)
class Action:
    """One quick fix: its title in the reader's language, its edits, and whether an editor may apply it first."""

    title: str
    edits: tuple[Edit, ...]
    finding: Finding
    preferred: bool = False


def actions(plan: OpenPlan, finding: Finding) -> list[Action]:
    """The quick fixes for one finding of `plan`; none where it proposes none, or where its place is not in the text."""
    fix = finding.fix
    if fix is None or plan.result is None:
        return []
    if fix.kind == "add":
        return _add_key(plan, finding)
    span = _span(plan, finding)
    if span is None:
        return []
    start, end = span
    written = plan.lines[start[0]][start[1]:end[1]]
    if fix.kind == "quote":
        if not written or written[0] in "'\"":
            return []
        quoted = _quoted(written)
        title = _(Message("Quote the value: {text}", text=shorten(quoted, _TITLE_CHARS)))
        # Preferred where the message proposes quoting outright; a `#` that cuts a value may be meant as a comment.
        return [Action(title, (Edit(start, end, quoted),), finding, preferred=finding.code != VALUE_CUT.code)]
    if fix.kind == "replace":
        return [
            Action(
                _(Message("Write `{new}` for `{old}`", new=shorten(text, _TITLE_CHARS), old=shorten(written, _TITLE_CHARS))),
                (Edit(start, end, text),), finding,
            )
            for text in fix.texts if text != written
        ]
    if fix.kind == "total" and fix.texts:
        total = written_like(Decimal(fix.texts[0]), written)
        title = _(Message("Set the total to the sum of the financing lines, {sum}", sum=total))
        # Offered only when asked for: never preferred, so no editor applies it by itself.
        return [Action(title, (Edit(start, end, total),), finding)]
    return []


def findings_at(plan: OpenPlan, code: object, path: object, start: Place, to_client=None) -> list[Finding]:
    """The findings of `plan` a diagnostic the editor sends back stands for: its code, path (`data`) and start.

    `start` counts characters, or the editor's units where `to_client` turns
    a place into them: the diagnostic is matched as it was sent, no position turned back.
    """
    if plan.result is None:
        return []
    found = []
    for finding in plan.result.findings:
        if finding.code != code or (isinstance(path, list) and list(finding.path) != path):
            continue
        begin = finding_range(plan.lines, finding).start
        place = (begin.line, begin.character)
        if (to_client(place) if to_client else place) == start:
            found.append(finding)
    return found


def findings_in(plan: OpenPlan, first: int, last: int) -> list[Finding]:
    """The findings of `plan` whose range meets the lines `first` to `last`, for an editor that sends none back."""
    if plan.result is None:
        return []
    return [
        finding for finding in plan.result.findings
        if (r := finding_range(plan.lines, finding)).start.line <= last and r.end.line >= first
    ]


def _span(plan: OpenPlan, finding: Finding) -> tuple[Place, Place] | None:
    """Where the fix's text stands: its own start and end, else the value or key the finding stands at.

    The value's end is found on its line; where `,` `]` or `}` stand in it, the
    scanner's, where the text scans up to it (a value inside a `{...}` written
    over several lines ends before its `}`).
    """
    fix = finding.fix
    first = fix.start or finding.position
    if first is None or not 0 < first.line <= len(plan.lines):
        return None
    line = plan.lines[first.line - 1].rstrip("\r")
    start = first.column - 1
    if not 0 <= start < len(line):
        return None
    if fix.end is not None:
        end = fix.end.column - 1 if fix.end.line == first.line else len(line)
    else:
        end = value_end(plan.lines, first.line - 1, start)
    return ((first.line - 1, start), (first.line - 1, min(end, len(line))))


def _quoted(text: str) -> str:
    """`text` in double quotes, as a YAML double-quoted scalar writes a backslash and a quote."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def written_like(amount: Decimal, written: str) -> str:
    """`amount` written as `written` is: quoted or not, its digits grouped by the same separator, the same
    decimal mark; `38 566 657` for a total written `38 566 658`, `38566657` for `38566658`."""
    quote = written[0] if written[:1] in ("'", '"') else ""
    body = written.strip("'\"")
    separator = next((s for s in _GROUP_SEPARATORS if s in body), "")
    whole = int(abs(amount))
    digits = f"{whole:,}".replace(",", separator) if separator else str(whole)
    if amount != whole:
        mark = "," if "," in body else "."
        digits += mark + f"{abs(amount) - whole:.2f}"[2:]
    return f"{quote}{'-' if amount < 0 else ''}{digits}{quote}"


def _add_key(plan: OpenPlan, finding: Finding) -> list[Action]:
    """The required key added to the mapping the finding stands at, once for each value it may take."""
    at = finding.position
    if at is None or not 0 < at.line <= len(plan.lines):
        return []
    fix = finding.fix
    line = plan.lines[at.line - 1].rstrip("\r")
    column = at.column - 1
    entries = [f"{fix.key}: {value}".rstrip() for value in fix.texts]
    if line[column:column + 1] == "{":
        insert = _flow_insertion(line, at.line - 1, column) or _flow_insertion_below(plan.lines, at.line - 1, column)
        if insert is None:
            return []
        place, separator = insert
        edits = [Edit(place, place, f"{separator}{entry}{' ' if entry.endswith(':') else ''}") for entry in entries]
    else:
        last = _block_end(plan.lines, at.line - 1, column)
        end_of_line = len(plan.lines[last].rstrip("\r"))
        newline = "\r\n" if "\r\n" in plan.text else "\n"  # the plan's own line break, not a second kind
        place = (last, end_of_line)
        edits = [Edit(place, place, f"{newline}{' ' * column}{entry}") for entry in entries]
    return [
        Action(_(Message("Add the required key: `{line}`", line=entry)), (edit,), finding)
        for entry, edit in zip(entries, edits)
    ]


def _flow_insertion(line: str, number: int, column: int) -> tuple[Place, str] | None:
    """Where a key goes in the `{...}` that opens at `column`: before its `}`, after a comma where it holds keys."""
    end = token_end(line, column)  # just past its `}`, or the line's end where it goes on
    if line[end - 1:end] != "}":
        return None  # closed on a later line, or never: no place on this one
    inside = line[column + 1:end - 1]
    return (number, end - 1), (", " if inside.strip() else "")


def _flow_insertion_below(lines: list[str], number: int, column: int) -> tuple[Place, str] | None:
    """Where a key goes in a `{...}` that opens at `column` of line `number` and closes on a later line:
    before its `}`, after a comma where it holds keys (none more where it ends with one)."""
    close = flow_close("\n".join(lines[number:]), 1, column + 1)
    if close is None:
        return None
    last, end = number + close.line - 1, close.column - 1
    inside = "\n".join([lines[number][column + 1:], *lines[number + 1:last], lines[last][:end]]).strip()
    return (last, end), ("" if not inside else " " if inside.endswith(",") else ", ")


def _block_end(lines: list[str], first: int, column: int) -> int:
    """The last line of the block mapping whose first key stands at `column` of line `first`.

    Its lines are those indented at least as far as its keys (values and
    nested blocks further), up to the first line with text indented less;
    blank lines and comments in between do not end it, nor are they its end.
    """
    last = first
    for number in range(first + 1, len(lines)):
        text = lines[number].rstrip("\r")
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if len(text) - len(stripped) < column:
            break
        last = number
    return last


def register(server) -> None:
    """Offer the quick fixes on the diagnostics the editor sends back, in the editor's units."""

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        only = params.context.only
        if only and not any(types.CodeActionKind.QuickFix.value.startswith(kind) for kind in only):
            return None
        try:
            return _answer(ls, params)
        except Exception:  # a fix that fails is not offered; the server goes on
            log.exception("code actions for %s", params.text_document.uri)
            return None


def _answer(ls, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    units = ls.workspace.get_text_document(uri).position_codec
    plan = ls.plan(uri)

    def client(place: Place) -> types.Position:
        return plan.client_position(place[0], place[1], units)

    def in_units(place: Place) -> Place:
        position = client(place)
        return (position.line, position.character)

    chosen: list[tuple[Finding, types.Diagnostic | None]] = []
    for diagnostic in params.context.diagnostics:
        path = diagnostic.data.get("path") if isinstance(diagnostic.data, dict) else None
        start = (diagnostic.range.start.line, diagnostic.range.start.character)
        chosen += [(finding, diagnostic) for finding in findings_at(plan, diagnostic.code, path, start, in_units)]
    if not params.context.diagnostics:
        chosen = [(f, None) for f in findings_in(plan, params.range.start.line, params.range.end.line)]
    answer = []
    for finding, diagnostic in chosen:
        for action in actions(plan, finding):
            edits = [types.TextEdit(types.Range(client(edit.start), client(edit.end)), edit.text) for edit in action.edits]
            answer.append(types.CodeAction(
                title=action.title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic] if diagnostic is not None else None,
                is_preferred=action.preferred or None,
                edit=types.WorkspaceEdit(changes={uri: edits}),
            ))
    return answer

