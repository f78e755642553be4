"""`finplan summary --format xlsx`: the portfolio as a workbook to go on working with in a spreadsheet.

One sheet per table, each with a filter on its header and the header and
first column frozen. A column has one number format for all its cells:
amounts in kronor with öre (`#,##0.00 "kr"`), so their decimals line up, and
negative ones red; years are numbers. A table's sums are formulas over its
cells (`=SUM(B2:B7)`), which a spreadsheet recalculates on opening (finplan
writes no cached value: openpyxl cannot) and which come to finplan's own
figures to the öre. Text from plans is always text, never a formula, whatever
it starts with: a formula is only ever made here, of cell addresses. openpyxl
is imported here only, when a workbook is asked for.

The workbook is written sheet by sheet, row by row (openpyxl's write-only
mode): a sheet of every line of ten thousand plans is never held as cells.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from finplan.i18n import _, current_language, ngettext
from finplan.portfolio.aggregate import STATUSES, Portfolio, Table
from finplan.report.portfolio import findings_sheet
from finplan.report.wording import NOT_IN_YEARS, PLACED, STATUS_HEADINGS, plan_title, shown

MAX_SHEET_NAME = 31
YEAR = "0"
"""A year's format: a number, with no digit groups."""


def money_format(currencies: set[str]) -> str:
    """One format for a column of amounts: öre always, so decimals line up; negative in red; the unit where it is one."""
    (currency,) = currencies if len(currencies) == 1 else (None,)
    unit = "" if currency is None else f' "{"kr" if currency == "SEK" else currency}"'
    return f"#,##0.00{unit};[Red]-#,##0.00{unit}"


@dataclass(frozen=True, slots=True)
class Formula:
    """A formula finplan makes of cell addresses alone; no text from a plan is ever one."""

    text: str


@dataclass(frozen=True, slots=True)
class Column:
    """A column's header (text, or a year as a number) and the one number format of its cells, if any."""

    header: str | int
    number_format: str | None = None


