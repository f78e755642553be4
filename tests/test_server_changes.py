"""`finplan server` as an editor types into it: a burst of keystrokes ends in the findings of the last text,
and once warm, a change imports nothing.

The server's speed itself is measured in benchmarks/server.py, not here."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import threading

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import SEED
from lsp_client import client_fixture, open_plan

SEED_TEXT = SEED.read_text(encoding="utf-8")
TOTAL_LINE = SEED_TEXT.split("\n").index("total: 38 566 657")
SHORT = "the financing lines sum to 38 566 657 kr, the declared total is 40 000 000 kr: 1 433 343 kr short"

client = client_fixture("client")


def _type(client: LanguageClient, uri: str, version: int, start: tuple[int, int], end: tuple[int, int], text: str) -> None:
    """One keystroke, sent without waiting for its diagnostics."""
    edit = types.TextDocumentContentChangePartial(range=types.Range(types.Position(*start), types.Position(*end)), text=text)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=version), [edit]
    ))


def _with_costs(lines: int) -> str:
    """The seed with `lines` cost lines that sum to its total: a plan checked more slowly than a typist types."""
    each = 38_566_657 // lines
    first = 38_566_657 - each * (lines - 1)
    return SEED_TEXT + "costs:\n" + "".join(
        f"  - {{id: c{i}, category: travel, amount: {first if i == 0 else each}}}\n" for i in range(lines)
    )


@pytest.mark.asyncio
async def test_a_burst_of_keystrokes_ends_in_the_findings_of_the_last_text(client, tmp_path):
    path = tmp_path / "plan.yaml"
    uri = path.as_uri()
    assert "FP101" not in [d.code for d in await open_plan(client, path, _with_costs(3000))]
    # The total cleared, then typed anew a character a keystroke, faster than the plan is checked.
    _type(client, uri, 2, (TOTAL_LINE, 7), (TOTAL_LINE, 17), "")
    for version, (column, character) in enumerate(enumerate("40 000 000", start=7), start=3):
        _type(client, uri, version, (TOTAL_LINE, column), (TOTAL_LINE, column), character)

    async def last_text_checked():
        while not any(d.message.startswith(SHORT) for d in client.diagnostics[uri]):
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    await asyncio.wait_for(last_text_checked(), 120)  # a bound on a broken server, not a measure
    [short] = [d for d in client.diagnostics[uri] if d.code == "FP101"]
    assert short.range == types.Range(types.Position(TOTAL_LINE, 7), types.Position(TOTAL_LINE, 17))
    assert [d.code for d in client.diagnostics[uri]].count("FP000") == 0


class _Pipes:
    """A client of the smallest kind for a server run in this process: JSON-RPC over two pipes."""

    def __init__(self) -> None:
        server_in, self._out = os.pipe()
        self._in, server_out = os.pipe()
        self.server = (os.fdopen(server_in, "rb"), os.fdopen(server_out, "wb"))
        self._writer, self._reader = os.fdopen(self._out, "wb"), os.fdopen(self._in, "rb")
        self.version = 1

    def send(self, method: str, params: dict | None, ident: int | None = None) -> None:
        message = {"jsonrpc": "2.0", "method": method, "params": params, **({"id": ident} if ident else {})}
        body = json.dumps(message).encode("utf-8")
        self._writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self._writer.flush()

    def read(self) -> dict:
        length = 0
        while (line := self._reader.readline()) != b"\r\n":
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self._reader.read(length))

    def change(self, uri: str, line: int, text: str) -> list[str]:
        """`line` replaced by `text`; the codes of the diagnostics of that version."""
        self.version += 1
        whole = {"start": {"line": line, "character": 0}, "end": {"line": line + 1, "character": 0}}
        self.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": self.version},
                                             "contentChanges": [{"range": whole, "text": text + "\n"}]})
        while (message := self.read()).get("method") != "textDocument/publishDiagnostics" \
                or message["params"].get("version") != self.version:
            pass
        return [d["code"] for d in message["params"]["diagnostics"]]

    def close(self) -> None:
        self._writer.close()


class _Lookups:
    """Stands first among Python's module finders: records every module looked for, and finds none."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(self, name, path=None, target=None):
        self.names.append(name)
        return None


def test_once_warm_a_change_imports_nothing_and_keeps_nothing_more(tmp_path, monkeypatch):
    from finplan import files
    from finplan.server.app import build

    (tmp_path / "finplan.toml").write_text('ignore = ["FP412"]\n', encoding="utf-8")  # read on every change

    pipes = _Pipes()
    server = threading.Thread(target=build().start_io, args=pipes.server, daemon=True)
    server.start()
    try:
        uri = (tmp_path / "plan.yaml").as_uri()
        pipes.send("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}, ident=1)
        pipes.read()
        pipes.send("initialized", {})
        pipes.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": SEED_TEXT}})
        # Each kind of edit once to warm up, then each again: a wrong total, the right one, a line half typed.
        edits = [("total: 38 566 658", "FP101"), ("total: 38 566 657", None), ("total: [38", "FP000")]

        def edit_each() -> None:
            for text, code in edits:
                found = pipes.change(uri, TOTAL_LINE, text)
                assert code in found if code else not {"FP101", "FP000"} & set(found)

        edit_each()
        imported, inputs = set(sys.modules), len(files._input_names)
        lookups = _Lookups()
        monkeypatch.setattr(sys, "meta_path", [lookups, *sys.meta_path])
        edit_each()
        edit_each()
        assert lookups.names == []
        assert set(sys.modules) == imported
        assert len(files._input_names) == inputs  # a server's life of keystrokes does not grow the inputs kept
        pipes.send("shutdown", None, ident=2)
        pipes.read()
        pipes.send("exit", None)
    finally:
        pipes.close()  # the server reads the end of its input and stops, whatever happened above
        server.join(30)
    assert not server.is_alive()
