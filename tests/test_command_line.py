"""What a user types works as other command lines taught them: `-` for standard output, options after the
arguments, `-q`, help in words not Python types, a missing path refused, and completion in the shell."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT, SEED, run_finplan
from test_diff_git import git

from finplan.cli.app import app as root_app

MEMO = ROOT / "tests" / "memos" / "attraktiv.txt"


def test_init_dash_prints_the_template_and_writes_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = run_finplan("init", "-")
    assert run.exit_code == 0
    assert run.output.startswith("#") and "finplan: 1" in run.output
    assert list(tmp_path.iterdir()) == []


def test_init_never_overwrites_and_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text(MINIMAL, encoding="utf-8")
    run = run_finplan("init")
    assert run.exit_code == 2
    assert "plan.yaml already exists; finplan does not overwrite it" in run.output
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") == MINIMAL


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name)


def all_commands() -> list[tuple[str, ...]]:
    import typer.main

    return sorted(_commands(typer.main.get_command(root_app)))


@pytest.mark.parametrize("command", all_commands(), ids=" ".join)
def test_lang_works_after_every_command(command):
    run = run_finplan(*command, "--help", "--lang", "sv")
    assert run.exit_code == 0, run.output
    run = run_finplan(*command, "--lang", "sv", "--help")
    assert run.exit_code == 0 and "Användning:" in run.output, run.output


def test_rule_then_lang_speaks_swedish():
    run = run_finplan("rule", "FP101", "--lang", "sv")
    assert run.exit_code == 0
    assert "Källa:" in run.output and "Source:" not in run.output


def test_check_with_lang_after_the_plan_speaks_swedish():
    run = run_finplan("check", SEED, "--lang", "sv")
    assert run.exit_code == 0
    assert "godkänd" in run.output


@pytest.mark.parametrize("command", [(), *all_commands(), ("memo",)], ids=lambda c: " ".join(c) or "finplan")
def test_help_shows_no_python_types_or_braces(command):
    run = run_finplan(*command, "--help")
    assert run.exit_code == 0, run.output
    for text in ("<", ">", "{", "}", "list[", "str]", "<path>", "<str>"):
        assert text not in run.output, (text, run.output)
    usage = run.output.splitlines()[0]
    assert re.fullmatch(r"Usage: finplan[ a-z]*( \[OPTIONS\])?( [A-Z .\[\]]+)*", usage), usage


def test_memo_check_quiet_prints_the_findings_only():
    loud = run_finplan("memo", "check", SEED, MEMO)
    quiet = run_finplan("memo", "check", SEED, MEMO, "-q")
    assert loud.exit_code == quiet.exit_code == 0
    assert "Figures of the memo" in loud.output and "passes" in loud.output
    assert quiet.output == ""


def test_memo_check_quiet_still_prints_a_finding(tmp_path):
    memo = tmp_path / "memo.txt"
    memo.write_text(MEMO.read_text(encoding="utf-8").replace("38 566 657", "38 566 757", 1), encoding="utf-8")
    run = run_finplan("memo", "check", SEED, memo, "-q")
    assert run.exit_code == 1
    lines = run.output.splitlines()
    assert lines and all(re.match(r".+:\d+:\d+: FP7\d\d (error|warning|info) ", line) for line in lines), run.output


def test_diff_rev_refuses_a_path_that_does_not_exist(tmp_path, monkeypatch):
    (tmp_path / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "a plan")
    monkeypatch.chdir(tmp_path)
    run = run_finplan("diff", "--rev", "HEAD", "good.yaml", "typo.yaml")
    assert run.exit_code == 2
    assert "typo.yaml does not exist at HEAD or in working tree" in run.output
    assert run_finplan("diff", "--rev", "HEAD", "good.yaml").exit_code == 0


@pytest.fixture
def on_path(tmp_path) -> dict[str, str]:
    """An environment whose PATH has a `finplan` that runs this checkout, as an installed one would."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    script = bin_folder / "finplan"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m finplan "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}"}


