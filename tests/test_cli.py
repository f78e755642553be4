"""The command as a user meets it: exit codes, bad input, output off a terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import MINIMAL, SEED, run_finplan

from finplan import __version__


def test_version():
    run = run_finplan("--version")
    assert run.exit_code == 0
    assert run.output.strip() == f"finplan {__version__}"


def test_help_lists_check():
    run = run_finplan("--help")
    assert run.exit_code == 0
    assert "check" in run.output


def test_check_help_names_strict():
    run = run_finplan("check", "--help")
    assert run.exit_code == 0
    assert "--strict" in run.output


@pytest.mark.parametrize("args", [["check"], ["nonsense"], ["check", "--no-such-option", "x.yaml"], []])
def test_usage_errors_exit_2(args):
    assert run_finplan(*args).exit_code == 2


def test_a_clean_plan_exits_0(write):
    run = run_finplan("check", write(MINIMAL))
    assert run.exit_code == 0
    assert run.problems() == []


def test_errors_exit_1_and_say_found_expected_and_difference(write):
    path = write(MINIMAL.replace("amount: 400", "amount: 500"))
    run = run_finplan("check", path)
    assert run.exit_code == 1
    assert run.problems() == [
        {
            "file": str(path), "line": "7", "column": "8", "severity": "error", "code": "FP101",
            "message": "the financing lines sum to 1 100 kr, the declared total is 1 000 kr: 100 kr over",
        }
    ]
    assert f"{path}: fails (1 error, 0 warnings, 0 notes)" in run.output


def test_warnings_pass_but_fail_with_strict(write):
    text = MINIMAL.replace("amount: 400}", "amount: 400, per_year: {2020: 400}}")
    path = write(text)
    assert run_finplan("check", path).exit_code == 0
    strict = run_finplan("check", "--strict", path)
    assert strict.exit_code == 1
    assert [f["code"] for f in strict.problems()] == ["FP203"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty: it holds no plan"),
        ("# nothing but a comment\n", "the file is empty: it holds no plan"),
        (b"\x00\x01\x02\xff\xfe binary", "the file is not valid UTF-8: byte 0xFF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "the file is not valid UTF-8: byte 0x89"),
        ("finplan: 1\nproject: {case: x, name: [y\n", "the file is not valid YAML"),
        # A file without the `finplan:` key is not a plan: refused in one line that quotes none of it.
        ("just some text\n", "the file has no top-level `finplan:` key, so it is not a plan"),
        ("- a\n- b\n", "the file has no top-level `finplan:` key, so it is not a plan"),
        ("42\n", "the file has no top-level `finplan:` key, so it is not a plan"),
    ],
)
def test_bad_input_exits_2_with_a_message_naming_the_file(write, content, message):
    path = write(content)
    run = run_finplan("check", path)
    assert run.exit_code == 2
    assert str(path) in run.output
    assert message in run.output
    assert "Traceback" not in run.output


def test_a_missing_file_and_an_empty_folder_exit_2(tmp_path):
    run = run_finplan("check", tmp_path / "nope.yaml", tmp_path, tmp_path / "*.yml")
    assert run.exit_code == 2
    assert {(f["file"], f["message"]) for f in run.file_findings()} == {
        (str(tmp_path / "nope.yaml"), "the file does not exist"),
        (str(tmp_path), "this folder holds no *.yaml or *.yml file"),
        (str(tmp_path / "*.yml"), "this pattern matches no file"),
    }


def test_every_file_is_checked_and_the_worst_decides(write, tmp_path):
    good = write(MINIMAL, "good.yaml")
    bad = write(MINIMAL.replace("amount: 400", "amount: 500"), "bad.yaml")
    run = run_finplan("check", good, bad)
    assert run.exit_code == 1
    assert f"{good}: passes" in run.output and f"{bad}: fails" in run.output
    assert "2 files checked: 1 pass, 1 fail, 0 could not be checked (1 error, 0 warnings, 0 notes)" in run.output
    assert run_finplan("check", good, bad, tmp_path / "missing.yaml").exit_code == 2


def test_an_unexpected_failure_is_reported_without_a_traceback(write, monkeypatch):
    import finplan.batch

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(finplan.batch, "check_file", broken)
    path = write(MINIMAL)
    run = run_finplan("check", path)
    assert run.exit_code == 2
    assert "finplan failed on this file (RuntimeError); this is a bug in finplan" in run.output
    assert "Traceback" not in run.output


def _run_module(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM"}}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "finplan", *args], capture_output=True, text=True, env=environment, check=False
    )


def test_python_m_finplan_checks_the_seed_plan():
    done = _run_module("check", str(SEED))
    assert done.returncode == 0, done.stderr
    assert "38 566 657 kr" in done.stdout


def test_output_off_a_terminal_is_plain_text():
    done = _run_module("check", str(SEED))
    assert "\x1b[" not in done.stdout
    assert done.stdout.splitlines()[-1] == f"{SEED}: passes (0 errors, 3 warnings, 0 notes)"
    assert f"{SEED}:" in done.stdout.splitlines()[-2]


def test_colour_on_a_terminal_and_no_colour_with_no_color():
    coloured = _run_module("check", str(SEED), env={"FORCE_COLOR": "1"})
    assert "\x1b[" in coloured.stdout
    plain = _run_module("check", str(SEED), env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[3" not in plain.stdout  # no colour codes; bold may remain
    assert "38 566 657 kr" in plain.stdout


def test_a_finding_is_one_line_however_long(write):
    long_id = "a" * 60
    path = write(MINIMAL.replace("id: a,", f"id: {long_id},").replace("amount: 400", "amount: -400"))
    done = _run_module("check", str(path), env={"COLUMNS": "60"})
    lines = [line for line in done.stdout.splitlines() if " FP301 " in line]
    assert len(lines) == 1 and lines[0].endswith("expected more than 0 kr")


def test_text_from_the_plan_is_printed_as_written_never_as_markup(write):
    path = write(MINIMAL.replace("financier: A,", "financier: '[bold red]A[/]',"))
    run = run_finplan("check", path)
    assert run.exit_code == 0
    assert "[bold red]A[/]" in run.output


def test_a_plan_cut_off_anywhere_is_never_a_traceback(tmp_path):
    data = SEED.read_bytes()
    # Cut after the last amount, the plan may be another valid plan (without
    # the optional `case`, or with a shorter one); cut before, something is missing.
    last_amount = data.rfind(b"amount: ")
    last_line = data.index(b"\n", last_amount)
    path = tmp_path / "cut.yaml"
    for end in range(0, len(data), 7):
        path.write_bytes(data[:end])
        run = run_finplan("check", path)
        assert run.exit_code in ((1, 2) if end < last_line else (0, 1, 2)), (end, run.output)
        assert str(path) in run.output


def test_rules_lists_every_rule_with_its_profiles():
    from finplan.rules import RULES

    run = run_finplan("rules")
    assert run.exit_code == 0
    for rule in RULES:
        assert rule.code in run.output and rule.name in run.output
    row = next(line for line in run.output.splitlines() if "FP521" in line)
    assert "advance-limit" in row and "error" in row and "anslag_1_1" in row


@pytest.mark.parametrize("code", ["FP501", "fp501"])
def test_rule_prints_its_docs_and_source(code):
    run = run_finplan("rule", code)
    assert run.exit_code == 0
    assert run.output.startswith("FP501 share-cap (error)\n")
    assert "Applies to: every plan" in run.output
    assert "Source: Förordning (2003:596) 5 §" in run.output
    assert "Why:" in run.output and "Fails:" in run.output and "Passes:" in run.output


def test_rule_explains_the_input_codes_too():
    run = run_finplan("rule", "FP001")
    assert run.exit_code == 0 and "shape" in run.output


def test_an_unknown_rule_is_a_usage_error():
    run = run_finplan("rule", "FP999")
    assert run.exit_code == 2
    assert "no rule FP999" in run.output


def test_init_writes_a_starting_plan_that_passes(tmp_path):
    path = tmp_path / "plan.yaml"
    run = run_finplan("init", path)
    assert run.exit_code == 0
    assert f"wrote a starting plan to {path}" in run.output
    checked = run_finplan("check", "--strict", path)
    assert checked.exit_code == 0, checked.output
    assert "Projektets namn" in checked.output


def test_init_never_overwrites(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("mine\n")
    run = run_finplan("init", path)
    assert run.exit_code == 2
    assert "already exists; finplan does not overwrite it" in run.output
    assert path.read_text() == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_init_into_a_missing_folder_is_a_clear_error(tmp_path):
    run = run_finplan("init", tmp_path / "no" / "such" / "plan.yaml")
    assert run.exit_code == 2
    assert "cannot be written" in run.output


def test_a_plan_of_many_lines_shows_the_first_ones_and_the_sums(write):
    lines = "".join(
        f"  - {{id: c{i:03d}, category: travel, amount: 10, per_year: {{2020: 5, 2021: 5}}}}\n" for i in range(100)
    )
    text = MINIMAL + "costs:\n" + lines
    run = run_finplan("check", write(text))
    assert run.exit_code == 0
    assert re.search(r"^c039 ", run.output, re.MULTILINE) and not re.search(r"^c040 ", run.output, re.MULTILINE)
    assert run.output.count("… 60 more") == 2  # the cost table and the per-year table
    assert re.search(r"Sum\s+1 000 kr\s+100,00 %", run.output)


def test_the_init_template_shows_every_key_of_the_format():
    import importlib.resources

    from finplan.shape import _fields, _unwrap
    from finplan.model import BasisEntry, FinancingLine, Limit, Plan, Project, SplitPart, CostLine, FlatRate, Period

    template = importlib.resources.files("finplan.templates").joinpath("plan.yaml").read_text(encoding="utf-8")
    for model in (Plan, Project, Period, FinancingLine, BasisEntry, Limit, SplitPart, CostLine, FlatRate):
        for key in _fields(model):
            assert re.search(rf"\b{re.escape(key)}:", template), f"{model.__name__}.{key} is not in the template"
    del _unwrap


def test_the_init_template_uncommented_is_a_plan_that_reads(tmp_path):
    import importlib.resources

    template = importlib.resources.files("finplan.templates").joinpath("plan.yaml").read_text(encoding="utf-8")
    # Every commented example line is YAML indented under its key: drop the `# ` and read it.
    examples = [line.replace("# ", "", 1) if re.match(r"^\s*# [a-z_ -]", line) and ":" in line else line
                for line in template.splitlines()]
    path = tmp_path / "all.yaml"
    path.write_text("\n".join(examples) + "\n", encoding="utf-8")
    run = run_finplan("check", path)
    assert run.exit_code in (0, 1), run.output  # it reads: every key is known and well-formed
