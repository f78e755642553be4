"""What every report format shares: the run being reported, and how a finding is named."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from finplan import __version__
from finplan.findings import CheckResult, Finding, Severity


@dataclass
class ReportRun:
    """All files checked in one run, and how to name them for a CI system."""

    results: list[CheckResult]
    root: Path
    names: dict[str, str]  # a result's file -> its name from the repository root
    baselined: int = 0
    version: str = field(default=__version__)

    def findings(self):
        """Each result with each of its findings, in order."""
        return ((result, finding) for result in self.results for finding in result.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for _, f in self.findings() if f.severity is severity)

    def fingerprint(self, result: CheckResult, finding: Finding) -> str:
        from finplan.baseline import (
            fingerprint,  # hashlib, for the machine-read formats only
        )

        return fingerprint(self.names[result.file], finding)


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
