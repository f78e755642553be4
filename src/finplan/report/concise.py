"""`--format concise`: one line a finding, then one line of counts."""

from __future__ import annotations

from typing import TextIO

from finplan.report.run import ReportRun, counts, finding_line


def render(run: ReportRun, out: TextIO) -> None:
    for result, finding in run.findings():
        out.write(finding_line(result.file, finding) + "\n")
    if run.quiet:
        return
    findings = [f for _, f in run.findings()]
    out.write(f"{len(run.results)} file{'' if len(run.results) == 1 else 's'} checked: {counts(findings)}\n")
