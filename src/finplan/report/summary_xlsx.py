"""`finplan summary --format xlsx`: the portfolio as a workbook to go on working with in Excel.

One sheet per table. Amounts are numbers, exact (openpyxl writes a Decimal's
digits as they are), shown in a kronor number format; text from plans is
always text, never a formula, whatever it starts with. openpyxl is imported
here only, when a workbook is asked for.
"""

from __future__ import annotations

import os
import tempfile
from decimal import Decimal
from pathlib import Path

from finplan.errors import InputError
from finplan.portfolio.aggregate import STATUSES, Portfolio

MAX_SHEET_NAME = 31


def number_format(amount: Decimal, currency: str) -> str:
    """Thousands grouped by Excel's locale; öre only where there are any, as the text report prints."""
    unit = "kr" if currency == "SEK" else currency
    return f'#,##0 "{unit}"' if amount == amount.to_integral_value() else f'#,##0.00 "{unit}"'


def write(portfolio: Portfolio, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    several = len(portfolio.tables) > 1
    for currency, tables in portfolio.tables.items():
        for table in tables:
            name = table.dimension.heading + (f" {currency}" if several else "")
            unplaced = any(row.unplaced for row in table.rows)
            header = [table.dimension.heading, *table.years, *(["Not in years"] if unplaced else []), "Total", "Plans"]
            rows = []
            for row in (*table.rows, table.total):
                amounts = [row.years.get(year) for year in table.years]
                amounts += [row.unplaced] if unplaced else []
                plans = "; ".join(ref.label for ref, _ in row.plans(portfolio.plans))
                rows.append([row.key, *amounts, row.total, plans])
            _sheet(book, name, header, rows, [currency] * len(rows))
    if portfolio.frames:
        header = ["Appropriation", "Year", "Frame", *(s.capitalize() for s in STATUSES), "Remaining", "Plans"]
        rows = [
            [use.frame.appropriation, use.frame.year, use.frame.amount, *(use.by_status[s] for s in STATUSES),
             use.remaining, "; ".join(portfolio.plans[i].label for i, _ in use.plans_with(*STATUSES))]
            for use in portfolio.frames
        ]
        _sheet(book, "Frames", header, rows, [use.frame.currency for use in portfolio.frames])
    _sheet(book, "Plans", ["File", "Case", "Project", "Owner", "Currency", "Total", "Check"], [
        [ref.name, ref.case, ref.plan.project.name, ref.plan.project.owner, ref.currency, ref.plan.total,
         "fails" if ref.result.failed else "passes"]
        for ref in portfolio.plans
    ], [ref.currency for ref in portfolio.plans])
    lines_header = ["File", "Case", "Id", "Financier", "Kind", "Status", "Appropriation", "Scheme", "In years", "Amount"]
    _sheet(book, "Lines", lines_header, [
        [m.plan.name, m.plan.case, m.line.id, m.line.financier, m.kind, m.status, m.line.appropriation, m.line.scheme,
         {"per_year": "breakdown", "spread": "spread by days", "unplaced": "not placed"}[m.placement.how], m.line.amount]
        for m in portfolio.lines
    ], [m.plan.currency for m in portfolio.lines])
    _save(book, path)


def _sheet(book, name: str, header: list, rows: list[list], currencies: list[str]) -> None:
    """A sheet of `rows` under a bold `header`; each row's amounts in the format of its currency."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name[:MAX_SHEET_NAME])
    sheet.append([str(title) for title in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(str(title)) for title in header]
    for index, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=index + 2, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # a financier named "=HYPERLINK(...)" stays text, never a formula
            elif isinstance(value, Decimal):
                cell.number_format = number_format(value, currencies[index])
            widths[column - 1] = max(widths[column - 1], min(len(str(value if value is not None else "")) + 4, 60))
    if rows and rows[-1][0] == "Sum" and header[0] != "File":
        for cell in sheet[len(rows) + 1]:
            cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width + 2


def _save(book, path: Path) -> None:
    """The workbook written whole or not at all, as `finplan.files.write_atomic` writes text."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            book.save(stream)
        os.replace(temporary, path)
    except OSError as error:
        raise InputError(f"{path} cannot be written: {error.strerror or error}") from None
    finally:
        if "temporary" in locals() and os.path.exists(temporary):
            os.unlink(temporary)
