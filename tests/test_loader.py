"""The loader reads what the author wrote: YAML 1.2 core, exact decimals, positions."""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from finplan.errors import InputError
from finplan.findings import Position
from finplan.loader import Limits, decode, load_file, parse_text


def value_of(yaml_text: str):
    return parse_text(f"v: {yaml_text}\n").data["v"]


# Each of these changes meaning silently under PyYAML's YAML 1.1 loader.
@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        ("1:1", "1:1"),  # base-60: 61 under YAML 1.1
        ("1:30", "1:30"),  # 90
        ("no", "no"),  # False
        ("NO", "NO"),
        ("off", "off"),
        ("yes", "yes"),
        ("on", "on"),
        ("0123", "0123"),  # octal 83
        ("0x1F", "0x1F"),  # 31
        ("0o17", "0o17"),
        ("2_658_128", "2_658_128"),  # an int in 1.1; a memo-style amount the model reads
        ("2019-10-01", "2019-10-01"),  # a date object in 1.1; the model parses it
        (".inf", ".inf"),
        ("'123'", "123"),
        ('"true"', "true"),
    ],
)
def test_yaml_11_traps_stay_the_text_written(written, read_as):
    assert value_of(written) == read_as
    assert isinstance(value_of(written), str)


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        ("19283329", 19283329),
        ("-5", -5),
        ("0", 0),
        ("true", True),
        ("FALSE", False),
        ("~", None),
        ("null", None),
        ("", None),
    ],
)
def test_yaml_12_core_values(written, read_as):
    value = value_of(written)
    assert value == read_as and type(value) is type(read_as)


@pytest.mark.parametrize("written", ["19283329.00", "1234.50", "0.1", "-1.25", "1e3"])
def test_decimals_come_from_their_own_text_never_a_float(written):
    value = value_of(written)
    assert isinstance(value, Decimal)
    assert value == Decimal(written)
    assert str(value) == str(Decimal(written))  # trailing zeros kept: 19283329.00


def test_every_value_keeps_its_position():
    doc = parse_text("a:\n  b: [1, 2]\n  c:\n    - x: 5\n")
    assert doc.source.locate(("a", "b", 1)) == Position(2, 10)
    assert doc.source.locate(("a", "c", 0, "x")) == Position(4, 10)
    assert doc.source.locate(("a", "c", 0, "x"), key=True) == Position(4, 7)
    # A path that leaves the file stops at the deepest part that is in it.
    assert doc.source.locate(("a", "c", 0, "missing")) == Position(4, 7)
    assert doc.source.locate(("a", "nope", 3)) == Position(2, 3)


def test_columns_count_characters_not_bytes():
    doc = parse_text("åäö: ö\nnästa: 1\n")
    assert doc.source.locate(("åäö",)) == Position(1, 6)
    assert doc.source.locate(("nästa",)) == Position(2, 8)


def refused(text: str, limits: Limits = Limits()) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_text(text, limits)
    return caught.value


def test_a_repeated_key_is_refused_at_the_repeat():
    error = refused("a: 1\nb:\n  amount: 5\n  amount: 6\n")
    assert error.position == Position(4, 3)
    assert "repeats the key `amount` (first at line 3)" in error.message


def test_a_repeated_year_is_refused():
    error = refused("per_year: {2020: 1, 2021: 2, 2020: 3}\n")
    assert error.position == Position(1, 30)
    assert "repeats the key `2020`" in error.message


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['true']\n",
        "a: !!python/name:os.system\n",
        "a: !!int '5'\n",
        "a: !custom x\n",
        "a: !!set {x}\n",
        "a: !!binary aGVsbG8=\n",
    ],
)
def test_tags_are_refused(text):
    error = refused(text)
    assert "tags are not allowed" in error.message
    assert error.position.line == 1


@pytest.mark.parametrize("text", ["a: !!str 5\n", "a: ! 5\n"])
def test_the_string_tags_read_as_text(text):
    assert parse_text(text).data == {"a": "5"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("true: 1\n", "true"),
        ("~: 1\n", "nothing (an empty value)"),
        ("1.5: 1\n", "1.5"),
        ("? [a]\n: 1\n", "a list"),
        ("? {a: 1}\n: 1\n", "a mapping"),
    ],
)
def test_keys_must_be_names_or_years(text, kind):
    error = refused(text)
    assert f"a key that is {kind}" in error.message