def _complete_in_bash(env: dict[str, str], words: list[str]) -> list[str]:
    """What bash offers after `words` (the last one being completed), through `finplan completion bash`."""
    line = " ".join(f"'{word}'" for word in words)
    program = (
        'eval "$(finplan completion bash)"\n'
        f"COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}\n"
        "_finplan_completion finplan\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(["bash", "-c", program], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_commands_options_and_formats(on_path):
    assert "check" in _complete_in_bash(on_path, ["finplan", "ch"])
    assert set(_complete_in_bash(on_path, ["finplan", "memo", ""])) >= {"render", "check"}
    assert "--format" in _complete_in_bash(on_path, ["finplan", "check", "--for"])
    assert set(_complete_in_bash(on_path, ["finplan", "summary", "--format", ""])) == {"text", "json", "csv", "csv-sv", "xlsx"}


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_get_a_script_that_asks_finplan(shell):
    run = run_finplan("completion", shell)
    assert run.exit_code == 0
    assert "_FINPLAN_COMPLETE=complete_" + shell in run.output


def test_completion_of_an_unknown_shell_is_a_usage_error():
    run = run_finplan("completion", "tcsh")
    assert run.exit_code == 2
    assert "bash" in run.output and "tcsh" in run.output


def test_a_usage_error_in_swedish_names_no_english_text():
    run = run_finplan("--lang", "sv", "diff", "--rev", "HEAD", "--format", "yaml")
    assert run.exit_code == 2
    assert "Invalid value" not in run.output and "yaml" in run.output


def test_the_command_line_is_one_small_module_per_command():
    folder = Path(__file__).resolve().parent.parent / "src" / "finplan" / "cli"
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in folder.glob("*.py")}
    assert {"check.py", "diff.py", "memo.py", "portfolio.py", "rules.py", "init.py", "completion.py"} <= set(sizes)
    assert max(sizes.values()) <= 200, sizes


@pytest.mark.parametrize("columns", ["0", "abc", "-5", "99999999"])
@pytest.mark.parametrize("command", [("check", SEED), ("summary", ROOT / "budgets"), ("memo", "check", SEED, MEMO)])
def test_a_columns_that_is_no_width_counts_as_unset(columns, command):
    wide = run_finplan(*command, env={"COLUMNS": "120"})
    odd = run_finplan(*command, env={"COLUMNS": columns})
    assert odd.exit_code == wide.exit_code
    assert odd.output == wide.output and odd.output.strip()


@pytest.mark.parametrize("command", [
    ["summary", "budgets"],
    ["memo", "check", "budgets/attraktiv.yaml", "tests/memos/attraktiv.txt"],
    ["diff", "budgets/attraktiv.yaml", "budgets/exempel-kostnadsbudget.yaml"],
    ["check", "budgets/attraktiv.yaml"],
])
def test_a_locale_that_cannot_hold_a_character_gets_it_replaced(command):
    # As LANG=sv_SE.ISO-8859-1 sets it: "–" and "’" are not in Latin-1, "å" and "ö" are.
    env = {**os.environ, "PYTHONIOENCODING": "iso-8859-1", "LC_ALL": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "finplan", "--lang", "sv", *command], cwd=ROOT, env=env,
                          capture_output=True)
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr.decode("iso-8859-1").count("Traceback") == 0
    shown = done.stdout.decode("iso-8859-1")
    assert "?" in shown or "–" not in shown
    assert "å" in shown or "ö" in shown or "ä" in shown


def test_command_modules_give_typer_their_annotations_as_objects():
    # Typer evaluates string annotations on every run, for every command: --version paid for it.
    folder = Path(__file__).resolve().parent.parent / "src" / "finplan" / "cli"
    for name in ("app", "check", "completion", "diff", "init", "memo", "portfolio", "rules"):
        assert "from __future__ import annotations" not in (folder / f"{name}.py").read_text(encoding="utf-8"), name


def test_findings_in_colour_read_as_the_plain_lines_do():
    # Off a terminal the findings go out as plain text; in colour Rich draws them: the words must agree.
    plan = ROOT / "tests" / "plans" / "invalid" / "fp101-financing-sum.yaml"
    plain = run_finplan("check", plan, "--no-tables")
    coloured = run_finplan("check", plan, "--no-tables", env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert " FP101 error " in plain.output
    assert "\x1b[" in coloured.output and "\x1b[" not in plain.output
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.output) == plain.output
