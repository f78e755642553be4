"""Any one digit of any figure the seed memo states, changed, is found at its line."""

from __future__ import annotations

from conftest import SEED, run_finplan
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from memo_files import line_of, seed_text

from finplan.memo.figures import AMOUNT, CASE, PERIOD, find_figures
from finplan.memo.units import text_units

TEXT = seed_text()


def _figures() -> list[tuple[int, str, str]]:
    """(offset in the file, text, kind) of each amount, period and case number of the seed memo."""
    lines = TEXT.split("\n")
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    found = []
    for unit in text_units(TEXT):
        for figure in find_figures(unit.text):
            if figure.kind in (AMOUNT, PERIOD, CASE):
                where = unit.position(figure.start)
                found.append((starts[where.line - 1] + where.column - 1, figure.text, figure.kind))
    return found


FIGURES = _figures()


@st.composite
def changes(draw):
    """A figure, one of its digits, and another digit in its place."""
    offset, text, kind = draw(st.sampled_from(FIGURES))
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    index = draw(st.sampled_from(digits))
    new = draw(st.sampled_from([d for d in "0123456789" if d != text[index]]))
    return offset, text, kind, index, new


def test_the_seed_memo_states_its_figures():
    kinds = [kind for _, _, kind in FIGURES]
    assert (kinds.count(AMOUNT), kinds.count(PERIOD), kinds.count(CASE)) == (8, 2, 2)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(changes())
def test_a_changed_digit_of_any_figure_is_found_at_its_line(tmp_path, change):
    offset, text, kind, index, new = change
    changed = text[:index] + new + text[index + 1:]
    assert TEXT[offset:offset + len(text)] == text
    memo = tmp_path / "memo.txt"
    memo.write_text(TEXT[:offset] + changed + TEXT[offset + len(text):], encoding="utf-8")
    run = run_finplan("memo", "check", SEED, memo)
    at_line = [f for f in run.findings() if int(f["line"]) == line_of(TEXT, offset)]
    assert any(changed in f["message"] for f in at_line), run.output
    if kind == CASE and text != "RUN/99/2019":  # a case number the plan does not hold may be another case cited
        assert {f["code"] for f in at_line} == {"FP708"}
    elif kind == CASE:  # but not in the memo's heading, where the project's own stands
        assert {f["code"] for f in at_line} == {"FP709"}
    else:
        assert run.exit_code == 1 and any(f["severity"] == "error" for f in at_line), run.output


TOKENS = [
    "0", "1", "19", "300", "000", "2019", "2019-10-01", "2022-09-31", "0000-00-00", "–", "-", "till", "från", "oktober",
    "september", "kr", "kronor", "mnkr", "miljoner", "tre", "år", "månader", "treårigt", "%", "procent", ",", ".",
    ";", "|", "\n", "\u00a0", "varav", "respektive", "totalt", "summa", "resterande", "Jämtkraft", "Länsstyrelsens",
    "1:1-anslaget", "RUN/99/2019", "RUN/0/0000", "ca", "euro", "71.060", "1,234,567.50", "projektet", "sedan", "(", ")",
    "1" * 40,
    # The words that say what a figure is about, and the forms read since issue 25.
    "högst", "per", "år", "timme", "vardera", "tillsammans", "och", "utlysningen", "14 ansökningar", "startar",
    "avslutas", "den", "1 november 2019", "januari", "Dnr", "2019-123", "KS2009/36-14", "RS2022/2261", "tre-årigt",
    "\u2009", "https://x.se/a%2019", "ansöker", "om", "Kommunerna", "2020:", "RUN/379/2019",
]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(TOKENS), max_size=60).map(" ".join), st.text(max_size=200)))
def test_any_text_is_checked_without_an_exception(text):
    from finplan.check import check_file
    from finplan.memo.match import check_memo

    plan = check_file(SEED).plan
    checked = check_memo(plan, text_units(text))
    for finding in checked.findings:
        assert "\n" not in finding.message
        assert finding.position is None or finding.position.line >= 1


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    amounts=st.lists(st.integers(0, 40), max_size=30),
    figures=st.lists(st.tuples(st.integers(0, 45), st.sampled_from([1, 2, 5, 10, 100]), st.booleans(),
                               st.none() | st.integers(0, 30)), max_size=30),
)
def test_the_index_finds_what_a_scan_of_every_fitting_line_finds(amounts, figures):
    # The index skips lines already mentioned for good; a figure must get the line the whole scan would give.
    from decimal import Decimal

    from finplan.memo.figures import Figure
    from finplan.memo.match import _Index

    index = _Index((Decimal(amount), f"l{number}", f"l{number}") for number, amount in enumerate(amounts))
    mentioned: set[str] = set()
    for value, step, mention, named in figures:
        figure = Figure(AMOUNT, str(value), 0, 1, Decimal(value), Decimal(step))
        expected = index._scan(figure, mentioned)
        assert index.nearest(figure, mentioned) == expected
        if mention and expected is not None:
            mentioned.add(expected)
        if named is not None:  # a line the memo names, whatever its figure
            mentioned.add(f"l{named}")
