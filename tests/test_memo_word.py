"""A Word memo read as Word shows it: content controls, tracked insertions, tables, text boxes, headers
and footers in; deleted text out. Each document is saved by python-docx, with raw WordprocessingML
where python-docx has no API, and holds the seed memo with one sentence of its own."""

from __future__ import annotations

import pytest
from conftest import SEED, run_finplan
from memo_files import seed_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
CHANGE = 'w:author="Handläggare" w:date="2019-08-20T10:00:00Z"'


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def deleted(text: str, number: int = 1) -> str:
    return f'<w:del w:id="{number}" {CHANGE}><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'


def inserted(text: str, number: int = 2) -> str:
    return f'<w:ins w:id="{number}" {CHANGE}>{run(text)}</w:ins>'


def sentence(figure: str) -> str:
    """A paragraph of our own: Jämtkraft's part, the figure in a run of its own."""
    return f"<w:p>{run('Jämtkraft medfinansierar projektet med ')}{run(figure)}{run(' kronor.')}</w:p>"


def text_box(inner: str) -> str:
    """A paragraph anchoring a text box, drawn for Word of today and again, as VML, for older readers."""
    content = f"<w:txbxContent>{inner}</w:txbxContent>"
    return (
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
        "<wp:anchor><wp:extent cx=\"2000000\" cy=\"500000\"/><wp:docPr id=\"1\" name=\"Textruta 1\"/><a:graphic>"
        "<a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
        f"<wps:wsp><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        f"</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )


# Each construct holds "300 100" where the plan has Jämtkraft's 300 000, once as Word shows it.
WRONG = {
    "content control around a paragraph": (
        f"<w:sdt><w:sdtPr><w:alias w:val=\"Finansiering\"/><w:tag w:val=\"belopp\"/></w:sdtPr>"
        f"<w:sdtContent>{sentence('300 100')}</w:sdtContent></w:sdt>"
    ),
    "content control around the figure": (
        f"<w:p>{run('Jämtkraft medfinansierar projektet med ')}<w:sdt><w:sdtPr><w:alias w:val=\"Belopp\"/></w:sdtPr>"
        f"<w:sdtContent>{run('300 100')}</w:sdtContent></w:sdt>{run(' kronor.')}</w:p>"
    ),
    "tracked insertion": (
        f"<w:p>{run('Jämtkraft medfinansierar projektet med ')}{deleted('300 000')}{inserted('300 100')}"
        f"{run(' kronor.')}</w:p>"
    ),
    "a table row in a content control": (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        f"<w:tr><w:tc><w:p>{run('Finansiär')}</w:p></w:tc><w:tc><w:p>{run('Belopp')}</w:p></w:tc></w:tr>"
        f"<w:sdt><w:sdtContent><w:tr><w:tc><w:p>{run('Jämtkraft')}</w:p></w:tc>"
        f"<w:tc><w:sdt><w:sdtContent><w:p>{run('300 100 kr')}</w:p></w:sdtContent></w:sdt></w:tc></w:tr>"
        "</w:sdtContent></w:sdt></w:tbl>"
    ),
    "text box": text_box(sentence("300 100")),
}

