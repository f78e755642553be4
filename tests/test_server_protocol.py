"""`finplan server`'s end of a session, as the protocol says it: the exit status, and requests after shutdown.

Spoken over the server's standard streams byte by byte, as an editor speaks:
a test client that ends the session itself would hide what an editor meets.
"""

from __future__ import annotations

import json
import subprocess
import sys


def _frame(message: dict) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


INITIALIZE = [
    {"id": 0, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}},
    {"method": "initialized", "params": {}},
]


def _session(*messages: dict, before: tuple[dict, ...] = ()) -> tuple[int, list[dict]]:
    """`messages` sent to a new `finplan server` after its initialization (`before`, before it); its exit
    status and every answer."""
    sent = [*before, *INITIALIZE, *messages]
    done = subprocess.run(
        [sys.executable, "-m", "finplan", "server"], input=b"".join(_frame(m) for m in sent),
        capture_output=True, timeout=60,
    )
    answers, rest = [], done.stdout
    while rest:
        head, _, rest = rest.partition(b"\r\n\r\n")
        headers = dict(line.split(b":", 1) for line in head.split(b"\r\n"))
        length = int(headers[b"Content-Length"])
        answers.append(json.loads(rest[:length]))
        rest = rest[length:]
    return done.returncode, answers


HOVER = {"method": "textDocument/hover", "params": {
    "textDocument": {"uri": "untitled:plan.yaml"}, "position": {"line": 0, "character": 0}}}


def test_shutdown_then_exit_ends_with_0_and_a_request_between_gets_invalid_request():
    status, answers = _session(
        {"id": 1, "method": "shutdown"}, {"id": 2, **HOVER}, {"method": "exit"},
    )
    assert status == 0
    [after] = [answer for answer in answers if answer.get("id") == 2]
    assert after["error"]["code"] == -32600  # InvalidRequest: the editor is told, not left waiting


def test_exit_without_shutdown_ends_with_1():
    status, _answers = _session({"method": "exit"})
    assert status == 1


def test_a_request_before_initialize_gets_server_not_initialized_and_a_notification_is_dropped(tmp_path):
    plan = {"uri": (tmp_path / "plan.yaml").as_uri(), "languageId": "yaml", "version": 1, "text": "finplan: 1\n"}
    status, answers = _session(
        {"id": 1, "method": "shutdown"}, {"method": "exit"},
        before=({"method": "textDocument/didOpen", "params": {"textDocument": plan}}, {"id": 9, **HOVER}),
    )
    [early] = [answer for answer in answers if answer.get("id") == 9]
    assert early["error"]["code"] == -32002  # ServerNotInitialized
    assert not [answer for answer in answers if answer.get("method") == "textDocument/publishDiagnostics"]
    assert status == 0
