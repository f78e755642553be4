"""The language server itself: pygls wiring of the protocol's messages to the answering modules.

Every answer is computed from an OpenPlan, the last check of the editor's
text. A check never raises for anything a plan holds (check_bytes turns it
into findings); should finplan itself fail on some text, that request gets
an error and the server goes on: a half-typed plan never ends the process.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import FeatureNotificationError, JsonRpcInvalidRequest, JsonRpcServerNotInitialized
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from finplan import __version__
from finplan.config import CONFIG_FILES, ConfigFinder
from finplan.errors import InputError
from finplan.files import read_limited
from finplan.loader import DEFAULT_LIMITS
from finplan.server import actions, completion, hover
from finplan.server.diagnostics import diagnostics
from finplan.server.state import OpenPlan, check_open, path_of

log = logging.getLogger(__name__)


class _Protocol(LanguageServerProtocol):
    """pygls's protocol, answering what comes before `initialize` or after `shutdown` as the protocol says.

    pygls drops a request after shutdown unanswered, and an editor waiting for
    its answer waits for ever; the specification: "requests should error with
    InvalidRequest". Before initialize, pygls ran the handler, which failed
    with an internal error; the specification: a request gets the error
    ServerNotInitialized (-32002), a notification other than exit is dropped.
    """

    def handle_message(self, message) -> None:
        method = getattr(message, "method", None)
        request = method is not None and getattr(message, "id", None) is not None
        if method in (None, types.EXIT, types.INITIALIZE):
            super().handle_message(message)
        elif self._shutdown:
            if request:
                self._send_response(message.id, None, JsonRpcInvalidRequest(f"{method} after shutdown").to_response_error())
        elif self._workspace is None:
            if request:
                self._send_response(message.id, None, JsonRpcServerNotInitialized().to_response_error())
        else:
            super().handle_message(message)


class PlanServer(LanguageServer):
    """The open plans, each as last checked, and the thread that checks them as they change."""

    def __init__(self) -> None:
        super().__init__(
            "finplan", __version__, protocol_cls=_Protocol, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.shut_down = False  # `shutdown` came: the process then ends with 0 on `exit`, else with 1
        self.plans: dict[str, OpenPlan] = {}
        self.rules_url: str | None = _rules_docs()
        # Changes are checked one at a time, beside the protocol's thread (see recheck_soon).
        self._checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="finplan-check")
        self._checking: set[str] = set()

    def recheck(self, uri: str) -> OpenPlan:
        """The editor's text of `uri` checked again, and its diagnostics sent."""
        document = self.workspace.get_text_document(uri)
        return self._publish(uri, document, _check(uri, document.source))

    def recheck_soon(self, uri: str) -> None:
        """`uri` checked again beside the protocol's thread; what changes meanwhile is checked once, at its newest.

        An editor sends a change a keystroke, faster than a large plan is
        checked: checked each in turn, the diagnostics would fall further
        behind with every keystroke. Here the changes that come during a check
        are applied to the text as they come, and one check of the newest text
        follows; a stale check's findings are never sent.
        """
        if uri not in self._checking:
            self._checking.add(uri)
            asyncio.ensure_future(self._check_newest(uri))

    async def _check_newest(self, uri: str) -> None:
        try:
            while uri in self.plans:  # closed meanwhile: nothing to send
                text = self.workspace.get_text_document(uri).source
                plan = await asyncio.get_running_loop().run_in_executor(self._checker, _check, uri, text)
                document = self.workspace.get_text_document(uri)
                if uri in self.plans and document.source == text:
                    self._publish(uri, document, plan)
                    return
        except Exception as error:  # finplan failed on some text: reported as for any handler, and the server goes on
            self._report_server_error(error, FeatureNotificationError)
        finally:
            self._checking.discard(uri)

    def _publish(self, uri: str, document, plan: OpenPlan) -> OpenPlan:
        self.plans[uri] = plan
        found = [_to_client(plan, document.position_codec, each) for each in diagnostics(plan, self.rules_url)]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=document.version)
        )
        return plan

    def plan(self, uri: str) -> OpenPlan:
        """The last check of `uri`, made now if the editor has sent no change since it opened.

        A document the editor has not opened (or has closed) is answered from
        its file as it is on disk, and neither kept nor given diagnostics: the
        editor would never hear them cleared.
        """
        if unquote(uri) not in self.workspace.text_documents:
            return _check(uri, _on_disk(uri))
        plan = self.plans.get(uri)
        if plan is None or plan.text != self.workspace.get_text_document(uri).source:
            plan = self.recheck(uri)
        return plan

    def shutdown(self) -> None:
        self._checker.shutdown(wait=False, cancel_futures=True)
        super().shutdown()

    def configuration_changed(self) -> None:
        """A configuration file changed: every open plan checked again under what it now says."""
        for uri in list(self.plans):
            self.recheck(uri)


