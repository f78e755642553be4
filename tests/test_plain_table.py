"""Where no colour is drawn, the text report is laid out by finplan.report.plain_table: what it writes is, character
for character, what Rich writes for the same report.

Rich draws the report wherever colour is drawn or output is recorded; these
tests draw every report both ways (a console writing to a file, and the same
console recording) and hold the two equal: the check's report of every example
plan and the diff's report of pairs of them, in both languages and at the widths
users have, and tables of any text at any width.
"""

from __future__ import annotations

import io
import re
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import ROOT, run_finplan
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console, Group
from rich.text import Text

from finplan.check import check_file
from finplan.config import ConfigFinder
from finplan.diff.compare import DiffRun, compare
from finplan.i18n import set_language
from finplan.report.check.text import render_result
from finplan.report.console import Printer
from finplan.report.diff.text import render as render_diff
from finplan.report.plain_table import _WIDE_OR_BREAKING
from finplan.report.table import new_table

PLANS = sorted([*ROOT.glob("budgets/*.yaml"), *ROOT.glob("tests/plans/*/*.yaml")])
WIDTHS = (20, 40, 57, 80, 103, 120, 200)


def both(draw, width: int) -> tuple[str, str]:
    """What `draw(console)` writes through the plain text layout, and through Rich (a recording console)."""
    drawn = []
    for record in (False, True):
        stream = io.StringIO()
        draw(Console(file=stream, width=width, highlight=False, emoji=False, record=record, color_system=None))
        drawn.append(stream.getvalue())
    return drawn[0], drawn[1]


@pytest.fixture(scope="module")
def results():
    finder = ConfigFinder()
    found = {}
    for language in ("en", "sv"):
        set_language(language)
        found[language] = [check_file(path, finder.for_plan(path)) for path in PLANS]
    set_language("en")
    return found


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_check_report_of_every_example_plan_is_what_rich_writes(results, language):
    set_language(language)
    try:
        for result in results[language]:
            for width in WIDTHS:
                plain, rich = both(lambda console: render_result(result, console), width)
                assert plain == rich, (result.file, width)
    finally:
        set_language("en")


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_diff_report_of_example_plans_is_what_rich_writes(results, language):
    set_language(language)
    try:
        readable = [result for result in results[language] if result.readable]
        run = DiffRun("before", "after")
        run.plans = [compare(old, new) for old, new in pairwise(readable)]
        for width in WIDTHS:
            plain, rich = both(lambda console: render_diff(run, console), width)
            assert plain == rich, width
    finally:
        set_language("en")


# Text of any kind a plan may hold: Latin, Swedish, wide and joined characters, marks that combine, spaces that
# are no space, tabs, line breaks, markup and emoji codes.
_PIECES = st.sampled_from(
    ["a", "Region", "Jämtland", "Länsförsäkringar", "1 000 000 kr", "50,00 %", "–", "→", "…", "·", "§", " ", "  ",
     "\n", "\t", "\u00a0", "\u2028", "e\u0301", "日本", "👩\u200d💻", "✔\ufe0f", "[bold]", "[/]", ":smile:", "x" * 30,
     "ordinary words of a long description"]
)
_TEXT = st.lists(_PIECES, max_size=6).map("".join)
# A cell as a string is read as markup, as finplan's own amounts are: well-formed markup and emoji codes among them.
_STRING = st.lists(
    st.sampled_from(["1 000 kr", "50,00 %", "–", "", " ", "2024", "12:30", ":smile:", "[bold]x[/bold]", "\\[x]", "é"]),
    max_size=3,
).map("".join)


@st.composite
def tables(draw):
    columns = draw(st.lists(st.sampled_from(["Id", "Financier", "Amount", "Share", "Kind", "Description", "2024"]),
                            min_size=1, max_size=6))
    title = draw(_TEXT).replace("[", "(")  # a title is read as markup too: finplan's own words
    table = new_table(title, *columns, gap=draw(st.sampled_from([1, 2])))
    for column in table.columns:
        if draw(st.booleans()):  # as the diff's tables set theirs
            column.justify, column.no_wrap, column.overflow, column.min_width = "right", True, "fold", None
    for _row in range(draw(st.integers(0, 5))):
        cells = draw(st.lists(st.one_of(_TEXT.map(Text), _TEXT.map(lambda text: Text(text, style="bold")), _STRING,
                                        st.builds(_laid_out, _TEXT, st.sampled_from(["left", "right", "center", None]),
                                                  st.sampled_from(["fold", "ellipsis", None]), st.sampled_from([True, None]))),
                              min_size=1, max_size=len(columns)))
        table.add_row(*cells)
        if draw(st.booleans()):
            table.add_section()
    return table


def _laid_out(text: str, justify, overflow, no_wrap) -> Text:
    """A text with a layout of its own, which Rich follows over its column's."""
    return Text(text, justify=justify, overflow=overflow, no_wrap=no_wrap)


@given(tables(), st.integers(1, 160))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_table_of_any_text_at_any_width_is_what_rich_writes(table, width):
    plain, rich = both(lambda console: console.print(table), width)
    assert plain == rich
    plain, rich = both(lambda console: _shown(console, Group(Text("above"), table, Text())), width)
    assert plain == rich


def _shown(console: Console, renderable) -> None:
    out = Printer(console)
    out.show(renderable)
    out.flush()


@given(_TEXT, st.integers(1, 160))
@settings(max_examples=200, deadline=None)
def test_a_line_and_a_text_are_what_rich_writes(text, width):
    plain, rich = both(lambda console: _shown(console, Text(text)), width)
    assert plain == rich

    def line(console: Console) -> None:
        out = Printer(console)
        out.line(Text(text))
        out.flush()

    plain, rich = both(line, width)
    assert plain == rich


def test_a_character_taken_for_narrow_is_one_cell_in_rich():
    narrow = [chr(code) for code in range(0x110000) if not _WIDE_OR_BREAKING.match(chr(code))]
    assert len(narrow) > 600
    assert all(cell_len(character) == 1 and character.isprintable() for character in narrow)


def test_the_coloured_report_reads_as_the_plain_one(tmp_path: Path):
    coloured = run_finplan("check", ROOT / "budgets" / "attraktiv.yaml", env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    plain = run_finplan("check", ROOT / "budgets" / "attraktiv.yaml")
    assert "\x1b[" in coloured.output and "\x1b[" not in plain.output
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.output) == plain.output


def test_plans_with_the_same_numbers_share_a_table_and_each_plan_shows_its_own(tmp_path: Path):
    plan = (ROOT / "tests" / "plans" / "valid" / "anslag-1-1.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(plan.replace("hours_per_year: 1 700", "hours_per_year: 1 600"), encoding="utf-8")
    (tmp_path / "c.yaml").write_text(plan, encoding="utf-8")
    for language, hours in (("en", "hours"), ("sv", "timmar")):
        run = run_finplan("--lang", language, "check", tmp_path, "--tables")
        rows = [line.split(f" {hours} ")[0].split()[-2:] for line in run.output.splitlines()
                if line.startswith("hours_per_year")]
        assert rows == [["1", "700"], ["1", "600"], ["1", "700"]], run.output
