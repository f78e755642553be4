"""Hostile memos, each built here (none is kept in git): refused in one line with exit 2, or reported rightly.

The limits are finplan.memo.limits.MemoLimits, documented in docs/security.md
and docs/memo.md. Nothing here times a run: benchmarks/memo.py (in run.py's scaling table) measures how
the check grows with a memo.
"""

from __future__ import annotations

import io
import re
import json
import os
import signal
import struct
import zipfile
import zlib
from contextlib import contextmanager

import pytest
from conftest import ROOT, SEED, run_finplan
from memo_files import pdf_bytes, seed_text, write_docx, write_pdf

from finplan.memo.limits import MEMO_LIMITS

TOTAL = "Projektet omsluter totalt 38 566 657 kronor."


def refusal(memo, *options: str) -> str:
    """The one line `memo check` refuses `memo` with (exit 2, no traceback, nothing else said)."""
    run = run_finplan("memo", "check", SEED, memo, *options)
    lines = run.output.splitlines()
    assert run.exit_code == 2, run.output[-500:]
    assert len(lines) == 1 and "Traceback" not in run.output, run.output[-2000:]
    assert lines[0].startswith("finplan: ") and f" {memo} " in lines[0] and len(lines[0]) < 300, lines[0]
    return lines[0]


def findings(memo) -> list[dict]:
    """The memo's findings from the JSON report; a run that reads the memo exits 0 or 1."""
    run = run_finplan("memo", "check", SEED, memo, "--format", "json")
    assert run.exit_code in (0, 1), run.output[-500:]
    return [finding for file in json.loads(run.output)["files"] for finding in file["findings"]]


@contextmanager
def no_hang(seconds: int = 30):
    """Fail instead of waiting for ever: a guard against a hang, not a measure of speed."""

    def stop(signum, frame):
        raise AssertionError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- any memo: the file


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "memo.txt"
    os.mkfifo(fifo)
    with no_hang():
        line = refusal(fifo)
    assert line.endswith("is not a regular file (a named pipe, a device or a socket); finplan reads a memo from a file")


def test_a_device_behind_a_memos_name_is_refused(tmp_path):
    memo = tmp_path / "memo.txt"
    memo.symlink_to("/dev/zero")
    with no_hang():
        assert "is not a regular file" in refusal(memo)


def test_a_folder_named_as_a_memo_is_refused(tmp_path):
    (tmp_path / "memo.docx").mkdir()
    assert refusal(tmp_path / "memo.docx").endswith("is a folder, not a memo file")


