"""`finplan diff --format json`: the comparison, in a versioned schema (docs/ci.md).

The schema is `diff-report.schema.json` beside this module; a change that
breaks a reader of `diff_format` N makes it N + 1. Amounts are strings of
exact decimals (`"1000000.50"`), never JSON numbers, which many readers take
as floats; shares and percentage points, which are quotients, are rounded to
four decimals.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, TextIO

from finplan import __version__
from finplan.diff.compare import DiffRun, FindingChange, Limit, PlanDiff, worst_first
from finplan.findings import Finding, Severity
from finplan.i18n import _

DIFF_FORMAT = 1
_PLACES = Decimal("0.0001")


def _exact(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def _rounded(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.quantize(_PLACES):f}"


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return _exact(value)
    return value


def _limit(limit: Limit | None) -> dict[str, Any] | None:
    if limit is None:
        return None
    return {
        "kind": "cap" if limit.is_cap else "floor",
        "lines": list(limit.lines), "amount": _exact(limit.amount), "base": _exact(limit.base),
        "share": _exact(limit.share), "limit": _exact(limit.limit), "excess": _exact(limit.excess),
        "tolerance": _exact(limit.tolerance),
    }


def _where(finding: Finding | None) -> dict[str, Any] | None:
    if finding is None:
        return None
    return {
        "severity": str(finding.severity), "message": _(finding.message),
        "line": finding.position.line if finding.position else None,
        "column": finding.position.column if finding.position else None,
    }


def _finding(change: FindingChange) -> dict[str, Any]:
    return {
        "state": change.state, "code": change.finding.code, "place": change.place, "worse": change.worse,
        "old": _where(change.old), "new": _where(change.new),
    }


def _plan(plan: PlanDiff) -> dict[str, Any]:
    return {
        "old_name": plan.old_name, "new_name": plan.new_name, "state": plan.state, "renamed": plan.renamed,
        "old_status": plan.old_status, "new_status": plan.new_status, "currency": plan.currency,
        "old_total": _exact(plan.old_total), "new_total": _exact(plan.new_total),
        "new_errors": plan.worse(Severity.ERROR), "new_findings": plan.worse(), "fixed": plan.count("fixed"),
        "facts": [{"what": f.what, "kind": f.kind, "old": _value(f.old), "new": _value(f.new)} for f in plan.facts],
        "lines": [
            {
                "section": line.section, "id": line.id, "state": line.state,
                "old": _exact(line.old), "new": _exact(line.new), "change": _exact(line.change),
                "old_share": _rounded(line.old_share), "new_share": _rounded(line.new_share),
                "points": _rounded(line.points),
                "years": [{"year": y.year, "old": _exact(y.old), "new": _exact(y.new)} for y in line.years],
                "fields": [{"name": f.name, "old": f.old, "new": f.new} for f in line.fields],
            }
            for line in plan.lines
        ],
        "subtotals": [
            {
                "group": s.group, "value": s.value, "old": _exact(s.old), "new": _exact(s.new), "change": _exact(s.change),
                "old_unstated": s.old_unstated, "new_unstated": s.new_unstated,
            }
            for s in plan.subtotals
        ],
        "caps": [{"name": c.name, "old": _limit(c.old), "new": _limit(c.new)} for c in plan.limits],
        "findings": [_finding(change) for change in plan.findings],
    }


def document(run: DiffRun) -> dict[str, Any]:
    plans = worst_first(run.plans)
    states = [plan.state for plan in plans]
    return {
        "finplan": __version__,
        "diff_format": DIFF_FORMAT,
        "old": run.old_label,
        "new": run.new_label,
        "summary": {
            "changed": states.count("changed"), "added": states.count("added"), "removed": states.count("removed"),
            "renamed": states.count("renamed"), "unchanged": run.unchanged,
            "new_errors": sum(plan.worse(Severity.ERROR) for plan in plans),
            "new_findings": sum(plan.worse() for plan in plans),
            "fixed": sum(plan.count("fixed") for plan in plans),
        },
        "plans": [_plan(plan) for plan in plans],
    }


def render(run: DiffRun, out: TextIO) -> None:
    out.write(json.dumps(document(run), ensure_ascii=False, indent=2))
    out.write("\n")
