"""`--format gitlab`: a GitLab Code Quality report (artifacts:reports:codequality).

GitLab keeps one issue per fingerprint, so two findings alike in file, code,
place and message get fingerprints told apart by their order.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TextIO

from finplan.findings import Severity
from finplan.report.run import ReportRun, data_of
from finplan.i18n import _

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issues(run: ReportRun) -> list[dict]:
    seen: Counter[str] = Counter()
    found = []
    for result, finding in run.findings():
        base = run.fingerprint(result, finding)
        seen[base] += 1
        unique = base if seen[base] == 1 else hashlib.sha256(f"{base}/{seen[base]}".encode()).hexdigest()[:32]
        found.append(
            {
                "description": f"{finding.code} {_(finding.message)}",
                "check_name": finding.code,
                "fingerprint": unique,
                "severity": _SEVERITY[finding.severity],
                # Code Quality readers pass over keys they do not know; programs reading the artifact get the numbers.
                "data": data_of(finding),
                "location": {
                    "path": run.names[result.file],
                    "lines": {"begin": finding.position.line if finding.position else 1},
                },
            }
        )
    return found


def render(run: ReportRun, out: TextIO) -> None:
    out.write(json.dumps(issues(run), ensure_ascii=False, indent=2))
    out.write("\n")
