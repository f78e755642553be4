"""Memos in Word and PDF: read, checked, and their findings placed at the paragraph or line."""

from __future__ import annotations

import pytest
from conftest import SEED, run_finplan
from memo_files import changed_digit, seed_text, wrapped, write_docx, write_pdf

from finplan.check import check_file

TABLE = [["Finansiär", "Belopp"], *[[line.financier, f"{line.amount:,} kr".replace(",", " ")]
                                     for line in check_file(SEED).plan.financing]]


def test_a_word_memo_with_a_table_passes(tmp_path):
    memo = write_docx(tmp_path / "memo.docx", seed_text().split("\n"), TABLE)
    run = run_finplan("memo", "check", SEED, memo)
    assert (run.exit_code, run.findings(), run.file_findings()) == (0, [], []), run.output


def test_a_word_memos_finding_is_at_its_paragraph(tmp_path):
    text, at, figure = changed_digit(seed_text(), "Länsstyrelsen 1 702 800", "1 702 800")
    memo = write_docx(tmp_path / "memo.docx", text.split("\n"), TABLE)
    run = run_finplan("memo", "check", SEED, memo)
    assert run.exit_code == 1
    (finding,) = run.findings()
    # Every line of the text is a paragraph of its own, so paragraph and line agree.
    assert (finding["code"], finding["line"]) == ("FP701", str(text.count("\n", 0, at) + 1))
    assert f'"{figure} kronor" for Länsstyrelsen' in finding["message"]


def test_a_word_memos_table_cell_is_checked_at_its_row(tmp_path):
    paragraphs = seed_text().split("\n")
    rows = [row[:] for row in TABLE]
    rows[5][1] = "300 010 kr"  # Jämtkraft
    memo = write_docx(tmp_path / "memo.docx", paragraphs, rows)
    run = run_finplan("memo", "check", SEED, memo)
    (finding,) = run.findings()
    assert (finding["code"], finding["line"]) == ("FP701", str(len(paragraphs) + 6))
    assert finding["message"] == '"300 010 kr" for Jämtkraft: the plan has 300 000 kr (line `jamtkraft`): 10 kr over'


def test_a_pdf_memo_over_several_pages_passes(tmp_path):
    lines = wrapped(seed_text(), 70)
    assert any(line.rstrip()[-1].isdigit() and line.rstrip()[-2] == " " for line in lines)  # a figure wraps
    memo = write_pdf(tmp_path / "memo.pdf", lines, per_page=15)
    run = run_finplan("memo", "check", SEED, memo)
    assert (run.exit_code, run.findings(), run.file_findings()) == (0, [], []), run.output


@pytest.mark.parametrize(("around", "figure"), [("totalt 38 566 657", "38 566 657"), ("Jämtkraft 300 000", "300 000"),
                                                ("perioden 2019-10-01", "2019-10-01")])
def test_a_pdf_memos_finding_is_at_its_line(tmp_path, around, figure):
    text, at, _ = changed_digit(seed_text(), around, figure)
    marker = "\x00"
    lines = wrapped(text[:at] + marker + text[at:], 70)
    line = next(i for i, item in enumerate(lines, 1) if marker in item)
    memo = write_pdf(tmp_path / "memo.pdf", [item.replace(marker, "") for item in lines], per_page=15)
    run = run_finplan("memo", "check", SEED, memo)
    assert run.exit_code == 1
    errors = [f for f in run.findings() if f["severity"] == "error"]
    assert [int(f["line"]) for f in errors] == [line]


@pytest.mark.parametrize(("first", "second"), [
    ("Projektet omsluter totalt 38 566", "657 kronor och pågår under perioden 2019-10-01 – 2022-09-30."),
    ("Projektet omsluter totalt 38", "566 657 kronor och pågår under perioden 2019-10-01 – 2022-09-30."),
    ("Projektet omsluter totalt 38 566 657 kronor och pågår under perioden 2019-", "10-01 – 2022-09-30."),
    ("Projektet omsluter totalt 38 566 657 kronor och pågår under perioden 2019-10-", "01 – 2022-09-30."),
])
def test_a_pdf_line_break_inside_an_amount_or_a_date_is_read_across(tmp_path, first, second):
    memo = write_pdf(tmp_path / "memo.pdf", [first, second])
    run = run_finplan("memo", "check", SEED, memo)
    assert (run.exit_code, run.findings()) == (0, []), run.output
    rows = {tuple(row.split()[:5]) for row in run.output.splitlines() if row[:2] in ("1:", "2:")}
    period = f"1:{first.index('2019-') + 1}" if "2019-" in first else f"2:{second.index('2019-') + 1}"
    assert rows == {("1:27", "38", "566", "657", "kronor"), (period, "2019-10-01", "–", "2022-09-30", "period")}
    wrong = write_pdf(tmp_path / "wrong.pdf", [first.replace("38", "39"), second.replace("2022", "2023")])
    run = run_finplan("memo", "check", SEED, wrong)
    errors = [(f["code"], f["line"]) for f in run.findings() if f["severity"] == "error"]
    assert errors == [("FP702", "1"), ("FP704", "1" if first.endswith("-") else "2")], run.output


def test_a_count_at_a_pdf_lines_end_is_not_joined_to_a_number_on_the_next(tmp_path):
    memo = write_pdf(tmp_path / "memo.pdf", ["Projektet omsluter totalt 38 566 657 kronor. Antal deltagare: 2019",
                                             "300 av dem i kommunerna, 12", "450 timmar."])
    from finplan.memo.read import read_memo

    (unit,) = read_memo(memo)
    assert unit.text.endswith("2019\n300 av dem i kommunerna, 12\n450 timmar.")


def _image_only_pdf(path):
    """A scanned page: an image drawn, no text on it."""
    from memo_files import pdf_bytes

    image = b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
    content = b"q 500 0 0 700 40 60 cm /Im1 Do Q"
    path.write_bytes(pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", image,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 3 0 R >> >> /Contents 5 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]))
    return path


@pytest.mark.parametrize("make", [
    lambda folder: _image_only_pdf(folder / "skannat-beslut.pdf"),
    lambda folder: write_pdf(folder / "tomt.pdf", []),
    lambda folder: write_docx(folder / "tomt.docx", ["", "  ", ""]),
    lambda folder: _written(folder / "tomt.txt", "\n \n\t\n"),
    lambda folder: _written(folder / "tomt.html", "<!DOCTYPE html><html><head><title>Beslut 38 566 657 kronor</title></head>"
                                                  "<body>\n<p> </p></body></html>"),
], ids=["scanned pdf", "empty pdf", "empty docx", "blank txt", "html with a title only"])
def test_a_memo_with_no_text_cannot_be_checked(tmp_path, make):
    memo = make(tmp_path)
    run = run_finplan("memo", "check", SEED, memo)
    assert run.exit_code == 2, run.output
    assert "has no text; a scanned PDF needs its text layer" in run.output
    assert "FP707" not in run.output and "Traceback" not in run.output


def _written(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_a_memo_with_text_but_no_figure_is_checked_and_says_what_it_leaves_out(tmp_path):
    memo = _written(tmp_path / "kort.txt", "Projektet stärker regionens arbete med inflyttare.\n")
    run = run_finplan("memo", "check", SEED, memo)
    assert run.exit_code == 0 and {f["code"] for f in run.file_findings()} == {"FP707"}, run.output
