"""`finplan summary --format csv`: every figure of the portfolio as one long table.

One record per figure, for spreadsheets and scripts to filter and pivot:

    table,currency,row,year,measure,amount,plans
    appropriation,SEK,Reg.tillväxt (anslag 1:1),2020,year,6439505.85,
    appropriation,SEK,Reg.tillväxt (anslag 1:1),,total,19283329,budgets/attraktiv.yaml
    frames,SEK,Reg.tillväxt (anslag 1:1),2020,applied,6439505.85,budgets/attraktiv.yaml

`table` is findings, appropriation, financier, scheme, status, kind or
frames; a row's `measure` is `year` (the money in `year`), `not in years` or
`total`; a frame's is `frame`, one of the statuses, or `remaining`. `plans`
names the plans that make up a total, or a frame's status, largest first,
separated by `; `. Amounts are exact decimals with a point, as programs read them.

The findings come first, a record each: the message in `row` (in English,
as every word of this table, whatever `--lang`), the code in `measure`, the
file in `plans`, no amount. The plans left out of the sums
(FP806-FP808) lead them:

    findings,,the same case RUN/99/2019 as budgets/attraktiv.yaml, which is counted; ...,,FP806,,budgets/copy.yaml

`csv_sv.py` writes the same records for a Swedish spreadsheet.
"""

from __future__ import annotations

import csv
from typing import TextIO

from finplan.portfolio.aggregate import STATUSES, Portfolio
from finplan.report.portfolio.json import amount

HEADER = ("table", "currency", "row", "year", "measure", "amount", "plans")


def records(portfolio: Portfolio):
    for file, finding in portfolio.findings:
        yield "findings", "", str(finding.message), "", finding.code, "", file  # English, as every key here
    for currency, tables in portfolio.tables.items():
        for table in tables:
            for row in (*table.rows, table.total):
                for year in table.years:
                    if year in row.years:
                        yield table.dimension.name, currency, row.key, year, "year", amount(row.years[year]), ""
                if row.unplaced:
                    yield table.dimension.name, currency, row.key, "", "not in years", amount(row.unplaced), ""
                plans = "; ".join(ref.name for ref, _ in row.plans(portfolio.plans))
                yield table.dimension.name, currency, row.key, "", "total", amount(row.total), plans
    for use in portfolio.frames:
        frame = use.frame
        yield "frames", frame.currency, frame.appropriation, frame.year, "frame", amount(frame.amount), ""
        for status in STATUSES:
            plans = "; ".join(portfolio.plans[i].name for i, _ in use.plans_with(status))
            yield "frames", frame.currency, frame.appropriation, frame.year, status, amount(use.by_status[status]), plans
        yield "frames", frame.currency, frame.appropriation, frame.year, "remaining", amount(use.remaining), ""


def render(portfolio: Portfolio, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(records(portfolio))
