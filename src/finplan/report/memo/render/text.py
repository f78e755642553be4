"""`finplan memo render --format text`: paragraphs, then the table in columns two spaces apart, amounts to the right."""

from __future__ import annotations

from typing import TextIO

from finplan.memo.render import COLUMNS, HEADING, Section


def render(section: Section, out: TextIO) -> None:
    rows = [COLUMNS, *section.rows, section.sum_row]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]

    def line(row) -> str:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2]), row[3].rjust(widths[3])]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * width for width in widths)
    table = [line(COLUMNS), rule, *(line(row) for row in section.rows), rule, line(section.sum_row)]
    out.write("\n\n".join([HEADING, *section.paragraphs, "\n".join(table)]) + "\n")
