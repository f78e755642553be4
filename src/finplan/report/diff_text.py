"""`finplan diff` for people: per plan, what changed in the money, as tables, then the findings."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from finplan.report import wording as describe
from finplan.diff.compare import DiffRun, FindingChange, PlanDiff, worst_first
from finplan.report.table import new_table
from finplan.report.text import finding_text

_STATE_STYLE = {"new": "bold red", "changed": "yellow", "fixed": "green", "unchanged": "dim"}


def render(run: DiffRun, console: Console) -> None:
    console.print(Text.assemble(("finplan diff: ", "bold"), run.old_label, " → ", run.new_label), soft_wrap=True)
    for plan in worst_first(run.plans):
        console.print()
        render_plan(plan, console)
    console.print()
    plans, findings = describe.summary(run.plans, run.unchanged)
    console.print(Text.assemble((plans + ". ", "bold"), findings), soft_wrap=True)


def render_plan(plan: PlanDiff, console: Console) -> None:
    c = plan.currency
    heading = Text(plan.name, style="bold")
    if plan.renamed:
        heading.append(f" (renamed from {plan.old_name})")
    heading.append(f": {plan.state}, {plan.old_status or '–'} → {plan.new_status or '–'}")
    console.print(heading, soft_wrap=True)
    if plan.facts:
        table = _table("Project", ("What", "Before", "After"), right=())
        for fact in plan.facts:
            old, new = (describe.fact_value(fact.kind, value, c) for value in (fact.old, fact.new))
            table.add_row(*_texts(fact.what, old, new))
        _print(console, table)
    if plan.lines:
        table = _table("Lines", ("Line", "State", "Before", "After", "Change", "Change in share"), right=(2, 3, 4, 5))
        for line in plan.lines:
            table.add_row(
                *_texts(f"{line.section} {line.id}", line.state, describe.amount(line.old, c),
                        describe.amount(line.new, c), describe.signed_kr(line.change, c), describe.points(line.points))
            )
        _print(console, table)
    years = [(line, year) for line in plan.lines for year in line.years]
    if years:
        table = _table("Yearly amounts", ("Line", "Year", "Before", "After", "Change"), right=(1, 2, 3, 4))
        for line, year in years:
            table.add_row(
                *_texts(f"{line.section} {line.id}", str(year.year), describe.amount(year.old, c),
                        describe.amount(year.new, c), describe.signed_kr((year.new or 0) - (year.old or 0), c))
            )
        _print(console, table)
    fields = [(line, change) for line in plan.lines for change in line.fields]
    if fields:
        table = _table("Other fields", ("Line", "Field", "Before", "After"), right=())
        for line, change in fields:
            table.add_row(*_texts(f"{line.section} {line.id}", change.name, change.old or "–", change.new or "–"))
        _print(console, table)
    if any(s.change for s in plan.subtotals):
        table = _table("Subtotals of the financing", ("Kind", "Before", "After", "Change"), right=(1, 2, 3))
        for s in plan.subtotals:
            table.add_row(*_texts(describe.label(s.value), describe.amount(s.old, c), describe.amount(s.new, c),
                                  describe.signed_kr(s.change, c)))
        _print(console, table)
    if plan.limits and plan.money_changed:
        table = _table("Caps and floors", ("Limit", "Amount before", "Amount after", "Margin before", "Margin after"),
                       right=(1, 2, 3, 4))
        for limit in plan.limits:
            table.add_row(
                *_texts(limit.name, describe.amount(limit.old and limit.old.amount, c),
                        describe.amount(limit.new and limit.new.amount, c),
                        describe.margin(limit.old.excess, c, is_cap=limit.old.is_cap) if limit.old else "–",
                        describe.margin(limit.new.excess, c, is_cap=limit.new.is_cap) if limit.new else "–")
            )
        _print(console, table)
    for change in plan.findings:
        console.print(_finding(plan, change), soft_wrap=True)


def _finding(plan: PlanDiff, change: FindingChange) -> Text:
    """`new        file:line:col: FP501 error message`: the finding line `check` prints, after its state."""
    file = plan.name if change.new else (plan.old_name or plan.name)
    state = change.state
    if state == "changed" and change.old.severity != change.new.severity:
        state = f"changed (was {change.old.severity})"
    return Text.assemble((f"{state:<10} ", _STATE_STYLE[change.state]), finding_text(file, change.finding))


def _table(title: str, columns: tuple[str, ...], right: tuple[int, ...]) -> Table:
    table = new_table(title, *columns)
    for index in right:
        # Amounts, margins and points: right-aligned and never cut, as in check's tables.
        column = table.columns[index]
        column.justify, column.no_wrap, column.overflow, column.min_width = "right", True, "fold", None
    return table


def _texts(*values: str) -> list[Text]:
    # Text objects, never markup: a line id or setting is printed as written.
    return [Text(value) for value in values]


def _print(console: Console, table: Table) -> None:
    console.print(table)
    console.print()
