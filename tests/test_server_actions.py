"""`finplan server`'s code actions: each fix applied to the plan's text makes its finding go, and nothing new appears.

The edits are checked as the editor would apply them, then the text checked
again with `finplan.check.check_bytes`; end to end, a language client asks for
them as an editor does (pytest-lsp), on a line with characters the editor
counts in two units (😀).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lsprotocol import types

from conftest import PLANS, SEED
from lsp_client import client_fixture, open_plan
from finplan.check import check_bytes
from finplan.findings import Finding
from finplan.server.actions import Action, Edit, actions, written_like
from finplan.server.state import OpenPlan

INVALID = PLANS / "invalid"


def _open(text: str) -> OpenPlan:
    return OpenPlan("file:///plan.yaml", text, check_bytes(text.encode("utf-8"), "plan.yaml"))


def _apply(text: str, edits: tuple[Edit, ...]) -> str:
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        start = offsets[edit.start[0]] + edit.start[1]
        end = offsets[edit.end[0]] + edit.end[1]
        text = text[:start] + edit.text + text[end:]
    return text


def _key(finding: Finding) -> tuple:
    return (finding.code, finding.path, str(finding.message))


def _fixes(text: str, code: str) -> tuple[OpenPlan, Finding, list[Action]]:
    plan = _open(text)
    [finding] = [f for f in plan.result.findings if f.code == code and f.fix is not None][:1]
    return plan, finding, actions(plan, finding)


def _after(text: str, action: Action) -> list[Finding]:
    fixed = _apply(text, action.edits)
    return check_bytes(fixed.encode("utf-8"), "plan.yaml").findings


def _assert_fixed(plan: OpenPlan, finding: Finding, action: Action) -> list[Finding]:
    """The finding is gone and nothing appears that was not there before; the findings after, returned."""
    after = _after(plan.text, action)
    before = {_key(f) for f in plan.result.findings}
    assert _key(finding) not in {_key(f) for f in after}
    assert {_key(f) for f in after} <= before - {_key(finding)}, [str(f.message) for f in after]
    return after


def test_a_case_number_read_as_a_number_is_quoted():
    plan, finding, [action] = _fixes((INVALID / "fp001-case-number-as-number.yaml").read_text(encoding="utf-8"), "FP001")
    assert action.title == 'Quote the value: "2019"'
    assert action.preferred
    assert _apply(plan.text, action.edits).split("\n")[5] == '  case: "2019"'
    assert _assert_fixed(plan, finding, action) == []


def test_a_value_holding_a_colon_is_quoted_without_its_comment():
    plan, finding, [action] = _fixes((INVALID / "fp000-colon-in-value.yaml").read_text(encoding="utf-8"), "FP000")
    line = _apply(plan.text, action.edits).split("\n")[13]
    assert line == '    note: "Beslut: 2019-08-21"  # a comment stays a comment'
    assert _assert_fixed(plan, finding, action) == []


@pytest.mark.parametrize("value", ["@RUN/1", "`RUN`/1", "& Co", "*", "| se bilaga", "> 5 år", "!!"])
def test_a_value_starting_with_a_reserved_character_is_quoted(value):
    text = (INVALID / "fp001-case-number-as-number.yaml").read_text(encoding="utf-8").replace("case: 2019", f"case: {value}")
    plan, finding, [action] = _fixes(text, "FP000")
    assert _apply(text, action.edits).split("\n")[5] == f'  case: "{value}"'
    assert _assert_fixed(plan, finding, action) == []


def test_a_key_starting_with_a_reserved_character_is_not_quoted_as_a_value():
    text = (INVALID / "fp001-case-number-as-number.yaml").read_text(encoding="utf-8").replace("  case: 2019", "  @case: x")
    plan = _open(text)
    assert [actions(plan, f) for f in plan.result.findings] == [[]]


def test_a_value_a_comment_cuts_is_quoted_with_it():
    plan, finding, [action] = _fixes((INVALID / "fp005-comment-cuts-value.yaml").read_text(encoding="utf-8"), "FP005")
    assert _apply(plan.text, action.edits).split("\n")[13] == '    financier: "Region #1"'
    assert not action.preferred  # the `#1` may have been meant as a comment
    _assert_fixed(plan, finding, action)


def test_a_key_with_no_space_after_its_colon_gets_one():
    text = (INVALID / "fp001-case-number-as-number.yaml").read_text(encoding="utf-8").replace(
        "owner: Testregionen", "owner:Testregionen  # the owner"
    ).replace("case: 2019", "case: T/1/2020")
    plan, finding, [action] = _fixes(text, "FP000")
    assert action.title == "Write `owner: Testregionen` for `owner:Testregionen`"
    assert _apply(text, action.edits).split("\n")[7] == "  owner: Testregionen  # the owner"
    assert _assert_fixed(plan, finding, action) == []


def test_a_format_version_written_as_text_is_written_as_a_number():
    text = (INVALID / "fp001-case-number-as-number.yaml").read_text(encoding="utf-8")
    text = text.replace("case: 2019", 'case: "2019"').replace("finplan: 1", "finplan: '1'")
    plan = _open(text)
    [finding] = [f for f in plan.result.findings if f.path == ("finplan",)]
    [action] = actions(plan, finding)
    assert action.edits[0].text == "1"
    assert _assert_fixed(plan, finding, action) == []


def test_a_misspelt_key_is_renamed_and_the_key_it_lacked_is_there():
    plan, finding, [action] = _fixes((INVALID / "fp001-unknown-key.yaml").read_text(encoding="utf-8"), "FP001")
    if finding.fix.kind != "replace":
        finding = next(f for f in plan.result.findings if f.fix and f.fix.kind == "replace")
        [action] = actions(plan, finding)
    assert action.title == "Write `amount` for `amout`"
    assert _assert_fixed(plan, finding, action) == []  # the missing `amount` goes with it


def test_a_key_is_not_renamed_to_one_its_mapping_has():
    text = (INVALID / "fp001-unknown-key.yaml").read_text(encoding="utf-8").replace("    amout: 1000", "    amount: 1000\n    amout: 1000")
    plan = _open(text)
    [unknown] = [f for f in plan.result.findings if f.code == "FP001"]
    assert "did you mean `amount`?" in str(unknown.message)
    assert actions(plan, unknown) == []


def test_a_misspelt_choice_is_replaced_by_the_one_meant():
    plan, finding, [action] = _fixes((INVALID / "fp001-misspelt-value.yaml").read_text(encoding="utf-8"), "FP001")
    assert action.title == "Write `public` for `publik`"
    assert _assert_fixed(plan, finding, action) == []


def test_an_amount_with_dots_between_its_digit_groups_is_regrouped():
    plan, finding, [action] = _fixes((INVALID / "fp001-dotted-thousands.yaml").read_text(encoding="utf-8"), "FP001")
    assert action.title == "Write `600 000` for `600.000`"
    assert _apply(plan.text, action.edits).split("\n")[12] == "     amount: 600 000}"
    assert _assert_fixed(plan, finding, action) == []


@pytest.mark.parametrize("written", ['"85.000"', "85,000", "1.234.567", "'−1.000'"])
def test_every_dotted_form_is_regrouped(written):
    text = (INVALID / "fp001-misspelt-value.yaml").read_text(encoding="utf-8")
    text = text.replace("sector: publik", "sector: public").replace("amount: 400", f"amount: {written}")
    plan, finding, [action] = _fixes(text, "FP001")
    assert _key(finding) not in {_key(f) for f in _after(text, action)}


def test_a_required_key_is_added_in_flow_style_once_for_each_choice():
    plan, finding, found = _fixes((INVALID / "fp001-missing-key-in-flow.yaml").read_text(encoding="utf-8"), "FP001")
    assert [a.title for a in found] == ["Add the required key: `form: cash`", "Add the required key: `form: in_kind`"]
    cash = found[0]
    assert _apply(plan.text, cash.edits).split("\n")[11].endswith("appropriation: Övriga medel, amount: 600, form: cash}")
    assert _assert_fixed(plan, finding, cash) == []


def test_a_required_key_is_added_in_a_flow_mapping_written_over_several_lines():
    flow = "  - {id: a, financier: A, sector: public, status: decided, appropriation: Övriga medel, amount: 600}"
    text = (INVALID / "fp001-missing-key-in-flow.yaml").read_text(encoding="utf-8").replace(
        flow, "  - {id: a, financier: A, sector: public,\n     status: decided, appropriation: Övriga medel, amount: 600}"
    )
    plan, finding, found = _fixes(text, "FP001")
    assert [a.title for a in found] == ["Add the required key: `form: cash`", "Add the required key: `form: in_kind`"]
    assert _apply(text, found[0].edits).split("\n")[12] == "     status: decided, appropriation: Övriga medel, amount: 600, form: cash}"
    assert _assert_fixed(plan, finding, found[0]) == []


def test_a_required_key_goes_before_the_flow_mappings_own_brace_not_one_in_a_quoted_value():
    text = (INVALID / "fp001-missing-key-in-flow.yaml").read_text(encoding="utf-8").replace(
        "  - {id: a, financier: A, sector: public,", '  - {id: a, financier: "A}", sector: public,'
    )
    plan, finding, found = _fixes(text, "FP001")
    assert _apply(text, found[0].edits).split("\n")[11].endswith("amount: 600, form: cash}")
    assert _assert_fixed(plan, finding, found[0]) == []


def test_a_required_key_is_added_in_block_style_with_an_empty_value_to_fill():
    text = (INVALID / "fp001-an-application-leaves-an-amount-out.yaml").read_text(encoding="utf-8") + "# the end\n"
    plan, finding, [action] = _fixes(text, "FP001")
    assert action.title == "Add the required key: `amount:`"
    fixed = _apply(text, action.edits).split("\n")
    assert fixed[13:16] == ["    form: cash", "    amount:", "# the end"]
    # The key is there; its value is the placeholder the author fills, and the check says so at it.
    [left] = _after(text, action)
    assert _key(left) != _key(finding) and left.path == ("financing", 1, "amount") and left.position.line == 15


def test_a_required_key_is_added_with_the_plans_own_line_break():
    text = (INVALID / "fp001-an-application-leaves-an-amount-out.yaml").read_text(encoding="utf-8").replace("\n", "\r\n")
    plan, finding, [action] = _fixes(text, "FP001")
    assert action.edits[0].text == "\r\n    amount:"


def test_a_required_key_of_a_middle_item_goes_after_its_last_key():
    text = (INVALID / "fp001-unknown-key.yaml").read_text(encoding="utf-8") + (
        "  - {id: b, financier: B, sector: private, form: cash, status: applied, amount: 0}\n"
    )
    plan = _open(text)
    [missing] = [f for f in plan.result.findings if f.fix and f.fix.kind == "add"]
    [action] = actions(plan, missing)
    assert _apply(text, action.edits).split("\n")[18:21] == ["    amout: 1000", "    amount:", "  - {id: b, financier: B, sector: private, form: cash, status: applied, amount: 0}"]


def test_the_total_is_set_to_the_sum_in_the_plans_own_grouping():
    text = SEED.read_text(encoding="utf-8").replace("total: 38 566 657", "total: 38 566 658")
    plan, finding, [action] = _fixes(text, "FP101")
    assert action.title == "Set the total to the sum of the financing lines, 38 566 657"
    assert not action.preferred
    assert _apply(text, action.edits) == SEED.read_text(encoding="utf-8")
    # What the seed itself has (FP502 among it, which the difference of the total had named instead), no more.
    seed = check_bytes(SEED.read_bytes(), "plan.yaml").findings
    assert {_key(f) for f in _after(text, action)} == {_key(f) for f in seed}
    assert _key(finding) not in {_key(f) for f in seed}


def test_the_total_of_a_small_plan_is_set_and_nothing_new_appears():
    plan, finding, [action] = _fixes((INVALID / "fp101-financing-sum.yaml").read_text(encoding="utf-8"), "FP101")
    assert action.edits[0].text == "1100"
    assert _assert_fixed(plan, finding, action) == []


def test_the_total_is_not_offered_where_costs_are_held_to_it():
    text = (INVALID / "fp101-financing-sum.yaml").read_text(encoding="utf-8") + (
        "costs:\n  - {id: k, category: staff, amount: 1000}\n"
    )
    plan = _open(text)
    [sum_error] = [f for f in plan.result.findings if f.code == "FP101"]
    assert sum_error.fix is None and actions(plan, sum_error) == []


@pytest.mark.parametrize(("written", "amount", "expected"), [
    ("38 566 658", "38566657", "38 566 657"),
    ("38566658", "38566657", "38566657"),
    ("38_566_658", "38566657", "38_566_657"),
    ('"38 566 658"', "38566657", '"38 566 657"'),
    ("1 234,50", "1234.75", "1 234,75"),
    ("1000", "1100.5", "1100.50"),
    ("1\u00a0000", "2000", "2\u00a0000"),
])
def test_an_amount_is_written_as_the_plan_writes_its_total(written, amount, expected):
    assert written_like(Decimal(amount), written) == expected


def test_a_finding_without_a_fix_gets_no_action():
    plan = _open((INVALID / "fp001-base-60.yaml").read_text(encoding="utf-8"))
    assert [actions(plan, f) for f in plan.result.findings] == [[]]


# End to end: a language client asks as an editor does.

client = client_fixture("client")


_diagnostics = open_plan


async def _actions(client, path: Path, diagnostics, only=None) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(path.as_uri()),
        range=diagnostics[0].range if diagnostics else types.Range(types.Position(0, 0), types.Position(0, 0)),
        context=types.CodeActionContext(diagnostics=diagnostics, only=only),
    ))
    return found or []


@pytest.mark.asyncio
async def test_a_misspelt_choice_after_characters_of_two_units_is_replaced_at_the_right_place(client, tmp_path):
    plan = tmp_path / "plan.yaml"
    text = (INVALID / "fp001-misspelt-value.yaml").read_text(encoding="utf-8").replace(
        "  - {id: a, financier: A, sector: private,", "  - {id: a, financier: Åre 😀, sector: privat,"
    )
    found = await _diagnostics(client, plan, text)
    [wrong] = [d for d in found if d.range.start.line == 11]
    line = text.split("\n")[11]
    column = line.index("privat")
    assert wrong.range.start == types.Position(11, column + 1)  # the emoji is two units
    [action] = await _actions(client, plan, [wrong])
    assert action.title == "Write `private` for `privat`" and action.kind == types.CodeActionKind.QuickFix
    assert list(action.diagnostics) == [wrong]
    [edit] = action.edit.changes[plan.as_uri()]
    assert edit.new_text == "private"
    assert edit.range == types.Range(types.Position(11, column + 1), types.Position(11, column + 1 + len("privat")))


@pytest.mark.asyncio
async def test_the_sum_is_offered_for_the_total_only_as_an_explicit_quick_fix(client, tmp_path):
    plan = tmp_path / "attraktiv.yaml"
    text = SEED.read_text(encoding="utf-8").replace("total: 38 566 657", "total: 40 000 000")
    found = await _diagnostics(client, plan, text)
    sum_error = [d for d in found if d.code == "FP101"]
    [action] = await _actions(client, plan, sum_error)
    assert action.title == "Set the total to the sum of the financing lines, 38 566 657"
    assert action.kind == types.CodeActionKind.QuickFix and not action.is_preferred
    [edit] = action.edit.changes[plan.as_uri()]
    assert (edit.new_text, edit.range) == ("38 566 657", sum_error[0].range)
    assert await _actions(client, plan, sum_error, only=[types.CodeActionKind.SourceFixAll]) == []


@pytest.mark.asyncio
async def test_every_fix_of_an_example_plan_is_offered_and_a_half_typed_plan_gets_an_answer(client, tmp_path):
    plan = tmp_path / "missing.yaml"
    found = await _diagnostics(client, plan, (INVALID / "fp001-missing-key-in-flow.yaml").read_text(encoding="utf-8"))
    offered = await _actions(client, plan, found)
    assert [a.title for a in offered] == ["Add the required key: `form: cash`", "Add the required key: `form: in_kind`"]
    half = tmp_path / "half.yaml"
    await _diagnostics(client, half, "finplan: 1\nproject:\n  name: [unclosed\n")
    assert await _actions(client, half, []) == []


@pytest.mark.parametrize("example", sorted(INVALID.glob("*.yaml")), ids=lambda p: p.name)
def test_every_action_on_an_example_plan_makes_its_finding_go(example):
    text = example.read_text(encoding="utf-8")
    plan = _open(text)
    for finding in plan.result.findings:
        for action in actions(plan, finding):
            assert _key(finding) not in {_key(f) for f in _after(text, action)}, action.title


def _inside(lines: list[str], place) -> bool:
    return 0 <= place[0] < len(lines) and 0 <= place[1] <= len(lines[place[0]])


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("finplan: 1\n project:{}[]-,'\"#&*!|>\t0123456789.åä😀\r\x00")), max_size=300))
def test_arbitrary_text_never_raises_and_edits_stay_inside(text):
    plan = _open("finplan: 1\n" + text)
    for finding in plan.result.findings:
        for action in actions(plan, finding):
            assert all(_inside(plan.lines, e.start) and _inside(plan.lines, e.end) and e.start <= e.end for e in action.edits)
