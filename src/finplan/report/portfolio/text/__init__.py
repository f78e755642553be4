"""`finplan summary` for people: the portfolio's tables per year, its frames, and what was spread.

The overview that reads on one screen is `overview.py`; `--full` prints the
tables of this module, every dimension by year.

Text from plans goes into `Text` objects, never Rich markup, as in report/check/text.py.
"""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from finplan.findings import some
from finplan.i18n import N_, _, ngettext
from finplan.money import format_kr, format_number
from finplan.portfolio.aggregate import LEFT_OUT_CODES, STATUSES, Portfolio, Row, Table
from finplan.report.run import counts
from finplan.report.console import finding_text
from finplan.report.table import MAX_ROWS, MAX_YEARS, add_lines, new_table
from finplan.report.wording import NOT_IN_YEARS, STATUS_HEADINGS, financing_sum, counting_line, shown

PLANS_SHOWN = 3
"""Plans named in a row of the text tables; json, csv and xlsx name them all."""


def unit(currency: str) -> str:
    return "kr" if currency == "SEK" else currency


def render(portfolio: Portfolio, console: Console) -> None:
    """The plans left out at the top; the overview, or with `--full` every table; frames, findings, the sums."""
    from finplan.report.portfolio.text import overview

    left_out = portfolio.left_out
    if left_out:
        console.print(Text(counting_line(portfolio), style="bold red"), soft_wrap=True)
        for result in portfolio.unreadable:  # why each could not be read, at its line
            for finding in result.findings:
                console.print(finding_text(portfolio.names.get(result.file, result.file), finding), soft_wrap=True)
        for file, finding in left_out:
            console.print(finding_text(file, finding), soft_wrap=True)
        console.print()
    if portfolio.full:
        for currency in portfolio.currencies:
            for table in portfolio.tables[currency]:
                for part in year_tables(table, portfolio, console.width):
                    console.print(part)
                    console.print()
    else:
        overview.render(portfolio, console)
    if portfolio.frames:
        console.print(frames_table(portfolio))
        console.print()
    placed = {how: portfolio.lines_placed(how) for how in ("spread", "unplaced")}
    if portfolio.full:
        for title, how in ((N_("Spread by days over their period"), "spread"), (N_("Not placed in years"), "unplaced")):
            if placed[how]:
                console.print(lines_table(_(title), placed[how], how))
                console.print()
    elif placed["spread"] or placed["unplaced"]:
        console.print(_("Lines without a yearly breakdown: {spread} spread by days over their period, {unplaced} "
                        "not placed in years (`--full` lists them)").format(
            spread=len(placed["spread"]), unplaced=len(placed["unplaced"])), soft_wrap=True)
        console.print()
    for file, finding in portfolio.findings:
        if finding.code not in LEFT_OUT_CODES:
            console.print(finding_text(file, finding), soft_wrap=True)
    console.print(closing_line(portfolio), soft_wrap=True)


def year_tables(table: Table, portfolio: Portfolio, width: int) -> list[RichTable]:
    """A dimension's rows by year, in as many tables as it takes to keep every amount whole in `width`.

    The years are cut into runs that fit beside the row names; the last run
    also has what no year holds (where anything), the total and the plans.
    """
    unplaced = any(row.unplaced for row in table.rows)
    # Rows and years shown are bounded, so a portfolio with a financier and a year on every line
    # is not a table of lines x years; the json, csv and xlsx formats hold every figure.
    shown_years = table.years[:MAX_YEARS]
    rows = [*table.rows[:MAX_ROWS], table.total]
    name_width = min(max(len(shown(row.key)) for row in rows), 24)
    year_width = {year: max(len(str(year)), *(len(amount_or_dash(row.years.get(year))) for row in rows)) + 2 for year in shown_years}
    tail = max(len(format_number(row.total)) for row in rows) + 2 + 16  # the total and some of the plans
    if unplaced:
        tail += max(len(_(NOT_IN_YEARS)), *(len(format_number(row.unplaced)) for row in rows)) + 2
    runs, run, used = [], [], name_width
    for year in shown_years:
        if run and used + year_width[year] + (tail if year == shown_years[-1] else 0) > width:
            runs.append(run)
            run, used = [], name_width
        run.append(year)
        used += year_width[year]
    runs.append(run)
    title = _(table.dimension.title).format(unit=unit(table.currency))
    if len(table.years) > MAX_YEARS:
        title += _(", the first {shown} of {count} years").format(
            shown=MAX_YEARS, count=format_number(Decimal(len(table.years)))
        )
    return [
        _year_table(
            table, portfolio, years, unplaced, last=index == len(runs) - 1,
            title=title if len(runs) == 1 or not years else f"{title}, {year_range(years[0], years[-1])}",
        )
        for index, years in enumerate(runs)
    ]