def test_a_50_mb_text_memo_is_refused_on_its_size(tmp_path):
    memo = tmp_path / "memo.txt"
    memo.write_bytes((TOTAL + "\n").encode() * (50_000_000 // (len(TOTAL) + 1)))
    assert refusal(memo).endswith(f"is larger than the limit of {MEMO_LIMITS.max_bytes} bytes")


def test_a_large_sparse_memo_is_refused_before_it_is_read(tmp_path):
    memo = tmp_path / "memo.pdf"
    with memo.open("wb") as stream:
        stream.truncate(3 * 1024**3)  # 3 GiB of nothing, on no disk
    assert refusal(memo).endswith(f"is larger than the limit of {MEMO_LIMITS.max_bytes} bytes")


def test_a_memo_of_more_text_than_the_limit_is_refused(tmp_path):
    memo = tmp_path / "memo.md"
    memo.write_text("Lorem ipsum dolor sit amet.\n" * (MEMO_LIMITS.max_text_chars // 28 + 1), encoding="utf-8")
    assert refusal(memo).endswith(f"has more than {MEMO_LIMITS.max_text_chars} characters of text, the limit for a memo")


def test_a_refusal_is_in_swedish_too(tmp_path):
    fifo = tmp_path / "memo.txt"
    os.mkfifo(fifo)
    assert "är ingen vanlig fil" in refusal(fifo, "--lang", "sv")


# -- any memo: the figures


def test_20_000_amounts_in_one_sentence_are_each_read_and_noted(tmp_path):
    memo = tmp_path / "memo.txt"
    memo.write_text("1 000 kr, " * 20_000, encoding="utf-8")
    found = findings(memo)
    unmatched = [f for f in found if f["code"] == "FP708"]
    assert len(unmatched) == 20_000
    assert {f["message"] for f in unmatched} == {'"1 000 kr" matches no line, total or remainder of the plan'}
    assert [f["line"] for f in unmatched[:2]] == [1, 1] and [f["column"] for f in unmatched[:2]] == [1, 11]
    assert {f["code"] for f in found} == {"FP707", "FP708"}  # and each line of the plan is unmentioned


def test_20_000_amounts_joined_by_respektive_are_matched_by_their_values(tmp_path):
    memo = tmp_path / "memo.txt"
    memo.write_text("Jämtkraft och Länsstyrelsen ger " + "300 000, " * 19_999 + "300 000 respektive 1 702 800 kronor.",
                    encoding="utf-8")
    found = findings(memo)
    # Two names, 20 001 figures: whose is which is not said, so each is matched by its value alone.
    assert not [f for f in found if f["severity"] == "error"]
    assert not [f for f in found if "jamtkraft" in f["message"] or "lansstyrelsen" in f["message"]]


@pytest.mark.parametrize("number", ["ca " + "1" * 5_000 + " kr", "1" * 5_000 + " %", "1 000" + " 000" * 2_000,
                                    "1" * 5_000 + ",5 mnkr", "0," + "0" * 5_000 + "1 kr"])
def test_a_number_of_5_000_digits_is_no_figure_and_no_traceback(tmp_path, number):
    memo = tmp_path / "memo.txt"
    memo.write_text(f"{TOTAL} Därtill {number}.\n", encoding="utf-8")
    found = findings(memo)
    assert {f["code"] for f in found} == {"FP707"}, found  # the total matched; the long number is no figure


def test_a_figure_of_twenty_digits_is_still_read(tmp_path):
    memo = tmp_path / "memo.txt"
    memo.write_text(f"{TOTAL} Andelen är 4,412345678901234567 %.\n", encoding="utf-8")
    assert "FP708" in {f["code"] for f in findings(memo)}  # read, and the share of no line


# -- Word


def docx_bytes(body: str = f"<w:p><w:r><w:t>{TOTAL}</w:t></w:r></w:p>", extra: dict[str, bytes] | None = None,
               compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A Word document whose body is `body` (WordprocessingML), with `extra` parts added."""
    import docx

    stream = io.BytesIO()
    docx.Document().save(stream)
    with zipfile.ZipFile(stream) as template:
        parts = {info.filename: template.read(info) for info in template.infolist()}
    document = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = document.replace("<w:body>", "<w:body>" + body, 1).encode("utf-8")
    parts.update(extra or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return out.getvalue()


def zeros(size: int) -> bytes:
    """`size` zero bytes (a whole number of MiB), deflated: one compressed MiB, repeated, then an end.

    Each MiB is flushed whole (Z_FULL_FLUSH), so its compressed form is the
    same each time: a gigabyte is built in milliseconds, in a megabyte.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(1 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * (size >> 20) + zlib.compressobj(9, zlib.DEFLATED, -15).flush()


def zip_bytes(parts: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip written by hand from (name, deflated data, size its directory states, crc): a directory may lie."""
    out, directory = bytearray(), bytearray()
    for name, data, size, crc in parts:
        encoded = name.encode()
        fields = struct.pack("<HHHHHIIIHH", 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0)
        directory += b"PK\x01\x02" + struct.pack("<H", 20) + fields + struct.pack("<HHHII", 0, 0, 0, 0, len(out))
        directory += encoded
        out += b"PK\x03\x04" + fields + encoded + data
    start = len(out)
    out += directory
    out += b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(parts), len(parts), len(directory), start, 0)
    return bytes(out)


def with_zeros(document: bytes, name: str, size: int, stated: int | None = None, crc: int = 0) -> bytes:
    """`document`'s parts and a part of `size` zeros, whose size the directory states as `stated` (or truly).

    Its checksum is `crc`: a zip refused on its directory is never unpacked far enough to check one.
    """
    with zipfile.ZipFile(io.BytesIO(document)) as package:
        parts = [(info.filename, _deflated(package.read(info)), info.file_size, info.CRC)
                 for info in package.infolist()]
    return zip_bytes([*parts, (name, zeros(size), size if stated is None else stated, crc)])


def _deflated(content: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(content) + compressor.flush()


def test_the_hand_made_zip_is_a_zip_python_docx_reads(tmp_path):
    memo = tmp_path / "memo.docx"
    memo.write_bytes(with_zeros(docx_bytes(), "word/media/zeros.bin", 1 << 20, crc=zlib.crc32(bytes(1 << 20))))
    assert zipfile.ZipFile(memo).read("word/media/zeros.bin") == bytes(1 << 20)
    assert {f["code"] for f in findings(memo)} == {"FP707"}  # the total read and matched


def test_a_docx_that_unpacks_to_3_gib_is_refused_on_its_directory(tmp_path):
    memo = tmp_path / "bomb.docx"
    memo.write_bytes(with_zeros(docx_bytes(), "word/media/zeros.bin", 3 * 1024**3))
    assert memo.stat().st_size < 4_000_000
    line = refusal(memo)
    assert line.endswith(f"more than the limit of {MEMO_LIMITS.max_docx_unpacked} for a Word document")
    assert int(line.split("unpacks to ")[1].split(" ")[0]) > 3 * 1024**3


def test_a_docx_whose_directory_understates_a_part_is_never_unpacked_past_it(tmp_path):
    memo = tmp_path / "liar.docx"
    # The directory says 1 000 bytes; the data unpacks to a GiB. It is read no further than 1 001.
    memo.write_bytes(with_zeros(docx_bytes(), "word/media/zeros.bin", 1024**3, stated=1000))
    line = refusal(memo)
    assert "cannot be read as a Word document (.docx)" in line or "its zip directory states" in line


def test_a_docx_of_more_parts_than_the_limit_is_refused(tmp_path):
    memo = tmp_path / "parts.docx"
    memo.write_bytes(docx_bytes(extra={f"customXml/p{i}.xml": b"<a/>" for i in range(MEMO_LIMITS.max_docx_parts)}))
    assert refusal(memo).endswith(f"holds more than {MEMO_LIMITS.max_docx_parts} parts, the limit for a Word document")


def test_a_docx_of_more_paragraphs_than_the_limit_is_refused_before_they_are_read(tmp_path):
    memo = tmp_path / "paragraphs.docx"
    memo.write_bytes(docx_bytes("<w:p/>" * (MEMO_LIMITS.max_docx_blocks + 1)))
    assert refusal(memo).endswith(
        f"has more than {MEMO_LIMITS.max_docx_blocks} paragraphs, table rows and cells, the limit for a Word document"
    )


def test_a_cell_spanning_a_billion_columns_is_read_once(tmp_path):
    cell = ('<w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr><w:p><w:r><w:t>Jämtkraft</w:t></w:r></w:p></w:tc>'
            "<w:tc><w:p><w:r><w:t>300 000 kr</w:t></w:r></w:p></w:tc>")
    memo = tmp_path / "span.docx"
    memo.write_bytes(docx_bytes(f"<w:tbl><w:tr>{cell}</w:tr></w:tbl>"))
    with no_hang():
        found = findings(memo)
    assert "jamtkraft" not in " ".join(f["message"] for f in found if f["code"] == "FP707")  # its amount was read


def test_a_cell_merged_down_thousands_of_rows_is_read_in_one_pass(tmp_path):
    first = "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>Jämtkraft</w:t></w:r></w:p></w:tc>" \
            "<w:tc><w:p><w:r><w:t>300 000 kr</w:t></w:r></w:p></w:tc></w:tr>"
    rest = "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>300 000 kr</w:t></w:r></w:p></w:tc></w:tr>"
    memo = tmp_path / "merged.docx"
    memo.write_bytes(docx_bytes(f"<w:tbl>{first}{rest * 3_000}</w:tbl>"))
    with no_hang():
        found = findings(memo)
    # Each row is "Jämtkraft | 300 000 kr": the merged cell's text stands in every row it covers.
    assert not [f for f in found if f["severity"] == "error"]
    assert "jamtkraft" not in " ".join(f["message"] for f in found if f["code"] == "FP707")


def test_a_word_memo_with_merged_cells_reads_each_cell_once_a_row(tmp_path):
    memo = write_docx(tmp_path / "memo.docx", seed_text().split("\n"))
    plain = findings(memo)
    merged = ('<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Jämtkraft 300 000 kronor'
              "</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    memo.write_bytes(docx_bytes(merged))
    assert "jamtkraft" not in " ".join(f["message"] for f in findings(memo) if f["code"] == "FP707")
    assert plain == []


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def compound_file(*streams: str) -> bytes:
    """The start of an OLE2 compound file whose directory names `streams` (UTF-16, as the format has them)."""
    directory = b"".join(name.encode("utf-16-le").ljust(64, b"\0") + b"\0" * 64 for name in streams)
    return OLE2 + bytes(504) + directory + bytes(1024)


def test_a_password_protected_docx_is_said_to_be_encrypted(tmp_path):
    memo = tmp_path / "locked.docx"
    memo.write_bytes(compound_file("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    assert refusal(memo).endswith("is encrypted (password-protected); save it without a password")


def test_a_word_97_document_named_docx_is_said_to_be_one(tmp_path):
    memo = tmp_path / "old.docx"
    memo.write_bytes(compound_file("Root Entry", "WordDocument", "1Table"))
    assert "not a .docx; save it as .docx" in refusal(memo)


def test_a_docx_that_is_no_zip_says_so_in_one_line(tmp_path):
    memo = tmp_path / "memo.docx"
    memo.write_bytes(b"PK\x03\x04" + b"\xff" * 5000)
    assert "cannot be read as a Word document (.docx)" in refusal(memo)


# -- PDF

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def stream(content: bytes, entries: bytes = b"") -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(content), content)


def one_page(content: bytes, resources: bytes = b"/Font << /F1 3 0 R >>", more: list[bytes] = (),
             trailer: bytes = b"") -> bytes:
    """A PDF of one page drawing `content`; `more` objects are numbered from 6."""
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        FONT,
        stream(content),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents 4 0 R >>" % resources,
        *more,
    ], trailer)


TEXT = b"BT /F1 9 Tf 40 800 Td (" + TOTAL.encode("cp1252") + b") Tj ET"


def test_a_pdf_encrypted_with_a_password_is_said_to_be_encrypted(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(one_page(TEXT))))
    writer.encrypt("hemligt", algorithm="RC4-128")
    memo = tmp_path / "locked.pdf"
    writer.write(memo)
    assert refusal(memo).endswith("is encrypted (password-protected); save it without a password")


def test_a_pdf_encrypted_with_an_empty_user_password_is_read(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(one_page(TEXT))))
    writer.encrypt("", owner_password="ägaren", algorithm="RC4-128")
    memo = tmp_path / "open.pdf"
    writer.write(memo)
    run = run_finplan("memo", "check", SEED, memo)
    assert run.exit_code == 0 and "38 566 657 kronor total" in " ".join(run.output.split()), run.output


AES_256 = (
    b"<< /Filter /Standard /V 5 /R 6 /Length 256 /P -4 /StmF /StdCF /StrF /StdCF"
    b" /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >>"
    b" /O <" + b"11" * 48 + b"> /U <" + b"22" * 48 + b"> /OE <" + b"33" * 32 + b"> /UE <" + b"44" * 32 + b">"
    b" /Perms <" + b"55" * 16 + b"> >>"
)


def test_an_aes_256_pdf_is_said_to_be_encrypted(tmp_path):
    # The password check of AES-256 needs AES itself: without `cryptography` pypdf fails as it opens
    # the file; with it, the empty password does not open it. Either way: encrypted.
    memo = tmp_path / "aes.pdf"
    memo.write_bytes(one_page(TEXT, more=[AES_256], trailer=b"/Encrypt 6 0 R /ID [<00112233> <00112233>] "))
    assert refusal(memo).endswith("is encrypted (password-protected); save it without a password")


def test_an_aes_128_pdf_with_an_empty_user_password_is_said_to_be_encrypted_without_cryptography(tmp_path):
    try:
        import cryptography  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("with `cryptography`, pypdf decrypts AES itself")
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(one_page(TEXT))))
    writer.encrypt("", owner_password="ägaren", algorithm="AES-128")  # the keys need no AES; the streams do
    writer._encryption = None  # so the streams are written plain: pypdf cannot encrypt them here either
    memo = tmp_path / "aes.pdf"
    writer.write(memo)
    # The empty password opens it; its first stream then needs AES, which pypdf has not.
    assert refusal(memo).endswith("is encrypted (password-protected); save it without a password")


def test_a_pdf_of_more_pages_than_the_limit_is_refused_before_any_is_read(tmp_path):
    memo = write_pdf(tmp_path / "pages.pdf", [TOTAL] * (MEMO_LIMITS.max_pdf_pages + 1), per_page=1)
    assert refusal(memo).endswith(
        f"has {MEMO_LIMITS.max_pdf_pages + 1} pages, more than the limit of {MEMO_LIMITS.max_pdf_pages} for a PDF memo"
    )


def test_a_pdf_stream_that_decompresses_past_the_limit_is_refused(tmp_path):
    bomb = zlib.compress(TEXT + b" " * (MEMO_LIMITS.max_pdf_stream + 1), 9)
    memo = tmp_path / "bomb.pdf"
    memo.write_bytes(pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>", FONT,
        stream(bomb, b"/Filter /FlateDecode"),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>",
    ]))
    assert len(bomb) < 10_000
    assert refusal(memo).endswith(
        f"has a stream larger than {MEMO_LIMITS.max_pdf_stream} bytes once decompressed, the limit for a PDF memo"
    )


FORM_RESOURCES = b"/Font << /F1 3 0 R >> /XObject << /Fm1 6 0 R >>"


def form(content: bytes) -> bytes:
    return stream(content, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>")


def test_the_text_of_a_form_a_page_draws_is_read(tmp_path):
    memo = tmp_path / "form.pdf"
    memo.write_bytes(one_page(b"/Fm1 Do", FORM_RESOURCES, [form(TEXT)]))
    run = run_finplan("memo", "check", SEED, memo)
    assert run.exit_code == 0 and "38 566 657 kronor total" in " ".join(run.output.split()), run.output


def test_a_large_form_drawn_again_and_again_is_refused_on_the_content_it_would_read(tmp_path):
    # One megabyte (a comment, to build and to parse quickly), drawn a thousand times: a gigabyte to read.
    large = form(b"%" + b"x" * (1 << 20) + b"\n" + TEXT)
    memo = tmp_path / "forms.pdf"
    memo.write_bytes(one_page(b"/Fm1 Do " * 1000, FORM_RESOURCES, [large]))
    with no_hang():
        line = refusal(memo)
    assert line.endswith(
        f"has more than {MEMO_LIMITS.max_pdf_content} bytes of page content to read for text, the limit for a PDF memo"
    )


def test_a_small_form_drawn_a_hundred_thousand_times_is_refused(tmp_path):
    memo = tmp_path / "forms.pdf"
    memo.write_bytes(one_page(b"/Fm1 Do " * 100_000, FORM_RESOURCES, [form(b"")]))
    with no_hang():
        assert "bytes of page content to read for text" in refusal(memo)


def test_a_page_of_more_tokens_than_the_limit_is_refused_as_pypdf_parses_it(tmp_path):
    memo = tmp_path / "tokens.pdf"
    memo.write_bytes(one_page(b"1 " * MEMO_LIMITS.max_pdf_tokens + b"n " + TEXT))  # 600 KB, under the byte limit
    assert refusal(memo).endswith(
        f"has more than {MEMO_LIMITS.max_pdf_tokens} operators and operands to read for text, the limit for a PDF memo"
    )


def test_a_pdf_that_is_no_pdf_says_so_in_one_line(tmp_path):
    memo = tmp_path / "memo.pdf"
    memo.write_bytes(b"%PDF-1.7\n" + b"\x00" * 5000)
    assert "cannot be read as a PDF" in refusal(memo)


# -- every limit at and just above its value (small limits, so the files stay small)


def units(data: bytes, suffix: str, **limits: int):
    from finplan.memo.limits import MemoLimits
    from finplan.memo.read import memo_units

    return memo_units(data, suffix, MemoLimits(**limits))


def refused(data: bytes, suffix: str, **limits: int) -> str:
    from finplan.errors import InputError

    with pytest.raises(InputError) as caught:
        units(data, suffix, **limits)
    return caught.value.message


def test_the_file_size_limit_at_and_above():
    data = TOTAL.encode()
    assert units(data, ".txt", max_bytes=len(data))[0].text == TOTAL
    assert refused(data, ".txt", max_bytes=len(data) - 1) == f"is larger than the limit of {len(data) - 1} bytes"


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_the_text_limit_at_and_above_in_every_format(suffix):
    data = {".txt": TOTAL.encode(), ".docx": docx_bytes(), ".pdf": one_page(TEXT)}[suffix]
    assert units(data, suffix, max_text_chars=len(TOTAL))[0].text == TOTAL
    assert refused(data, suffix, max_text_chars=len(TOTAL) - 1) == (
        f"has more than {len(TOTAL) - 1} characters of text, the limit for a memo"
    )


def test_the_docx_parts_limit_at_and_above():
    data = docx_bytes()
    parts = len(zipfile.ZipFile(io.BytesIO(data)).infolist())
    assert units(data, ".docx", max_docx_parts=parts)
    assert refused(data, ".docx", max_docx_parts=parts - 1) == (
        f"holds more than {parts - 1} parts, the limit for a Word document"
    )


def test_the_docx_unpacked_limit_at_and_above():
    data = docx_bytes()
    size = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    assert units(data, ".docx", max_docx_unpacked=size)
    assert refused(data, ".docx", max_docx_unpacked=size - 1) == (
        f"unpacks to {size} bytes, more than the limit of {size - 1} for a Word document"
    )


def test_the_docx_blocks_limit_at_and_above():
    data = docx_bytes("<w:p/>" * 9 + f"<w:p><w:r><w:t>{TOTAL}</w:t></w:r></w:p>")
    assert units(data, ".docx", max_docx_blocks=10)[0].line == 10
    assert "has more than 9 paragraphs" in refused(data, ".docx", max_docx_blocks=9)


def test_the_pdf_pages_limit_at_and_above(tmp_path):
    data = write_pdf(tmp_path / "memo.pdf", [TOTAL] * 3, per_page=1).read_bytes()
    assert len(units(data, ".pdf", max_pdf_pages=3)) == 1  # three lines, one paragraph
    assert refused(data, ".pdf", max_pdf_pages=2) == "has 3 pages, more than the limit of 2 for a PDF memo"


def test_the_pdf_stream_limit_at_and_above():
    content = TEXT + b" " * 1000
    data = pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>", FONT,
        stream(zlib.compress(content), b"/Filter /FlateDecode"),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>",
    ])
    assert units(data, ".pdf", max_pdf_stream=len(content))[0].text == TOTAL
    assert "has a stream larger than" in refused(data, ".pdf", max_pdf_stream=len(content) - 1)


def test_the_pdf_content_limit_at_and_above_counts_each_drawing_of_a_form():
    page = b"/Fm1 Do /Fm1 Do"
    data = one_page(page, FORM_RESOURCES, [form(TEXT + b" " * 2000)])
    read = len(page) + 2 * (len(TEXT) + 2000)  # the page, and the form twice
    assert TOTAL in units(data, ".pdf", max_pdf_content=read)[0].text
    assert "bytes of page content to read for text" in refused(data, ".pdf", max_pdf_content=read - 1)


def test_the_pdf_tokens_limit_at_and_above_counts_the_elements_of_arrays():
    data = one_page(b"BT /F1 9 Tf 40 800 Td [(" + TOTAL.encode() + b") 5 ( )] TJ ET")
    # BT; /F1 9 Tf; 40 800 Td; an array of three and itself, TJ; ET: 1 + 3 + 3 + 5 + 1 tokens.
    assert units(data, ".pdf", max_pdf_tokens=13)[0].text.startswith(TOTAL)
    assert "more than 12 operators and operands" in refused(data, ".pdf", max_pdf_tokens=12)


def test_a_figure_of_twenty_digits_is_read_and_one_of_twenty_one_is_not():
    from finplan.memo.figures import find_figures

    assert MEMO_LIMITS.max_figure_digits == 20
    assert [f.text for f in find_figures("Andelen är 4,4123456789012345678 %.")] == ["4,4123456789012345678 %"]
    assert find_figures("Andelen är 4,41234567890123456789 %.") == []


def test_the_documented_memo_limits_are_the_ones_in_force():
    text = (ROOT / "docs" / "memo.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| ([^|]+?) \| ([^|]+?) \|$", text, re.MULTILINE))

    def value(row: str) -> int:
        number, mib = re.match(r"([0-9][0-9 ]*[0-9]|[0-9])( MiB)?", table[row]).groups()
        return int(number.replace(" ", "")) * (1024 * 1024 if mib else 1)

    assert value("file size") == MEMO_LIMITS.max_bytes
    assert value("text, in any format") == MEMO_LIMITS.max_text_chars
    assert value("parts in a `.docx` (a zip)") == MEMO_LIMITS.max_docx_parts
    assert value("a `.docx` unpacked, as its zip's directory states") == MEMO_LIMITS.max_docx_unpacked
    assert value("paragraphs, table rows and cells in a `.docx`") == MEMO_LIMITS.max_docx_blocks
    assert value("pages of a PDF") == MEMO_LIMITS.max_pdf_pages
    assert value("one PDF stream, decompressed") == MEMO_LIMITS.max_pdf_stream
    assert value("PDF content read for text (each page's, and each form each time it is drawn)") == (
        MEMO_LIMITS.max_pdf_content
    )
    assert value("PDF operators and operands read for text") == MEMO_LIMITS.max_pdf_tokens