def render(portfolio: Portfolio) -> bytes:
    """The workbook's bytes; the command line writes them through the door (finplan.files)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    book.properties.title = _("Financing portfolio")
    book.properties.creator = "finplan"
    book.properties.language = current_language()
    book.calculation.fullCalcOnLoad = True  # the sums are formulas without cached values: worked out on opening
    findings_sheet(book, portfolio)
    several = len(portfolio.tables) > 1
    for currency, tables in portfolio.tables.items():
        for table in tables:
            _table_sheet(book, _(table.dimension.heading) + (f" {currency}" if several else ""), table, portfolio)
    if portfolio.frames:
        _frames_sheet(book, portfolio)
    plans = portfolio.plans
    _sheet(book, _("Plans"), [
        Column(_("Plan")), Column(_("File")), Column(_("Case")), Column(_("Owner")), Column(_("Currency")),
        Column(_("Total"), money_format({ref.currency for ref in plans})), Column(_("Check")),
    ], [
        [plan_title(ref), ref.name, ref.case, ref.plan.project.owner, ref.currency, ref.plan.total,
         _("fails") if ref.result.failed else _("passes")]
        for ref in plans
    ])
    lines = portfolio.lines
    _sheet(book, _("Lines"), [
        Column(_("Plan")), Column(_("File")), Column(_("Id")), Column(_("Financier")), Column(_("Kind")),
        Column(_("Status")), Column(_("Appropriation")), Column(_("Scheme")), Column(_("In years")),
        Column(_("Currency")), Column(_("Amount"), money_format({m.plan.currency for m in lines})),
    ], [
        [plan_title(m.plan), m.plan.name, m.line.id, m.line.financier, _(m.kind), _(m.status), m.line.appropriation,
         m.line.scheme, _(PLACED[m.placement.how]), m.plan.currency, m.line.amount]
        for m in lines
    ])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _table_sheet(book, name: str, table: Table, portfolio: Portfolio) -> None:
    """A table's rows by year; each row's Total and the Sum row are SUM formulas over the amounts."""
    from openpyxl.utils import get_column_letter

    unplaced = any(row.unplaced for row in table.rows)
    money = money_format({table.currency})
    columns = [Column(_(table.dimension.heading)), *(Column(year, money) for year in table.years)]
    columns += [Column(_(NOT_IN_YEARS), money)] if unplaced else []
    columns += [Column(_("Total"), money), Column(_("Plans"))]
    amounts = len(columns) - 3  # the years and the money not in years, from column B on
    first, last = "B", get_column_letter(1 + amounts)
    count = len(table.rows)
    rows = []
    for index, row in enumerate(table.rows, start=2):
        cells = [row.years.get(year) for year in table.years] + ([row.unplaced or None] if unplaced else [])
        total = Formula(f"SUM({first}{index}:{last}{index})") if amounts else row.total
        rows.append([shown(row.key), *cells, total, "; ".join(plan_title(ref) for ref, _part in row.plans(portfolio.plans))])
    plans = table.total.plans(portfolio.plans)
    sums = [
        Formula(f"SUM({letter}2:{letter}{count + 1})") if count else None
        for letter in map(get_column_letter, range(2, amounts + 3))
    ]
    rows.append([shown(table.total.key), *sums, ngettext("{n} plan", "{n} plans", len(plans)).format(n=len(plans))])
    _sheet(book, name, columns, rows, sum_row=True)


def _frames_sheet(book, portfolio: Portfolio) -> None:
    """Each frame, its money by status, and what remains: the frame less the money, as a formula."""
    money = money_format({use.frame.currency for use in portfolio.frames})
    columns = [Column(_("Appropriation")), Column(_("Year"), YEAR), Column(_("Frame"), money)]
    columns += [Column(_(s), money) for s in STATUS_HEADINGS] + [Column(_("Remaining"), money), Column(_("Plans"))]
    rows = [
        [use.frame.appropriation, use.frame.year, use.frame.amount, *(use.by_status[s] for s in STATUSES),
         Formula(f"C{index}-SUM(D{index}:G{index})"),
         "; ".join(plan_title(portfolio.plans[i]) for i, _part in use.plans_with(*STATUSES))]
        for index, use in enumerate(portfolio.frames, start=2)
    ]
    _sheet(book, _("Frames"), columns, rows)


def _sheet(book, name: str, columns: Sequence[Column], rows: list[list], *, sum_row: bool = False) -> None:
    """A sheet of `rows` under a bold header that filters them, with the header and first column frozen.

    Every cell of a column has the column's number format. `sum_row`: the last
    row is the sum of the others, in bold, and left out of the filter, so that
    sorting the rows never moves it among them.
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name[:MAX_SHEET_NAME])
    # What goes before the rows in the sheet's file is set before the first row is written.
    widths = [len(str(column.header)) for column in columns]
    for values in rows:
        for index, value in enumerate(values):
            if not isinstance(value, Formula):
                widths[index] = max(widths[index], min(len(str(value if value is not None else "")) + 4, 60))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
    right = get_column_letter(len(columns))
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{right}{len(rows) + (0 if sum_row else 1)}"
    # A sheet written row by row does not know its size; this one does, and says so as a whole sheet would.
    size = f"A1:{right}{len(rows) + 1}"
    sheet.calculate_dimension = lambda: size
    bold = Font(bold=True)

    def cell(value, column: Column, strong: bool):
        written = WriteOnlyCell(sheet, value=f"={value.text}" if isinstance(value, Formula) else value)
        if isinstance(value, str):
            written.data_type = "s"  # a financier named "=HYPERLINK(...)" stays text, never a formula
        if column.number_format and not isinstance(value, str):
            written.number_format = column.number_format
        if strong:
            written.font = bold
        return written

    sheet.append([cell(column.header, Column(column.header, YEAR), True) for column in columns])
    last = len(rows) - 1 if sum_row else -1
    for index, values in enumerate(rows):
        sheet.append([cell(value, column, index == last) for value, column in zip(values, columns, strict=True)])
