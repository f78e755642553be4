"""The fast path gives the same findings as the plain one: C parser or Python, collector
paused or not, one process or several. (Speed itself is measured in benchmarks/.)"""

from __future__ import annotations

import contextlib
import shutil
import sys

import pytest
import yaml
from conftest import PLANS, ROOT, run_finplan

import finplan.check
from finplan.check import check_file
from finplan.loader import MapPositions, SeqPositions, parse_text

EVERY_PLAN = sorted(
    [*ROOT.glob("budgets/*.yaml"), *PLANS.glob("*/*.yaml"), *(ROOT / "tests" / "hostile").glob("*.yaml")]
)


def _utf8(path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


# Files that are not UTF-8 are refused before any parser runs.
PARSED = [plan for plan in EVERY_PLAN if _utf8(plan)]


def _positions(node):
    if isinstance(node, MapPositions):
        return ("map", node.at, {k: (node.keys[k], _positions(v)) for k, v in node.values.items()})
    if isinstance(node, SeqPositions):
        return ("seq", node.at, [_positions(item) for item in node.items])
    return node


def _outcome(text: str, parser_class):
    try:
        document = parse_text(text, parser_class=parser_class)
    except finplan.errors.InputError as error:
        return ("refused", error.message.split(":")[0], error.position and error.position.line)
    return (document.data, _positions(document.source.root))


@pytest.mark.skipif(not hasattr(yaml, "CBaseLoader"), reason="PyYAML was built without libyaml here")
@pytest.mark.parametrize("plan", PARSED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_c_parser_and_the_python_parser_read_alike(plan):
    text = plan.read_text(encoding="utf-8")
    c_reading = _outcome(text, yaml.CBaseLoader)
    python_reading = _outcome(text, yaml.BaseLoader)
    if c_reading[0] == "refused":
        # The two parsers word their syntax errors differently; both must refuse.
        assert python_reading[0] == "refused"
    else:
        assert c_reading == python_reading


@pytest.mark.parametrize("plan", EVERY_PLAN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pausing_the_collector_changes_no_finding(plan, monkeypatch):
    paused = check_file(plan)
    monkeypatch.setattr(finplan.check, "collector_paused", contextlib.nullcontext)
    plain = check_file(plan)
    assert paused.findings == plain.findings and paused.readable == plain.readable


def test_many_plans_over_the_cores_give_what_one_process_gives(tmp_path, monkeypatch):
    folder = tmp_path / "plans"
    folder.mkdir()
    sources = [*PLANS.glob("*/*.yaml"), *ROOT.glob("budgets/*.yaml")]
    for index in range(80):
        shutil.copy(sources[index % len(sources)], folder / f"plan-{index:03d}.yaml")
    import finplan.batch

    monkeypatch.setattr(finplan.batch, "PARALLEL_FROM", 10**6)
    one_process = run_finplan("check", folder, "--format", "json")
    monkeypatch.setattr(finplan.batch, "PARALLEL_FROM", 8)
    monkeypatch.setattr(finplan.cli.os, "cpu_count", lambda: 2)
    several = run_finplan("check", folder, "--format", "json")
    assert several.exit_code == one_process.exit_code == 2
    assert several.output == one_process.output


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_tables_from_many_plans_checked_over_the_cores(tmp_path, monkeypatch):
    import finplan.batch

    folder = tmp_path / "plans"
    folder.mkdir()
    for index in range(20):
        shutil.copy(ROOT / "budgets" / "attraktiv.yaml", folder / f"plan-{index:02d}.yaml")
    monkeypatch.setattr(finplan.batch, "PARALLEL_FROM", 4)
    monkeypatch.setattr(finplan.cli.os, "cpu_count", lambda: 2)
    run = run_finplan("check", folder, "--tables")
    assert run.output.count("En attraktiv region") == 20
    assert run.output.count("Subtotals of the financing") == 20


def test_version_and_help_import_neither_pydantic_nor_yaml():
    import subprocess

    for argument in ("--version", "--help"):
        code = (
            "import sys; sys.argv = ['finplan', %r]\n"
            "from finplan.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'yaml', 'pydantic_core'))\n"
            "print('HEAVY', heavy)" % argument
        )
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert "HEAVY []" in done.stdout, (argument, done.stdout[-300:])


@pytest.mark.parametrize("fmt", ["concise", "json", "github", "sarif", "junit", "gitlab"])
def test_formats_without_tables_never_import_rich(fmt):
    import subprocess

    code = (
        "import sys; sys.argv = ['finplan', 'check', '-o', %r, %r]\n"
        "from finplan.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('RICH', sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))" % (fmt, str(ROOT / "budgets" / "attraktiv.yaml"))
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.rstrip().endswith("RICH []"), done.stdout[-300:]
