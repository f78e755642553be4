"""The commented starting plan `finplan init` writes, in the reader's language.

The template is kept once, in English (plan.yaml); its comments are the texts
the catalog translates, so a translated template cannot drift from the
English one: the YAML, commented examples included, is the same in every
language. A comment is one of:

- prose: consecutive full-line comments that are not a commented example, one
  text with its line breaks (a translator wraps it as the language needs);
- a note: the comment after a value or a commented example, one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from importlib import resources

# A commented example is YAML after `# `: a key, a list item, a flow mapping, or a note's continuation.
_EXAMPLE = re.compile(r"\s*(?:[\w.]+:(?:\s|$)|- |\{|#)")
_NOTE = re.compile(r"(?<=\S)\s+# (.+)$")
_CONTINUED = re.compile(r"^\s*# (.+)$")
_PROSE = re.compile(r"^(\s*# ?)(.*)$")


def template_text() -> str:
    """The template as kept: English."""
    return resources.files("finplan.templates").joinpath("plan.yaml").read_text(encoding="utf-8")


def texts(template: str) -> Iterator[str]:
    """Every text of the template to translate, in order."""
    for kind, text, _lines in _pieces(template.split("\n")):
        if kind != "yaml":
            yield text


def translated(template: str, translate: Callable[[str], str]) -> str:
    """The template with every comment's text given by `translate`; the YAML as it stands."""
    out: list[str] = []
    for kind, text, lines in _pieces(template.split("\n")):
        if kind == "yaml":
            out += lines
        elif kind == "prose":
            prefix = _PROSE.match(lines[0]).group(1)
            out += [(prefix + part).rstrip() for part in translate(text).split("\n")]
        else:
            (line,) = lines
            note = _note(line)
            start = len(line) - len(note.group(1))
            out.append(line[:start] + translate(text))
    return "\n".join(out)


def _note(line: str) -> re.Match[str] | None:
    """The note on a line of YAML or of a commented example (commented twice, as under `costs:`).

    A comment holding no YAML after a commented example's column continues the note above it.
    """
    text, depth = line, 0
    while (stripped := text.lstrip()).startswith("#"):
        inner = stripped[1:].removeprefix(" ")
        if depth and not _EXAMPLE.match(inner):
            return _CONTINUED.search(text)
        text, depth = inner, depth + 1
    return _NOTE.search(text)


def _pieces(lines: list[str]) -> Iterator[tuple[str, str, list[str]]]:
    """(`yaml` | `prose` | `note`, the text to translate, the template's lines it stands for)."""
    index = 0
    while index < len(lines):
        line = lines[index]
        if _is_prose(line):
            block = [line]
            while index + 1 < len(lines) and _is_prose(lines[index + 1]) and _indent(lines[index + 1]) == _indent(line):
                index += 1
                block.append(lines[index])
            yield "prose", "\n".join(_PROSE.match(part).group(2) for part in block), block
        elif (note := _note(line)) is not None:
            yield "note", note.group(1), [line]
        else:
            yield "yaml", "", [line]
        index += 1


def _is_prose(line: str) -> bool:
    stripped = line.lstrip()
    return stripped.startswith("#") and not _EXAMPLE.match(stripped[1:].removeprefix(" ")) or stripped == "#"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
