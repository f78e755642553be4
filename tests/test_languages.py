"""Every output in the language asked for: no text of the other language's catalog reaches it.

Each catalog entry is split at its {placeholders}; a piece of two words or more
whose English and Swedish differ is a text only one language may print. The
example plans (every rule's failing and passing plans, every input error among
them), every output format and every command's output are run in both
languages and searched for the other language's pieces.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from conftest import PLANS, ROOT, SEED, run_finplan

from finplan.codes import CATALOGUE
from finplan.i18n import parse_po
from finplan.report import DIFF_FORMATS, FORMATS, SUMMARY_FORMATS

CATALOG = ROOT / "src" / "finplan" / "locale" / "sv" / "LC_MESSAGES" / "finplan.po"
BUDGETS = tuple(sorted((ROOT / "budgets").glob("*.yaml")))
EXAMPLES = sorted([*PLANS.glob("*/*.yaml"), *(ROOT / "budgets").glob("*.yaml")])
MEMO = ROOT / "tests" / "memos" / "attraktiv.txt"
_FIELD = re.compile(r"\{[^{}]*\}")


@cache
def pieces() -> dict[str, frozenset[str]]:
    """For each language, the pieces of text only it may print."""
    entries = [e for e in parse_po(CATALOG.read_text(encoding="utf-8")) if e.msgid and e.translated]
    english = [text for e in entries for text in (e.msgid, e.msgid_plural) if text]
    swedish = [text for e in entries for text in e.msgstr.values()]
    # A piece the other language also writes is no sign of either: an English rule's documentation
    # names the Swedish term it stands for ("bidrag i annat än pengar"), a Swedish text quotes a key.
    return {"en": _own(english, "\0".join(swedish)), "sv": _own(swedish, "\0".join(english))}


def _own(texts: list[str], others: str) -> frozenset[str]:
    """The pieces of `texts`, between their fields and lines, of two words or more, that `others` does not hold."""
    found = set()
    for text in texts:
        for piece in _FIELD.split(text):
            for line in piece.split("\n"):
                line = line.strip(" ,.;:()`'\"")
                if len(line.split()) >= 2 and line not in others:
                    found.add(line)
    return frozenset(found)


def plan_texts(*paths: Path) -> list[str]:
    """The texts the plans hold (financiers, notes, quoted sources): a report prints them as written."""
    import yaml

    texts: list[str] = []
    seen: set[int] = set()  # an alias is one node however often it is used: a billion laughs stays small

    def walk(node: object) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str) and " " in node.strip():
            texts.extend((node, node[:40]))  # a message quotes a long text cut at 40 characters

    kept = []  # every plan's nodes stay alive: a node of a plan let go could give its id to one of the next
    for path in paths:
        try:
            kept.append(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue  # an unreadable plan is reported, not printed
        walk(kept[-1])
    return sorted(texts, key=len, reverse=True)


@cache
def _pattern(language: str) -> re.Pattern[str]:
    """Any piece of `language`'s own, as whole words: "kronor inom" holds no English "or in"."""
    alternatives = "|".join(re.escape(piece) for piece in sorted(pieces()[language], key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


MACHINE = {"json", "sarif", "gitlab"}
"""Formats a program reads: their keys and data stay English in every language; their messages follow it."""


def human_text(fmt: str, output: str) -> str:
    """What of an output a person reads: a machine format's messages and help texts, a page's text without its markup."""
    if fmt in MACHINE:
        return "\n".join(_texts(json.loads(output)))
    if fmt == "html":
        return re.sub(r"<[^>]*>", " ", re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", output))
    return output


def _texts(value: object, key: str = "") -> list[str]:
    if isinstance(value, dict):
        return [text for k, v in value.items() for text in _texts(v, k)]
    if isinstance(value, list):
        return [text for v in value for text in _texts(v, key)]
    return [value] if isinstance(value, str) and key in ("message", "text", "description") else []


def assert_speaks(language: str, output: str, plans: tuple[Path, ...] = ()) -> None:
    """`output` holds no piece of the other language's catalog, once the plans' own texts are left out."""
    for text in plan_texts(*plans):
        output = output.replace(text, " ")
    other = "sv" if language == "en" else "en"
    leaked = sorted(set(_pattern(other).findall(output)))
    assert not leaked, f"the {language} output holds the {other} catalog's texts {leaked}:\n{output[:3000]}"


LANGUAGES = ("en", "sv")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("plan", EXAMPLES, ids=[f"{p.parent.name}/{p.name}" for p in EXAMPLES])
def test_every_example_plans_report_and_findings(plan, language):
    text = run_finplan("--lang", language, "check", "--tables", plan, env={"COLUMNS": "160"})
    as_json = run_finplan("--lang", language, "check", "-o", "json", plan)
    assert text.exit_code == as_json.exit_code
    assert_speaks(language, text.output + human_text("json", as_json.output), (plan,))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_check_format(fmt, language, tmp_path):
    plans = [SEED, PLANS / "invalid" / "fp101-financing-sum.yaml", PLANS / "invalid" / "fp001-unknown-key.yaml"]
    out = tmp_path / "report"
    run = run_finplan("--lang", language, "check", "-o", fmt, "--output", out, *plans)
    assert run.exit_code == 2, run.output
    assert_speaks(language, run.output + human_text(fmt, out.read_text(encoding="utf-8")), tuple(plans))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fmt", sorted(SUMMARY_FORMATS))
def test_every_summary_format(fmt, language, tmp_path):
    out = tmp_path / f"summary.{fmt}"
    frames = tmp_path / "frames.yaml"
    frames.write_text("frames:\n  - {appropriation: Reg.tillväxt, year: 2020, amount: 5 000 000}\n", encoding="utf-8")
    run = run_finplan("--lang", language, "summary", "-o", fmt, "--output", out, "--frames", frames, ROOT / "budgets")
    assert run.exit_code in (0, 1), run.output
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(out)
        content = "\n".join(str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value)
    elif fmt in ("csv", "csv-sv"):
        # A table for programs and spreadsheets: its columns and row keys are the same in every language.
        english = tmp_path / "english.csv"
        run_finplan("--lang", "en", "summary", "-o", fmt, "--output", english, "--frames", frames, ROOT / "budgets")
        assert out.read_text(encoding="utf-8") == english.read_text(encoding="utf-8")
        content = ""
    else:
        content = human_text(fmt, out.read_text(encoding="utf-8"))
    assert_speaks(language, run.output + content, BUDGETS)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fmt", sorted(DIFF_FORMATS))
def test_every_diff_format(fmt, language, tmp_path):
    new = tmp_path / "new.yaml"
    text = SEED.read_text(encoding="utf-8")
    new.write_text(text.replace("amount: 19 283 329", "amount: 20 283 329", 1), encoding="utf-8")
    run = run_finplan("--lang", language, "diff", SEED, new, "-o", fmt)
    assert run.exit_code == 0, run.output
    assert_speaks(language, human_text(fmt, run.output), (SEED,))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_html_report(language, tmp_path):
    run = run_finplan("--lang", language, "report", "--html", tmp_path / "site", ROOT / "budgets")
    assert run.exit_code in (0, 1), run.output
    pages = "\n".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "site").rglob("*.html")))
    assert f'<html lang="{language}"' in pages
    assert_speaks(language, run.output + human_text("html", pages), BUDGETS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_memo_commands(language, tmp_path):
    outputs = [run_finplan("--lang", language, "memo", "check", SEED, MEMO, "-o", "text").output]
    changed = tmp_path / "memo.txt"
    changed.write_text(MEMO.read_text(encoding="utf-8").replace("38 566 657", "38 566 757"), encoding="utf-8")
    outputs.append(run_finplan("--lang", language, "memo", "check", SEED, changed).output)
    for fmt in ("text", "markdown", "html"):
        outputs.append(run_finplan("--lang", language, "memo", "render", SEED, "--format", fmt).output)
    assert_speaks(language, "\n".join(outputs), (SEED,))


@pytest.mark.parametrize("language", LANGUAGES)
def test_rules_every_rules_documentation_help_and_init(language, tmp_path):
    outputs = [run_finplan("--lang", language, "rules", env={"COLUMNS": "200"}).output]
    outputs += [run_finplan("--lang", language, "rule", code).output for code in CATALOGUE]
    commands = ("", "check", "diff", "summary", "report", "rules", "rule", "schema", "init", "memo", "memo check", "memo render")
    outputs += [run_finplan("--lang", language, *command.split(), "--help").output for command in commands]
    run_finplan("--lang", language, "init", tmp_path / "plan.yaml")
    outputs.append((tmp_path / "plan.yaml").read_text(encoding="utf-8"))
    assert_speaks(language, "\n".join(outputs))


@pytest.mark.parametrize("language", LANGUAGES)
def test_input_errors_beyond_the_plans(language, tmp_path, monkeypatch):
    """A missing file, a bad configuration and baseline, a plan in the wrong encoding, a bad flag value."""
    shutil.copy(SEED, tmp_path / "plan.yaml")
    (tmp_path / "latin1.yaml").write_bytes(SEED.read_bytes().decode("utf-8").encode("cp1252"))
    (tmp_path / "baseline.json").write_text('{"findings": 3}', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    outputs = [
        run_finplan("--lang", language, "check", "missing.yaml").output,
        run_finplan("--lang", language, "check", "latin1.yaml").output,
        run_finplan("--lang", language, "check", "plan.yaml", "--baseline", "baseline.json").output,
        run_finplan("--lang", language, "check", "plan.yaml", "--select", "FP99").output,
    ]
    (tmp_path / "finplan.toml").write_text('select = ["FP1"]\nstrictness = true\n', encoding="utf-8")
    outputs.append(run_finplan("--lang", language, "check", "plan.yaml").output)
    assert_speaks(language, "\n".join(outputs), (SEED,))


def test_the_catalog_gives_each_language_pieces_of_its_own():
    """The search is not empty: there are pieces to find, and the seed's Swedish report holds some."""
    assert len(pieces()["en"]) > 300 and len(pieces()["sv"]) > 300
    swedish = run_finplan("--lang", "sv", "check", SEED).output
    assert any(piece in swedish for piece in pieces()["sv"])
    english = run_finplan("--lang", "en", "check", SEED).output
    assert any(piece in english for piece in pieces()["en"])


def test_the_command_under_a_swedish_locale_prints_the_seed_in_swedish():
    """`LANG=sv_SE.UTF-8 finplan check budgets/attraktiv.yaml`, as a user runs it: a fresh process."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("LC_")}
    env.update(LANG="sv_SE.UTF-8", COLUMNS="120")
    done = subprocess.run([sys.executable, "-m", "finplan", "check", "budgets/attraktiv.yaml"],
                          cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode == 0, done.stderr
    assert "budgets/attraktiv.yaml: godkänd (0 fel, 3 varningar, 0 upplysningar)" in done.stdout
    assert_speaks("sv", done.stdout, (SEED,))

