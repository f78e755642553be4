"""Hostile names for the writers (issue 22): a file's name the OS gives with bytes that are not UTF-8.

Every hostile file is made here, in the test. Each case ends with a correct
report, or with exit 2 and one line; none with a traceback or a half-written site.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT, SEED, run_finplan

LATIN1 = os.fsdecode(b"plan-\xe5r.yaml")  # what the OS gives for a name written in Latin-1
SHOWN = "plan-\\xe5r.yaml"


def _page(site: Path) -> Path:
    """The one plan's page of a site."""
    (page,) = (site / "plans").iterdir()
    return page



# A file name the OS gives with bytes that are not UTF-8, or with a control character.

def _latin1_folder(folder: Path, text: str) -> Path:
    folder.mkdir()
    try:
        (folder / LATIN1).write_bytes(text.encode("utf-8"))
    except (UnicodeEncodeError, OSError):  # a file system that holds only UTF-8 names (macOS)
        pytest.skip("this file system refuses a name that is not UTF-8")
    return folder


@pytest.fixture
def latin1_plan(tmp_path) -> Path:
    """A folder holding a plan whose name is not UTF-8."""
    return _latin1_folder(tmp_path / "plans", MINIMAL)


CHECK_FORMATS = ("text", "concise", "json", "github", "sarif", "junit", "gitlab", "markdown")


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_check_shows_a_name_that_is_not_utf8_escaped(tmp_path, fmt):
    folder = _latin1_folder(tmp_path / "plans", MINIMAL.replace("total: 1000", "total: 1001"))  # an error to report
    shown = run_finplan("check", folder, "--format", fmt)
    assert shown.exit_code == 1, shown.output
    assert SHOWN in shown.output.replace("\\\\", "\\")  # json doubles the backslash
    out = tmp_path / f"out.{fmt}"
    assert run_finplan("check", folder / LATIN1, "--format", fmt, "--output", out).exit_code == 1
    assert SHOWN in out.read_text(encoding="utf-8").replace("\\\\", "\\")


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_summary_shows_a_name_that_is_not_utf8_escaped(latin1_plan, tmp_path, fmt):
    (latin1_plan / os.fsdecode(b"trasig-\xe5.yaml")).write_bytes(b"finplan: [")  # named where it is left out
    shown = run_finplan("summary", latin1_plan, "--format", fmt, "--output", tmp_path / f"out.{fmt}")
    assert shown.exit_code == 2, shown.output
    written = (tmp_path / f"out.{fmt}").read_text(encoding="utf-8").replace("\\\\", "\\")
    if fmt != "csv":  # csv holds figures only
        assert "trasig-\\xe5.yaml" in written
    if fmt != "text":  # the text report names a readable plan by its case
        assert SHOWN in written


def test_the_workbook_shows_a_name_that_is_not_utf8_escaped(latin1_plan, tmp_path):
    from openpyxl import load_workbook

    assert run_finplan("summary", latin1_plan, "--format", "xlsx", "--output", tmp_path / "out.xlsx").exit_code == 0
    book = load_workbook(tmp_path / "out.xlsx")
    assert book["Plans"]["A2"].value.endswith("/" + SHOWN)
    assert all(row[0].value.endswith("/" + SHOWN) for row in book["Lines"].iter_rows(min_row=2))


def test_the_report_shows_a_name_that_is_not_utf8_escaped(latin1_plan, tmp_path):
    run = run_finplan("report", latin1_plan, "--html", tmp_path / "site")
    assert run.exit_code == 0, run.output
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f"/{SHOWN}</a>" in index
    page = _page(tmp_path / "site")
    assert page.name.isascii() and SHOWN in page.read_text(encoding="utf-8")


def test_a_frames_file_whose_name_is_not_utf8_is_shown_escaped(latin1_plan, tmp_path):
    frames = tmp_path / os.fsdecode(b"ramar-\xe5.yaml")
    frames.write_text("frames:\n  - {appropriation: Övriga medel, year: 2020, amount: 1}\n", encoding="utf-8")
    run = run_finplan("summary", latin1_plan, "--frames", frames, "--format", "json")
    assert run.exit_code == 1  # the frame is exceeded
    data = json.loads(run.output)
    assert data["frames"]["file"].endswith("ramar-\\xe5.yaml")
    assert all(finding["file"].endswith("ramar-\\xe5.yaml") for finding in data["findings"])
    assert run_finplan("report", latin1_plan, "--frames", frames, "--html", tmp_path / "site").exit_code == 1
    assert "ramar-\\xe5.yaml" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_memo_whose_name_is_not_utf8_is_shown_escaped(tmp_path):
    memo = tmp_path / os.fsdecode(b"beslut-\xe5.txt")
    memo.write_bytes((ROOT / "tests" / "memos" / "attraktiv.txt").read_bytes())
    run = run_finplan("memo", "check", SEED, memo, "--format", "json")
    assert "beslut-\\\\xe5.txt" in run.output and "\udce5" not in run.output


def test_a_control_character_in_a_name_is_escaped_and_the_finding_stays_one_line(tmp_path):
    plan = tmp_path / "plan\n::error::forged.yaml"
    plan.write_text(MINIMAL.replace("total: 1000", "total: 1001"), encoding="utf-8")
    run = run_finplan("check", plan, "--format", "github")
    assert run.exit_code == 1
    assert "plan\\x0a::error::forged.yaml" in run.output
    assert not any(line.startswith("::error::forged") for line in run.output.splitlines())
