"""Helpers shared by the tests: run the command line as a user would."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from finplan.cli import app

# CI gates a change: there the property tests draw the same examples every run, so that a run is red
# for the change and not for a draw. New examples are drawn on every developer's run, and by fuzz/.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI", "").lower() in ("true", "1"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
PLANS = Path(__file__).resolve().parent / "plans"
SEED = ROOT / "budgets" / "attraktiv.yaml"
SUMMARY_CODE = "FP901"

_FINDING = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>FP\d{3}) (?P<severity>error|warning|info) (?P<message>.*)$")
_FILE_FINDING = re.compile(r"^(?P<file>.+?): (?P<code>FP\d{3}) (?P<severity>error|warning|info) (?P<message>.*)$")


@dataclass
class Run:
    exit_code: int
    output: str

    def findings(self) -> list[dict[str, str]]:
        """Every finding line of the output, split into its parts."""
        return [m.groupdict() for line in self.output.splitlines() if (m := _FINDING.match(line))]

    def file_findings(self) -> list[dict[str, str]]:
        """Findings without a position (a missing file, a directory)."""
        return [m.groupdict() for line in self.output.splitlines() if (m := _FILE_FINDING.match(line))]

    def problems(self) -> list[dict[str, str]]:
        """Findings other than the financing summary, the note every plan gets."""
        return [f for f in self.findings() if f["code"] != SUMMARY_CODE]

    def codes_at(self, *, summary: bool = False) -> list[tuple[str, int]]:
        """(code, line) of each finding, sorted; the summary note only when asked for."""
        found = self.findings() if summary else self.problems()
        return sorted((f["code"], int(f["line"])) for f in found)


def run_finplan(*args: str | Path, env: dict[str, str] | None = None) -> Run:
    result = CliRunner().invoke(app, [str(a) for a in args], env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.output)


def without_messages(value):
    """A json report's keys, codes, severities, states and fingerprints, its messages left out: what
    must be the same in every language, while the messages' words differ."""
    if isinstance(value, dict):
        return {key: (None if key == "message" else without_messages(item)) for key, item in value.items()}
    if isinstance(value, list):
        return [without_messages(item) for item in value]
    return value


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """The tests read English output, whatever the locale of the machine they run on."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    from finplan.i18n import set_language

    set_language("en")


@pytest.fixture
def write(tmp_path: Path):
    """Writes text (or bytes) to a file in tmp_path and returns its path."""

    def writer(content: str | bytes, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return writer


MINIMAL = """\
finplan: 1
project:
  case: T/1/2020
  name: Testprojekt
  owner: Testregionen
  period: {start: 2020-01-01, end: 2021-12-31}
total: 1000
financing:
  - {id: a, financier: A, sector: public, form: cash, status: decided, appropriation: Övriga medel, amount: 600}
  - {id: b, financier: B, sector: private, form: cash, status: applied, amount: 400}
"""
