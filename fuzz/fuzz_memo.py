"""Coverage-guided fuzzing of `finplan memo check`, from a memo's bytes to its findings, against the seed's plan.

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python fuzz/fuzz_memo.py text -runs=100000
    .venv/bin/python fuzz/fuzz_memo.py docx -runs=100000

`text` reads each input as a .txt memo. `docx` reads an input that starts
as a zip or an OLE2 file as a .docx file, and any other input as the XML of
a Word document's body, packed into a Word document with everything else a
document needs, so that mutations reach python-docx and finplan's reading
of paragraphs and tables rather than stopping at the zip.

The target fails on any exception but finplan's InputError (a memo that
cannot be read is refused, never a traceback), on a refusal or a finding
longer than fuzz_check's bound (no message may repeat an unbounded input),
and on an input that takes longer than 10 seconds (a hang). Seeds are the
memos in tests/memos/, Word documents made from them, and hostile pieces
(merged cells, a cell spanning a billion columns, an encrypted Office file).
atheris writes an input that fails to crash-<hash> in the working folder:
make it a test in tests/test_hostile_memo.py.

Where atheris will not install, the same target runs on inputs from
hypothesis (random bytes and text, memo sentences made of figures and
names, Word bodies made of paragraphs and tables, and seeds with bytes
changed):

    .venv/bin/python fuzz/fuzz_memo.py text --hypothesis 100000
    .venv/bin/python fuzz/fuzz_memo.py docx --hypothesis 100000
"""

from __future__ import annotations

import io
import shutil
import signal
import sys
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from fuzz_check import MAX_MESSAGE, ROOT, TIMEOUT_SECONDS, _alarm, fuzz_with_hypothesis, mutated

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Words and figures memos are made of, for hypothesis to put together.
PIECES = (
    "300 000", "1 702 800 kronor", "2 658 128 kr", "4,4 %", "13 622 400", "38 566 657 kronor", "2,6 mnkr",
    "tre miljoner kronor", "ca 3 000 000 kr", "71.060 euro", "1,234,567.50 kr", "0,78 %", "Jämtkraft",
    "Länsstyrelsen", "Region Jämtland Härjedalen", "Länets kommuner", "1:1-anslaget", "och", ",", ".", "respektive",
    "resp.", "varav", "därav", "totalt", "summa", "Resterande", "2019-10-01", "– 2022-09-30", "1 oktober 2019",
    "tre år", "36 månader", "treårigt", "RUN/99/2019", "Projektet", "|", "\t", "\n", "\n\n", "1" * 30,
)


@cache
def plan():
    from finplan.check import check_file

    return check_file(ROOT / "budgets" / "attraktiv.yaml").plan


# The smallest package python-docx opens: its content types, its relationships, the document.
_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELATIONSHIPS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="word/document.xml" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_DOCUMENT = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>'
)


