"""`finplan summary`'s formats and `finplan report`'s site, one module each; finplan.report registers them.

Here also the workbook's first sheet, Findings, kept apart from the tables of
xlsx.py (whose form is its own): it opens on how many plans are added up,
then lists every finding: why each plan
that could not be read could not be, the plans left out (FP806-FP808), then
the frames' and de minimis findings (finplan.portfolio.counted). Every cell is
text, never a formula, whatever a plan wrote. openpyxl is imported only when a
workbook is written.
"""

from __future__ import annotations

from finplan.findings import location
from finplan.i18n import _
from finplan.portfolio.aggregate import Portfolio
from finplan.report.wording import counting_line


def findings_sheet(book, portfolio: Portfolio) -> None:
    """The Findings sheet (Anmärkningar), written into the write-only workbook `book` before any other."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    sheet = book.create_sheet(_("Findings"))
    found = [
        (portfolio.names.get(result.file, result.file), finding)
        for result in portfolio.unreadable for finding in result.findings
    ] + portfolio.findings
    for column, width in zip("ABCD", (40, 8, 9, 100), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A3"
    if found:  # the header row filters the findings, by code or severity as by file
        sheet.auto_filter.ref = f"A2:D{len(found) + 2}"

    def row(*values: str, font=None) -> list:
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # a case or a name written "=..." stays text
            if font is not None:
                cell.font = font
            cells.append(cell)
        return cells

    # Red where plans are left out of the sums, as the HTML report's banner.
    sheet.append(row(counting_line(portfolio), font=Font(bold=True, color="B3261E" if portfolio.left_out else None)))
    sheet.append(row(_("File"), _("Code"), _("Severity"), _("Message"), font=Font(bold=True)))
    for file, finding in found:
        sheet.append(row(location(file, finding), finding.code, str(finding.severity), _(finding.message)))
    if not found:
        sheet.append(row(_("None.")))
