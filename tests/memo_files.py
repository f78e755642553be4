"""Memos in the file formats finplan reads, written for the tests: .docx through python-docx,
.pdf by hand (one font, one text object a page, as a word processor's export holds text)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import ROOT

SEED_MEMO = ROOT / "tests" / "memos" / "attraktiv.txt"


def seed_text() -> str:
    return SEED_MEMO.read_text(encoding="utf-8")


def changed_digit(text: str, around: str, figure: str) -> tuple[str, int, str]:
    """`text` with the last digit of `figure` (found inside `around`) one higher, mod 10.

    Returns the new text, the offset of the changed figure, and the figure as it now reads.
    """
    at = text.index(around) + around.index(figure)
    last = max(i for i, c in enumerate(figure) if c.isdigit())
    new_figure = figure[:last] + str((int(figure[last]) + 1) % 10) + figure[last + 1:]
    return text[:at] + new_figure + text[at + len(figure):], at, new_figure


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def write_docx(path: Path, paragraphs: list[str], rows: list[list[str]] = ()) -> Path:
    """A Word document: the paragraphs (every line of a text, empty ones too), then a table of `rows`."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if rows:
        table = document.add_table(rows=0, cols=len(rows[0]))
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
    document.save(str(path))
    return path


def wrapped(text: str, width: int = 80) -> list[str]:
    """The text's lines wrapped at `width`, blank lines left out, as a PDF's extracted text has them."""
    return [piece for line in text.split("\n") for piece in textwrap.wrap(line, width)]


def write_pdf(path: Path, lines: list[str], per_page: int = 40) -> Path:
    """A PDF of `lines` in Helvetica (WinAnsi encoding, so å, ä, ö, – and no-break spaces print)."""

    def literal(text: str) -> bytes:
        return text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the pages are numbered
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for page in pages:
        content = b"BT /F1 9 Tf 12 TL 40 800 Td " + b"".join(b"(" + literal(line) + b") Tj T* " for line in page) + b"ET"
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % len(objects)
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    path.write_bytes(pdf_bytes(objects))
    return path


def pdf_bytes(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF of `objects` (numbered from 1, the first the catalog), with a cross-reference table;
    `trailer` adds entries to the trailer (an /Encrypt, an /ID)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, start)
    return bytes(out)
