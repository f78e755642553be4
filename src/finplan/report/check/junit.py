"""`--format junit`: JUnit XML, one test case a plan, for CI systems' test reports.

A plan that fails is a failure listing its findings; one that could not be
read, an error; warnings and notes of a passing plan stand in its output.
"""

from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree

from finplan.report.run import ReportRun, counts, finding_line


def render(run: ReportRun, out: TextIO) -> None:
    statuses = [result.status for result in run.results]
    totals = {
        "tests": str(len(run.results)),
        "failures": str(statuses.count("failed")),
        "errors": str(statuses.count("unreadable")),
        "skipped": "0",
    }
    suites = ElementTree.Element("testsuites", {"name": "finplan", **totals})
    suite = ElementTree.SubElement(suites, "testsuite", {"name": "finplan", **totals})
    for result, outcome in zip(run.results, statuses, strict=True):
        name = run.names[result.file]
        case = ElementTree.SubElement(suite, "testcase", {"classname": "finplan", "name": name, "file": name})
        lines = "\n".join(finding_line(name, finding) for finding in result.findings)
        if outcome == "passed":
            if lines:
                ElementTree.SubElement(case, "system-out").text = lines
            continue
        tag = "error" if outcome == "unreadable" else "failure"
        codes = sorted({f.code for f in result.findings})
        element = ElementTree.SubElement(case, tag, {"message": counts(result.findings), "type": " ".join(codes)})
        element.text = lines
    ElementTree.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ElementTree.tostring(suites, encoding="unicode"))
    out.write("\n")
