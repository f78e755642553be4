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
        match = _COMMENT.search(line.rstrip("\r"))
        if match is not None:
            codes = _CODES.match(match.group("rest").strip())
            # Codes in any case, as on the command line: `ignore[fp502]` is FP502.
            named = tuple(c.strip().upper() for c in codes.group("codes").split(",") if c.strip()) if codes else ()
            candidates[offset + match.start()] = Ignore(Position(number, match.start() + 1), named)
        offset += len(line) + 1
    quoted = inside_scalars(text, list(candidates))
    return {ignore.position.line: ignore for at, ignore in candidates.items() if at not in quoted}


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
