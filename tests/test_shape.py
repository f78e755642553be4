"""A plan of the wrong shape is refused with words a project owner understands."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import MINIMAL

from finplan.findings import Position, describe
from finplan.loader import parse_text
from finplan.shape import build_plan


def at(text: str, needle: str) -> Position:
    """Where `needle` first stands in `text`, counted as an editor counts."""
    index = text.index(needle)
    line_start = text.rfind("\n", 0, index) + 1
    return Position(text.count("\n", 0, index) + 1, index - line_start + 1)


def shape_of(text: str):
    plan, findings = build_plan(parse_text(text))
    return plan, [(f.position, f.message) for f in findings]


def test_the_minimal_plan_builds_with_exact_amounts():
    plan, findings = shape_of(MINIMAL)
    assert findings == []
    assert plan.total == Decimal(1000)
    assert [line.amount for line in plan.financing] == [Decimal(600), Decimal(400)]
    assert plan.currency == "SEK"


def test_an_unknown_key_is_refused_with_a_suggestion():
    _, findings = shape_of(MINIMAL.replace("total: 1000", "totl: 1000"))
    assert (Position(7, 1), "unknown key `totl`; did you mean `total`?") in findings
    assert (Position(1, 1), "the plan lacks the required key `total`") in findings


def test_an_unknown_key_far_from_any_lists_the_known_ones():
    _, findings = shape_of(MINIMAL + "budget_owner: x\n")
    assert findings == [
        (Position(11, 1), "unknown key `budget_owner`; expected one of: finplan, profiles, settings, project, currency, total, total_rounded_to, eligible_costs, financing, outside_total, costs, cited")
    ]


def test_an_unknown_key_inside_a_line_points_at_the_key():
    text = MINIMAL.replace("amount: 400}", "amout: 400}")
    _, findings = shape_of(text)
    assert (at(text, "amout"), "unknown key `amout` in `financing[1]`; did you mean `amount`?") in findings
    assert (Position(10, 5), "`financing[1]` lacks the required key `amount`") in findings


def test_a_misspelt_choice_gets_a_suggestion():
    text = MINIMAL.replace("sector: public", "sector: publik")
    _, findings = shape_of(text)
    assert findings == [
        (at(text, "publik"), "`financing[0].sector` is \"publik\"; expected 'public' or 'private'; did you mean `public`?")
    ]


def test_a_yaml_11_boolean_is_text_and_refused_as_a_choice():
    text = MINIMAL.replace("status: decided", "status: yes")
    _, findings = shape_of(text)
    assert findings == [
        (at(text, "yes"), "`financing[0].status` is \"yes\"; expected 'proposed', 'applied' or 'decided'")
    ]


def test_base_60_is_not_an_amount():
    text = MINIMAL.replace("amount: 600", "amount: 1:30")
    _, findings = shape_of(text)
    assert len(findings) == 1
    position, message = findings[0]
    assert position == at(text, "1:30")
    assert message.startswith('`financing[0].amount` is "1:30"; expected an amount such as 2658128')


def test_an_impossible_date_names_the_reason():
    text = MINIMAL.replace("start: 2020-01-01", "start: 2019-13-01")
    _, findings = shape_of(text)
    assert findings == [(at(text, "2019-13-01"), '`project.period.start` is "2019-13-01"; no such date: month must be in 1..12')]


def test_a_date_in_another_form_is_refused():
    text = MINIMAL.replace("start: 2020-01-01", "start: 1/1/2020")
    _, findings = shape_of(text)
    assert findings == [
        (at(text, "1/1/2020"), '`project.period.start` is "1/1/2020"; expected a date written YYYY-MM-DD, such as 2019-10-01')
    ]


def test_a_newer_format_version_is_named():
    _, findings = shape_of(MINIMAL.replace("finplan: 1", "finplan: 2"))
    assert findings == [(Position(1, 10), "`finplan` is 2; this finplan reads plan format version 1")]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("name: Testprojekt", "name: 17"), "`project.name` is 17, a number; text is expected here: quote it, `name: \"17\"`"),
        (("name: Testprojekt", "name:"), "`project.name` is nothing (an empty value); expected text"),
        (("name: Testprojekt", "name: ''"), "`project.name` is empty; expected text"),
        (("project:\n", "project: yes\nx:\n"), None),
        (("financing:\n", "financing: []\nx:\n"), None),
    ],
)
def test_wrong_types_say_what_was_found_and_expected(change, message):
    _, findings = shape_of(MINIMAL.replace(*change))
    if message:
        assert message in [m for _, m in findings]
    else:
        assert findings


def test_a_plan_that_is_not_a_mapping():
    _, findings = shape_of("- a\n- b\n")
    assert findings == [(Position(1, 1), "the plan is a list; expected a mapping of keys and values")]


def test_an_empty_financing_list():
    _, findings = shape_of(MINIMAL.split("financing:")[0] + "financing: []\n")
    assert findings == [(Position(8, 12), "`financing` is empty; expected at least one line")]


def test_a_quoted_year_is_not_a_year():
    text = MINIMAL.replace("amount: 400}", "amount: 400, per_year: {'2020': 400}}")
    _, findings = shape_of(text)
    assert findings == [
        (at(text, "'2020'"), 'the key "2020" in `financing[1].per_year` is not a year; expected a year written as a number, such as 2020')
    ]


def test_messages_never_print_an_unbounded_value():
    long_name = "x" * 10_000
    _, findings = shape_of(MINIMAL.replace("sector: public", f"sector: {long_name}"))
    assert len(findings[0][1]) < 200
    assert describe("y" * 500) == '"' + "y" * 40 + '…"'