def _year_table(table: Table, portfolio: Portfolio, years: list[int], unplaced: bool, *, last: bool, title: str) -> RichTable:
    unplaced = unplaced and last
    columns = [table.dimension.heading, *map(str, years)]
    if unplaced:
        columns.append(NOT_IN_YEARS)
    rich = new_table(title, *columns, *((N_("Total"), N_("Plans")) if last else ()), gap=2)
    if unplaced:
        column = rich.columns[len(columns) - 1]
        column.justify, column.no_wrap = "right", True
    for row in table.rows[:MAX_ROWS]:
        labels = [ref.label for ref, _share in row.plans(portfolio.plans)]
        rich.add_row(*_cells(row, years, unplaced, last), *((Text(_(some(labels, PLANS_SHOWN))),) if last else ()))
    if len(table.rows) > MAX_ROWS:
        rich.add_row(Text(_("… {n} more").format(n=format_number(Decimal(len(table.rows) - MAX_ROWS))), style="dim"))
    rich.add_section()
    count = len(table.total.by_plan)
    plans = Text(ngettext("{n} plan", "{n} plans", count).format(n=count), style="bold")
    rich.add_row(*_cells(table.total, years, unplaced, last, style="bold"), *((plans,) if last else ()))
    return rich


def year_range(first: int, last: int) -> str:
    """`2019–2023`; one year alone as itself, `2027`."""
    return str(first) if first == last else f"{first}–{last}"


def amount_or_dash(amount: Decimal | None) -> str:
    return "–" if amount is None else format_number(amount)


def _cells(row: Row, years: list[int], unplaced: bool, last: bool, style: str = "") -> list[Text]:
    cells = [Text(shown(row.key), style=style)]
    cells += [Text(amount_or_dash(row.years.get(year)), style=style) for year in years]
    if unplaced:
        cells.append(Text(amount_or_dash(row.unplaced or None), style=style))
    if last:
        cells.append(Text(format_number(row.total), style=style))
    return cells


def frames_table(portfolio: Portfolio) -> RichTable:
    """Each frame: decided, applied, proposed and unstated money in it, and what remains."""
    rich = new_table(
        _("Frames ({file})").format(file=portfolio.frames_file), N_("Appropriation"), N_("Year"), N_("Frame"),
        *STATUS_HEADINGS, N_("Remaining"),  # every amount ends in its unit: one space apart reads
    )
    for index in range(2, 8):
        rich.columns[index].justify, rich.columns[index].no_wrap = "right", True
    for use in portfolio.frames:
        remaining = use.remaining
        rich.add_row(
            Text(use.frame.appropriation), Text(str(use.frame.year)),
            Text(format_kr(use.frame.amount, use.frame.currency)),
            *(Text(format_kr(use.by_status[s], use.frame.currency)) for s in STATUSES),
            Text(format_kr(remaining, use.frame.currency), style="bold red" if remaining < 0 else "green"),
        )
    return rich


def lines_table(title: str, lines, how: str) -> RichTable:
    """The lines placed in years by days, or not placed at all, with their plans."""
    if how == "spread":
        columns = (N_("Plan"), N_("Id"), N_("Period"), N_("Amount"))
    else:
        columns = (N_("Plan"), N_("Id"), N_("Amount"))
    rich = new_table(title, *columns)
    rich.min_width = len(title)
    # The first lines and how many more, as in the check's tables; json, csv, xlsx and HTML list them all.
    add_lines(rich, lines, lambda money: (
        Text(money.plan.label), Text(money.line.id),
        *([Text(f"{money.placement.start} – {money.placement.end}")] if how == "spread" else []),
        Text(_(format_kr(money.line.amount, money.plan.currency))),
    ))
    return rich


def closing_line(portfolio: Portfolio) -> Text:
    """How many plans are counted, their sum per currency against their declared totals, and the findings."""
    counted = portfolio.counted
    plans = len(counted)
    text = Text(ngettext("{n} plan summarised", "{n} plans summarised", plans).format(n=plans), style="bold")
    for currency in portfolio.currencies:
        text.append("; " + financing_sum(portfolio, currency))
    failing = sum(1 for ref in counted if ref.result.failed)
    if failing:
        fails = ngettext("{n} fails its check (`finplan check` says why)",
                         "{n} fail their check (`finplan check` says why)", failing)
        text.append("; " + fails.format(n=failing), style="bold red")
    left = len(portfolio.plans) - plans + len(portfolio.unreadable)
    if left:
        text.append("; " + _("{n} left out (named at the top)").format(n=left), style="bold red")
    if portfolio.frames_file is not None:
        found = counts([finding for _file, finding in portfolio.findings if finding.code not in LEFT_OUT_CODES])
        text.append("; " + _("frames: {counts}").format(counts=found))
    return text

