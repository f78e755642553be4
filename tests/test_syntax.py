"""YAML mistakes come back in a plan author's words, at the line where the fix goes."""

from __future__ import annotations

import inspect
import re

import pytest
import yaml.parser
import yaml.reader
import yaml.scanner
from conftest import run_finplan

from finplan.syntax import explain

# Every message libyaml's scanner, parser and reader can set (src/scanner.c,
# src/parser.c, src/reader.c of libyaml 0.2.5), as problems and as contexts.
LIBYAML = [
    "block sequence entries are not allowed in this context", "could not find expected ':'",
    "could not find expected directive name", "did not find URI escaped octet", "did not find expected '!'",
    "did not find expected alphabetic or numeric character", "did not find expected comment or line break",
    "did not find expected digit or '.' character", "did not find expected hexdecimal number",
    "did not find expected tag URI", "did not find expected version number",
    "did not find expected whitespace or line break", "did not find expected whitespace",
    "did not find the expected '>'", "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected", "found an incorrect leading UTF-8 octet",
    "found an incorrect trailing UTF-8 octet", "found an indentation indicator equal to 0",
    "found character that cannot start any token", "found extremely long version number",
    "found invalid Unicode character escape code", "found unexpected ':'", "found unexpected document indicator",
    "found unexpected end of stream", "found unexpected non-alphabetical character", "found unknown directive name",
    "found unknown escape character", "mapping keys are not allowed in this context",
    "mapping values are not allowed in this context", "while parsing a %TAG directive", "while parsing a quoted scalar",
    "while parsing a tag directive", "while parsing a tag", "while scanning a %TAG directive",
    "while scanning a %YAML directive", "while scanning a block scalar", "while scanning a directive",
    "while scanning a plain scalar", "while scanning a quoted scalar", "while scanning a simple key",
    "while scanning a tag directive", "while scanning a tag", "while scanning an alias", "while scanning an anchor",
    "while scanning for the next token",
    "Maximum nesting level reached, set with yaml_set_max_nest_level())", "did not find expected ',' or ']'",
    "did not find expected ',' or '}'", "did not find expected '-' indicator", "did not find expected <document start>",
    "did not find expected <stream-start>", "did not find expected key", "did not find expected node content",
    "found duplicate %TAG directive", "found duplicate %YAML directive", "found incompatible YAML document",
    "found undefined tag handle", "while parsing a block collection", "while parsing a block mapping",
    "while parsing a block node", "while parsing a flow mapping", "while parsing a flow node",
    "while parsing a flow sequence", "while parsing a node", "control characters are not allowed",
    "expected low surrogate area", "incomplete UTF-16 character", "incomplete UTF-16 surrogate pair",
    "incomplete UTF-8 octet sequence", "input error", "input is too long", "invalid Unicode character",
    "invalid leading UTF-8 octet", "invalid length of a UTF-8 sequence", "invalid trailing UTF-8 octet",
    "unexpected low surrogate area",
]
# Contexts that name only where the parser was; with a problem they are explained, alone they add nothing.
CONTEXT_ONLY = {
    "while scanning for the next token", "while scanning a plain scalar", "while parsing a block node",
    "while parsing a flow node", "while parsing a node",
}


def _pyyaml_messages() -> list[tuple[str, str]]:
    """Every (context, problem) PyYAML's pure-Python scanner, parser and reader raise an error with."""
    found = set()
    for module in (yaml.scanner, yaml.parser, yaml.reader):
        source = inspect.getsource(module)
        for call in re.finditer(r"(?:Scanner|Parser|Reader)Error\(((?:[^()]|\([^()]*\))*)\)", source, re.S):
            texts = [t for t in re.findall(r'"((?:[^"\\]|\\.)*)"', call.group(1)) if not t.startswith("Please")]
            if len(texts) >= 2:
                found.add((texts[0], texts[1]))
            elif texts and texts[0] not in CONTEXT_ONLY and not texts[0].startswith("while"):
                found.add(("", texts[0]))
    return sorted(found)


def _libyaml_messages() -> list[tuple[str, str]]:
    """libyaml's problems alone, and its contexts alone (where they say more than where the parser was)."""
    return [
        (text, "") if text.startswith("while") else ("", text) for text in LIBYAML if text not in CONTEXT_ONLY
    ]


GENERIC = explain("", "", None, None, "").message


@pytest.mark.parametrize(("context", "problem"), _libyaml_messages() + _pyyaml_messages())
def test_no_parser_message_reaches_a_user_verbatim(context, problem):
    explained = explain(problem, context, (1, 1), (1, 1), "a: b\n").message
    assert explained != GENERIC, f"no plain message for {(context, problem)!r}"
    for text in (context, problem):
        stem = text.split("%")[0].split(", but")[0].strip()
        assert not stem or stem.lower() not in explained.lower()


@pytest.mark.parametrize(
    ("plan", "line", "column", "fix"),
    [
        # A missing `}`: the parser notices a line later; the fix goes where the `{` opened.
        ("  - {id: a, financier: A, sector: public, form: cash, amount: 600\n"
         "  - {id: b, financier: B, sector: private, form: cash, amount: 400}\n", 7, 5,
         "the `{` opened at line 7, column 5 is not closed"),
        # An unclosed quote: the parser reaches the end of the file; the fix goes where the quote opened.
        ("  - {id: a, financier: 'A, sector: public, form: cash, amount: 600}\n"
         "  - {id: b, financier: B, sector: private, form: cash, amount: 400}\n", 7, 24,
         "the quote `'` opened at line 7, column 24 is never closed"),
        # No space after a colon: the parser notices on the next line.
        ("  - id: a\n    financier: A\n    sector: public\n    form: cash\n    amount:600\n"
         "  - {id: b, financier: B, sector: private, form: cash, amount: 400}\n", 11, 11,
         "`amount:600` has no space after its colon"),
        ("  - {id: a, financier: A, sector: public, form: cash, amount: 600, note: Beslut: 2019}\n"
         "  - {id: b, financier: B, sector: private, form: cash, amount: 400}\n", 7, 80,
         "a value inside the `{...}` holds `: `, which reads as a new key; quote the value"),
        ("  - id: a\n    financier: A\n    note: Beslut: 2019\n    sector: public\n    form: cash\n    amount: 600\n"
         "  - {id: b, financier: B, sector: private, form: cash, amount: 400}\n", 9, 17,
         "quote the value, `note: \"Beslut: 2019\"`"),
        ("  - id: a\n    financier: A\n   sector: public\n", 9, 0, "not indented like"),
        ("  - id: a\n\tfinancier: A\n", 8, 1, "a tab stands where YAML indents with spaces only"),
        ("  - {id: a, financier: @A, sector: public, form: cash, amount: 1000}\n", 7, 0, "`@` cannot start a value; quote the value"),
    ],
)
def test_a_yaml_mistake_is_told_at_the_line_where_the_fix_goes(write, plan, line, column, fix):
    head = "finplan: 1\nproject:\n  name: Testprojekt\n  owner: Testregionen\ntotal: 1000\nfinancing:\n"
    run = run_finplan("check", "--format", "concise", write(head + plan))
    assert run.exit_code == 2
    (finding,) = run.findings()
    assert finding["code"] == "FP000" and int(finding["line"]) == line, finding
    assert column == 0 or int(finding["column"]) == column, finding
    assert fix in finding["message"]