def _on_disk(uri: str) -> str:
    """The text of a file the editor has not opened, read as a plan is: a regular file, within the size
    limit, UTF-8; "" for anything else (no such file, a device, a huge or binary file): nothing to say of it."""
    path = path_of(uri)
    if path is None:
        return ""
    try:
        return read_limited(path, DEFAULT_LIMITS.max_bytes, regular_only=True).decode("utf-8")
    except (InputError, OSError, UnicodeDecodeError):
        return ""


def _check(uri: str, text: str) -> OpenPlan:
    # The configuration is looked for anew each time (a few stat calls and a small TOML file), so an
    # edited finplan.toml counts from the next keystroke on, whatever the editor tells of it.
    return check_open(uri, text, ConfigFinder())


def _to_client(plan: OpenPlan, units, diagnostic: types.Diagnostic) -> types.Diagnostic:
    """A diagnostic's range turned from characters into the units the editor counts in (UTF-16 by default)."""
    diagnostic.range = plan.client_range(diagnostic.range, units)
    return diagnostic


def _rules_docs() -> str | None:
    """The rules' documentation beside the package, where finplan runs from its source (a file link)."""
    docs = Path(__file__).resolve().parents[3] / "docs" / "rules.md"
    return docs.as_uri() if docs.is_file() else None


def build() -> PlanServer:
    """The server with every feature registered."""
    server = PlanServer()
    completion.register(server)
    actions.register(server)
    hover.register(server)

    @server.feature(types.INITIALIZE)
    def initialize(ls: PlanServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("rulesUrl"), str):
            ls.rules_url = options["rulesUrl"]

    @server.feature(types.INITIALIZED)
    def initialized(ls: PlanServer, params: types.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
            options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
            ls.client_register_capability(types.RegistrationParams(registrations=[
                types.Registration(id="finplan-configuration", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                   register_options=options),
            ]))

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: PlanServer, params: None) -> None:
        ls.shut_down = True

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PlanServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.recheck(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PlanServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.recheck_soon(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PlanServer, params: types.DidSaveTextDocumentParams) -> None:
        if Path(params.text_document.uri).name in CONFIG_FILES:
            ls.configuration_changed()
        elif params.text_document.uri in ls.plans:
            ls.recheck(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PlanServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.plans.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: PlanServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(Path(change.uri).name in CONFIG_FILES for change in params.changes):
            ls.configuration_changed()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: PlanServer, params: types.DidChangeConfigurationParams) -> None:
        """Editors send their settings (eglot does, unasked); finplan's own are in finplan.toml, read per check."""

    return server


def serve() -> int:
    """Answer an editor over standard input and output until it says exit; the process's exit status.

    The status is 0 where the editor asked `shutdown` before `exit` (or before
    closing the channel), else 1, as the protocol's `exit` says.

    The protocol gets copies of the standard streams, and Python's own
    standard output becomes standard error: a stray print can then never
    corrupt a message, and the server's closing of its channel leaves the
    command line's own streams whole for its last flush.
    """
    channel_in = os.fdopen(os.dup(sys.stdin.fileno()), "rb")
    channel_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr
    server = build()
    server.start_io(channel_in, channel_out)
    return 0 if server.shut_down else 1
