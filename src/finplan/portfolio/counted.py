"""Which plans a portfolio adds up: each project once, read, and passing its check.

A plan is left out of every sum, and named by a finding at the top of every
format, where it

- could not be read (FP808): there are no figures to count;
- fails its own check (FP807): its figures are wrong as they stand; counted
  all the same with `--include-failing`, the finding kept;
- is the same project as an earlier plan (FP806): the same case (diarienummer),
  or the same project name, owner and period. The first in the order checked
  is counted; a later copy is left out, the finding naming both files.

The plans are looked at in the order checked, each once, so a portfolio of
ten thousand plans costs two dictionary look-ups a plan.
"""

from __future__ import annotations

from finplan.codes.portfolio import DUPLICATE_PLAN, FAILING_PLAN, UNREADABLE_PLAN
from finplan.findings import CheckResult, Finding, Severity
from finplan.i18n import Message, Plural
from finplan.portfolio.keys import grouping_key as _key


class Counting:
    """The plans seen so far, and the findings about those left out."""

    def __init__(self, include_failing: bool = False) -> None:
        self.include_failing = include_failing
        self.findings: list[tuple[str, Finding]] = []
        self._cases: dict[str, str] = {}
        self._projects: dict[tuple, str] = {}

    def count(self, name: str, result: CheckResult) -> bool:
        """Whether the readable plan `result`, called `name`, is added up; the findings where it is not."""
        duplicate = self._duplicate(name, result.plan)
        if duplicate is not None:
            self.findings.append((name, duplicate))
        errors = sorted({f.code for f in result.findings if f.severity >= Severity.ERROR})
        if errors:
            self.findings.append((name, _failing(errors, self.include_failing)))
        return duplicate is None and (not errors or self.include_failing)

    def unreadable(self, name: str, result: CheckResult) -> None:
        codes = sorted({f.code for f in result.findings}) or [UNREADABLE_PLAN.code]
        message = Message("could not be read ({codes}); left out of the sums", codes=", ".join(codes))
        self.findings.append((name, Finding(UNREADABLE_PLAN.code, UNREADABLE_PLAN.severity, message)))

    def ordered(self) -> list[tuple[str, Finding]]:
        """The findings, those that weigh most first: unreadable, failing, then duplicate plans."""
        return sorted(self.findings, key=lambda item: item[1].code, reverse=True)

    def _duplicate(self, name: str, plan) -> Finding | None:
        project = plan.project
        period = None if project.period is None else (project.period.start, project.period.end)
        same = (_key(project.name), _key(project.owner), period)
        case = None if project.case is None else _key(project.case)
        first_case = self._cases.setdefault(case, name) if case is not None else name
        first_project = self._projects.setdefault(same, name)
        if first_case != name:
            message = Message(
                "the same case {case} as {first}, which is counted; this file is left out of the sums",
                case=project.case, first=first_case,
            )
        elif first_project != name:
            message = Message(
                "the same project `{project}`, owner {owner} and period as {first}, which is counted; "
                "this file is left out of the sums",
                project=project.name, owner=project.owner, first=first_project,
            )
        else:
            return None
        return Finding(DUPLICATE_PLAN.code, DUPLICATE_PLAN.severity, message)


def _failing(errors: list[str], counted: bool) -> Finding:
    if counted:
        message = Plural(
            "fails its check ({n} code of error severity: {codes}); counted, as `--include-failing` asks",
            "fails its check ({n} codes of error severity: {codes}); counted, as `--include-failing` asks",
            n=len(errors), codes=", ".join(errors),
        )
    else:
        message = Plural(
            "fails its check ({n} code of error severity: {codes}); left out of the sums (`--include-failing` counts it)",
            "fails its check ({n} codes of error severity: {codes}); left out of the sums (`--include-failing` counts it)",
            n=len(errors), codes=", ".join(errors),
        )
    return Finding(FAILING_PLAN.code, FAILING_PLAN.severity, message)
