"""The text summary's overview: a portfolio on one screen, per currency.

Its sum rows stand in bold with no blank line above them, a line saved a table.

Two tables a currency: the money of each year by status (a year a row, so
that nine years stand in nine lines, not in three tables side by side), and
the appropriations with their totals and first plans. `finplan summary
--full` prints every table of every dimension instead (report/portfolio/text/).
"""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from finplan.findings import some
from finplan.i18n import N_, _, ngettext
from finplan.money import format_number
from finplan.portfolio.aggregate import Portfolio, Table
from finplan.report.portfolio.text import amount_or_dash as _amount, unit
from finplan.report.table import MAX_YEARS, new_table
from finplan.report.wording import NOT_IN_YEARS, STATUS_HEADINGS, shown

APPROPRIATIONS_SHOWN = 8
"""Appropriations the overview lists; `--full`, json, csv and xlsx list them all."""
PLANS_SHOWN = 2


def render(portfolio: Portfolio, console: Console) -> None:
    for currency in portfolio.currencies:
        tables = {table.dimension.name: table for table in portfolio.tables[currency]}
        console.print(years_by_status(tables["status"]))
        console.print()
        console.print(appropriations(tables["appropriation"], portfolio))
        console.print()


def years_by_status(table: Table) -> RichTable:
    """A row a year, a column a status that holds money, and the total; what no year holds in a row of its own."""
    rows = [row for row in table.rows if row.total or row.years]
    headings = dict(zip(("decided", "applied", "proposed", "not stated"), STATUS_HEADINGS, strict=True))
    title = _("Financing per year by status ({unit})").format(unit=unit(table.currency))
    rich = new_table(title, N_("Year"), *(headings.get(row.key, row.key) for row in rows), N_("Total"), gap=2)
    rich.min_width = len(title)
    for column in rich.columns[1:]:
        column.justify, column.no_wrap = "right", True
    years = table.years[:MAX_YEARS]
    for year in years:
        rich.add_row(
            Text(str(year)), *(Text(_amount(row.years.get(year))) for row in rows),
            Text(_amount(table.total.years.get(year))),
        )
    if len(table.years) > MAX_YEARS:
        more = format_number(Decimal(len(table.years) - MAX_YEARS))
        rich.add_row(Text(_("… {n} more years (`--full`)").format(n=more), style="dim"))
    if table.total.unplaced:
        rich.add_row(
            Text(_(NOT_IN_YEARS)), *(Text(_amount(row.unplaced or None)) for row in rows),
            Text(_amount(table.total.unplaced)),
        )
    rich.add_row(
        Text(_("Sum"), style="bold"), *(Text(format_number(row.total), style="bold") for row in rows),
        Text(format_number(table.total.total), style="bold"),
    )
    return rich


def appropriations(table: Table, portfolio: Portfolio) -> RichTable:
    """Each appropriation's total and its largest plans; the first few, and how many more."""
    title = _("Financing by appropriation ({unit})").format(unit=unit(table.currency))
    rich = new_table(title, N_("Appropriation"), N_("Total"), N_("Plans"), gap=2)
    for row in table.rows[:APPROPRIATIONS_SHOWN]:
        labels = [ref.label for ref, _part in row.plans(portfolio.plans)]
        rich.add_row(Text(shown(row.key)), Text(format_number(row.total)), Text(_(some(labels, PLANS_SHOWN))))
    if len(table.rows) > APPROPRIATIONS_SHOWN:
        more = format_number(Decimal(len(table.rows) - APPROPRIATIONS_SHOWN))
        rich.add_row(Text(_("… {n} more (`--full`)").format(n=more), style="dim"))
    count = len(table.total.by_plan)
    rich.add_row(
        Text(_("Sum"), style="bold"), Text(format_number(table.total.total), style="bold"),
        Text(ngettext("{n} plan", "{n} plans", count).format(n=count), style="bold"),
    )
    return rich
