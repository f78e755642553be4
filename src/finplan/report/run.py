"""The run being reported, as every format reads it, and how a finding is written on one line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from finplan import __version__
from finplan.codes import Code
from finplan.findings import CheckResult, Finding, Severity, fingerprint


@dataclass
class ReportRun:
    """All files checked in one run, how to name them for a CI system, and what to show.

    `codes` is the catalogue of every code, for the formats that name or
    document them; `tables` asks the formats that can for each plan's tables.
    """

    results: list[CheckResult]
    root: Path
    names: dict[str, str]  # a result's file -> its name from the repository root
    codes: Mapping[str, Code] = field(default_factory=dict)
    tables: bool = False
    source: bool = True  # show the plan's line under an input error (text)
    quiet: bool = False  # the findings only: no tables, no summary lines
    baselined: int = 0
    version: str = field(default=__version__)

    def findings(self):
        """Each result with each of its findings, in order."""
        return ((result, finding) for result in self.results for finding in result.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for _, f in self.findings() if f.severity is severity)

    def fingerprint(self, result: CheckResult, finding: Finding) -> str:
        return fingerprint(self.names[result.file], finding)

    def rule_name(self, code: str) -> str | None:
        known = self.codes.get(code)
        return known.name if known else None


def data_of(finding: Finding) -> dict[str, dict[str, str]]:
    """A finding's numbers as the machine-read formats write them: exact decimal strings with their units."""
    return {role: {"value": figure.text(), "unit": figure.unit} for role, figure in finding.data.items()}


def location(file: str, finding: Finding) -> str:
    """`file:line:col`, or `file` alone for a finding about the whole file."""
    if finding.position is None:
        return file
    return f"{file}:{finding.position.line}:{finding.position.column}"


def finding_parts(file: str, finding: Finding) -> tuple[str, str, str, str]:
    """`file:line:col: `, code, severity, message: a finding line, in the order every format prints it."""
    return f"{location(file, finding)}: ", finding.code, str(finding.severity), finding.message


def finding_line(file: str, finding: Finding) -> str:
    """`file:line:col: CODE severity message`: one line for grep, editors and CI logs."""
    where, code, severity, message = finding_parts(file, finding)
    return f"{where}{code} {severity} {message}"


def status(result: CheckResult) -> str:
    """`passed`, `failed` or `unreadable`."""
    if not result.readable:
        return "unreadable"
    return "failed" if result.failed else "passed"


def counts(findings: Sequence[Finding]) -> str:
    """`2 errors, 1 warning, 0 notes`."""
    numbers = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    words = (("error", Severity.ERROR), ("warning", Severity.WARNING), ("note", Severity.INFO))
    return ", ".join(f"{numbers[s]} {word}{'' if numbers[s] == 1 else 's'}" for word, s in words)
