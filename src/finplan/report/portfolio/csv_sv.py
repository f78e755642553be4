"""`finplan summary --format csv-sv`: the csv's records as a Swedish Excel opens them on a double-click.

Fields apart by semicolons, amounts with a decimal comma (`6439505,85`, no
digit groups, so that each is read as a number), the file starting with a
UTF-8 byte order mark (without it Excel reads UTF-8 as the old Windows
code page: `Ã¥` for `å`), and lines ending in CRLF, as Excel writes them.
The records and their header are the plain csv's (`csv.py`), word for word:
`--lang sv` translates no machine format.

Text that a spreadsheet would take for a formula (a financier written
`=HYPERLINK(...)`, `+46...`, `-x`, `@cmd`, or starting with a tab or a carriage
return) gets a leading apostrophe, which Excel and LibreOffice show as text:
a file opened on a double-click never runs what a plan wrote.
"""

from __future__ import annotations

import csv
from typing import TextIO

from finplan.portfolio.aggregate import Portfolio
from finplan.report.portfolio.csv import HEADER, records

AMOUNT = HEADER.index("amount")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(index: int, value: object) -> object:
    if index == AMOUNT and value != "":
        return str(value).replace(".", ",")
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def render(portfolio: Portfolio, out: TextIO) -> None:
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows([cell(index, value) for index, value in enumerate(record)] for record in records(portfolio))
