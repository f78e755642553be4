"""The schema and finplan give the same verdict on the amounts and percentages a plan may hold.

Each text of the corpus is read twice: as finplan reads it (its loader, then the model's value
types) and as an editor reads it (YAML 1.2's core schema, then JSON Schema on the value). A quoted
text is text to both. Unquoted, an editor reads a number as a binary float and keeps only its value,
so how it was written (85.000, 1e6, 0600) is finplan's alone to judge: the schema's description says
so, and `_WRITTEN_AS_NO_VALUE_SHOWS` lists each such text the corpus holds.
"""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from conftest import run_finplan
from pydantic import TypeAdapter, ValidationError

from finplan.loader import parse_text
from finplan.model import Amount, Percent

NBSP, NNBSP, THIN, FIGURE = "\u00a0", "\u202f", "\u2009", "\u2007"

AMOUNTS = [
    # read
    "0", "-0", "600", "-600", "\u2212600", "600,5", "600.50", "1234.50", "599.99", "1 000", "1 000,50",
    "2 658 128", "2_658_128", f"2{NBSP}658{NBSP}128", f"2{NNBSP}658{NNBSP}128", " 600 ", f"{NBSP}600\t",
    "999999999999999", "-999999999999999", "999 999 999 999 999,99", "+600", "600.", ".5", "1.",
    # dots or commas between digit groups
    "85.000", "85,000", "71.060", "1.000.000", "2.658.128", "-85.000", "1,000,000", "85.000,50",
    # units and words
    "600 kr", "510 000 kr", "600kr", "600 SEK", "600:-", "1,5 mkr", "17 mnkr", "250 tkr", "€600", "600 €",
    "six hundred", "", " ",
    # signs
    "--600", "- 600", "+-600", "600-", "(600)",
    # groups and separators
    "6_00", "1 0000", "10 00", "1  000", "1 000_000", "1_000 000", f"2{THIN}658{THIN}128",
    f"2{FIGURE}658{FIGURE}128", "1\u3000000", "1'000", "1\u00b4000",
    # leading zeros, other bases
    "06", "0600", "00", "0.5", "00.5", "0x1F", "0o17", "0b101",
    # exponents and what is no number
    "1e6", "1E3", "1.5e2", "6e-2", ".inf", "-.inf", "Infinity", "NaN", "true", "null", "~",
    # decimals
    "600.123", "1.005", "1 000,505", "0.001", "600,", ",5",
    # base-60 look-alikes (YAML 1.1 reads 1:30 as 90)
    "1:30", "1:1", "19:283:329", "1:30:00", "-1:30",
    # size
    "1000000000000000", "-1000000000000000", "999999999999999.99", "9" * 16, "9" * 40, "1" * 400,
    "999 999 999 999 999 999", "1" + " 000" * 20, "9" * 15 + ".9",
    # around the text
    "600\n", "\n600", "600\r", "6\n00", "600 # note",
]

PERCENTS = [
    "15 %", "15%", "39,15 %", "39.15 %", "100 %", "100,0 %", "100.00 %", "0 %", "0,5 %", "00050 %",
    f"15{NBSP}%", f"15{NNBSP}%", " 15 % ", "50,000 %", "0" * 36 + "50 %",
    "101 %", "100,01 %", "1000 %", "-5 %", "+5 %", "15", "0.15", "50", "15 procent", "15 pct", "% 15",
    "15 %%", f"15{THIN}%", "15  %", "1e1 %", "1,5e1 %", "5.000.000 %", "0" * 38 + "50 %", "\uff11\uff15 %",
    "\u00bd %", "15 %\n", "", "15,5,5 %", ".5 %", "5. %", "100,0000000001 %",
]

_WRITTEN_AS_NO_VALUE_SHOWS = {
    # An editor reads the value; finplan reads how it was written.
    "85.000": "85 to an editor; finplan refuses the dot between digit groups",
    "71.060": "71.06 to an editor; finplan refuses the dot between digit groups",
    "-85.000": "-85 to an editor; finplan refuses the dot between digit groups",
    "600.123": "more than two decimals: no JSON Schema validator checks decimals of a binary float exactly",
    "1.005": "more than two decimals, as above",
    "0.001": "more than two decimals, as above",
    "1e6": "1000000 to an editor; finplan refuses the exponent",
    "1E3": "1000 to an editor; finplan refuses the exponent",
    "1.5e2": "150 to an editor; finplan refuses the exponent",
    "06": "6 to an editor (YAML 1.2); finplan refuses the leading zero, which is octal to YAML 1.1",
    "0600": "600 to an editor, as above",
    "00": "0 to an editor, as above",
    "00.5": "0.5 to an editor, as above",
    "0x1F": "31 to an editor; finplan reads hexadecimal as text and refuses it",
    "0o17": "15 to an editor; finplan reads octal as text and refuses it",
    "999999999999999.99": "17 significant digits: an editor's binary float rounds it to 10^15, over the limit",
}

