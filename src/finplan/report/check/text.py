"""The report a person reads: the plan as tables, its findings, a summary line.

Every piece of text from the plan goes into a `Text` object, never into Rich
markup, so a financier named `[bold]` prints as written. An amount or a share
finplan formats itself (digits, spaces, a comma, `kr`) is a cell as a plain
string: it holds no markup, and costs no object of its own.
"""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from finplan.findings import CheckResult, Finding
from finplan.i18n import N_, _, current_language, ngettext
from finplan.known import all_stated
from finplan.model import FinancingLine, Period, Plan
from finplan.money import format_kr, format_number, format_share
from finplan.profiles import Settings
from finplan.report.console import SEVERITY_STYLE, Printer, finding_text
from finplan.report.run import ReportRun, counts
from finplan.report.numbers import caps_table, needs_numbers, numbers_table
from finplan.report.table import MAX_YEARS, add_lines, new_table
from finplan.report import unstated
from finplan.report.wording import label
from finplan.totals import GROUPS, NOT_STATED, per_year, subtotals, total_of


def render(run: ReportRun, console: Console) -> None:
    """The report of every file, and a line over all of them when there are several."""
    out = Printer(console)
    for index, result in enumerate(run.results):
        if index and run.tables:
            out.blank()
        show_result(result, out, tables=run.tables, source=run.source, summary=not run.quiet)
    if not run.quiet and (len(run.results) > 1 or run.baselined):
        out.line(run_summary(run))
    out.flush()


def render_result(
    result: CheckResult, console: Console, *, tables: bool = True, source: bool = True, summary: bool = True
) -> None:
    """The whole report of one file: plan tables when it could be read, then findings."""
    out = Printer(console)
    show_result(result, out, tables=tables, source=source, summary=summary)
    out.flush()


def show_result(result: CheckResult, out: Printer, *, tables: bool, source: bool, summary: bool) -> None:
    if tables and isinstance(result.plan, Plan):
        out.show(plan_tables(result.plan, result.settings))
    lines = []
    for finding in result.findings:
        lines.append(finding_text(result.file, finding))
        if source and finding.snippet is not None and finding.position is not None:
            lines.append(snippet_text(finding))
    # Never wrapped: one finding is one line for grep, editors and CI logs.
    out.lines(lines)
    if summary:
        out.line(file_summary(result))


def plan_tables(plan: Plan, settings: Settings) -> Group:
    """The plan's header, financing, subtotals, caps, numbers in force, costs and yearly breakdowns."""
    parts = [_header(plan), *(table for _name, table in named_tables(plan, settings))]
    # A blank line after each part: the tables have no borders to tell them apart.
    return Group(*(item for part in parts for item in (part, Text())))


def named_tables(plan: Plan, settings: Settings) -> list[tuple[str, Table]]:
    """The plan's tables as the report shows them, each with a name a program can find it by (`caps`)."""
    parts = [("financing", _financing(plan))]
    if any(line.conditions for line in plan.financing):
        parts.append(("conditions", _conditions(plan)))
    if any(line.split for line in plan.financing):
        parts.append(("splits", _splits(plan)))
    if plan.outside_total:
        parts.append(("outside", _outside(plan)))
    parts.append(("subtotals", _subtotals(plan)))
    if plan.cited:
        parts.append(("cited", _cited(plan)))
    caps = caps_table(plan, settings)
    if caps is not None:
        parts.append(("caps", caps))
    if needs_numbers(plan, settings):
        parts.append(("numbers", _numbers(plan, settings)))
    if plan.costs:
        parts.append(("costs", _costs(plan)))
    if any(line.per_year for line in (*plan.financing, *(plan.costs or ()))):
        parts.append(("years", _years(plan)))
    return parts


_NUMBERS: dict[tuple, Table] = {}
_NUMBERS_KEPT = 32


def _numbers(plan: Plan, settings: Settings) -> Table:
    """The table of the numbers in force, built once for every plan whose numbers and their sources are the same.

    The plans of a folder, or one plan checked again as it is edited, mostly
    share their profiles' numbers: the report's largest table, the same each
    time. It is kept as it is read: by the numbers, where they come from, the
    plan's date and which date it is, its currency, and the language.
    """
    try:
        used = tuple((u.key, u.setting.kind, u.value, u.origin, u.setting.source) for u in settings.used())
        key = (current_language(), plan.currency, settings.dated, settings.on, plan.project.judged_by, used)
        table = _NUMBERS.get(key)
    except TypeError:  # a value that cannot be part of a key
        return numbers_table(plan, settings)
    if table is None:
        if len(_NUMBERS) >= _NUMBERS_KEPT:
            _NUMBERS.clear()
        table = _NUMBERS[key] = numbers_table(plan, settings)
    return table


