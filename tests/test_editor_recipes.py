"""The editor recipes of docs/editors.md: the page shows the files the tests run, and the files are sound.

The Neovim and Emacs recipes run in the editors themselves (test_server_neovim.py,
test_server_emacs.py); here: the page cannot drift from the files, the VS Code
problem matcher reads real `--format concise` output, and the rest parse.
"""

from __future__ import annotations

import json
import re
import subprocess
import tomllib

from conftest import PLANS, ROOT, SEED, run_finplan
from real_editor import editor

RECIPES = ROOT / "docs" / "editors"
PAGE = ROOT / "docs" / "editors.md"
# Regular-expression syntax one of Python and JavaScript reads and the other does not, or reads otherwise:
# named groups and their references, inline flags and comments, \A \Z \z, Unicode classes and \u{...}, \cX.
_NOT_SHARED = re.compile(r"\(\?(?:P|<[A-Za-z]|[aiLmsux#-])|\\[kpPAZzc]|\\u\{")


def test_the_page_shows_every_recipe_file_as_it_is():
    page = PAGE.read_text(encoding="utf-8")
    files = sorted(p for p in RECIPES.rglob("*") if p.is_file())
    assert len(files) >= 8
    for path in files:
        assert f"\n```{_fence(path)}\n{path.read_text(encoding='utf-8')}```\n" in page, path.relative_to(ROOT)


def _fence(path) -> str:
    return {".lua": "lua", ".el": "elisp", ".json": "json", ".js": "js", ".toml": "toml"}[path.suffix]


def test_the_readme_links_the_page():
    assert "](docs/editors.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def _matchers() -> list[dict]:
    [task] = json.loads((RECIPES / "vscode" / "tasks.json").read_text(encoding="utf-8"))["tasks"]
    assert task["command"] == "finplan" and task["args"][:1] == ["check"]
    assert task["args"][task["args"].index("--format") + 1] == "concise"
    return task["problemMatcher"]


def test_the_problem_matcher_reads_every_finding_of_the_concise_format(tmp_path):
    """Each line of `--format concise` is read by exactly one pattern, into what the JSON report says of the finding."""
    folder = tmp_path / "my plans"
    folder.mkdir()
    wrong = folder / "attraktiv: copy.yaml"
    wrong.write_text(SEED.read_text(encoding="utf-8").replace("total: 38 566 657", "total: 40 000 000"), encoding="utf-8")
    files = [wrong, PLANS / "invalid" / "fp106-total-within-rounding.yaml", folder / "missing.yaml"]
    concise = run_finplan("check", *files, "--format", "concise", "--quiet").output.splitlines()
    report = json.loads(run_finplan("check", *files, "--format", "json", "--quiet").output)
    expected = [
        {"file": each["file"], "line": f.get("line"), "column": f.get("column"), "code": f["code"],
         "severity": f["severity"], "message": f["message"]}
        for each in report["files"] for f in each["findings"]
    ]
    assert {e["severity"] for e in expected} == {"error", "warning", "info"}
    assert any(e["line"] is None for e in expected)  # the missing file: a finding about a whole file
    matchers = _matchers()
    for matcher in matchers:
        assert not _NOT_SHARED.search(matcher["pattern"]["regexp"]), matcher["pattern"]["regexp"]
    assert [_read(matchers, line, _python) for line in concise] == expected
    # The patterns as VS Code itself runs them: in JavaScript.
    assert [_read(matchers, line, _javascript(editor("node"))) for line in concise] == expected


def _read(matchers: list[dict], line: str, match) -> dict:
    [read] = [found for matcher in matchers if (found := _apply(matcher, line, match)) is not None]
    return read


def _apply(matcher: dict, line: str, match) -> dict | None:
    pattern = matcher["pattern"]
    groups = match(pattern["regexp"], line)
    if groups is None:
        return None
    read = {name: groups[pattern[name] - 1] if name in pattern else None
            for name in ("file", "line", "column", "code", "severity", "message")}
    for number in ("line", "column"):
        read[number] = read[number] and int(read[number])
    return read


def _python(regexp: str, line: str) -> list[str] | None:
    found = re.match(regexp, line)
    return list(found.groups()) if found else None


def _javascript(node: str):
    def match(regexp: str, line: str) -> list[str] | None:
        script = "const [r, l] = JSON.parse(process.argv[1]); const m = new RegExp(r).exec(l); " \
                 "console.log(JSON.stringify(m && m.slice(1)));"
        done = subprocess.run([node, "-e", script, json.dumps([regexp, line])], capture_output=True, text=True,
                              timeout=60, check=True)
        return json.loads(done.stdout)
    return match


def test_the_vscode_extension_starts_finplan_server():
    package = json.loads((RECIPES / "vscode" / "package.json").read_text(encoding="utf-8"))
    assert package["main"] == "./extension.js" and "onLanguage:yaml" in package["activationEvents"]
    assert "vscode-languageclient" in package["dependencies"]
    script = (RECIPES / "vscode" / "extension.js").read_text(encoding="utf-8")
    assert "{ command: 'finplan', args: ['server'] }" in script
    node = editor("node")
    subprocess.run([node, "--check", str(RECIPES / "vscode" / "extension.js")], check=True, timeout=60)


def test_the_helix_entry_is_toml_that_adds_finplan_server_to_yaml():
    config = tomllib.loads((RECIPES / "helix-languages.toml").read_text(encoding="utf-8"))
    assert config["language-server"]["finplan"] == {"command": "finplan", "args": ["server"]}
    [yaml] = config["language"]
    assert yaml["name"] == "yaml" and "finplan" in yaml["language-servers"]
