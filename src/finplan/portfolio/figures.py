"""What the portfolio reads of a checked plan: its figures, small enough to hold ten thousand of.

A checked plan's model and settings are most of what a `CheckResult` holds
(about 20 KiB for a seed-sized plan, its cost lines and source positions
included); the portfolio reads only the project's facts, the total, and each
financing line's figures and where its money falls in years. `keep_figures`
puts a `PlanFigures` in the result's place of the plan, in the process that
checked it, so that only these cross from a worker and stay held while the
plans are added up.

The figures carry the model's names (`plan.project.case`, `line.amount`), so
what reads a plan's project or a financing line reads its figures alike.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from finplan.findings import CheckResult
from finplan.portfolio.spread import Placement, place


@dataclass(frozen=True, slots=True)
class Span:
    """A period, both ends inclusive."""

    start: date
    end: date


@dataclass(frozen=True, slots=True)
class ProjectFigures:
    case: str | None
    name: str
    owner: str
    period: Span | None


@dataclass(frozen=True, slots=True)
class AidMark:
    """A line's `de_minimis`: the undertaking its aid goes to, and when it is granted, if the plan says."""

    undertaking: str
    granted: date | None


@dataclass(frozen=True, slots=True)
class LineFigures:
    """A financing line as the portfolio reads it, with where its money falls in years."""

    id: str
    financier: str
    sector: str
    form: str
    status: str | None
    amount: Decimal
    appropriation: str | None
    scheme: str | None
    de_minimis: AidMark | None
    placement: Placement


@dataclass(frozen=True, slots=True)
class PlanFigures:
    """A plan as the portfolio reads it; `euro_rate` is one euro in the plan's currency, if its profiles say."""

    project: ProjectFigures
    currency: str
    total: Decimal
    financing: tuple[LineFigures, ...]
    euro_rate: Decimal | None
    tables: tuple = ()
    """The check's tables of the plan, as plain data, where a report shows them (`finplan report`'s plan pages)."""


def keep_figures(result: CheckResult) -> CheckResult:
    """`result` with its plan's figures in place of its plan, and no settings (their rate is in the figures)."""
    if result.plan is not None:
        result.plan = figures_of(result.plan, result.settings)
        result.settings = None
    return result


def figures_of(plan, settings) -> PlanFigures:
    """The figures of a checked plan (`finplan.model.Plan`) under its settings."""
    project = plan.project
    period = None if project.period is None else Span(project.period.start, project.period.end)
    rate = settings.in_currency(Decimal(1), plan.currency) if settings is not None else None
    return PlanFigures(
        ProjectFigures(project.case, project.name, project.owner, period),
        plan.currency, plan.total, tuple(_line(line, project.period) for line in plan.financing), rate,
    )


def _line(line, period) -> LineFigures:
    marked = line.de_minimis
    return LineFigures(
        line.id, line.financier, _word(line.sector), _word(line.form), _word(line.status), line.amount,
        line.appropriation, line.scheme, None if marked is None else AidMark(marked.undertaking, marked.granted),
        place(line, period),
    )


def _word(value: str | None) -> str | None:
    # A few words every line repeats: one object each within a worker's batch, which is pickled once.
    return None if value is None else sys.intern(value)