def snippet_text(finding: Finding) -> Text:
    """The plan's line under an input error, with a caret under its column, as compilers show them."""
    number = str(finding.position.line)
    # One column a character: a tab would push the caret off its place.
    line = finding.snippet.replace("\t", " ")
    caret = " " * (min(finding.position.column, len(line) + 1) - 1) + "^"
    gutter = " " * len(number)
    return Text.assemble(
        (f" {number} | ", "dim"), line, "\n", (f" {gutter} | ", "dim"), (caret, SEVERITY_STYLE[finding.severity])
    )


def file_summary(result: CheckResult) -> Text:
    """One line: does this file pass, and with how many findings of each kind."""
    text = Text(f"{result.file}: ", style="bold")
    if not result.readable:
        text.append(_("could not be checked"), style="bold red")
    elif result.failed:
        text.append(_("fails"), style="bold red")
    else:
        text.append(_("passes"), style="bold green")
    text.append(f" ({counts(result.findings)})")
    return text


def _header(plan: Plan) -> Text:
    project = plan.project
    text = Text()
    text.append(project.name, style="bold")
    text.append(f"  {project.case or _('case not stated')}\n", style="dim")
    text.append(f"{project.owner}\n{describe_period(project.period)} · {_('total')} ")
    text.append(unstated.total_text(plan), style="bold")
    if plan.total_rounded_to:
        rounded = format_kr(plan.total_rounded_to, plan.currency)
        text.append(" " + _("(printed rounded to {amount})").format(amount=rounded), style="italic")
    document = unstated.document_text(plan)
    if document is not None:
        text.append(f"\n{document}", style="italic")
    return text


def describe_period(period: Period | None) -> str:
    """`2019-10-01 – 2022-09-30 (36 months)`; days where it is not whole months."""
    if period is None:
        return _("period not stated")
    span = f"{period.start} – {period.end}"
    if period.start > period.end:
        return span
    months = period.months
    if months is not None:
        return f"{span} ({ngettext('{n} month', '{n} months', months).format(n=months)})"
    return f"{span} ({ngettext('{n} day', '{n} days', period.days).format(n=period.days)})"


LINE_COLUMNS = (N_("Kind"), N_("Status"), N_("Amount"), N_("Share"))
"""The financing table's columns after a line's id and financier, as `line_cells` gives them."""


def line_cells(line: FinancingLine, plan: Plan) -> tuple[str, str, str, str]:
    """A financing line's kind, status, amount and share of the total, as the financing table prints them."""
    return _kind(line), unstated.status_text(line), _amount(line, plan), _share(line, plan)


def _financing(plan: Plan) -> Table:
    table = new_table(_("Financing"), N_("Id"), N_("Financier"), *LINE_COLUMNS)
    add_lines(table, plan.financing, lambda line: (Text(line.id), Text(line.financier), *_line_texts(line, plan)))
    table.add_section()
    table.add_row(
        Text(_("Sum"), style="bold"), "", "", "",
        Text(unstated.sum_text(plan.financing, plan.currency), style="bold"),
        Text(unstated.sum_share_text(plan.financing, plan), style="bold"),
    )
    return table


def _line_texts(line: FinancingLine, plan: Plan) -> tuple:
    kind, status, amount, share = line_cells(line, plan)
    return Text(kind), Text(status), amount, share  # a plan's words as Text, finplan's own figures as strings


def _share(line: FinancingLine, plan: Plan) -> str:
    if plan.total is None:
        return unstated.share_text(line, plan) or format_share(None, None)
    return format_share(line.amount, plan.total)


def _conditions(plan: Plan) -> Table:
    table = new_table(_("Decided on conditions"), N_("Id"), N_("Conditions"))
    for line_id, text in unstated.conditions(plan):
        table.add_row(Text(line_id), Text(text))
    return table


def _cited(plan: Plan) -> Table:
    """Sums over several projects that the plan's document prints beside its own: shown, never counted."""
    table = new_table(_("Cited beside the plan (over several projects; not counted)"), N_("What"), N_("Amount"), N_("Source"))
    for cited in plan.cited or ():
        table.add_row(Text(cited.what), format_kr(cited.amount, plan.currency), Text(cited.source or ""))
    return table


def _kind(line: FinancingLine) -> str:
    """`public cash`: the line's sector and form."""
    return f"{label(line.sector)} {label(line.form)}"


def _amount(line: FinancingLine, plan: Plan) -> str:
    """A line's amount, marked `~` where the document printed it rounded."""
    text = _(format_kr(line.amount, plan.currency))
    return f"~{text}" if line.rounded_to else text


