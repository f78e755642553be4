"""The run being reported, as every format reads it; a finding's line (finplan.findings) for the writers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from finplan import __version__
from finplan.codes import Code
from finplan.findings import CheckResult, Finding, Severity, finding_line, finding_parts, fingerprint, location
from finplan.i18n import ngettext

if TYPE_CHECKING:  # memo check's run; `finplan check` never imports the memo job
    from finplan.memo.match import Match


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


@dataclass
class MemoRun(ReportRun):
    """A memo checked against its plan: the memo's findings, and every figure compared."""

    matches: list[Match] = field(default_factory=list)


def data_of(finding: Finding) -> dict[str, dict[str, str]]:
    """A finding's numbers as the machine-read formats write them: exact decimal strings with their units."""
    return {role: {"value": figure.text(), "unit": figure.unit} for role, figure in finding.data.items()}


def counts(findings: Sequence[Finding]) -> str:
    """`2 errors, 1 warning, 0 notes`, in the current language."""
    errors, warnings, notes = (sum(1 for f in findings if f.severity is s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    return ", ".join((
        ngettext("{n} error", "{n} errors", errors).format(n=errors),
        ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
        ngettext("{n} note", "{n} notes", notes).format(n=notes),
    ))


__all__ = ["MemoRun", "ReportRun", "counts", "data_of", "finding_line", "finding_parts", "location"]
