"""The output formats: one registry from which the command line's choices and the dispatch are made.

Each format is one module with `render(run, out)`. A format that draws with
Rich gets a console the command line makes (`console`); the others write
plain text to a stream and never import Rich. A format that shows a plan's
tables (`tables`) needs the checked plan itself, not only its findings.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True, slots=True)
class Format:
    """One output format: its name, its module, and what it is for."""

    name: str
    module: str
    purpose: str
    tables: bool = False
    console: bool = False

    def load(self) -> ModuleType:
        """The format's module, imported when it is asked for."""
        return importlib.import_module(self.module)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", "finplan.report.text", "people: tables and findings", tables=True, console=True),
        Format("concise", "finplan.report.concise", "grep and editors: one line a finding"),
        Format("json", "finplan.report.json_report", "programs: a versioned schema (docs/json-report.md)"),
        Format("github", "finplan.report.github", "GitHub Actions: workflow-command annotations"),
        Format("sarif", "finplan.report.sarif", "GitHub code scanning: SARIF 2.1.0"),
        Format("junit", "finplan.report.junit", "test reports: JUnit XML, a test case a plan"),
        Format("gitlab", "finplan.report.gitlab", "GitLab Code Quality"),
    )
}
