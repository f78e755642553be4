"""`--format json`: every file and finding, in a versioned schema (docs/json-report.md).

The schema is `json-report.schema.json` beside this module; a change that
breaks a reader of `report_format` N makes it N + 1.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from finplan.findings import CheckResult, Figure, Severity, format_path
from finplan.report.run import ReportRun, data_of
from finplan.i18n import _

REPORT_FORMAT = 2


def document(run: ReportRun) -> dict[str, Any]:
    files = []
    for result in run.results:
        findings = []
        for finding in result.findings:
            findings.append(
                {
                    "code": finding.code,
                    "rule": run.rule_name(finding.code),
                    "severity": str(finding.severity),
                    "message": _(finding.message),
                    "path": format_path(finding.path),
                    "line": finding.position.line if finding.position else None,
                    "column": finding.position.column if finding.position else None,
                    "fingerprint": run.fingerprint(result, finding),
                    "data": data_of(finding),
                }
            )
        entry = {"file": result.file, "name": run.names[result.file], "status": result.status, "findings": findings}
        if run.tables and result.readable and result.plan is not None:
            entry["limits"] = limits(result)
        files.append(entry)
    statuses = [f["status"] for f in files]
    return {
        "finplan": run.version,
        "report_format": REPORT_FORMAT,
        "summary": {
            "files": len(files),
            "passed": statuses.count("passed"),
            "failed": statuses.count("failed"),
            "unreadable": statuses.count("unreadable"),
            "errors": run.count(Severity.ERROR),
            "warnings": run.count(Severity.WARNING),
            "notes": run.count(Severity.INFO),
            "baselined": run.baselined,
        },
        "files": files,
    }


def limits(result: CheckResult) -> list[dict[str, Any]]:
    """Every cap and floor of a checked plan, as the text report's table of them shows it, in exact figures."""
    from finplan.limits import measure_limits

    plan = result.plan
    money = lambda amount: Figure(amount, plan.currency).text()  # noqa: E731
    return [
        {
            "set_by": str(m.title).replace("`", ""),  # in English, as a message is read by a program
            "kind": "cap" if m.is_cap else "floor",
            "lines": [line.id for _index, line in m.lines],
            "amount": money(m.amount),
            "limit": money(m.limit),
            "rate": None if m.share is None else Figure(m.share, "%").text(),
            "base": None if m.share is None else {
                "name": m.base_name, "side": m.side or None, "note": m.base_note.strip() or None, "amount": money(m.base),
                "slack": money(m.base_slack), "by_printed_shares": m.by_shares,
            },
            "excess": money(m.excess),
            "within_rounding": m.rests_on_rounding,
        }
        for m in measure_limits(plan, result.settings)
    ]


def render(run: ReportRun, out: TextIO) -> None:
    out.write(json.dumps(document(run), ensure_ascii=False, indent=2))
    out.write("\n")
