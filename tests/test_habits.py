"""The command-line habits people bring, the plan's line under an input error, and narrow terminals."""

from __future__ import annotations

import re

import pytest
from conftest import MINIMAL, SEED, run_finplan
from typer.testing import CliRunner

from finplan.cli import app


def test_dash_h_is_help():
    run = run_finplan("check", "-h")
    assert run.exit_code == 0 and "Usage: finplan check" in run.output
    assert "<bool>" not in run.output and "--strict " in run.output


def test_a_value_after_a_flag_is_refused_in_words(tmp_path):
    run = run_finplan("check", "--strict", "true", SEED)
    assert run.exit_code == 2
    assert "'true' is no plan file; flags such as --strict and --exit-zero take no value" in run.output


def test_dash_reads_a_plan_from_standard_input():
    result = CliRunner().invoke(app, ["check", "--format", "concise", "-"], input=MINIMAL.replace("total: 1000", "total: 999"))
    assert result.exit_code == 1
    assert result.output.startswith("<stdin>:7:8: FP101 error")
    named = CliRunner().invoke(app, ["check", "-o", "concise", "--stdin-filename", "budgets/new.yaml", "-"], input=MINIMAL)
    assert named.exit_code == 0 and "1 file checked" in named.output


def test_exit_zero_passes_the_gate_on_findings_but_not_on_unreadable_input(write):
    failing = write(MINIMAL.replace("total: 1000", "total: 999"))
    assert run_finplan("check", "--exit-zero", failing).exit_code == 0
    broken = write("finplan: [", "broken.yaml")
    assert run_finplan("check", "--exit-zero", broken).exit_code == 2


def test_quiet_prints_the_findings_only(write):
    failing = write(MINIMAL.replace("total: 1000", "total: 999"))
    run = run_finplan("check", "--quiet", failing)
    assert run.exit_code == 1
    lines = run.output.splitlines()
    assert len(lines) == 1 and " FP101 error " in lines[0]
    concise = run_finplan("check", "-q", "--format", "concise", failing).output.splitlines()
    assert len(concise) == 1


def test_an_input_error_shows_the_plans_line_with_a_caret(write):
    plan = write(MINIMAL.replace("amount: 600}", "amount: 600 kr}"))
    run = run_finplan("check", plan)
    assert run.exit_code == 2
    lines = run.output.splitlines()
    at = next(i for i, line in enumerate(lines) if " FP001 error " in line)
    finding = run.findings()[0]
    assert lines[at + 1] == " 9 |   - {id: a, financier: A, sector: public, form: cash, status: decided, appropriation: Övriga medel, amount: 600 kr}"
    caret = lines[at + 2]
    assert caret.startswith("   | ") and caret.rstrip().endswith("^")
    assert len(caret.rstrip()) - len("   | ") == int(finding["column"])
    assert "unit written into it (kr); write the number alone, such as 600" in finding["message"]
    without = run_finplan("check", "--no-source", plan).output
    assert " 9 | " not in without
    assert " 9 | " not in run_finplan("check", "--format", "concise", plan).output


def test_a_folder_passes_over_yaml_that_is_no_plan_with_a_note(tmp_path, monkeypatch):
    (tmp_path / "plan.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos:\n  - repo: local\n", encoding="utf-8")
    (tmp_path / "docker-compose.yml").write_text("services:\n  web:\n    image: nginx\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.yaml").write_text("x: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = run_finplan("check", "--format", "concise", ".")
    assert run.exit_code == 0, run.output
    notes = sorted(f["file"] for f in run.file_findings() if f["code"] == "FP004")
    assert notes == [".pre-commit-config.yaml", "docker-compose.yml"]
    assert run.output.splitlines()[-1] == "3 files checked: 0 errors, 0 warnings, 2 notes"


def test_a_file_named_on_the_command_line_is_checked_whatever_it_holds(write):
    other = write("services:\n  web:\n    image: nginx\n", "docker-compose.yml")
    assert run_finplan("check", other).exit_code == 2


def test_exclude_leaves_files_out_of_folders(tmp_path, monkeypatch):
    (tmp_path / "budgets" / "old").mkdir(parents=True)
    (tmp_path / "budgets" / "plan.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "budgets" / "old" / "broken.yaml").write_text("finplan: [", encoding="utf-8")
    (tmp_path / "finplan.toml").write_text('exclude = ["budgets/old/*"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = run_finplan("check", "--format", "concise", "budgets")
    assert run.exit_code == 0 and run.output.splitlines()[-1].startswith("1 file checked")


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_no_amount_share_or_code_is_cut_in_a_narrow_terminal(width):
    run = run_finplan("check", SEED, env={"COLUMNS": str(width)})
    for whole in ("38 566 657 kr", "19 283 329 kr", "13 622 400 kr", "50,0000013 %", "49,9999987 %", "0,50 kr over"):
        assert whole in run.output, (width, whole)
    # A table line never runs past the terminal; finding lines wrap softly, whole.
    one_liners = re.compile(r"^\S+:(\d+:\d+: FP\d{3} | (passes|fails|could not be checked) \()")
    table_lines = [line for line in run.output.splitlines() if not one_liners.match(line)]
    assert max(len(line.rstrip()) for line in table_lines) <= width


@pytest.mark.parametrize(
    ("change", "line", "fix"),
    [
        (("case: T/1/2020", "case: 20201234"), 3, 'a number; text is expected here: quote it, `case: "20201234"`'),
        (("name: Testprojekt", "name: 2030"), 4, 'quote it, `name: "2030"`'),
        (("id: a,", "id: 1,"), 9, 'a number; an id is expected here: quote it, `id: "1"`'),
        (("finplan: 1", 'finplan: "1"'), 1, "write the version as a number: `finplan: 1`"),
        (("amount: 600}", "amount: 600, per_year: {2020: 66 666,50}}"), 9,
         "a comma inside `{...}` splits a value, so an amount such as 66 666,50 reads as 66 666 and a year 50"),
        (("amount: 600}", "amount: 800.000}"), 9, "800.000 looks like 800 000 written with a dot"),
        (("total: 1000", "total: 0,8 Mkr"), 7, "0,8 Mkr is an amount in millions; write it in full, in kr: 800 000"),
        (("amount: 600}", "amount: 800 000:-}"), 9, "unit written into it (:-)"),
    ],
)
def test_a_mistake_is_told_with_the_fix_in_the_plans_own_terms(write, change, line, fix):
    run = run_finplan("check", "--format", "concise", write(MINIMAL.replace(*change)))
    assert run.exit_code == 2
    assert any(int(f["line"]) == line and fix in f["message"] for f in run.findings()), run.output


def test_a_file_that_is_not_utf8_is_told_to_be_saved_as_utf8(write):
    plan = write(MINIMAL.replace("Testregionen", "Länsstyrelsen").encode("cp1252"))
    (finding,) = run_finplan("check", "--format", "concise", plan).findings()
    assert finding["line"] == "5"
    assert "(in Windows-1252 it would be `ä`)" in finding["message"] and "save the file as UTF-8" in finding["message"]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_a_code_finplan_does_not_report_is_refused_not_passed(option):
    run = run_finplan("check", option, "FP999", SEED)
    assert run.exit_code == 2
    assert f"{option}: FP999 is no code finplan reports; did you mean FP901?" in run.output
