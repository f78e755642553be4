"""The catalog's tooling that only the tests need: the texts the source marks, and the check that the
.po catalog is well formed. The package reads its catalog trusting its form (finplan.i18n.parse_po);
this is where a translator's slip is found, with its line, before it is shipped."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

MARKERS = {"_": 1, "N_": 1, "ngettext": 2, "Message": 1, "Plural": 2}
"""The functions that mark texts, and how many of their first arguments are message ids."""


def marked_messages(source: str) -> list[tuple[str, ...]]:
    """The message ids marked in Python `source`: `(msgid,)`, or `(singular, plural)` for ngettext."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS:
            arguments = node.args[: MARKERS[node.func.id]]
            if len(arguments) == MARKERS[node.func.id] and all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in arguments
            ):
                found.append(tuple(a.value for a in arguments))
    return found


TEXT_KEYS = ("title", "meaning", "source")
"""The keys of a profile's data file whose text a person reads; besides them, every entry of `[requires]`
(why a key is required) and of `[sources]` (a source cited by name)."""


def data_file_messages(text: str) -> list[tuple[str, int]]:
    """The texts a person reads in a profile's data file (TOML), each with the line where it is written."""
    found: list[str] = []

    def walk(node: object, key: str | None) -> None:
        if isinstance(node, dict):
            for name, value in node.items():
                if name in ("requires", "sources") and isinstance(value, dict):
                    found.extend(v for v in value.values() if isinstance(v, str))
                else:
                    walk(value, name)
        elif isinstance(node, list):
            for item in node:
                walk(item, key)
        elif isinstance(node, str) and key in TEXT_KEYS:
            found.append(node)

    walk(tomllib.loads(text), None)
    lines = text.splitlines()
    located = []
    for message in dict.fromkeys(found):
        quoted = ("'" + message + "'", '"' + message.replace("\\", "\\\\").replace('"', '\\"') + '"')
        places = [(message, number) for number, line in enumerate(lines, start=1) if any(q in line for q in quoted)]
        if not places:
            raise ValueError(f"{message!r} is not written on one line as a plain TOML string")
        located += places
    return located


class PoError(ValueError):
    """A .po file that is not well formed, with the line where it goes wrong."""

    def __init__(self, line: int, problem: str):
        super().__init__(f"line {line}: {problem}")
        self.line = line


_ESCAPES = frozenset('ntr"\\abfv')

# Each line as one letter: a blank line, a comment, msgctxt, msgid, msgid_plural, msgstr, msgstr[N],
# a continued string. An entry is then a run of letters this grammar matches.
_LETTERS = {"msgctxt": "c", "msgid": "i", "msgid_plural": "p", "msgstr": "s"}
_ENTRY = re.compile(r"(?:cq*)?iq*(?:pq*(?:nq*)+|sq*)")
_BETWEEN = re.compile(r"[b#]*")


def check_po(text: str) -> None:
    """PoError at the first line of `text` that is not what msgfmt reads: a string, a keyword or an entry."""
    letters = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            letters.append("b" if not line else "#")
            continue
        if line.startswith('"'):
            letters.append("q")
            _check_string(line, number)
            continue
        keyword, _space, rest = line.partition(" ")
        if keyword.startswith("msgstr["):
            if not re.fullmatch(r"msgstr\[[0-9]+\]", keyword):
                raise PoError(number, f"bad plural index in {keyword}")
            letters.append("n")
        elif keyword in _LETTERS:
            letters.append(_LETTERS[keyword])
        else:
            raise PoError(number, f"unknown keyword {keyword!r}")
        _check_string(rest.strip(), number)
    sequence, at = "".join(letters), 0
    while True:
        at = _BETWEEN.match(sequence, at).end()
        if at == len(sequence):
            return
        entry = _ENTRY.match(sequence, at)
        if entry is None:
            raise PoError(at + 1, "an entry is msgctxt (if any), msgid, then msgstr, or msgid_plural and msgstr[N]")
        at = entry.end()


def _check_string(text: str, line: int) -> None:
    """PoError where `text` is not a C string literal as .po files write them: `"a \\"b\\"\\n"`."""
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise PoError(line, f"expected a quoted string, found {text!r}")
    body, index = text[1:-1], 0
    while index < len(body):
        if body[index] == '"':
            raise PoError(line, 'a quote inside a string must be written \\"')
        if body[index] == "\\":
            if index + 1 >= len(body):
                raise PoError(line, "a string is not closed: its last quote is escaped")
            if body[index + 1] not in _ESCAPES:
                raise PoError(line, f"unknown escape \\{body[index + 1]}")
            index += 1
        index += 1


DATA_FILES = "finplan/profiles/data/"


def data_file_places(source: Path) -> dict[str, list[str]]:
    """Each text of the profiles' data files under `source` (src/finplan) with the places it is written,
    as the catalog refers to them: `finplan/profiles/data/anslag_1_1.toml:12`."""
    places: dict[str, list[str]] = {}
    for path in sorted((source.parent / DATA_FILES).rglob("*.toml")):
        for text, line in data_file_messages(path.read_text(encoding="utf-8")):
            places.setdefault(text, []).append(f"{path.relative_to(source.parent).as_posix()}:{line}")
    return places


def with_references(text: str, places: dict[str, list[str]]) -> str:
    """The catalog `text` with each entry whose msgid is in `places` referring (`#:`) to those places, and
    to the places it had outside the profiles' data files (in the code), sorted."""
    from finplan.i18n import parse_po

    lines = text.splitlines(keepends=True)
    for entry in sorted(parse_po(text), key=lambda e: -e.line):
        if entry.msgid not in places:
            continue
        start = entry.line - 1  # the entry's first line (msgctxt or msgid); its comments are above it
        while start > 0 and lines[start - 1].startswith("#"):
            start -= 1
        comments = lines[start : entry.line - 1]
        kept = [ref for line in comments if line.startswith("#: ") for ref in line.split()[1:] if not ref.startswith(DATA_FILES)]
        reference = f"#: {' '.join(sorted({*kept, *places[entry.msgid]}))}\n"
        lines[start : entry.line - 1] = [*(line for line in comments if not line.startswith("#: ")), reference]
    return "".join(lines)

if __name__ == "__main__":  # pragma: no cover
    # `python tests/catalog_tools.py`: refer the catalog's entries of the profiles' texts to where they are now.
    SOURCE = Path(__file__).resolve().parent.parent / "src" / "finplan"
    CATALOG = SOURCE / "locale" / "sv" / "LC_MESSAGES" / "finplan.po"
    CATALOG.write_text(with_references(CATALOG.read_text(encoding="utf-8"), data_file_places(SOURCE)), encoding="utf-8")
    sys.stdout.write(f"{CATALOG}: references refreshed\n")
