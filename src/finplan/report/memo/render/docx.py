"""`finplan memo render --format docx`: a Word document with the heading, the paragraphs and a real table, ready
to paste into a memo. python-docx is imported here only, when a document is asked for."""

from __future__ import annotations

import io

from finplan.memo.render import COLUMNS, HEADING, Section


def render(section: Section) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    document.add_heading(HEADING, level=2)
    for paragraph in section.paragraphs:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=0, cols=len(COLUMNS))
    table.style = "Table Grid"
    for index, row in enumerate((COLUMNS, *section.rows, section.sum_row)):
        bold = index == 0 or index == len(section.rows) + 1
        cells = table.add_row().cells
        for column, (cell, text) in enumerate(zip(cells, row, strict=True)):
            paragraph = cell.paragraphs[0]
            paragraph.add_run(text).bold = bold
            if column >= 2:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
