"""A plan's findings as the protocol's diagnostics: code, severity, range, message and a link to the rule."""

from __future__ import annotations

from lsprotocol import types

from finplan.codes import CATALOGUE
from finplan.findings import Finding, Severity
from finplan.i18n import _
from finplan.server.spans import value_end
from finplan.server.state import OpenPlan

SOURCE = "finplan"

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def diagnostics(plan: OpenPlan, rules_url: str | None = None) -> list[types.Diagnostic]:
    """Every finding of `plan`'s check, in the order `finplan check` reports them.

    Ranges count characters from 0 (the caller turns them into the editor's
    units). `rules_url` is where the rules' documentation lives; each
    diagnostic links to its rule's heading there.
    """
    if plan.result is None:
        return []
    return [_diagnostic(plan.lines, finding, rules_url) for finding in plan.result.findings]


def _diagnostic(lines: list[str], finding: Finding, rules_url: str | None) -> types.Diagnostic:
    code = CATALOGUE.get(finding.code)
    message = _(finding.message)
    if code is not None and code.paragraphs and not code.code.startswith("FP0") and code.severity is not Severity.INFO:
        # A rule's first sentence is its invariant, what would make the finding go: the fix, in one sentence.
        # The input codes' and the notes' first sentences describe, so they are left out.
        message = f"{message}\n{_(code.paragraphs[0])}"
    href = rule_link(code, rules_url) if code is not None else None
    link = types.CodeDescription(href=href) if href else None
    return types.Diagnostic(
        range=finding_range(lines, finding),
        message=message,
        severity=_SEVERITIES[finding.severity],
        code=finding.code,
        code_description=link,
        source=SOURCE,
        data={"path": [part for part in finding.path], **{role: figure.text() for role, figure in finding.data.items()}},
    )


def rule_link(code, rules_url: str | None) -> str | None:
    """Where a rule's documentation stands: its heading in the rules' page at `rules_url`, where there is one."""
    return f"{rules_url}#{code.code.lower()}-{code.name}" if rules_url else None


def finding_range(lines: list[str], finding: Finding) -> types.Range:
    """The range a finding underlines: its value or key, or the first line for a finding about the whole file."""
    if finding.position is None:
        return types.Range(types.Position(0, 0), types.Position(0, len(lines[0].rstrip("\r")) if lines else 0))
    line = finding.position.line - 1
    start = finding.position.column - 1
    if not 0 <= line < len(lines):
        return types.Range(types.Position(line, start), types.Position(line, start))
    return types.Range(types.Position(line, start), types.Position(line, value_end(lines, line, start)))
