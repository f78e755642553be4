"""`finplan memo render --format markdown`: a level-2 heading, paragraphs and a pipe table with the sum in bold."""

from __future__ import annotations

import re
from typing import TextIO

from finplan.memo.render import COLUMNS, HEADING, Section

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def render(section: Section, out: TextIO) -> None:
    rows = [f"| {' | '.join(_md(cell) for cell in row)} |" for row in section.rows]
    total = section.sum_row
    lines = [
        f"## {HEADING}", "", *(item for p in section.paragraphs for item in (_md(p), "")),
        f"| {' | '.join(COLUMNS)} |", "|---|---|---:|---:|", *rows,
        f"| **{total[0]}** | | **{total[2]}** | **{total[3]}** |",
    ]
    out.write("\n".join(lines) + "\n")