def test_aliases_are_shared_not_copied():
    doc = parse_text("a: &x {k: 1}\nb: *x\n")
    assert doc.data["a"] == doc.data["b"] == {"k": 1}


def test_an_alias_bomb_is_refused_quickly():
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    error = refused("\n".join(lines) + "\n")
    assert "more than 10000 values through aliases" in error.message
    # a1..a3 reach 90 + 819 + 7380 values; the first alias on line 5 adds 7381.
    assert error.position == Position(5, 10)


def test_an_alias_to_nothing_is_refused():
    assert "no anchor &nope" in refused("a: *nope\n").message


def test_an_alias_inside_its_own_anchor_is_refused():
    assert "inside the value it refers to" in refused("a: &x [1, *x]\n").message


def test_nesting_deeper_than_the_limit_is_refused():
    parse_text("a: " + "[" * 63 + "]" * 63 + "\n")
    error = refused("a: " + "[" * 64 + "]" * 64 + "\n")
    assert "deeper than the limit of 64 levels" in error.message
    assert error.position == Position(1, 4 + 63)


def test_nesting_far_deeper_is_an_input_error_not_a_crash():
    assert "deeper than the limit of 64 levels" in refused("a: " + "[" * 100_000 + "]" * 100_000 + "\n").message


def test_nesting_through_an_alias_counts_too():
    limits = Limits(max_depth=4)
    parse_text("a: &x [[1]]\nb: [*x]\n", limits)  # depth 4: mapping, list, list, list
    error = refused("a: &x [[1]]\nb: [[*x]]\n", limits)
    assert "through the alias *x" in error.message


def test_a_scalar_longer_than_the_limit_is_refused():
    limits = Limits(max_scalar_chars=10)
    parse_text("a: '0123456789'\n", limits)
    error = refused("a: '0123456789x'\n", limits)
    assert "11 characters, more than the limit of 10" in error.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: [1, 2\n", "not valid YAML"),
        ("a: 1\n b: 2\n", "not valid YAML"),
        ("a:\n\t- 1\n", "not valid YAML"),
        ("a: 'open\n", "not valid YAML"),
        ("a: 1\n---\nb: 2\n", "more than one YAML document"),
        ("", "is empty"),
        ("# only a comment\n", "is empty"),
        ("---\n...\n", "is empty"),
        ("a: \x00\n", "character #x0000 is not allowed"),
    ],
)
def test_unreadable_yaml_is_an_input_error(text, expected):
    assert expected in refused(text).message


def test_invalid_utf8_names_its_place():
    with pytest.raises(InputError) as caught:
        decode("a: 1\nb: \"kr\xe4\"\n".encode("latin-1"))
    assert caught.value.position == Position(2, 7)
    assert "not valid UTF-8: byte 0xE4" in caught.value.message


def test_utf16_is_refused_with_advice():
    with pytest.raises(InputError, match="UTF-16.*save it as UTF-8"):
        decode("a: 1\n".encode("utf-16"))


def test_a_bom_and_crlf_line_ends_are_accepted(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb:\r\n  c: 2.50\r\n")
    doc = load_file(path)
    assert doc.data == {"a": 1, "b": {"c": Decimal("2.50")}}
    assert doc.source.locate(("b", "c")) == Position(3, 6)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_file(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="is a directory"):
        load_file(tmp_path)


def test_a_number_too_long_for_an_int_stays_exact():
    value = value_of("9" * 5000)
    assert isinstance(value, Decimal) and value == Decimal("9" * 5000)
    assert value_of("9" * 1000) == int("9" * 1000)


def test_a_number_with_an_exponent_past_decimal_stays_text():
    # Found by fuzz/fuzz_check.py: Decimal() raised on a thousand-digit exponent.
    written = "9e" + "9" * 1000
    assert value_of(written) == written


@pytest.mark.parametrize("parser_class", [None, yaml.BaseLoader], ids=["libyaml", "python"])
@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("finplan: 1\nå😀\x00\n", (2, 3)),  # columns count characters, not the bytes libyaml counts
        ("finplan: 1\r\r\x00", (3, 1)),  # a lone carriage return ends a line, for YAML and editors alike
        ("finplan: 1\r\nx: \x00", (2, 4)),
    ],
)
def test_a_refused_character_is_placed_by_characters_and_yamls_line_breaks(text, position, parser_class):
    with pytest.raises(InputError) as refused:
        parse_text(text, parser_class=parser_class)
    assert tuple(refused.value.position) == position
