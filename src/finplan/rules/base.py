"""What a rule is: a code of the table and the pure function that checks it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from decimal import Decimal

from finplan.codes import Code
from finplan.findings import Data, Figure, Fix, Path
from finplan.i18n import Message, expect_message
from finplan.model import CostLine, FinancingLine, Period, Plan
from finplan.profiles import Settings


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule yields: where in the plan, what is wrong there, and the numbers it names.

    `on_key` places the finding at the last key of `path` (a year in a
    breakdown) instead of at its value. `message` is a Message; a plain `str` is refused.
    `fix` is the edit that would make the violation go, where the rule knows one.
    """

    path: Path
    message: Message
    on_key: bool = False
    data: Data = field(default_factory=dict)
    fix: Fix | None = None

    def __post_init__(self) -> None:
        expect_message(self.message)


Check = Callable[[Plan, Settings], Iterator[Violation]]


@dataclass(frozen=True, slots=True)
class Rule(Code):
    """A code of the table (finplan.codes) with the pure function that checks its invariant.

    The engine stamps the code and the configured severity on what `check`
    yields. A rule with `profiles` runs only for plans that name one of them.
    `concerns`, where given, says whether the plan holds anything the rule
    looks at (a line of de minimis aid, a cost line with VAT): a rule that needs
    every amount is named by FP303 only where it concerns the plan.
    """

    check: Check = field(kw_only=True)
    concerns: Callable[[Plan], bool] | None = field(default=None, kw_only=True)


def rule(code: Code, *, concerns: Callable[[Plan], bool] | None = None) -> Callable[[Check], Rule]:
    """Makes a check function into the rule of `code`, as the table declares it."""

    def make(check: Check) -> Rule:
        return Rule(**{item.name: getattr(code, item.name) for item in fields(Code)}, check=check, concerns=concerns)

    return make


def figures(currency: str, **amounts: Decimal | None) -> dict[str, Figure]:
    """Amounts in the plan's currency as a finding's data, the ones given as None left out."""
    return {role: Figure(value, currency) for role, value in amounts.items() if value is not None}


Line = FinancingLine | CostLine


def lines_of(plan: Plan, *, outside: bool = False) -> Iterator[tuple[Path, Line]]:
    """Every financing line, then every cost line, with its path in the plan.

    With `outside`, the lines shown beside the total come after the financing:
    they are lines like any other (an id, an amount, a basis), but never counted.
    """
    for index, line in enumerate(plan.financing):
        yield ("financing", index), line
    if outside:
        for index, line in enumerate(plan.outside_total or ()):
            yield ("outside_total", index), line
    for index, cost in enumerate(plan.costs or ()):
        yield ("costs", index), cost


def financing_lines(plan: Plan) -> Iterator[tuple[Path, FinancingLine]]:
    """Every financing line, those beside the total included, with its path in the plan."""
    for index, line in enumerate(plan.financing):
        yield ("financing", index), line
    for index, line in enumerate(plan.outside_total or ()):
        yield ("outside_total", index), line


def period_of(plan: Plan, line: Line) -> Period | None:
    """The period a line's money belongs to: its own, or else the project's; None when neither is stated."""
    # Only a financing line has a period of its own; asking a cost line for one goes through
    # Pydantic's __getattr__, which is slow enough to count on a plan of many lines.
    own = line.period if type(line) is FinancingLine else None
    return own or plan.project.period
