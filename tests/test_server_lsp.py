"""`finplan server` driven end to end by a language client, as an editor drives it (pytest-lsp)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import SEED
from lsp_client import client_fixture, open_plan

TOTAL_LINE = SEED.read_text(encoding="utf-8").split("\n").index("total: 38 566 657")


client = client_fixture("client")
_open = open_plan


async def _change(client: LanguageClient, path: Path, version: int, start: tuple[int, int], end: tuple[int, int], text: str):
    uri = path.as_uri()
    edit = types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(*start), types.Position(*end)), text=text
    )
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=version), [edit]
    ))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri]


def _codes(found: list[types.Diagnostic]) -> list[tuple[str, int]]:
    return [(d.code, d.range.start.line) for d in found]


@pytest.mark.asyncio
async def test_an_edited_total_is_flagged_at_its_line_and_cleared_when_put_back(client, tmp_path):
    plan = tmp_path / "attraktiv.yaml"
    found = await _open(client, plan, SEED.read_text(encoding="utf-8"))
    assert "FP101" not in [d.code for d in found]
    found = await _change(client, plan, 2, (TOTAL_LINE, 7), (TOTAL_LINE, 17), "40 000 000")
    [sum_error] = [d for d in found if d.code == "FP101"]
    assert sum_error.severity == types.DiagnosticSeverity.Error
    assert sum_error.source == "finplan"
    assert sum_error.range == types.Range(types.Position(TOTAL_LINE, 7), types.Position(TOTAL_LINE, 17))
    assert sum_error.message.startswith(
        "the financing lines sum to 38 566 657 kr, the declared total is 40 000 000 kr: 1 433 343 kr short"
    )
    assert "The financing lines sum to the declared total." in sum_error.message
    assert sum_error.code_description.href.endswith("docs/rules.md#fp101-financing-total")
    found = await _change(client, plan, 3, (TOTAL_LINE, 7), (TOTAL_LINE, 17), "38 566 657")
    assert "FP101" not in [d.code for d in found]


@pytest.mark.asyncio
async def test_warnings_and_notes_keep_their_severity(client, tmp_path):
    found = await _open(client, tmp_path / "plan.yaml", SEED.read_text(encoding="utf-8"))
    assert {d.code: d.severity for d in found}["FP412"] == types.DiagnosticSeverity.Warning


@pytest.mark.asyncio
async def test_the_workspace_configuration_and_inline_ignores_are_honoured(client, tmp_path):
    (tmp_path / "finplan.toml").write_text('ignore = ["FP412"]\n', encoding="utf-8")
    text = SEED.read_text(encoding="utf-8").replace("total: 38 566 657", "total: 38 566 658  # finplan: ignore[FP101]")
    found = await _open(client, tmp_path / "plan.yaml", text)
    assert not {"FP412", "FP101"} & {d.code for d in found}


@pytest.mark.asyncio
async def test_a_half_typed_plan_gets_a_diagnostic_and_the_server_goes_on(client, tmp_path):
    plan = tmp_path / "new.yaml"
    found = await _open(client, plan, "finplan: 1\nproject:\n  name: [unclosed\n")
    [syntax] = found
    assert (syntax.code, syntax.severity, syntax.range.start) == ("FP000", types.DiagnosticSeverity.Error, types.Position(2, 8))
    assert "is not closed" in syntax.message
    found = await _change(client, plan, 2, (2, 8), (2, 17), "Ny plan")
    assert found and all(d.source == "finplan" for d in found)
    other = await _open(client, tmp_path / "seed.yaml", SEED.read_text(encoding="utf-8"))
    assert "FP101" not in [d.code for d in other]


@pytest.mark.asyncio
async def test_a_yaml_file_that_is_no_plan_gets_nothing(client, tmp_path):
    found = await _open(client, tmp_path / "docker-compose.yml", "services:\n  web:\n    image: nginx\n")
    assert list(found) == []
    frames = await _open(client, tmp_path / "frames.yaml", "frames:\n  - year: 2020\n")
    assert list(frames) == []


@pytest.mark.asyncio
async def test_each_open_plan_keeps_its_own_findings(client, tmp_path):
    wrong = SEED.read_text(encoding="utf-8").replace("total: 38 566 657", "total: 38 566 658")
    first = await _open(client, tmp_path / "a.yaml", wrong)
    second = await _open(client, tmp_path / "b.yaml", SEED.read_text(encoding="utf-8"))
    assert "FP101" in [d.code for d in first] and "FP101" not in [d.code for d in second]
    assert "FP101" in [d.code for d in client.diagnostics[(tmp_path / "a.yaml").as_uri()]]


@pytest.mark.asyncio
async def test_an_unreadable_configuration_is_said_on_the_plan_and_the_server_goes_on(client, tmp_path):
    (tmp_path / "finplan.toml").write_text("ignore = [\n", encoding="utf-8")
    [problem] = await _open(client, tmp_path / "plan.yaml", SEED.read_text(encoding="utf-8"))
    assert problem.severity == types.DiagnosticSeverity.Error and "finplan.toml" in problem.message
    (tmp_path / "finplan.toml").write_text('ignore = ["FP412"]\n', encoding="utf-8")
    found = await _change(client, tmp_path / "plan.yaml", 2, (0, 0), (0, 0), "# edited\n")
    assert "FP412" not in [d.code for d in found] and found


@pytest.mark.asyncio
async def test_ranges_count_in_utf16_past_a_character_beyond_the_first_plane(client, tmp_path):
    line = 'project: {name: "😀 Å", owner: A, bogus: 1}'
    found = await _open(client, tmp_path / "plan.yaml", f"finplan: 1\n{line}\n")
    [unknown] = [d for d in found if "bogus" in d.message]
    column = line.index("bogus") + 1  # the emoji is two UTF-16 units, one character
    assert (unknown.range.start, unknown.range.end) == (types.Position(1, column), types.Position(1, column + 5))


@pytest.mark.asyncio
async def test_an_input_error_is_its_message_alone(client, tmp_path):
    found = await _open(client, tmp_path / "plan.yaml", "finplan: 1\nproject: {name: x, bogus: 1}\n")
    [unknown] = [d for d in found if "bogus" in d.message]
    assert unknown.message == "unknown key `bogus` in `project`; expected one of: document, case, name, owner, period, applied, decided, partners"
    assert all("\n" not in d.message and d.code == "FP001" for d in found)


@pytest.mark.asyncio
async def test_a_value_inside_a_flow_mapping_over_several_lines_is_underlined_alone(client, tmp_path):
    lines = [
        "finplan: 1",
        "project: {case: T/1/2020, name: T, owner: T, period: {start: 2020-01-01, end: 2021-12-31}}",
        "total: 85 000",
        "financing:",
        "  - {id: a, financier: A, sector: public,",
        "     form: cash, status: decidd, appropriation: Övriga medel,",
        "     amount: 85.000}",
    ]
    found = await _open(client, tmp_path / "plan.yaml", "\n".join(lines) + "\n")
    underlined = {lines[d.range.start.line][d.range.start.character:d.range.end.character] for d in found}
    assert underlined == {"decidd", "85.000"}


@pytest.mark.asyncio
async def test_a_request_on_a_plan_not_open_answers_from_its_file_and_gives_it_no_diagnostics(client, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    found = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(plan.as_uri()), types.Position(TOTAL_LINE, 0)
    ))
    assert found is not None and found.contents.value.startswith("total")
    missing = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier((tmp_path / "gone.yaml").as_uri()), types.Position(0, 0)
    ))
    assert missing is None
    # An opened plan's diagnostics come after any the server might have sent the other one.
    await _open(client, tmp_path / "other.yaml", SEED.read_text(encoding="utf-8"))
    assert plan.as_uri() not in client.diagnostics


@pytest.mark.asyncio
async def test_a_request_on_a_device_not_open_reads_nothing_and_the_server_goes_on(client, tmp_path):
    device = tmp_path / "zero.yaml"
    device.symlink_to("/dev/zero")  # read to its end, it would never end
    found = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(device.as_uri()), types.Position(0, 0)
    ))
    assert found is None
    assert "FP101" not in [d.code for d in await _open(client, tmp_path / "plan.yaml", SEED.read_text(encoding="utf-8"))]
