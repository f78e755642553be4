"""The output formats of every job: one registry from which the command line's choices and the dispatch are made.

A format is a name, the suffix of the file it makes, its kind, and a module
under the job's subpackage (report/check/, report/diff/, report/portfolio/,
report/memo/) with one function, `render`, whose form the kind decides:

- text: `render(run, out)` writes to a stream. A format that draws with Rich
  (`console`) gets a console the command line makes; the others get a plain
  text stream and never import Rich.
- binary: `render(run) -> bytes`, a whole file, which the command line writes.
- site: `render(run, folder) -> int`, every page written through `folder` (a
  `finplan.files.Folder`), and the number of pages.

No writer touches the file system itself: what it makes goes out through
finplan.files, which alone decides whether and how a file may be written.
`run` is the job's result (a check's ReportRun, a diff's DiffRun, a
Portfolio, a memo's Section). A check format that can show a plan's tables
(`tables`) needs the checked plan when it shows them; one that always reads
the plan (`needs_plan`) always does.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Literal

Kind = Literal["text", "binary", "site"]
KINDS: tuple[Kind, ...] = ("text", "binary", "site")


@dataclass(frozen=True, slots=True)
class Format:
    """One output format: its name, its file's suffix, its kind, its module, and what it is for."""

    name: str
    suffix: str
    kind: Kind
    module: str
    purpose: str
    tables: bool = False
    console: bool = False
    needs_plan: bool = False

    def __post_init__(self) -> None:
        # A half-made entry stops the import of the registry, and with it every command and test.
        if self.kind not in KINDS:
            raise ValueError(f"format {self.name}: kind {self.kind!r} is none of {KINDS}")
        if not self.suffix.startswith(".") or len(self.suffix) < 2:
            raise ValueError(f"format {self.name}: suffix {self.suffix!r} is not a file's suffix such as .json")
        if self.console and self.kind != "text":
            raise ValueError(f"format {self.name}: only a text format is drawn on a console")

    @property
    def binary(self) -> bool:
        """A whole file of its own, never standard output: it needs `--output`."""
        return self.kind == "binary"

    def load(self) -> ModuleType:
        """The format's module, imported when it is asked for."""
        return importlib.import_module(self.module)


def _registry(*formats: Format) -> dict[str, Format]:
    return {f.name: f for f in formats}


FORMATS = _registry(
    Format("text", ".txt", "text", "finplan.report.check.text", "people: tables and findings", tables=True, console=True),
    Format("concise", ".txt", "text", "finplan.report.check.concise", "grep and editors: one line a finding"),
    Format(
        "json", ".json", "text", "finplan.report.check.json", "programs: a versioned schema (docs/json-report.md)",
        tables=True,
    ),
    Format("github", ".txt", "text", "finplan.report.check.github", "GitHub Actions: workflow-command annotations"),
    Format("sarif", ".sarif", "text", "finplan.report.check.sarif", "GitHub code scanning: SARIF 2.1.0"),
    Format("junit", ".xml", "text", "finplan.report.check.junit", "test reports: JUnit XML, a test case a plan"),
    Format("gitlab", ".json", "text", "finplan.report.check.gitlab", "GitLab Code Quality"),
    Format(
        "markdown", ".md", "text", "finplan.report.check.markdown", "pull requests and step summaries: tables in Markdown",
        needs_plan=True,
    ),
)
"""`finplan check`."""

DIFF_FORMATS = _registry(
    Format("text", ".txt", "text", "finplan.report.diff.text", "people: what changed in the money, as tables", console=True),
    Format("markdown", ".md", "text", "finplan.report.diff.markdown", "pull-request comments and step summaries"),
    Format("json", ".json", "text", "finplan.report.diff.json", "programs: a versioned schema (docs/ci.md)"),
)
"""`finplan diff`."""

SUMMARY_FORMATS = _registry(
    Format("text", ".txt", "text", "finplan.report.portfolio.text", "people: the portfolio per year, as tables", console=True),
    Format("json", ".json", "text", "finplan.report.portfolio.json", "programs: a versioned schema (docs/summary.md)"),
    Format("csv", ".csv", "text", "finplan.report.portfolio.csv", "spreadsheets and scripts: one record per figure"),
    Format(
        "csv-sv", ".csv", "text", "finplan.report.portfolio.csv_sv",
        "a Swedish Excel: the csv with semicolons, decimal commas, a BOM and CRLF",
    ),
    Format("xlsx", ".xlsx", "binary", "finplan.report.portfolio.xlsx", "Excel: a sheet per table, amounts as numbers"),
)
"""`finplan summary`."""

SITE_FORMATS = _registry(
    Format("html", ".html", "site", "finplan.report.portfolio.html", "a static site of many plans, with charts (docs/summary.md)"),
)
"""`finplan report`."""

MEMO_FORMATS = {
    **FORMATS,
    "text": Format(
        "text", ".txt", "text", "finplan.report.memo.check.text", "people: the figures matched, then the findings",
        console=True,
    ),
}
"""`finplan memo check`: a memo's findings are findings like any other, so check's formats, with a text
format that also lists every figure matched."""

MEMO_RENDER_FORMATS = _registry(
    Format("text", ".txt", "text", "finplan.report.memo.render.text", "a memo in plain text: paragraphs and a table"),
    Format("markdown", ".md", "text", "finplan.report.memo.render.markdown", "a memo in Markdown: a pipe table"),
    Format("html", ".html", "text", "finplan.report.memo.render.html", "a page of its own, every text escaped"),
    Format("docx", ".docx", "binary", "finplan.report.memo.render.docx", "Word: a real table to paste into a memo"),
)
"""`finplan memo render`: the financing section of a decision memo."""

JOBS: dict[str, dict[str, Format]] = {
    "check": FORMATS, "diff": DIFF_FORMATS, "summary": SUMMARY_FORMATS, "report": SITE_FORMATS,
    "memo check": MEMO_FORMATS, "memo render": MEMO_RENDER_FORMATS,
}
"""Every job's formats, by the command that writes them."""
