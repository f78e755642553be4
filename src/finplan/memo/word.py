"""A Word memo (.docx) as units: its paragraphs and table rows, each limit checked before its work.

A .docx is a zip of XML files ("parts"). Before python-docx sees it:

- a file that starts as an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1) is a
  password-protected Office file (it holds an `EncryptedPackage` stream) or a
  Word 97-2003 .doc, and is said to be the one or the other;
- the zip's directory may list at most `max_docx_parts` parts, unpacking to
  at most `max_docx_unpacked` bytes in all: both are read from the directory
  (its end record first, so a directory of a million entries is not even
  read), before anything is unpacked;
- each part is then unpacked no further than the size the directory states
  (and one byte more, to catch a directory that lies), and python-docx gets
  a copy of the package made from those bytes, stored without compression:
  it reads exactly what was measured.

In the parsed document (the body, then its footnotes and endnotes in the order
of their marks, then every header and footer), paragraphs,
table rows and cells are counted before their text is read
(`max_docx_blocks`), and the text read stops at `max_text_chars`. What text
is read, and in what order, is `wordml`'s: the text as Word shows it, with
tracked changes accepted.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

from finplan.errors import InputError
from finplan.findings import shorten
from finplan.i18n import Message
from finplan.memo.limits import MemoLimits
from finplan.memo.units import Unit, encrypted, reason, too_much_text

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # a stream's name in the compound file's directory
_END_OF_DIRECTORY = b"PK\x05\x06"
_DIRECTORY_ENTRY_BYTES = 1024  # what one part may take in the zip's directory, its name and extra fields included
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FOOTNOTES = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
              _W + "footnote", _W + "footnoteReference")
_ENDNOTES = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes",
             _W + "endnote", _W + "endnoteReference")


def docx_units(data: bytes, limits: MemoLimits) -> list[Unit]:
    """The paragraphs and table rows of a Word document, numbered from the top of its body; headers and footers after."""
    try:
        import docx
    except ImportError:  # pragma: no cover - the `memo` extra is not installed
        raise InputError(
            Message("is a Word document; reading one needs python-docx (pip install 'finplan[memo]')")
        ) from None
    package = _package(data, limits)
    try:
        document = docx.Document(package)
        return _units(document, limits)
    except InputError:
        raise
    except Exception as error:  # python-docx and lxml raise many kinds on a damaged file
        raise _unreadable(error) from None


def _package(data: bytes, limits: MemoLimits) -> io.BytesIO:
    """The zip's parts, measured and unpacked within the limits, as a stored (uncompressed) copy."""
    if data.startswith(_OLE2):
        if _ENCRYPTED_PACKAGE in data:
            raise encrypted()
        raise InputError(Message(
            "is an Office file of the older kind (such as a .doc from Word 97-2003), not a .docx; save it as .docx"
        ))
    _check_directory_size(data, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except Exception as error:  # not a zip, a damaged directory
        raise _unreadable(error) from None
    _check_parts(parts, limits)
    unpacked: dict[str, bytes] = {}  # by name: the last of a repeated name, as zipfile reads by name
    for part in parts:
        try:
            with archive.open(part) as member:
                content = member.read(part.file_size + 1)
        except Exception as error:  # a damaged part, an unknown compression
            raise _unreadable(error) from None
        if len(content) > part.file_size:
            raise InputError(Message(
                "has a part ({part}) that unpacks to more than the {size} bytes its zip directory states",
                part=shorten(part.filename), size=part.file_size,
            ))
        unpacked[part.filename] = content
    copy = io.BytesIO()
    with zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as stored:
        for name, content in unpacked.items():
            stored.writestr(name, content)
    copy.seek(0)
    return copy


def _check_directory_size(data: bytes, limits: MemoLimits) -> None:
    """Refuse a zip whose end record announces more parts, or a larger directory, than the limit allows.

    zipfile reads the whole directory before anyone can count it; the end
    record, in the last 64 KiB, says how large it is. A zip without one is left
    to zipfile to refuse.
    """
    end = data.rfind(_END_OF_DIRECTORY, max(0, len(data) - 65_557))
    if end < 0 or len(data) < end + 22:
        return
    entries, directory_bytes = struct.unpack_from("<HI", data, end + 10)
    if entries > limits.max_docx_parts or directory_bytes > limits.max_docx_parts * _DIRECTORY_ENTRY_BYTES:
        raise _too_many_parts(limits)


def _check_parts(parts: list[zipfile.ZipInfo], limits: MemoLimits) -> None:
    if len(parts) > limits.max_docx_parts:
        raise _too_many_parts(limits)
    if any(part.flag_bits & 0x1 for part in parts):  # a part encrypted with the zip's own password
        raise encrypted()
    size = sum(part.file_size for part in parts)
    if size > limits.max_docx_unpacked:
        raise InputError(Message("unpacks to {size} bytes, more than the limit of {limit} for a Word document",
                                 size=size, limit=limits.max_docx_unpacked))


def _units(document, limits: MemoLimits) -> list[Unit]:
    """The body's paragraphs and rows, then its footnotes', its endnotes', its headers' and its footers', numbered on
    from the body's last."""
    from finplan.memo import wordml

    body = document.element.body
    parts = [body, *_notes(document, body, _FOOTNOTES), *_notes(document, body, _ENDNOTES), *_headers_and_footers(document)]
    blocks = 0
    for part in parts:
        for _ in part.iter(wordml.P, wordml.TR, wordml.TC):
            blocks += 1
            if blocks > limits.max_docx_blocks:
                raise InputError(Message(
                    "has more than {limit} paragraphs, table rows and cells, the limit for a Word document",
                    limit=limits.max_docx_blocks,
                ))
    units: list[Unit] = []
    number = characters = 0
    for part in parts:
        for block in wordml.blocks(part):
            is_table = not isinstance(block, str)
            for text in block if is_table else [block]:
                number += 1  # every paragraph and row counts, an empty paragraph too
                characters += len(text)
                if characters > limits.max_text_chars:
                    raise too_much_text(limits)
                if is_table or text.strip():
                    units.append(Unit(text, number))
    return units


def _notes(document, body, kind: tuple[str, str, str]) -> list:
    """The footnotes (or endnotes) the body shows a mark of, in the order of their marks, as Word numbers them.

    A note without a shown mark (Word's separator lines, a note whose mark was
    deleted with tracked changes) is not on the page, and is not read.
    """
    from docx.oxml import parse_xml

    from finplan.memo import wordml

    relationship, note, mark = kind
    for rel in document.part.rels.values():
        if rel.reltype == relationship and not rel.is_external:
            root = getattr(rel.target_part, "element", None)
            root = parse_xml(rel.target_part.blob) if root is None else root  # a part python-docx has no class for
            notes = {element.get(wordml.ID): element for element in root.iterchildren(note)}
            return [notes[id] for id in wordml.marks(body, mark) if id in notes]
    return []


def _headers_and_footers(document) -> list:
    """The document's headers, then its footers, each part once (sections share them), in the order of their names."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    found = {}
    for kind in (RT.HEADER, RT.FOOTER):
        targets = [rel.target_part for rel in document.part.rels.values() if rel.reltype == kind and not rel.is_external]
        for part in sorted(targets, key=lambda part: _natural(str(part.partname))):
            found.setdefault(id(part), part.element)
    return list(found.values())


def _natural(name: str) -> tuple:
    """`header2.xml` before `header10.xml`."""
    return tuple(int(piece) if piece.isdigit() else piece for piece in re.split(r"(\d+)", name))


def _too_many_parts(limits: MemoLimits) -> InputError:
    return InputError(Message("holds more than {limit} parts, the limit for a Word document",
                              limit=limits.max_docx_parts))


def _unreadable(error: Exception) -> InputError:
    return InputError(Message("cannot be read as a Word document (.docx): {reason}", reason=reason(error)))