# As Word shows them these say 300 000: the wrong figure is deleted, or moved away.
RIGHT = {
    "deleted text": (
        f"<w:p>{run('Jämtkraft medfinansierar projektet med ')}{deleted('300 100')}{inserted('300 000')}"
        f"{run(' kronor.')}</w:p>"
    ),
    "a deleted paragraph's words": f"<w:p>{deleted('Jämtkraft medfinansierar projektet med 300 100 kronor.')}</w:p>",
    "moved text": (
        f"<w:p><w:moveFrom w:id=\"3\" {CHANGE}><w:r><w:t>Jämtkraft bidrar med 300 100 kronor.</w:t></w:r></w:moveFrom>"
        f"<w:moveTo w:id=\"4\" {CHANGE}>{run('Jämtkraft bidrar med 300 000 kronor.')}</w:moveTo></w:p>"
    ),
    "a deleted table row": (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        f"<w:tr><w:tc><w:p>{run('Jämtkraft')}</w:p></w:tc><w:tc><w:p>{run('300 000 kr')}</w:p></w:tc></w:tr>"
        f"<w:tr><w:trPr><w:del w:id=\"5\" {CHANGE}/></w:trPr><w:tc><w:p>{run('Jämtkraft')}</w:p></w:tc>"
        f"<w:tc><w:p>{run('300 100 kr')}</w:p></w:tc></w:tr></w:tbl>"
    ),
    "a content control's placeholder": (
        "<w:p><w:sdt><w:sdtPr><w:placeholder><w:docPart w:val=\"Jämtkraft 300 100 kronor\"/></w:placeholder>"
        f"</w:sdtPr><w:sdtContent>{run('Jämtkraft bidrar med 300 000 kronor.')}</w:sdtContent></w:sdt></w:p>"
    ),
}


