"""`--format concise`: one line a finding, then one line of counts."""

from __future__ import annotations

from typing import TextIO

from finplan.i18n import ngettext
from finplan.report.run import ReportRun, counts, finding_line


def render(run: ReportRun, out: TextIO) -> None:
    for result, finding in run.findings():
        out.write(finding_line(result.file, finding) + "\n")
    if run.quiet:
        return
    findings = [f for _, f in run.findings()]
    files = len(run.results)
    checked = ngettext("{n} file checked", "{n} files checked", files).format(n=files)
    out.write(f"{checked}: {counts(findings)}\n")
