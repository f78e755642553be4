"""`finplan summary --format json`: the whole portfolio, every amount an exact decimal string.

The schema is `summary.schema.json` beside this module; a change that breaks a
reader of `summary_format` N makes it N + 1. The HTML report's tables are
tested against this document.

The document is written as it is made: its long lists (the plans, the rows,
the plans in a row or a frame) are made one item at a time while the text is
written (`finplan.report.json_text`), so a summary of many plans never holds
the whole document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, TextIO

from finplan.findings import Finding
from finplan.portfolio.aggregate import STATUSES, Portfolio, Row
from finplan.i18n import _
from finplan.report.json_text import write_json

SUMMARY_FORMAT = 2
"""2: `counting` and each plan's `counted`; `findings` first, the plans left out of the sums among them."""


def amount(value: Decimal | None) -> str | None:
    """An amount as JSON text: exact, never a float (`"6439505.85"`); null where the plan does not state it."""
    return None if value is None else f"{value:f}"


Listed = Callable[[Iterable], Iterable]


def document(portfolio: Portfolio, listed: Listed = list) -> dict[str, Any]:
    """The summary as JSON values; with `listed=iter` its long lists are iterators, made as they are read."""
    from finplan import __version__

    return {
        "finplan": __version__,
        "summary_format": SUMMARY_FORMAT,
        "counting": {
            "plans": len(portfolio.plans) + len(portfolio.unreadable),
            "counted": len(portfolio.counted),
            "unreadable": len(portfolio.unreadable),
            "include_failing": portfolio.include_failing,
        },
        # The plans left out of the sums (FP806-FP808) first, then the frames' and de minimis findings.
        "findings": [{"file": file, **_finding(finding)} for file, finding in portfolio.findings],
        "plans": listed(_plan(ref, [_placement(money) for money in portfolio.lines_of(ref)]) for ref in portfolio.plans),
        "unreadable": [
            {"file": portfolio.names.get(r.file, r.file), "findings": [_finding(f) for f in r.findings]}
            for r in portfolio.unreadable
        ],
        "currencies": [
            {
                "currency": currency,
                "financing": amount(tables[0].total.total),
                "plan_totals": amount(portfolio.plan_totals(currency)),
                "tables": [
                    {
                        "table": table.dimension.name,
                        "years": table.years,
                        "rows": listed(_row(row, portfolio, listed) for row in table.rows),
                        "sum": _row(table.total, portfolio, listed),
                    }
                    for table in tables
                ],
            }
            for currency, tables in portfolio.tables.items()
        ],
        "frames": None if portfolio.frames_file is None else {
            "file": portfolio.frames_file,
            "frames": [_frame(use, portfolio, listed) for use in portfolio.frames],
        },
    }


def _plan(ref, placed: list[dict[str, Any]]) -> dict[str, Any]:
    plan = ref.plan
    project = plan.project
    lines = [
        {
            "id": line.id, "financier": line.financier, "sector": line.sector, "form": line.form,
            "status": line.status, "amount": amount(line.amount), "appropriation": line.appropriation,
            "scheme": line.scheme, **where,
        }
        for line, where in zip(plan.financing, placed, strict=True)
    ]
    return {
        "file": ref.file,
        "name": ref.name,
        "counted": ref.counted,
        "case": project.case,
        "project": project.name,
        "owner": project.owner,
        "period": _period(project.period),
        "currency": plan.currency,
        "total": amount(plan.total),
        "status": ref.result.status,
        "lines": lines,
        "findings": [_finding(f) for f in ref.result.findings],
    }


def _period(period) -> dict[str, str] | None:
    return None if period is None else {"start": period.start.isoformat(), "end": period.end.isoformat()}


def _placement(money) -> dict[str, Any]:
    """Where a line's money falls in years: by its breakdown, spread by days, or not placed."""
    placement = money.placement
    return {
        "placed": placement.how,
        "spread_over": None if placement.start is None else {
            "start": placement.start.isoformat(), "end": placement.end.isoformat()
        },
        "years": {str(year): amount(part) for year, part in placement.years.items()},
    }


def _row(row: Row, portfolio: Portfolio, listed: Listed) -> dict[str, Any]:
    return {
        "key": row.key,
        "years": {str(year): amount(part) for year, part in sorted(row.years.items())},
        "not_in_years": amount(row.unplaced),
        "total": amount(row.total),
        "plans": listed(
            {"name": ref.name, "case": ref.case, "amount": amount(part)} for ref, part in row.plans(portfolio.plans)
        ),
    }


def _frame(use, portfolio: Portfolio, listed: Listed) -> dict[str, Any]:
    frame = use.frame
    return {
        "appropriation": frame.appropriation,
        "year": frame.year,
        "currency": frame.currency,
        "line": frame.position.line,
        "frame": amount(frame.amount),
        **{status.replace(" ", "_"): amount(use.by_status[status]) for status in STATUSES},
        "remaining": amount(use.remaining),
        "plans": listed(
            {"name": portfolio.plans[i].name, "case": portfolio.plans[i].case,
             **{s.replace(" ", "_"): amount(parts[s]) for s in STATUSES}}
            for i, parts in sorted(use.by_plan.items(), key=lambda p: (-sum(p[1].values()), p[0]))
        ),
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": str(finding.severity),
        "message": _(finding.message),
        "line": finding.position.line if finding.position else None,
        "column": finding.position.column if finding.position else None,
    }


def render(portfolio: Portfolio, out: TextIO) -> None:
    write_json(document(portfolio, listed=iter), out)
    out.write("\n")