def memo_with(tmp_path, body_xml: str = "", header: str = "", footer: str = ""):
    """The seed memo, a paragraph a line, then `body_xml`; `header` and `footer` as the section's."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    for line in seed_text().split("\n"):
        document.add_paragraph(line)
    body = document.element.body
    if body_xml:
        for element in parse_xml(f"<w:body {NAMESPACES}>{body_xml}</w:body>"):
            body.sectPr.addprevious(element)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    path = tmp_path / "memo.docx"
    document.save(str(path))
    return path


def errors(memo) -> list[tuple[str, int]]:
    checked = run_finplan("memo", "check", SEED, memo)
    assert checked.exit_code in (0, 1), checked.output
    return [(f["code"], int(f["line"])) for f in checked.findings() if f["severity"] == "error"]


FIRST_AFTER_THE_SEED = len(seed_text().split("\n")) + 1


@pytest.mark.parametrize("construct", WRONG, ids=str)
def test_a_wrong_figure_is_found_inside(tmp_path, construct):
    line = FIRST_AFTER_THE_SEED + (1 if "table" in construct or "text box" in construct else 0)
    assert errors(memo_with(tmp_path, WRONG[construct])) == [("FP701", line)]


@pytest.mark.parametrize("construct", RIGHT, ids=str)
def test_a_figure_word_does_not_show_is_not_read(tmp_path, construct):
    checked = run_finplan("memo", "check", SEED, memo_with(tmp_path, RIGHT[construct]))
    assert (checked.exit_code, checked.findings()) == (0, []), checked.output


def test_a_header_and_a_footer_are_read_after_the_body(tmp_path):
    memo = memo_with(tmp_path, header="Jämtkraft bidrar med 300 100 kronor.",
                     footer="Projektet omsluter totalt 38 566 658 kronor.")
    assert errors(memo) == [("FP701", FIRST_AFTER_THE_SEED), ("FP702", FIRST_AFTER_THE_SEED + 1)]


def test_a_text_box_drawn_twice_is_read_once_after_its_paragraph(tmp_path):
    from finplan.memo.read import read_memo

    units = read_memo(memo_with(tmp_path, text_box(sentence("300 000")) + sentence("300 000")))
    ours = [(unit.line, unit.text) for unit in units if unit.line >= FIRST_AFTER_THE_SEED]
    said = "Jämtkraft medfinansierar projektet med 300 000 kronor."
    assert ours == [(FIRST_AFTER_THE_SEED + 1, said), (FIRST_AFTER_THE_SEED + 2, said)]


def test_a_headers_paragraphs_count_in_the_limit_on_paragraphs(tmp_path):
    from finplan.errors import InputError
    from finplan.memo.limits import MemoLimits
    from finplan.memo.read import memo_units

    data = memo_with(tmp_path, header="Sidhuvud").read_bytes()
    blocks = len(seed_text().split("\n")) + 1
    assert memo_units(data, ".docx", MemoLimits(max_docx_blocks=blocks))[-1].text == "Sidhuvud"
    with pytest.raises(InputError, match=f"more than {blocks - 1} paragraphs"):
        memo_units(data, ".docx", MemoLimits(max_docx_blocks=blocks - 1))


NOTES = {"footnote": ("footnotes", "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"),
         "endnote": ("endnotes", "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml")}


def with_notes(tmp_path, kind: str, notes: dict[str, str], marks: list[str], deleted_marks: list[str] = ()):
    """The seed memo, then a paragraph of ours with a mark of each note in `marks` (by id), and the notes part
    python-docx cannot make: Word's two separator notes, then `notes` (id -> the note's text), in the order given."""
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    part_name, content_type = NOTES[kind]
    document = docx.Document()
    for line in seed_text().split("\n"):
        document.add_paragraph(line)
    mark = "".join(f'<w:r><w:{kind}Reference w:id="{id}"/></w:r>' for id in marks)
    mark += "".join(f'<w:del w:id="9{id}" {CHANGE}><w:r><w:{kind}Reference w:id="{id}"/></w:r></w:del>' for id in deleted_marks)
    paragraph = f"<w:p>{run('Projektet redovisas i en bilaga.')}{mark}</w:p>"
    document.element.body.sectPr.addprevious(parse_xml(f"<w:body {NAMESPACES}>{paragraph}</w:body>")[0])
    separators = "".join(f'<w:{kind} w:type="{t}" w:id="{i}"><w:p>{run("___")}</w:p></w:{kind}>'
                         for i, t in ((-1, "separator"), (0, "continuationSeparator")))
    own = "".join(f'<w:{kind} w:id="{id}"><w:p><w:r><w:{kind}Ref/></w:r>{run(" " + text)}</w:p></w:{kind}>'
                  for id, text in notes.items())
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{part_name} {NAMESPACES}>{separators}{own}</w:{part_name}>'
    part = Part(PackURI(f"/word/{part_name}.xml"), content_type, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{part_name}")
    path = tmp_path / "memo.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize("kind", NOTES)
def test_a_note_is_read_after_the_body_in_the_order_of_its_marks(tmp_path, kind):
    from finplan.memo.read import read_memo

    notes = {"2": "Jämtkraft medfinansierar med 300 100 kronor, enligt avtal.",
             "1": "Länsstyrelsen bidrar med arbetad tid motsvarande 1 702 800 kronor."}
    memo = with_notes(tmp_path, kind, notes, ["1", "2", "1"])
    ours = [(unit.line, unit.text.strip()) for unit in read_memo(memo) if unit.line > FIRST_AFTER_THE_SEED]
    # The mark "1" then "2": the notes as Word numbers them, each once; the separators are no note of the memo.
    assert ours == [(FIRST_AFTER_THE_SEED + 1, notes["1"]), (FIRST_AFTER_THE_SEED + 2, notes["2"])]
    assert errors(memo) == [("FP701", FIRST_AFTER_THE_SEED + 2)]


def test_a_note_whose_mark_is_deleted_or_missing_is_not_read(tmp_path):
    memo = with_notes(tmp_path, "footnote", {"1": "Jämtkraft bidrar med 300 100 kronor.",
                                             "2": "Projektet omsluter totalt 38 566 658 kronor."}, [], ["1"])
    checked = run_finplan("memo", "check", SEED, memo)
    assert (checked.exit_code, checked.findings()) == (0, []), checked.output


def test_a_comment_is_not_read(tmp_path):
    import docx

    document = docx.Document()
    paragraphs = [document.add_paragraph(line) for line in seed_text().split("\n")]
    said = next(p for p in paragraphs if "Jämtkraft" in p.text)
    document.add_comment(said.runs, text="Ska det vara 300 100 kronor från Jämtkraft? Totalt 38 566 658 kronor?",
                         author="Granskare", initials="GR")
    document.save(str(tmp_path / "memo.docx"))
    checked = run_finplan("memo", "check", SEED, tmp_path / "memo.docx")
    assert (checked.exit_code, checked.findings()) == (0, []), checked.output
