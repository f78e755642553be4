"""Every limit of the loader, tested just below, at and just above it.

Each refusal names the limit and where it was crossed; the documented values
(docs/plan-format.md) are the ones in force.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from finplan.errors import InputError
from finplan.findings import Position
from finplan.loader import DEFAULT_LIMITS, Limits, decode, load_file, parse_text


def accepted(text: str, limits: Limits) -> None:
    parse_text(decode(text.encode("utf-8"), limits), limits)


def refused(text: str, limits: Limits) -> InputError:
    with pytest.raises(InputError) as caught:
        accepted(text, limits)
    return caught.value


@pytest.mark.parametrize("size", [99, 100])
def test_file_size_below_and_at_the_limit(tmp_path, size):
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"a: 1\n" + b"#" * (size - 6) + b"\n")
    assert path.stat().st_size == size
    load_file(path, Limits(max_bytes=100))


def test_file_size_above_the_limit(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"a: 1\n" + b"#" * 95 + b"\n")
    with pytest.raises(InputError, match="is larger than the limit of 100 bytes"):
        load_file(path, Limits(max_bytes=100))


@pytest.mark.parametrize("lines", [9, 10])
def test_lines_below_and_at_the_limit(lines):
    accepted("a: 1\n" + "#\n" * (lines - 1), Limits(max_lines=10))


def test_lines_above_the_limit_name_the_line():
    error = refused("a: 1\n" + "#\n" * 10, Limits(max_lines=10))
    assert error.message == "has 11 lines, more than the limit of 10"
    assert error.position == Position(11, 1)


def _nested(depth: int) -> str:
    # The root mapping is level 1; each list inside it one more.
    return "a: " + "[" * (depth - 1) + "1" + "]" * (depth - 1) + "\n"


@pytest.mark.parametrize("depth", [7, 8])
def test_depth_below_and_at_the_limit(depth):
    accepted(_nested(depth), Limits(max_depth=8))


def test_depth_above_the_limit_names_the_place():
    error = refused(_nested(9), Limits(max_depth=8))
    assert error.message == "nests deeper than the limit of 8 levels"
    assert error.position == Position(1, 4 + 7)


def _aliases(count: int) -> str:
    # An anchored list of 4 values is 5 values; each alias reaches all 5.
    return "a: &x [1, 2, 3, 4]\nb: [" + ", ".join(["*x"] * count) + "]\n"


@pytest.mark.parametrize("count", [1, 2])
def test_alias_values_below_and_at_the_limit(count):
    accepted(_aliases(count), Limits(max_alias_nodes=10))


def test_alias_values_above_the_limit_name_the_alias():
    error = refused(_aliases(3), Limits(max_alias_nodes=10))
    assert error.message == "reaches more than 10 values through aliases (the limit)"
    assert error.position == Position(2, 13)


@pytest.mark.parametrize("length", [19, 20])
def test_value_length_below_and_at_the_limit(length):
    accepted(f"a: {'x' * length}\n", Limits(max_scalar_chars=20))


def test_value_length_above_the_limit_names_the_value():
    error = refused("a: 1\nb: " + "x" * 21 + "\n", Limits(max_scalar_chars=20))
    assert error.message == "has a value of 21 characters, more than the limit of 20"
    assert error.position == Position(2, 4)


def test_the_documented_limits_are_the_ones_in_force():
    text = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| ([^|]+?) \| ([0-9 ]+)(?: MiB| levels)? \|$", text, re.MULTILINE))
    assert int(table["file size"].replace(" ", "")) * 1024 * 1024 == DEFAULT_LIMITS.max_bytes
    assert int(table["lines"].replace(" ", "")) == DEFAULT_LIMITS.max_lines
    assert int(table["nesting depth"].replace(" ", "")) == DEFAULT_LIMITS.max_depth
    assert int(table["values reached through aliases (`*name`)"].replace(" ", "")) == DEFAULT_LIMITS.max_alias_nodes
    assert int(table["characters in one value"].replace(" ", "")) == DEFAULT_LIMITS.max_scalar_chars


def test_the_default_limits_hold_at_their_own_values():
    # The defaults themselves, just above each (the cheap ones: depth, aliases, value length).
    assert "limit of 64 levels" in refused(_nested(65), DEFAULT_LIMITS).message
    accepted(_nested(64), DEFAULT_LIMITS)
    assert "more than 10000 values" in refused("a: &x [" + ", ".join(["1"] * 9) + "]\nb: [" + ", ".join(["*x"] * 1001) + "]\n", DEFAULT_LIMITS).message
    accepted("a: &x [" + ", ".join(["1"] * 9) + "]\nb: [" + ", ".join(["*x"] * 1000) + "]\n", DEFAULT_LIMITS)
    assert "limit of 65536" in refused("a: " + "x" * 65537 + "\n", DEFAULT_LIMITS).message
    accepted("a: " + "x" * 65536 + "\n", DEFAULT_LIMITS)


def _period(start: str, end: str):
    from conftest import MINIMAL

    from finplan.shape import build_plan

    text = MINIMAL.replace("period: {start: 2020-01-01, end: 2021-12-31}", f"period: {{start: {start}, end: {end}}}")
    assert start in text
    return build_plan(parse_text(text))


@pytest.mark.parametrize(
    ("start", "end"),
    [("2020-01-01", "2119-12-31"), ("2020-01-01", "2120-01-01"), ("2020-02-29", "2120-02-29"), ("2000-02-29", "2100-02-28")],
)
def test_a_period_below_and_at_the_limit_of_100_years(start, end):
    plan, findings = _period(start, end)
    assert findings == [] and plan.project.period.end.isoformat() == end


@pytest.mark.parametrize(("start", "end"), [("2020-01-01", "2120-01-02"), ("2000-02-29", "2100-03-01"), ("0001-01-01", "9999-12-31")])
def test_a_period_above_the_limit_is_refused_at_its_end(start, end):
    plan, findings = _period(start, end)
    assert plan is None
    (finding,) = findings
    assert finding.code == "FP001" and finding.path == ("project", "period", "end")
    assert finding.message == (
        f'`project.period.end` is "{end}"; the period {start} to {end} is longer than the limit of 100 years; '
        "expected an end at most 100 years after the start"
    )
    assert finding.position == Position(6, 36)  # the end date itself


def test_a_period_that_ends_before_it_starts_is_no_period_over_the_limit():
    # Read, and reported by FP201 (the rules), however far apart its ends lie.
    plan, findings = _period("9999-12-31", "0001-01-01")
    assert findings == [] and plan.project.period.start.year == 9999


def test_the_documented_period_limit_is_the_one_in_force():
    from finplan.model import MAX_PERIOD_YEARS

    text = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    assert f"| a period, from its start to its end | {MAX_PERIOD_YEARS} years |" in text
