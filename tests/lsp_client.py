"""A language client for the tests: `finplan server` started as an editor starts it, and a plan opened in it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient


def client_fixture(name: str, lang: str = "en", capabilities: types.ClientCapabilities | None = None):
    """A fixture `name`: a client of `finplan server --lang LANG`, its session begun and, after the test, ended."""

    @pytest_lsp.fixture(
        config=ClientServerConfig(server_command=[sys.executable, "-m", "finplan", "server", "--lang", lang]), name=name
    )
    async def session(lsp_client: LanguageClient):
        await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities or types.ClientCapabilities()))
        yield
        await lsp_client.shutdown_session()

    return session


async def open_plan(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    """`text` opened as the file `path`, and the diagnostics the server then sends for it."""
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 1, text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri]
