"""The output formats of every job: one registry from which the command line's choices and the dispatch are made.

Each format is one module with `render(run, out)`, where `run` is the job's
result (a check's ReportRun, a diff's DiffRun). A format that draws with Rich
gets a console the command line makes (`console`); the others write plain
text to a stream and never import Rich. A check format that can show a plan's
tables (`tables`) needs the checked plan when it shows them; one that always
reads the plan (`needs_plan`) always does.
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
    needs_plan: bool = False
    binary: bool = False  # writes a file of its own, `write(run, path)`, rather than text to a stream

    def load(self) -> ModuleType:
        """The format's module, imported when it is asked for."""
        return importlib.import_module(self.module)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", "finplan.report.check.text", "people: tables and findings", tables=True, console=True),
        Format("concise", "finplan.report.check.concise", "grep and editors: one line a finding"),
        Format("json", "finplan.report.check.json", "programs: a versioned schema (docs/json-report.md)"),
        Format("github", "finplan.report.check.github", "GitHub Actions: workflow-command annotations"),
        Format("sarif", "finplan.report.check.sarif", "GitHub code scanning: SARIF 2.1.0"),
        Format("junit", "finplan.report.check.junit", "test reports: JUnit XML, a test case a plan"),
        Format("gitlab", "finplan.report.check.gitlab", "GitLab Code Quality"),
        Format(
            "markdown", "finplan.report.check.markdown", "pull requests and step summaries: tables in Markdown",
            needs_plan=True,
        ),
    )
}

DIFF_FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", "finplan.report.diff.text", "people: what changed in the money, as tables", console=True),
        Format("markdown", "finplan.report.diff.markdown", "pull-request comments and step summaries"),
        Format("json", "finplan.report.diff.json", "programs: a versioned schema (docs/ci.md)"),
    )
}

SUMMARY_FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", "finplan.report.portfolio.text", "people: the portfolio per year, as tables", console=True),
        Format("json", "finplan.report.portfolio.json", "programs: a versioned schema (docs/summary.md)"),
        Format("csv", "finplan.report.portfolio.csv", "spreadsheets and scripts: one record per figure"),
        Format("xlsx", "finplan.report.portfolio.xlsx", "Excel: a sheet per table, amounts as numbers", binary=True),
    )
}

# A memo's findings are findings like any other: check's formats, with a text
# format that also lists every figure matched.
MEMO_FORMATS: dict[str, Format] = {
    **FORMATS,
    "text": Format("text", "finplan.report.memo.check.text", "people: the figures matched, then the findings", console=True),
}

SITE_FORMATS: dict[str, Format] = {
    "html": Format("html", "finplan.report.portfolio.html", "a static site of many plans, with charts (docs/summary.md)", binary=True),
}

JOBS: dict[str, dict[str, Format]] = {
    "check": FORMATS, "diff": DIFF_FORMATS, "summary": SUMMARY_FORMATS, "report": SITE_FORMATS,
    "memo check": MEMO_FORMATS,
}
