"""Hovers of `finplan server`: on a financing line, a key, a profile and an ignore comment's code.

First as plain functions of an open plan (finplan.server.hover), on real
plans; then end to end, driven by a language client as an editor drives it.
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
from finplan.model import Plan
from finplan.schema import plan_schema
from finplan.server.fields import is_model, key_documentation, keys_of, kind_at
from finplan.server.hover import hover
from finplan.server.state import check_open

RULES = "file:///finplan/docs/rules.md"


def _where(text: str, line_text: str, word: str) -> tuple[int, int]:
    """The line that holds `line_text` and the column of `word` on it (both from 0)."""
    line = next(number for number, each in enumerate(text.split("\n")) if line_text in each)
    return line, text.split("\n")[line].index(word)


def _said(text: str, line_text: str, word: str, *, markdown: bool = True, name: str = "plan.yaml") -> types.Hover | None:
    plan = check_open((Path.cwd() / name).as_uri(), text, ConfigFinder())
    return hover(plan, *_where(text, line_text, word), markdown=markdown, rules_url=RULES)


def _text(found: types.Hover | None) -> str:
    assert found is not None
    return found.contents.value


def test_the_seeds_1_1_line_shows_its_share_kind_status_and_the_cap_with_its_margin():
    seed = SEED.read_text(encoding="utf-8")
    found = _said(seed, "amount: 19 283 329", "283")
    said = _text(found)
    assert found.contents.kind == types.MarkupKind.Markdown
    for part in ("**Id**: anslag-1-1", "**Kind**: public cash", "**Status**: applied", "**Amount**: 19 283 329 kr",
                 "**Share**: 50,0000013 %", "**Scheme**: anslag_1_1", "**Caps and floors**"):
        assert part in said
    assert (
        "| anslag_1_1 | anslag-1-1 | 19 283 329 kr | 50,0000013 % "
        "| at most 19 283 328,50 kr (50 % of the total 38 566 657 kr) | 0,50 kr over |"
    ) in said
    line, column = _where(seed, "amount: 19 283 329", "19")
    assert found.range == types.Range(types.Position(line, column), types.Position(line, column + 10))


def test_anywhere_in_the_item_is_the_same_line():
    seed = SEED.read_text(encoding="utf-8")
    on_id = _text(_said(seed, "- id: anslag-1-1", "-"))
    on_case = _text(_said(seed, "case: RUN/379/2019", "RUN"))
    assert on_id == on_case and "**Share**: 50,0000013 %" in on_id


def test_a_line_no_cap_measures_shows_no_caps():
    said = _text(_said(SEED.read_text(encoding="utf-8"), "financier: Jämtkraft", "Jämtkraft"))
    assert "**Share**: 0,78 %" in said and "**Kind**: private cash" in said
    assert "Caps and floors" not in said


def test_each_decision_makers_cap_and_the_joint_one():
    text = (PLANS / "valid" / "anslag-1-1-two-decision-makers.yaml").read_text(encoding="utf-8")
    said = _text(_said(text, "id: tvv", "tvv"))
    assert "| anslag_1_1 (Tillväxtverket) | tvv | 5 000 kr | 50,00 % |" in said
    assert "| anslag_1_1 (all decision-makers) | tvv, region | 10 000 kr | 100,00 % |" in said
    assert "anslag_1_1 (Region Test)" not in said


def test_a_lines_own_limits_each_with_its_margin():
    text = (PLANS / "valid" / "caps-on-two-bases.yaml").read_text(encoding="utf-8")
    said = _text(_said(text, "{max: 60 %, of: public}", "60"))
    assert said.count("\n| ") == 5  # the header, then each of the line's four limits
    assert "of the eligible costs" in said and "of the public financing" in said


def test_a_share_printed_where_the_total_is_not_stated():
    text = (PLANS / "valid" / "decision-excerpt-amounts-not-stated.yaml").read_text(encoding="utf-8")
    assert "**Share**: 40 % printed" in _text(_said(text, "id: grant", "grant"))
    said = _text(_said(text, "id: kommunen", "kommunen"))
    assert "**Amount**: amount not stated" in said and "**Status**: not stated" in said and "**Share**: –" in said


def test_plain_text_where_the_editor_shows_no_markdown():
    said = _text(_said(SEED.read_text(encoding="utf-8"), "amount: 19 283 329", "283", markdown=False))
    assert "**" not in said and "|" not in said
    assert "Share: 50,0000013 %" in said and "Margin: 0,50 kr over" in said


def test_a_key_shows_the_formats_documentation_of_it():
    seed = SEED.read_text(encoding="utf-8")
    found = _said(seed, "total: 38 566 657", "total")
    said = _text(found)
    assert said.startswith("**total**\n\nThe project's total: what it costs, and what is financed")
    assert "`2 658 128`" in said  # the amount's form, as `finplan schema` appends it
    line = seed.split("\n").index("total: 38 566 657")
    assert found.range == types.Range(types.Position(line, 0), types.Position(line, 5))


def test_a_key_with_an_enumeration_lists_its_values():
    said = _text(_said(SEED.read_text(encoding="utf-8"), "status: applied", "status"))
    assert "`proposed`, `applied` or `decided`" in said
    assert said.endswith("Allowed values: `proposed`, `applied`, `decided`")
    said = _text(_said(SEED.read_text(encoding="utf-8"), "profiles: [anslag_1_1]", "profiles"))
    assert "`anslag_1_1`, `erdf_2014_2020`" in said


def test_keys_at_any_depth():
    text = (PLANS / "valid" / "caps-on-two-bases.yaml").read_text(encoding="utf-8")
    assert "The base a share is taken of" in _text(_said(text, "{max: 60 %, of: public}", "of"))
    seed = SEED.read_text(encoding="utf-8")
    assert _text(_said(seed, "period: {start", "start")).startswith("**start**\n\nThe first day")
    settings = (PLANS / "valid" / "anslag-1-1.yaml").read_text(encoding="utf-8")
    assert "advance" in _text(_said(settings, "anslag_1_1.advance_max:", "advance_max"))


def test_a_key_the_format_does_not_know_says_nothing():
    text = SEED.read_text(encoding="utf-8").replace("currency: SEK", "currencies: SEK")
    assert _said(text, "currencies: SEK", "currencies") is None


def test_a_profile_shows_its_numbers_in_force_on_the_plans_date():
    said = _text(_said(SEED.read_text(encoding="utf-8"), "profiles: [anslag_1_1]", "anslag"))
    assert "**Profile**: anslag_1_1" in said
    assert "**Settings in force on 2019-08-21**" in said  # the decision's date
    assert "| anslag_1_1.max_share | 50 % |" in said and "SFS 2009:674" in said
    later = (PLANS / "valid" / "anslag-1-1-2024-with-erdf.yaml").read_text(encoding="utf-8")
    said = _text(_said(later, "profiles:", "anslag_1_1"))
    assert "| anslag_1_1.eu_co_financed_max_share | 60 % |" in said and "SFS 2022:1470" in said


def test_an_ignore_comments_code_shows_the_rules_summary_and_link():
    text = SEED.read_text(encoding="utf-8").replace("total: 38 566 657", "total: 38 566 658  # finplan: ignore[fp101]")
    found = _said(text, "total: 38 566 658", "fp101")
    said = _text(found)
    assert said == f"**[FP101 financing-total]({RULES}#fp101-financing-total)**\n\nThe financing lines sum to the declared total."
    line, column = _where(text, "total: 38 566 658", "fp101")
    assert found.range == types.Range(types.Position(line, column), types.Position(line, column + 5))


def test_swedish_words_from_the_catalog():
    set_language("sv")
    said = _text(_said(SEED.read_text(encoding="utf-8"), "amount: 19 283 329", "283"))
    assert "**Andel**: 50,0000013 %" in said and "**Slag**: offentlig kontant" in said and "**Status**: sökt" in said
    assert "**Tak och golv**" in said and "0,50 kr över" in said


def test_a_keys_documentation_in_swedish_with_lang_sv():
    seed = SEED.read_text(encoding="utf-8")
    set_language("sv")
    total = _text(_said(seed, "total: 38 566 657", "total"))
    status = _text(_said(seed, "status: applied", "status", markdown=False))
    setting = _text(_said((PLANS / "valid" / "anslag-1-1.yaml").read_text(encoding="utf-8"),
                          "anslag_1_1.advance_max:", "advance_max"))
    assert total.startswith("**total**\n\nTotalen: vad projektet kostar och vad som finansieras")
    assert "Ett belopp i planens valuta, exakt" in total and "`2 658 128`" in total  # the amount's form, in Swedish
    assert status == (
        "status\n\n`proposed` (föreslagen), `applied` (sökt) eller `decided` (beslutad); rapporten skriver "
        '"ej angiven" där den utelämnas.\n\nTillåtna värden: proposed, applied, decided'
    )
    assert setting.startswith("**anslag_1_1.advance_max**\n\nFörskott i kronor, högst (Förordning (2003:596) 11 §).")
    for english in ("The project's total", "An amount in", "the report says", "Allowed values", "Advance"):
        assert english not in total + status + setting


def test_every_keys_documentation_is_what_finplan_schema_says_of_it():
    """Hover and completion read the models, translated when they answer; in English that is, key for key, what
    `finplan schema` prints for editors that read the schema."""
    schema, seen, waiting, keys = plan_schema(), set(), [()], 0
    while waiting:
        path = waiting.pop()
        model = kind_at(path)
        if model in seen:
            continue
        seen.add(model)
        properties = (schema if model is Plan else schema["$defs"][model.__name__])["properties"]
        for key in keys_of(model):
            keys += 1
            assert key_documentation((*path, key)) == properties[key]["markdownDescription"], (*path, key)
            for inner in ((*path, key), (*path, key, 0)):
                if is_model(kind_at(inner)):
                    waiting.append(inner)
    assert keys > 200 and len(seen) > 10


def test_nothing_for_a_file_that_is_no_plan_or_does_not_load():
    assert _said("services:\n  web:\n    image: nginx\n", "image", "nginx") is None
    assert _said("finplan: 1\nproject:\n  name: [unclosed\n", "name", "name") is None
    assert _said("finplan: 1\ntotal: 5\n\n", "total", "total") is not None


def test_a_plan_of_the_wrong_shape_still_documents_its_keys():
    text = SEED.read_text(encoding="utf-8").replace("sector: private", "sector: privat", 1)
    assert _said(text, "sector: privat", "privat") is not None  # the line cannot be built: its key's documentation
    assert "Allowed values" in _text(_said(text, "sector: privat", "sector"))


def test_a_plan_written_with_windows_line_ends():
    seed = SEED.read_text(encoding="utf-8")
    plan = check_open("file:///plan.yaml", seed.replace("\n", "\r\n"), ConfigFinder())
    line, column = _where(seed, "amount: 19 283 329", "19")
    found = hover(plan, line, column)
    assert "**Share**: 50,0000013 %" in _text(found)
    assert found.range == types.Range(types.Position(line, column), types.Position(line, column + 10))


def test_a_year_of_an_amount_by_year_documents_the_mapping():
    text = (PLANS / "valid" / "costs-and-years.yaml").read_text(encoding="utf-8")
    assert _text(_said(text, "per_year: {2020: 300, 2021: 300}", "2021")).startswith("**per_year**")


def test_a_half_typed_plan_gets_an_answer_or_none_wherever_the_cursor_is():
    seed = SEED.read_text(encoding="utf-8")
    for cut in range(0, len(seed), 97):
        text = seed[:cut]
        plan = check_open("file:///plan.yaml", text, ConfigFinder())
        for line, each in enumerate(text.split("\n")):
            for character in (0, len(each) // 2, len(each), len(each) + 3):
                found = hover(plan, line, character, markdown=bool(cut % 2))
                assert found is None or found.contents.value


# End to end, as an editor asks.

MARKDOWN = types.ClientCapabilities(text_document=types.TextDocumentClientCapabilities(
    hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown, types.MarkupKind.PlainText])
))


client = client_fixture("client", capabilities=MARKDOWN)
swedish = client_fixture("swedish", "sv")


async def _ask(client: LanguageClient, path: Path, text: str, line: int, character: int) -> types.Hover | None:
    await open_plan(client, path, text)
    return await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=types.Position(line, character)
    ))


@pytest.mark.asyncio
async def test_the_seeds_1_1_line_and_its_cap_in_an_editor(client, tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    found = await _ask(client, tmp_path / "plan.yaml", seed, *_where(seed, "amount: 19 283 329", "283"))
    assert found.contents.kind == types.MarkupKind.Markdown
    assert "**Share**: 50,0000013 %" in found.contents.value
    assert "| anslag_1_1 | anslag-1-1 |" in found.contents.value and "| 0,50 kr over |" in found.contents.value


@pytest.mark.asyncio
async def test_hovering_total_shows_its_documentation(client, tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    found = await _ask(client, tmp_path / "plan.yaml", seed, *_where(seed, "total: 38 566 657", "total"))
    assert found.contents.value.startswith("**total**\n\nThe project's total")


@pytest.mark.asyncio
async def test_positions_in_the_editors_units_past_an_emoji(client, tmp_path):
    # "Å" is one UTF-16 unit, "😀" two: the code FP101 starts one unit later in the editor's count than in Python's.
    text = SEED.read_text(encoding="utf-8").replace(
        "  name: En attraktiv region", "  name: Å😀 En attraktiv region  # finplan: ignore[FP101]"
    )
    line, column = _where(text, "# finplan: ignore[FP101]", "FP101")
    found = await _ask(client, tmp_path / "plan.yaml", text, line, column + 6)  # the code's end, in UTF-16 units
    assert found.contents.value.startswith("**[FP101 financing-total]")
    assert found.range == types.Range(types.Position(line, column + 1), types.Position(line, column + 6))


@pytest.mark.asyncio
async def test_swedish_and_plain_text_where_the_editor_asks_for_no_markdown(swedish, tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    found = await _ask(swedish, tmp_path / "plan.yaml", seed, *_where(seed, "amount: 19 283 329", "283"))
    assert found.contents.kind == types.MarkupKind.PlainText
    assert "Andel: 50,0000013 %" in found.contents.value and "Marginal: 0,50 kr över" in found.contents.value


@pytest.mark.asyncio
async def test_swedish_key_documentation_with_lang_sv_past_an_emoji(swedish, tmp_path):
    block = "  - id: jamtkraft\n    financier: Jämtkraft\n    sector: private\n    form: cash\n    status: proposed\n    amount"
    flow = "  - {id: jamtkraft, financier: Å😀 Jämtkraft, sector: private, form: cash, status: proposed, amount: 300 000}"
    text = SEED.read_text(encoding="utf-8").replace(block + ": 300 000", flow)
    path = tmp_path / "plan.yaml"
    total = await _ask(swedish, path, text, *_where(text, "total: 38 566 657", "total"))
    assert total.contents.value.startswith("total\n\nTotalen: vad projektet kostar")
    # "Å" is one UTF-16 unit, "😀" two: `status` starts one unit later in the editor's count than in Python's.
    line, column = _where(text, "financier: Å😀 Jämtkraft", "status")
    status = await swedish.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=types.Position(line, column + 3)
    ))
    assert "`applied` (sökt)" in status.contents.value and "Tillåtna värden: proposed, applied, decided" in status.contents.value
    assert status.range == types.Range(types.Position(line, column + 1), types.Position(line, column + 7))


@pytest.mark.asyncio
async def test_a_plan_that_does_not_load_gets_no_hover_and_the_server_goes_on(client, tmp_path):
    found = await _ask(client, tmp_path / "new.yaml", "finplan: 1\nproject:\n  name: [unclosed\n", 2, 4)
    assert found is None
    seed = SEED.read_text(encoding="utf-8")
    again = await _ask(client, tmp_path / "plan.yaml", seed, *_where(seed, "total: 38 566 657", "total"))
    assert again is not None


def test_a_profile_shows_the_numbers_the_configuration_and_the_plan_set_as_the_check_measures_by(tmp_path):
    (tmp_path / "finplan.toml").write_text('[settings]\n"anslag_1_1.max_share" = "40 %"\n', encoding="utf-8")
    text = SEED.read_text(encoding="utf-8") + "settings:\n  anslag_1_1.in_kind_in_base: false\n"
    plan = check_open((tmp_path / "plan.yaml").as_uri(), text, ConfigFinder())
    said = _text(hover(plan, *_where(text, "profiles: [anslag_1_1]", "anslag"), markdown=True, rules_url=RULES))
    assert "| anslag_1_1.max_share | 40 % (set by the configuration) |" in said
    assert "| anslag_1_1.in_kind_in_base | no (set by the plan) |" in said
    assert "| anslag_1_1.joint_max_share | 100 % |" in said  # not set: the regulation's, as before
