"""`finplan diff` for people: per plan, what changed in the money, as tables, then the findings."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from finplan.report import wording as describe
from finplan.diff.compare import DiffRun, FindingChange, PlanDiff, worst_first
from finplan.i18n import N_, _
from finplan.report.table import new_table
from finplan.report.console import Printer, finding_text

_STATE_STYLE = {"new": "bold red", "changed": "yellow", "fixed": "green", "unchanged": "dim"}


def render(run: DiffRun, console: Console) -> None:
    out = Printer(console)
    old, new = describe.shown(run.old_label), describe.shown(run.new_label)
    out.line(Text.assemble(("finplan diff: ", "bold"), old, " → ", new))
    for plan in worst_first(run.plans):
        out.blank()
        show_plan(plan, out)
    out.blank()
    plans, findings = describe.summary(run.plans, run.unchanged)
    out.line(Text.assemble((plans + ". ", "bold"), findings))
    out.flush()


def show_plan(plan: PlanDiff, out: Printer) -> None:
    c = plan.currency
    heading = Text(plan.name, style="bold")
    if plan.renamed:
        heading.append(" " + _("(renamed from {name})").format(name=plan.old_name))
    old_status, new_status = describe.status_word(plan.old_status), describe.status_word(plan.new_status)
    heading.append(f": {describe.state_word(plan.state)}, {old_status} → {new_status}")
    out.line(heading)
    if plan.facts:
        table = _table(_("Project"), (N_("What"), N_("Before"), N_("After")), right=())
        for fact in plan.facts:
            old, new = (describe.fact_text(fact, value, c) for value in (fact.old, fact.new))
            table.add_row(*_texts(describe.fact_word(fact.what), old, new))
        _print(out, table)
    if plan.lines:
        columns = (N_("Line"), N_("State"), N_("Before"), N_("After"), N_("Change"), N_("Change in share"))
        table = _table(_("Lines"), columns, right=(2, 3, 4, 5))
        for line in plan.lines:
            table.add_row(
                *_texts(describe.line_word(line), describe.state_word(line.state), describe.line_amount(line.old, line.state, "old", c),
                        describe.line_amount(line.new, line.state, "new", c), describe.signed_kr(line.change, c), describe.points(line.points))
            )
        _print(out, table)
    years = [(line, year) for line in plan.lines for year in line.years]
    if years:
        columns = (N_("Line"), N_("Year"), N_("Before"), N_("After"), N_("Change"))
        table = _table(_("Yearly amounts"), columns, right=(1, 2, 3, 4))
        for line, year in years:
            table.add_row(
                *_texts(describe.line_word(line), str(year.year), describe.amount(year.old, c),
                        describe.amount(year.new, c), describe.signed_kr((year.new or 0) - (year.old or 0), c))
            )
        _print(out, table)
    fields = [(line, change) for line in plan.lines for change in line.fields]
    if fields:
        table = _table(_("Other fields"), (N_("Line"), N_("Field"), N_("Before"), N_("After")), right=())
        for line, change in fields:
            old, new = describe.field_value(change.old), describe.field_value(change.new)
            table.add_row(*_texts(describe.line_word(line), change.name, old, new))
        _print(out, table)
    if any(s.changed for s in plan.subtotals):
        table = _table(_("Subtotals of the financing"), (N_("Kind"), N_("Before"), N_("After"), N_("Change")),
                       right=(1, 2, 3))
        for s in plan.subtotals:
            table.add_row(*_texts(describe.label(s.value), describe.subtotal_amount(s.old, s.old_unstated, s.old_lines, c), describe.subtotal_amount(s.new, s.new_unstated, s.new_lines, c),
                                  describe.signed_kr(s.change, c)))
        _print(out, table)
    if plan.limits and plan.money_changed:
        columns = (N_("Limit"), N_("Amount before"), N_("Amount after"), N_("Margin before"), N_("Margin after"))
        table = _table(_("Caps and floors"), columns, right=(1, 2, 3, 4))
        for limit in plan.limits:
            table.add_row(
                *_texts(describe.shown(limit.name), describe.amount(limit.old and limit.old.amount, c),
                        describe.amount(limit.new and limit.new.amount, c),
                        describe.margin(limit.old.excess, c, is_cap=limit.old.is_cap) if limit.old else "–",
                        describe.margin(limit.new.excess, c, is_cap=limit.new.is_cap) if limit.new else "–")
            )
        _print(out, table)
    for change in plan.findings:
        out.line(_finding(plan, change))


def _finding(plan: PlanDiff, change: FindingChange) -> Text:
    """`new        file:line:col: FP501 error message`: the finding line `check` prints, after its state."""
    file = plan.name if change.new else (plan.old_name or plan.name)
    shown = f"{describe.finding_state(change):<10} "
    return Text.assemble((shown, _STATE_STYLE[change.state]), finding_text(file, change.finding))


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


def _print(out: Printer, table: Table) -> None:
    out.show(table)
    out.blank()