def word_document(body: bytes) -> bytes:
    """A Word document (stored, not compressed) whose body is `body`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELATIONSHIPS)
        package.writestr("word/document.xml", _DOCUMENT % body)
    return out.getvalue()


def target(data: bytes, kind: str) -> None:
    from finplan.errors import InputError
    from finplan.memo.match import check_memo
    from finplan.memo.read import memo_units

    if kind == "docx" and not data.startswith((b"PK", OLE2)):
        data = word_document(data)
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIMEOUT_SECONDS)
    try:
        try:
            units = memo_units(data, ".txt" if kind == "text" else ".docx")
        except InputError as error:
            assert len(error.message) <= MAX_MESSAGE, error.message[:200]
            return
        result = check_memo(plan(), units)
    finally:
        signal.alarm(0)
    for finding in result.findings:
        assert len(finding.message) <= MAX_MESSAGE, finding.message[:200]


def seeds(kind: str) -> list[bytes]:
    memos = [path.read_bytes() for path in sorted((ROOT / "tests" / "memos").glob("*.txt"))]
    if kind == "text":
        return memos
    paragraph = b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>"
    cell = b"<w:tc>%s<w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>"
    table = (
        b"<w:tbl><w:tr>" + cell % (b'<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>', "Jämtkraft".encode())
        + cell % (b"", b"300 000 kr") + b"</w:tr><w:tr>" + cell % (b"<w:tcPr><w:vMerge/></w:tcPr>", b"")
        + cell % (b'<w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr>', b"1 702 800 kr") + b"</w:tr></w:tbl>"
    )
    bodies = [b"".join(paragraph % line.encode() for line in memo.decode().split("\n")) for memo in memos]
    return [*bodies, table, word_document(bodies[0]), OLE2 + bytes(504) + "EncryptedPackage".encode("utf-16-le")]


def run_atheris(kind: str, argv: list[str]) -> None:
    import atheris

    with atheris.instrument_imports():
        import finplan.memo.match  # noqa: F401  (instrumented for coverage)
        import finplan.memo.read  # noqa: F401
        import finplan.memo.word  # noqa: F401
    plan()
    corpus = tempfile.mkdtemp(prefix=f"finplan-fuzz-memo-{kind}-")
    for number, seed in enumerate(seeds(kind)):
        Path(corpus, f"seed-{number}").write_bytes(seed)
    atheris.Setup([*argv, "-max_len=16384", f"-timeout={TIMEOUT_SECONDS}", corpus],
                  lambda data: target(data, kind))
    try:
        atheris.Fuzz()
    finally:
        shutil.rmtree(corpus, ignore_errors=True)


def run_hypothesis(kind: str, count: int) -> None:
    from hypothesis import strategies as st

    sentences = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)
    if kind == "text":
        inputs = st.one_of(
            st.binary(max_size=4096),
            st.text(max_size=2048).map(lambda t: t.encode("utf-8", "surrogatepass")),
            sentences.map(str.encode),
            mutated(seeds(kind)),
        )
    else:
        from xml.sax.saxutils import escape

        runs = sentences.map(lambda t: f"<w:r><w:t>{escape(t)}</w:t></w:r>")
        paragraphs = st.lists(runs, max_size=4).map(lambda rs: "<w:p>" + "".join(rs) + "</w:p>")
        properties = st.sampled_from(["", "<w:vMerge/>", '<w:vMerge w:val="restart"/>', '<w:gridSpan w:val="3"/>',
                                      '<w:gridSpan w:val="1000000000"/>', '<w:gridSpan w:val="0"/>'])
        cells = st.tuples(properties, paragraphs).map(lambda c: f"<w:tc><w:tcPr>{c[0]}</w:tcPr>{c[1]}</w:tc>")
        rows = st.tuples(st.sampled_from(["", '<w:trPr><w:gridBefore w:val="2"/></w:trPr>']),
                         st.lists(cells, max_size=4)).map(lambda r: "<w:tr>" + r[0] + "".join(r[1]) + "</w:tr>")
        tables = st.lists(rows, max_size=6).map(lambda rs: "<w:tbl>" + "".join(rs) + "</w:tbl>")
        bodies = st.lists(paragraphs | tables, max_size=8).map(lambda blocks: "".join(blocks).encode())
        inputs = st.one_of(bodies, bodies.map(word_document), st.binary(max_size=2048), mutated(seeds(kind)))
    plan()
    fuzz_with_hypothesis(lambda data: target(data, kind), inputs, count, f" ({kind})")


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("text", "docx"):
        sys.exit("usage: fuzz_memo.py text|docx [-runs=N ... | --hypothesis N]")
    kind, rest = sys.argv[1], sys.argv[2:]
    if len(rest) > 1 and rest[0] == "--hypothesis":
        run_hypothesis(kind, int(rest[1]))
    else:
        run_atheris(kind, [sys.argv[0], *rest])


if __name__ == "__main__":
    main()
