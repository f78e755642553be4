"""`finplan memo render --format docx`: a Word document with the heading, the paragraphs and a real table, ready
to paste into a memo. python-docx is imported here only, when a document is asked for.

It is set up as a Swedish office's document is: A4 with margins of 2.5 cm,
Swedish (sv-SE) as the language of the document's defaults and of every
style, so that Word checks the spelling in Swedish; the table's columns as
wide as their longest text (the financier's column takes what is left, so
a name wraps only where the page is too narrow for it); and the core
properties saying what it is: the project's name as its title, Swedish as its
language, no author (python-docx's template names itself).
"""

from __future__ import annotations

import io
from datetime import datetime, timezone

from finplan.memo.render import COLUMNS, HEADING, Section

LANGUAGE = "sv-SE"
_PAGE_MM = (210, 297)
_MARGIN_MM = 25
_CHARACTER_MM = 2.1  # the width of an average character of the body's 11 pt font, generously
_CELL_PADDING_MM = 4
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")  # what follows w:lang in a run's properties


def render(section: Section) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    _a4(document)
    _swedish(document)
    _properties(document, section)
    document.add_heading(HEADING, level=2)
    for paragraph in section.paragraphs:
        document.add_paragraph(paragraph)
    rows = (COLUMNS, *section.rows, section.sum_row)
    table = document.add_table(rows=0, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    for index, row in enumerate(rows):
        bold = index == 0 or index == len(rows) - 1
        cells = table.add_row().cells
        for column, (cell, text) in enumerate(zip(cells, row, strict=True)):
            paragraph = cell.paragraphs[0]
            paragraph.add_run(text).bold = bold
            if column >= 2:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _widths(table, rows)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _a4(document) -> None:
    from docx.shared import Mm

    for section in document.sections:
        section.page_width, section.page_height = Mm(_PAGE_MM[0]), Mm(_PAGE_MM[1])
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(_MARGIN_MM)


def _swedish(document) -> None:
    """Swedish in the document's defaults, in every style (so that none falls back on another language), and the
    theme's fonts."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    for run_properties in [properties, *(style.get_or_add_rPr() for style in styles.iterchildren(qn("w:style")))]:
        if run_properties.find(qn("w:lang")) is None:
            run_properties.insert_element_before(OxmlElement("w:lang"), *_AFTER_LANG)
    for language in styles.iter(qn("w:lang")):
        language.set(qn("w:val"), LANGUAGE)
        language.set(qn("w:eastAsia"), LANGUAGE)
    for theme_language in document.settings.element.iter(qn("w:themeFontLang")):
        theme_language.set(qn("w:val"), LANGUAGE)


def _properties(document, section: Section) -> None:
    properties = document.core_properties
    properties.title = section.project
    properties.subject = HEADING
    properties.language = LANGUAGE
    properties.author = properties.last_modified_by = ""
    properties.comments = properties.keywords = ""
    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = now
    properties.revision = 1


def _widths(table, rows) -> None:
    """Each column as wide as its longest text; the first (the financier's) takes what is left of the page."""
    from docx.shared import Mm

    text_width = _PAGE_MM[0] - 2 * _MARGIN_MM
    wanted = [max(len(row[column]) for row in rows) * _CHARACTER_MM + _CELL_PADDING_MM for column in range(len(COLUMNS))]
    others = sum(wanted[1:])
    widths = [min(wanted[0], text_width - others), *wanted[1:]]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
