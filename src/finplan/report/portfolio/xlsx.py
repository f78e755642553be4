"""`finplan summary --format xlsx`: the portfolio as a workbook to go on working with in Excel.

One sheet per table. Amounts are numbers, exact (openpyxl writes a Decimal's
digits as they are), shown in a kronor number format; text from plans is
always text, never a formula, whatever it starts with. openpyxl is imported
here only, when a workbook is asked for.

The workbook is written sheet by sheet, row by row (openpyxl's write-only
mode): a sheet of every line of ten thousand plans is never held as cells.
"""

from __future__ import annotations

import io
from decimal import Decimal

from finplan.i18n import _
from finplan.portfolio.aggregate import STATUSES, Portfolio
from finplan.report.portfolio import findings_sheet
from finplan.report.wording import NOT_IN_YEARS, PLACED, STATUS_HEADINGS, shown

MAX_SHEET_NAME = 31


def number_format(amount: Decimal, currency: str) -> str:
    """Thousands grouped by Excel's locale; öre only where there are any, as the text report prints."""
    unit = "kr" if currency == "SEK" else currency
    return f'#,##0 "{unit}"' if amount == amount.to_integral_value() else f'#,##0.00 "{unit}"'


def render(portfolio: Portfolio) -> bytes:
    """The workbook's bytes; the command line writes them through the door (finplan.files)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    findings_sheet(book, portfolio)
    several = len(portfolio.tables) > 1
    for currency, tables in portfolio.tables.items():
        for table in tables:
            name = _(table.dimension.heading) + (f" {currency}" if several else "")
            unplaced = any(row.unplaced for row in table.rows)
            header = [
                _(table.dimension.heading), *table.years, *([_(NOT_IN_YEARS)] if unplaced else []), _("Total"),
                _("Plans"),
            ]
            rows = []
            for row in (*table.rows, table.total):
                amounts = [row.years.get(year) for year in table.years]
                amounts += [row.unplaced] if unplaced else []
                plans = "; ".join(ref.label for ref, _part in row.plans(portfolio.plans))
                rows.append([shown(row.key), *amounts, row.total, plans])
            _sheet(book, name, header, rows, [currency] * len(rows), sum_row=True)
    if portfolio.frames:
        header = [_("Appropriation"), _("Year"), _("Frame"), *map(_, STATUS_HEADINGS), _("Remaining"), _("Plans")]
        rows = [
            [use.frame.appropriation, use.frame.year, use.frame.amount, *(use.by_status[s] for s in STATUSES),
             use.remaining, "; ".join(portfolio.plans[i].label for i, _part in use.plans_with(*STATUSES))]
            for use in portfolio.frames
        ]
        _sheet(book, _("Frames"), header, rows, [use.frame.currency for use in portfolio.frames])
    plans_header = [_("File"), _("Case"), _("Project"), _("Owner"), _("Currency"), _("Total"), _("Check")]
    _sheet(book, _("Plans"), plans_header, [
        [ref.name, ref.case, ref.plan.project.name, ref.plan.project.owner, ref.currency, ref.plan.total,
         _("fails") if ref.result.failed else _("passes")]
        for ref in portfolio.plans
    ], [ref.currency for ref in portfolio.plans])
    lines_header = [
        _("File"), _("Case"), _("Id"), _("Financier"), _("Kind"), _("Status"), _("Appropriation"), _("Scheme"),
        _("In years"), _("Amount"),
    ]
    _sheet(book, _("Lines"), lines_header, [
        [m.plan.name, m.plan.case, m.line.id, m.line.financier, _(m.kind), _(m.status), m.line.appropriation,
         m.line.scheme, _(PLACED[m.placement.how]), m.line.amount]
        for m in portfolio.lines
    ], [m.plan.currency for m in portfolio.lines])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet(book, name: str, header: list, rows: list[list], currencies: list[str], *, sum_row: bool = False) -> None:
    """A sheet of `rows` under a bold `header`; each row's amounts in the format of its currency.

    `sum_row`: the last row is the sum of the others, in bold.
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name[:MAX_SHEET_NAME])
    # What goes before the rows in the sheet's file is set before the first row is written.
    widths = [len(str(title)) for title in header]
    for values in rows:
        for column, value in enumerate(values):
            widths[column] = max(widths[column], min(len(str(value if value is not None else "")) + 4, 60))
    sheet.freeze_panes = "B2"
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width + 2
    # A sheet written row by row does not know its size; this one does, and says so as a whole sheet would.
    size = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    sheet.calculate_dimension = lambda: size
    bold = Font(bold=True)

    def cell(value, currency: str | None, strong: bool):
        written = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            written.data_type = "s"  # a financier named "=HYPERLINK(...)" stays text, never a formula
        elif isinstance(value, Decimal):
            written.number_format = number_format(value, currency)
        if strong:
            written.font = bold
        return written

    sheet.append([cell(str(title), None, True) for title in header])
    last = len(rows) - 1 if sum_row else -1
    for index, values in enumerate(rows):
        sheet.append([cell(value, currencies[index], index == last) for value in values])
