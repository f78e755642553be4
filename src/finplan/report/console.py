"""How a finding reads on the console in every job: the line editors and CI logs link to, styled by severity."""

from __future__ import annotations

from rich.text import Text

from finplan.findings import Finding, Severity
from finplan.report.run import finding_parts

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def finding_text(file: str, finding: Finding) -> Text:
    """`file:line:col: FP101 error message`, the line editors and CI logs link to."""
    where, code, severity, message = finding_parts(file, finding)
    return Text.assemble(
        (where, "bold"), (code, "dim"), " ", (severity, SEVERITY_STYLE[finding.severity]), " ", message
    )