def _outside(plan: Plan) -> Table:
    table = new_table(
        _("Beside the total (not counted)"), N_("Id"), N_("Financier"), N_("Kind"), N_("Status"), N_("Amount")
    )
    add_lines(table, plan.outside_total or [], lambda line: (
        Text(line.id), Text(line.financier), Text(_kind(line)),
        Text(label(line.status or NOT_STATED)), _amount(line, plan),
    ))
    return table


def _splits(plan: Plan) -> Table:
    """Each payer's part of a split line: its share of the line and of the total."""
    table = new_table(_("Split between payers"), N_("Id"), N_("Payer"), N_("Of line"), N_("Amount"), N_("Share"))
    for line in (line for line in plan.financing if line.split):
        for part in line.split:
            amount = part.amount_of(line.amount)
            # Of a line whose amount is unstated, a part's share is the one the plan declares.
            of_line = format_share(amount, line.amount) if amount is not None else format_share(part.share, Decimal(100))
            table.add_row(
                Text(line.id), Text(part.payer), of_line,
                _(format_kr(amount, plan.currency)), format_share(amount, plan.total),
            )
    return table


def _subtotals(plan: Plan) -> Table:
    table = new_table(_("Subtotals of the financing"), N_("Kind"), N_("Amount"), N_("Share"))
    sums = subtotals(plan)
    stated = all_stated(plan)
    for index, group in enumerate(GROUPS):
        if index:
            table.add_section()
        for value in GROUPS[group]:
            amount = sums[group][value]
            if value == NOT_STATED and not amount and (stated or all(line.status for line in plan.financing)):
                continue
            shown = format_kr(amount, plan.currency) if stated else unstated.subtotal_text(plan, group, value)
            share = format_share(amount, plan.total) if stated else unstated.subtotal_share_text(plan, group, value)
            table.add_row(Text(label(value)), shown, share)
    return table


def _costs(plan: Plan) -> Table:
    table = new_table(_("Costs"), N_("Id"), N_("Category"), N_("Description"), N_("Amount"), N_("Share"))
    add_lines(table, plan.costs or [], lambda line: (
        Text(line.id), Text(label(line.category)), Text(line.description or ""),
        _(format_kr(line.amount, plan.currency)), format_share(line.amount, plan.total),
    ))
    table.add_section()
    found = total_of(plan.costs or ())
    stated = all(line.amount is not None for line in plan.costs or ())
    table.add_row(
        Text(_("Sum"), style="bold"), "", "",
        Text(unstated.cost_sum_text(plan), style="bold"),
        Text(format_share(found if stated else None, plan.total), style="bold"),
    )
    return table


def _years(plan: Plan) -> Table:
    sections = [(_("Financing"), plan.financing), (_("Costs"), plan.costs or [])]
    every = sorted({year for _name, lines in sections for line in lines for year in (line.per_year or {})})
    years = every[:MAX_YEARS]
    unit = "kr" if plan.currency == "SEK" else plan.currency
    title = _("Per year ({unit})").format(unit=unit)
    if len(every) > MAX_YEARS:
        title += _(", the first {shown} of {count} years").format(shown=MAX_YEARS, count=format_number(Decimal(len(every))))
    table = new_table(title, N_("Line"), *map(str, years), N_("Total"), gap=2)
    for name, lines in sections:
        broken_down = [line for line in lines if line.per_year]
        if not broken_down:
            continue
        add_lines(table, broken_down, lambda line: (
            Text(line.id), *_year_cells(line.per_year, years), _(format_number(line.amount)),
        ))
        sums = per_year(broken_down)
        table.add_row(
            Text(name, style="bold"), *_year_cells(sums, years, style="bold"),
            Text(_(format_number(total_of(broken_down) if all(line.amount is not None for line in broken_down) else None)), style="bold"),
        )
        table.add_section()
    return table


def _year_cells(amounts: dict[int, Decimal], years: list[int], style: str = "") -> list[Text | str]:
    cells = [format_number(amounts[year]) if year in amounts else "–" for year in years]
    return [Text(cell, style=style) for cell in cells] if style else cells


def run_summary(run: ReportRun) -> Text:
    """One line over every file checked."""
    statuses = [result.status for result in run.results]
    files = len(run.results)
    text = Text(ngettext("{n} file checked", "{n} files checked", files).format(n=files) + ": ", style="bold")
    text.append(_("{passed} pass, {failed} fail, {unreadable} could not be checked").format(
        passed=statuses.count("passed"), failed=statuses.count("failed"), unreadable=statuses.count("unreadable"),
    ))
    text.append(f" ({counts([f for _result, f in run.findings()])})")
    if run.baselined:
        text.append("; " + _("{n} accepted by the baseline").format(n=run.baselined))
    return text
