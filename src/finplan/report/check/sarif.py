"""`--format sarif`: SARIF 2.1.0 as GitHub code scanning takes it.

Every rule with its documentation as help; every result at a physical
location relative to the repository root (`%SRCROOT%`), with a fingerprint
that does not move with its line.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from finplan.findings import Severity, format_path
from finplan.report.run import ReportRun, data_of
from finplan.i18n import _

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def document(run: ReportRun) -> dict[str, Any]:
    codes = list(run.codes.values())
    index = {item.code: i for i, item in enumerate(codes)}
    rules = [
        {
            "id": item.code,
            "name": item.name,
            "shortDescription": {"text": item.summary},
            "fullDescription": {"text": item.documentation},
            "help": {"text": item.text()},
            "defaultConfiguration": {"level": _LEVEL[item.severity]},
            "properties": {"profiles": list(item.profiles), "source": _(item.source) if item.source else ""},
        }
        for item in codes
    ]
    results = []
    for result, finding in run.findings():
        physical: dict[str, Any] = {"artifactLocation": artifact(run.names[result.file])}
        if finding.position is not None:
            physical["region"] = {"startLine": finding.position.line, "startColumn": finding.position.column}
        entry: dict[str, Any] = {
            "ruleId": finding.code,
            "level": _LEVEL[finding.severity],
            "message": {"text": _(finding.message)},
            "locations": [{"physicalLocation": physical}],
            "partialFingerprints": {"finplanFinding/v1": run.fingerprint(result, finding)},
        }
        if finding.path:
            entry["locations"][0]["logicalLocations"] = [{"fullyQualifiedName": format_path(finding.path)}]
        if finding.data:
            entry["properties"] = {"data": data_of(finding)}
        if finding.code in index:
            entry["ruleIndex"] = index[finding.code]
        results.append(entry)
    return {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "finplan", "version": run.version, "rules": rules}},
                "originalUriBaseIds": {"%SRCROOT%": {"uri": run.root.as_uri() + "/"}},
                "results": results,
            }
        ],
    }


def artifact(name: str) -> dict[str, str]:
    """Where a file is, as SARIF takes it: a URI, so a space, `#`, `%` or `?` in a name is percent-encoded
    (`plan%20%232.yaml`), and a file outside the repository is named by its own `file:` URI."""
    if PurePosixPath(name).is_absolute():
        return {"uri": "file://" + quote(name)}
    return {"uri": quote(name), "uriBaseId": "%SRCROOT%"}


def render(run: ReportRun, out: TextIO) -> None:
    out.write(json.dumps(document(run), ensure_ascii=False, indent=2))
    out.write("\n")