_NUMBER = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


def as_an_editor_reads(text: str):
    """A plain scalar's value under YAML 1.2's core schema, a number as the binary float it is to an editor."""
    if re.fullmatch(r"null|Null|NULL|~|", text):
        return None
    if re.fullmatch(r"true|True|TRUE|false|False|FALSE", text):
        return text.lower() == "true"
    if re.fullmatch(r"[-+]?[0-9]+", text):
        return int(text)
    if re.fullmatch(r"0o[0-7]+", text):
        return int(text[2:], 8)
    if re.fullmatch(r"0x[0-9a-fA-F]+", text):
        return int(text[2:], 16)
    if _NUMBER.fullmatch(text):
        return float(text)
    if re.fullmatch(r"[-+]?\.(?:inf|Inf|INF)", text):
        return float("-inf" if text.startswith("-") else "inf")
    return text


def _plain(text: str) -> bool:
    """Whether `text` can stand unquoted as the one value of a line, meaning what it says."""
    if not text or text != text.strip() or "\n" in text or "\r" in text or ": " in text or " #" in text:
        return False
    return text[0] not in "?:,[]{}#&*!|>'\"%@`" and not text.startswith("- ")


def _written(text: str, quoted: bool) -> str:
    return json.dumps(text) if quoted else text  # JSON's string is YAML's double-quoted one


def _finplan_reads(kind, text: str, quoted: bool) -> bool:
    value = parse_text(f"value: {_written(text, quoted)}\n").data["value"]
    try:
        TypeAdapter(kind).validate_python(value)
        return True
    except ValidationError:
        return False


@pytest.fixture(scope="module")
def schema():
    run = run_finplan("schema")
    assert run.exit_code == 0
    return json.loads(run.output)


def _validator(subschema) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(subschema, format_checker=jsonschema.FormatChecker())


def _cases(corpus):
    cases = [(text, True) for text in corpus]
    cases += [(text, False) for text in corpus if _plain(text)]
    return pytest.mark.parametrize("text, quoted", cases, ids=[f"{'quoted' if q else 'plain'} {t!r}" for t, q in cases])


@_cases(AMOUNTS)
def test_the_schema_and_finplan_read_the_same_amounts(schema, text, quoted):
    editor = text if quoted else as_an_editor_reads(text)
    schema_reads = _validator(schema["properties"]["total"]).is_valid(editor)
    finplan_reads = _finplan_reads(Amount, text, quoted)
    if not quoted and text in _WRITTEN_AS_NO_VALUE_SHOWS:
        assert isinstance(editor, int | float), "only a number's writing is hidden from the schema"
        assert schema_reads != finplan_reads, f"{text!r} is listed as read differently, and is not"
    else:
        assert schema_reads == finplan_reads, f"{text!r}: schema {schema_reads}, finplan {finplan_reads}"


@_cases(PERCENTS)
def test_the_schema_and_finplan_read_the_same_percentages(schema, text, quoted):
    editor = text if quoted else as_an_editor_reads(text)
    (percent,) = [kind for kind in schema["$defs"]["Limit"]["properties"]["max"]["anyOf"] if kind.get("type") != "null"]
    assert _validator(percent).is_valid(editor) == _finplan_reads(Percent, text, quoted), repr(text)


def test_the_corpus_holds_every_form_it_names():
    plain = [text for text in AMOUNTS if _plain(text)]
    assert set(_WRITTEN_AS_NO_VALUE_SHOWS) <= set(plain)
    assert len(AMOUNTS) > 100 and len(PERCENTS) > 40


def test_an_amount_says_what_is_allowed_where_an_editor_shows_it(schema):
    total = schema["properties"]["total"]
    for text in (total["description"], total["markdownDescription"]):
        assert text.startswith("The project's total")
        for said in ("`2 658 128`", "`510 000`, not `510 000 kr`", "`85 000`, not `85.000`", "at most two decimals"):
            assert said in text
    # What VS Code and the YAML language server say in place of the pattern, where a text does not match it.
    assert "no unit (`currency:` names it once), no dot between digit groups" in total["patternErrorMessage"]
    assert _validator(total).is_valid("510 000")
    assert not _validator(total).is_valid("510 000 kr")
