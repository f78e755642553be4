"""`--format github`: GitHub Actions workflow commands, one annotation a finding.

GitHub shows only some annotations per step, so the concise lines follow,
and the log keeps every finding.
"""

from __future__ import annotations

from typing import TextIO

from finplan.findings import Severity
from finplan.report.check import concise
from finplan.report.run import ReportRun
from finplan.i18n import _

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A command's message: `%`, CR and LF escaped, as the runner unescapes them."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value: also `:` and `,`, which end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(run: ReportRun, out: TextIO) -> None:
    for result, finding in run.findings():
        properties = {"file": run.names[result.file]}
        if finding.position is not None:
            properties["line"] = str(finding.position.line)
            properties["col"] = str(finding.position.column)
        name = run.rule_name(finding.code)
        properties["title"] = f"{finding.code} {name}" if name else finding.code
        fields = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
        out.write(f"::{_COMMAND[finding.severity]} {fields}::{escape_data(_(finding.message))}\n")
    concise.render(run, out)
