"""What a rule is: a code, a name, a default severity and a pure check function."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from finplan.findings import Path, Severity
from finplan.model import CostLine, FinancingLine, Period, Plan
from finplan.profiles import Settings


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule yields: where in the plan, and what is wrong there.

    `on_key` places the finding at the last key of `path` (a year in a
    breakdown) instead of at its value.
    """

    path: Path
    message: str
    on_key: bool = False


Check = Callable[[Plan, Settings], Iterator[Violation]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A check of one invariant; the engine stamps its code and severity on findings.

    A rule with `profiles` runs only for plans that name one of them; one
    without runs for every plan. `source` cites the regulation or handbook. A
    rule not `on_by_default` runs only when selected by name or prefix.
    """

    code: str
    name: str
    severity: Severity
    check: Check
    profiles: tuple[str, ...] = ()
    source: str = ""
    on_by_default: bool = True

    @property
    def doc(self) -> str:
        import inspect  # only the documentation commands read it

        return inspect.getdoc(self.check) or ""

    @property
    def summary(self) -> str:
        return first_line(self.doc)


def first_line(doc: str) -> str:
    """A documentation's first line: what the rule checks, in one sentence."""
    return doc.split("\n", 1)[0]


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    profiles: tuple[str, ...] = (),
    source: str = "",
    on_by_default: bool = True,
) -> Callable[[Check], Rule]:
    """Makes a check function into a Rule; its docstring is the rule's documentation."""

    def make(check: Check) -> Rule:
        return Rule(code, name, severity, check, profiles, source, on_by_default)

    return make


Line = FinancingLine | CostLine


def lines_of(plan: Plan) -> Iterator[tuple[Path, Line]]:
    """Every financing line, then every cost line, with its path in the plan."""
    for index, line in enumerate(plan.financing):
        yield ("financing", index), line
    for index, cost in enumerate(plan.costs or ()):
        yield ("costs", index), cost


def period_of(plan: Plan, line: Line) -> Period:
    """The period a line's money belongs to: its own, or else the project's."""
    return getattr(line, "period", None) or plan.project.period
