"""`finplan memo render --format html`: a page of its own with the section, every text from the plan escaped."""

from __future__ import annotations

import html
from typing import TextIO

from finplan.memo.render import COLUMNS, HEADING, Section


def render(section: Section, out: TextIO) -> None:
    e = html.escape
    head = "".join(f"<th>{e(c)}</th>" for c in COLUMNS)
    body = "".join(
        f"\n<tr><td>{e(r[0])}</td><td>{e(r[1])}</td><td class=\"num\">{e(r[2])}</td><td class=\"num\">{e(r[3])}</td></tr>"
        for r in section.rows
    )
    total = section.sum_row
    paragraphs = "".join(f"<p>{e(p)}</p>\n" for p in section.paragraphs)
    out.write(
        "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{e(HEADING)} – {e(section.project)}</title>\n"
        "<style>body{font-family:sans-serif;max-width:48em;margin:2em auto}"
        "table{border-collapse:collapse}th,td{border:1px solid #999;padding:.2em .5em;text-align:left}"
        ".num{text-align:right;white-space:nowrap}tfoot{font-weight:bold}</style>\n</head>\n<body>\n"
        f"<section class=\"finplan-memo\">\n<h2>{e(HEADING)}</h2>\n{paragraphs}"
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>{body}\n</tbody>\n"
        f"<tfoot><tr><td>{e(total[0])}</td><td></td><td class=\"num\">{e(total[2])}</td>"
        f"<td class=\"num\">{e(total[3])}</td></tr></tfoot>\n</table>\n</section>\n</body>\n</html>\n"
    )
