"""Inline ignores: `# finplan: ignore[FP203]` on a plan's line silences that finding there.

An ignore must name its codes, so that it cannot hide a finding nobody has
read; one that silences nothing is itself reported, so that it does not
outlive the finding it was written for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from finplan.codes.input import IGNORE_WITHOUT_CODE, UNUSED_IGNORE
from finplan.findings import Finding, Position, file_order
from finplan.i18n import Message, join
from finplan.loader import inside_scalars


# A YAML comment starts at `#` after whitespace or at the start of a line.
_COMMENT = re.compile(r"(?:^|(?<=\s))#\s*finplan:\s*ignore\b(?P<rest>.*)$")
_ANYWHERE = re.compile(r"#\s*finplan:\s*ignore\b")
_CODES = re.compile(r"\[(?P<codes>[^\]]*)\]")
_CODE = re.compile(r"FP[0-9]{3}\Z")


@dataclass(frozen=True, slots=True)
class Ignore:
    """One ignore comment: where it stands and the codes it names (empty: none named)."""

    position: Position
    codes: tuple[str, ...]


def ignore_comments(text: str) -> dict[int, Ignore]:
    """Every ignore comment in a plan's text, by line; text inside a quoted value is not one."""
    if _ANYWHERE.search(text) is None:  # the common case: one scan of the text, no line split
        return {}
    candidates = {}
    offset = 0
    # Lines split at \n only, as the loader counts them (splitlines would also split at \f or \u2028).
    for number, line in enumerate(text.split("\n"), 1):
        found = comment_codes(line.rstrip("\r"))
        if found is not None:
            start, codes = found
            candidates[offset + start] = Ignore(Position(number, start + 1), tuple(code for code, _at in codes))
        offset += len(line) + 1
    quoted = inside_scalars(text, list(candidates))
    return {ignore.position.line: ignore for at, ignore in candidates.items() if at not in quoted}


def comment_codes(line: str) -> tuple[int, list[tuple[str, int]]] | None:
    """The ignore comment on one line of a plan: the column of its `#`, and each code it names with the column
    where the code is written (columns count from 0); None where the line has no ignore comment."""
    match = _COMMENT.search(line)
    if match is None:
        return None
    rest = match.group("rest")
    start = match.start("rest") + len(rest) - len(rest.lstrip())
    listed = _CODES.match(rest.strip())
    codes = []
    if listed is not None:
        at = start + listed.start("codes")
        for part in listed.group("codes").split(","):
            if part.strip():
                # Codes in any case, as on the command line: `ignore[fp502]` is FP502.
                codes.append((part.strip().upper(), at + len(part) - len(part.lstrip())))
            at += len(part) + 1
    return match.start(), codes


def apply_ignores(
    findings: list[Finding],
    ignores: dict[int, Ignore],
    enabled: Callable[[str], bool],
    unknown: Callable[[str], Message | None] = lambda code: None,
) -> list[Finding]:
    """The findings no comment silences, and a finding for each comment that is wrong or unused.

    `unknown(code)` says why a code names nothing finplan reports, or None.
    """
    if not ignores:
        return findings
    used: set[tuple[int, str]] = set()
    kept = []
    for finding in findings:
        line = finding.position.line if finding.position else None
        ignore = ignores.get(line) if line is not None else None
        if ignore is not None and finding.code in ignore.codes:
            used.add((line, finding.code))
        else:
            kept.append(finding)
    for line, ignore in ignores.items():
        bad = [unknown(code) or "" for code in ignore.codes if not _CODE.match(code) or unknown(code)]
        if not ignore.codes or bad:
            if bad:
                message = Message(
                    "this ignore comment names what is no code: {problems}; expected `# finplan: ignore[FP203]` with "
                    "the codes it silences",
                    problems=join(bad[:3], "; "),
                )
            else:
                message = Message(
                    "this ignore comment names no code; expected `# finplan: ignore[FP203]` with the codes it silences"
                )
            kept.append(Finding(IGNORE_WITHOUT_CODE.code, IGNORE_WITHOUT_CODE.severity, message, (), ignore.position))
            continue
        for code in ignore.codes:
            if (line, code) not in used and enabled(UNUSED_IGNORE.code) and enabled(code):
                kept.append(
                    Finding(
                        UNUSED_IGNORE.code, UNUSED_IGNORE.severity,
                        Message(
                            "this ignore comment silences {code}, but there is no {code} finding on line {line}; "
                            "expected it removed",
                            code=code, line=line,
                        ),
                        (), ignore.position,
                    )
                )
    return sorted(kept, key=file_order)
