"""Completion in `finplan server`: keys, enum values, profile names and settings where the cursor stands.

Unit tests call `completions` on snippets of half-typed plans, the cursor written `‸`; the end-to-end
tests drive `finplan server` with a language client (pytest-lsp), as an editor does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_client import client_fixture, open_plan
from conftest import PLANS, SEED
from finplan.config import ConfigFinder
from finplan.i18n import set_language
from finplan.server.completion import completions
from finplan.server.state import check_open

CURSOR = "‸"


def _complete(text: str, tmp_path: Path, trigger: str | None = None) -> list[types.CompletionItem] | None:
    before, after = text.split(CURSOR)
    line, character = before.count("\n"), len(before) - (before.rfind("\n") + 1)
    plan = check_open((tmp_path / "plan.yaml").as_uri(), before + after, ConfigFinder())
    return completions(plan, line, character, trigger)


def _labels(text: str, tmp_path: Path, trigger: str | None = None) -> list[str] | None:
    found = _complete(text, tmp_path, trigger)
    return None if found is None else [item.label for item in found]


def _item(text: str, tmp_path: Path, label: str) -> types.CompletionItem:
    return next(item for item in _complete(text, tmp_path) if item.label == label)


# -- Keys, at the cursor's level, without those already written ---------------------------------


def test_top_level_keys_leave_out_those_above_and_below(tmp_path):
    labels = _labels("finplan: 1\n‸\nproject:\n  name: x\ntotal: 5\n", tmp_path)
    assert labels[:3] == ["profiles", "settings", "currency"]
    assert {"finplan", "project", "total"}.isdisjoint(labels)
    assert "financing" in labels and "name" not in labels


def test_the_projects_keys_under_project(tmp_path):
    labels = _labels("finplan: 1\nproject:\n  name: x\n  ‸\n  owner: y\ntotal: 5\n", tmp_path)
    assert labels == ["document", "case", "period", "applied", "decided", "partners"]


def test_a_financing_line_gets_its_own_keys_not_its_neighbours(tmp_path):
    text = (
        "finplan: 1\nfinancing:\n  - id: a\n    sector: public\n  - id: b\n    ‸\n    form: cash\n"
        "  - id: c\n    status: decided\n"
    )
    labels = _labels(text, tmp_path)
    assert labels[:2] == ["financier", "sector"] and "status" in labels
    assert {"id", "form"}.isdisjoint(labels)


def test_a_new_item_after_its_dash_offers_every_key(tmp_path):
    labels = _labels("finplan: 1\nfinancing:\n  - id: a\n    sector: public\n  - ‸\n", tmp_path)
    assert labels[:4] == ["id", "financier", "sector", "form"]


def test_a_sequence_at_its_keys_indentation(tmp_path):
    labels = _labels("finplan: 1\ncosts:\n- id: a\n  ‸\nfinancing: []\n", tmp_path)
    assert labels[:2] == ["category", "amount"] and "id" not in labels


def test_nested_levels_a_basis_row_and_a_limit(tmp_path):
    basis = "finplan: 1\nfinancing:\n  - id: a\n    basis:\n      - hours: 3\n        ‸\n"
    assert _labels(basis, tmp_path)[:2] == ["what", "people"]
    limit = "finplan: 1\nfinancing:\n- id: a\n  limits:\n  - max: 50 %\n    ‸\n"
    assert _labels(limit, tmp_path) == ["min", "of", "max_amount", "min_amount", "source"]
    split = "finplan: 1\nfinancing:\n  - id: a\n    split:\n      - payer: EU\n        ‸\n"
    assert _labels(split, tmp_path) == ["share", "amount", "fund"]


def test_flow_mappings_complete_keys_and_leave_out_those_written_around_the_cursor(tmp_path):
    labels = _labels("finplan: 1\nfinancing:\n  - {id: a, ‸, sector: public}\n", tmp_path)
    assert "financier" in labels and {"id", "sector"}.isdisjoint(labels)
    limits = _labels("finplan: 1\nfinancing:\n  - id: a\n    limits: [{max: 50 %, ‸}]\n", tmp_path)
    assert limits == ["min", "of", "max_amount", "min_amount", "source"]
    period = "finplan: 1\nproject:\n  period: {‸\n    end: 2020-12-31}\n"
    assert _labels(period, tmp_path) == ["start"]
    # A bracket left open: the keys below it at the mapping's own indentation are not the period's.
    unclosed = "finplan: 1\nproject:\n  period: {start: 2020-01-01, ‸\n  end: 2020-12-31\n"
    assert _labels(unclosed, tmp_path) == ["end"]


def test_a_key_comes_with_its_documentation_and_inserts_its_colon(tmp_path):
    item = _item("finplan: 1\nfinancing:\n  - id: a\n    sec‸\n", tmp_path, "sector")
    assert item.documentation.value == "`public` or `private` money (offentlig, privat)."
    assert item.detail == "public | private"
    assert item.text_edit.new_text == "sector: "
    assert item.text_edit.range == types.Range(types.Position(3, 4), types.Position(3, 7))


def test_a_key_whose_colon_is_written_is_replaced_alone(tmp_path):
    item = _item("finplan: 1\nfinancing:\n  - id: a\n    sta‸tus: decided\n", tmp_path, "state_aid")
    assert item.text_edit.new_text == "state_aid"
    assert item.text_edit.range == types.Range(types.Position(3, 4), types.Position(3, 10))


# -- Enum values, profile names and settings -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("finplan: ‸\n", ["1"]),
        ("finplan: 1\nfinancing:\n  - id: a\n    sector: ‸\n", ["public", "private"]),
        ("finplan: 1\nfinancing:\n  - id: a\n    form: ‸\n", ["cash", "in_kind"]),
        ("finplan: 1\nfinancing:\n  - id: a\n    status: pro‸\n", ["proposed", "applied", "decided"]),
        ("finplan: 1\nfinancing:\n  - id: a\n    state_aid: ‸\n", ["true", "false"]),
        ("finplan: 1\nfinancing:\n  - {id: a, sector: pu‸}\n", ["public", "private"]),
        ("finplan: 1\nfinancing:\n  - id: a\n    split: [{payer: EU, fund: ‸}]\n", ["eu", "state", "municipality"]),
        ("finplan: 1\nfinancing:\n  - id: a\n    limits: [{max: 50 %, of: ‸}]\n",
         ["total", "eligible_costs", "public", "cash", "co_financing"]),
        ("finplan: 1\nproject: {name: x, document: ‸}\n", ["application", "decision", "decision_excerpt", "news", "minutes"]),
        ("finplan: 1\ncosts:\n  - id: a\n    category: ‸\n",
         ["staff", "external_services", "travel", "premises_equipment", "investments", "flat_rate", "in_kind", "income"]),
        ("finplan: 1\ncosts:\n  - id: a\n    vat: ‸\n", ["recoverable", "non_recoverable"]),
        ("finplan: 1\ncosts:\n  - id: a\n    flat_rate:\n      option: ‸\n",
         ["indirect_of_staff", "indirect_of_direct", "indirect_of_direct_except_external", "staff_of_other_direct",
          "remaining_of_staff", "travel_of_staff"]),
    ],
)
def test_an_enums_values_after_its_key(tmp_path, text, values):
    assert _labels(text, tmp_path) == values


def test_a_value_right_after_the_colon_gets_its_space(tmp_path):
    item = _item("finplan: 1\nfinancing:\n  - id: a\n    form:‸\n", tmp_path, "in_kind")
    assert item.text_edit.new_text == " in_kind"
    assert item.documentation.value.startswith("`cash`, or `in_kind`")


def test_a_schemes_values_name_the_profiles_that_govern_them(tmp_path):
    item = _item("finplan: 1\nfinancing:\n  - id: a\n    scheme: ‸\n", tmp_path, "erdf")
    assert "`erdf_2014_2020`" in item.documentation.value and "`erdf_2021_2027`" in item.documentation.value


def test_profile_names_in_a_block_or_flow_list_leave_out_those_listed(tmp_path):
    block = _labels("finplan: 1\nprofiles:\n  - anslag_1_1\n  - ‸\n  - leader_ax\n", tmp_path)
    flow = _labels("finplan: 1\nprofiles: [anslag_1_1, ‸, leader_ax]\n", tmp_path)
    assert block == flow
    assert "erdf_2021_2027" in block and {"anslag_1_1", "leader_ax"}.isdisjoint(block)
    item = _item("finplan: 1\nprofiles: [‸]\n", tmp_path, "anslag_1_1")
    assert item.documentation.value.startswith("`anslag_1_1`: Anslag 1:1 Regionala tillväxtåtgärder (to budget year 2021)")


def test_settings_show_the_value_in_force_for_the_plan_and_their_source(tmp_path):
    seed = SEED.read_text(encoding="utf-8").replace("currency: SEK\n", "settings:\n  ‸\ncurrency: SEK\n")
    items = _complete(seed, tmp_path)
    labels = [item.label for item in items]
    # The plan's own profile's settings first, after the general ones; a profile it does not name after them.
    assert labels.index("anslag_1_1.max_share") < labels.index("erdf_2021_2027.max_share")
    in_force = next(item for item in items if item.label == "anslag_1_1.max_share")
    assert "In force: 50 %" in in_force.documentation.value
    assert "Source: " in in_force.documentation.value
    other = next(item for item in items if item.label == "erdf_2014_2020.region")
    assert "Default: " in other.documentation.value


def test_settings_already_overridden_are_left_out_and_a_choice_offers_its_values(tmp_path):
    labels = _labels("finplan: 1\nsettings:\n  hours_per_year: 1600\n  ‸\n", tmp_path)
    assert "hours_per_year" not in labels and "rounding_tolerance" in labels
    assert "stockholm" in _labels("finplan: 1\nsettings:\n  erdf_2014_2020.region: ‸\n", tmp_path)
    assert _labels("finplan: 1\nsettings: {anslag_1_1.in_kind_in_base: ‸}\n", tmp_path) == ["true", "false"]


def test_swedish_documentation_where_the_catalog_has_it(tmp_path):
    set_language("sv")
    try:
        setting = _item("finplan: 1\nsettings:\n  ‸\n", tmp_path, "hours_per_year")
        public = _item("finplan: 1\nfinancing:\n  - id: a\n    sector: ‸\n", tmp_path, "public")
        profile = _item("finplan: 1\nprofiles: [‸]\n", tmp_path, "anslag_1_1")
    finally:
        set_language("en")
    assert setting.documentation.value.startswith("Timmarna i ett heltidsårsverke")
    assert "Standardvärde: 1 720 timmar" in setting.documentation.value and "Källa: " in setting.documentation.value
    assert public.detail == "offentlig"
    assert "(till och med budgetåret 2021)" in profile.documentation.value


def test_a_financing_lines_keys_documented_in_swedish_with_lang_sv(tmp_path):
    set_language("sv")
    try:
        items = {item.label: item for item in _complete("finplan: 1\nfinancing:\n  - id: a\n    ‸\n", tmp_path)}
    finally:
        set_language("en")
    assert {"financier", "sector", "form", "status", "amount"} <= set(items)  # the keys themselves stay English
    assert items["sector"].documentation.value == "Offentliga (`public`) eller privata (`private`) pengar."
    assert items["sector"].detail == "public | private"
    amount = items["amount"].documentation.value
    assert amount.startswith("Vad finansiären betalar; utelämnas bara där ett annat dokument än en ansökan inte anger det.")
    assert "\n\nEtt belopp i planens valuta, exakt" in amount  # its form, as a hover on `amount:` shows it
    assert items["status"].documentation.value.startswith("`proposed` (föreslagen), `applied` (sökt)")


# -- A plan half typed, and places with nothing to offer -------------------------------------------


def test_a_plan_that_does_not_load_still_completes(tmp_path):
    text = "finplan: 1\nproject:\n  name: [unclosed\nfinancing:\n  - id: a\n    form: ‸\n  - {id: b, sector\n"
    assert _labels(text, tmp_path) == ["cash", "in_kind"]


def test_nothing_where_the_format_has_no_choices(tmp_path):
    assert _labels("finplan: 1\nproject:\n  name: ‸\n", tmp_path) is None
    assert _labels("finplan: 1\nproject:\n  note: >-\n    some text\n    ‸\n", tmp_path) is None
    assert _labels("finplan: 1\nfinancing:\n  - {id: a, financier: Region‸}\n", tmp_path) is None
    assert _labels("finplan: 1\nfinancing:\n  - id: a\n    per_year:\n      ‸\n", tmp_path) is None
    assert _labels("finplan: 1\n|\n‸\n", tmp_path) is None  # a block scalar where the plan's keys stand


def test_no_place_in_the_example_plans_fails_to_answer(tmp_path):
    """Every line's start, middle and end in the seed and the failing examples (many half right): an
    answer or None, never an exception; and a place past the end of the text gets None."""
    for path in [SEED, *sorted((PLANS / "invalid").glob("*.yaml"))]:
        plan = check_open(path.as_uri(), path.read_text(encoding="utf-8"), ConfigFinder())
        for line, text in enumerate(plan.lines):
            for character in {0, len(text) // 2, len(text)}:
                completions(plan, line, character)
        assert completions(plan, len(plan.lines) + 3, 0, " ") is None


def test_a_yaml_file_that_is_no_plan_gets_nothing(tmp_path):
    assert _labels("services:\n  ‸\n", tmp_path) is None


def test_a_typed_space_asks_only_after_a_colon_a_dash_or_a_comma(tmp_path):
    assert _labels("finplan: 1\nproject:\n  ‸\n", tmp_path, trigger=" ") is None
    assert _labels("finplan: 1\nfinancing:\n  - id: a\n    form: ‸\n", tmp_path, trigger=" ") == ["cash", "in_kind"]


# -- End to end, as an editor asks ---------------------------------------------------------------


client = client_fixture("client")
swedish = client_fixture("swedish", "sv")


async def _ask(client: LanguageClient, path: Path, text: str, line: int, character: int) -> types.CompletionList | None:
    await open_plan(client, path, text)
    return await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(path.as_uri()), types.Position(line, character))
    )


@pytest.mark.asyncio
async def test_the_server_offers_a_lines_keys_after_those_of_the_seed(client, tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("    scheme: anslag_1_1\n", "    scheme: anslag_1_1\n    \n")
    line = text.split("\n").index("    scheme: anslag_1_1") + 1
    found = await _ask(client, tmp_path / "plan.yaml", text, line, 4)
    labels = [item.label for item in found.items]
    assert "decided_by" in labels and {"id", "scheme", "case", "appropriation"}.isdisjoint(labels)
    limits = next(item for item in found.items if item.label == "limits")
    assert limits.documentation.value == "The caps and floors the line's own decision prints."
    assert limits.text_edit.new_text == "limits: "


@pytest.mark.asyncio
async def test_text_edits_count_in_the_editors_units_after_an_emoji(client, tmp_path):
    text = "finplan: 1\nfinancing:\n  - {id: a, financier: Å😀 AB, sector: pu}\n"
    # UTF-16, as the editor counts: the emoji is two units, so `pu` starts at 39 and ends at 41.
    found = await _ask(client, tmp_path / "plan.yaml", text, 2, 41)
    public = next(item for item in found.items if item.label == "public")
    assert public.text_edit.range == types.Range(types.Position(2, 39), types.Position(2, 41))


@pytest.mark.asyncio
async def test_a_half_typed_plan_completes_and_the_server_goes_on(client, tmp_path):
    found = await _ask(client, tmp_path / "new.yaml", "finplan: 1\nprofiles: [\nproject:\n  name: [x\n", 1, 11)
    assert "anslag_1_1" in [item.label for item in found.items]
    nothing = await _ask(client, tmp_path / "compose.yml", "services:\n  web:\n", 1, 2)
    assert nothing is None or not nothing.items


@pytest.mark.asyncio
async def test_swedish_documentation_with_lang_sv(swedish, tmp_path):
    found = await _ask(swedish, tmp_path / "plan.yaml", "finplan: 1\nsettings:\n  \n", 2, 2)
    hours = next(item for item in found.items if item.label == "hours_per_year")
    assert hours.documentation.value.startswith("Timmarna i ett heltidsårsverke")


@pytest.mark.asyncio
async def test_a_lines_keys_in_swedish_with_lang_sv_after_an_emoji(swedish, tmp_path):
    text = "finplan: 1\nfinancing:\n  - {id: a, financier: Å😀 AB, sec}\n"
    # UTF-16, as the editor counts: the emoji is two units, so `sec` starts at 31 and ends at 34.
    found = await _ask(swedish, tmp_path / "plan.yaml", text, 2, 34)
    sector = next(item for item in found.items if item.label == "sector")
    assert sector.documentation.value == "Offentliga (`public`) eller privata (`private`) pengar."
    assert sector.text_edit.range == types.Range(types.Position(2, 31), types.Position(2, 34))
    form = next(item for item in found.items if item.label == "form")
    assert form.documentation.value == "`cash` (kontant), eller `in_kind`: ett bidrag i annat än pengar, som arbetad tid."
