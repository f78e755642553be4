"""`finplan summary --format csv-sv`, opened as a Swedish office opens it: LibreOffice Calc under sv_SE.

LibreOffice reads the csv into a workbook (`soffice --headless --convert-to
xlsx`), in a profile and a HOME of the test's own, with the semicolon as its
separator and the language taken from the locale; openpyxl reads the cells back.
`.ci/install-office` installs soffice and the sv_SE locale.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT, run_finplan

from finplan.report.portfolio.csv import HEADER

BUDGETS = ROOT / "budgets"
SOFFICE = shutil.which("soffice")
CSV_OPTIONS = "CSV:59,34,76,1"  # separator `;`, text in `"`, UTF-8, from line 1; the language from the locale


def opened_in_calc(csv_file: Path, tmp_path: Path, locale: str = "sv_SE.UTF-8") -> list[list]:
    """The cells of `csv_file` as LibreOffice Calc reads it under `locale`."""
    from openpyxl import load_workbook

    if SOFFICE is None:
        pytest.fail("soffice is needed: run .ci/install-office")
    home, out = tmp_path / f"home-{locale}", tmp_path / f"out-{locale}"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "LANG": locale, "LC_ALL": locale}
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation={(home / 'profile').as_uri()}", f"--infilter={CSV_OPTIONS}",
         "--convert-to", "xlsx", "--outdir", str(out), str(csv_file)],
        env=env, check=True, capture_output=True, timeout=180,
    )
    book = load_workbook(out / csv_file.with_suffix(".xlsx").name)
    return [[cell.value for cell in row] for row in book.active.iter_rows()]


@pytest.fixture(scope="module")
def swedish_csv(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("plans")
    for plan in BUDGETS.glob("*.yaml"):
        shutil.copy(plan, folder / plan.name)
    formula = "finplan: 1\nproject:\n  case: X/1\n  name: X\n  owner: Y\n" \
        "  period: {start: 2024-01-01, end: 2024-12-31}\ntotal: 5\nfinancing:\n" \
        "  - {id: x, financier: '=HYPERLINK(\"http://example.org\")', appropriation: '@cmd', sector: private, form: cash,\n" \
        "     status: decided, amount: 2}\n" \
        "  - {id: y, financier: '-1+2', sector: private, form: cash, status: decided, amount: 3}\n"
    (folder / "z-formula.yaml").write_text(formula, encoding="utf-8")
    out = folder.parent / "summary.csv"
    run = run_finplan("summary", folder, "--format", "csv-sv", "--output", out)
    assert run.exit_code == 0, run.output
    return out, folder


def test_the_file_is_written_as_a_swedish_excel_writes_csv(swedish_csv):
    raw = swedish_csv[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbftable;currency;row;year;measure;amount;plans\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    text = raw.decode("utf-8-sig")
    assert "appropriation;SEK;Reg.tillväxt (anslag 1:1);2020;year;6439505,85;\r\n" in text


def test_libreoffice_under_sv_se_reads_the_columns_and_every_amount_as_a_number(swedish_csv, tmp_path):
    written, folder = swedish_csv
    plain = list(csv.reader(run_finplan("summary", folder, "--format", "csv").output.splitlines()))
    cells = opened_in_calc(written, tmp_path)
    assert cells[0] == list(HEADER)
    assert len(cells) == len(plain)
    amount = HEADER.index("amount")
    for read, record in zip(cells[1:], plain[1:], strict=True):
        shown = [str(v) if v is not None else "" for v in read[:amount]]
        # Text a spreadsheet would run is shown with the apostrophe that keeps it text (the test below).
        assert [value.removeprefix("'") for value in shown] == record[:amount]
        if record[amount]:
            assert isinstance(read[amount], (int, float)), read
            assert Decimal(str(read[amount])).quantize(Decimal("0.01")) == Decimal(record[amount]), read
    (seed_2020,) = [row for row in cells if row[:5] == ["appropriation", "SEK", "Reg.tillväxt (anslag 1:1)", 2020, "year"]]
    assert seed_2020[amount] == pytest.approx(6439505.85, abs=0.001)


def test_text_a_spreadsheet_would_run_stays_text(swedish_csv, tmp_path):
    cells = opened_in_calc(swedish_csv[0], tmp_path)
    texts = [value for row in cells for value in row if isinstance(value, str)]
    assert not any(value.startswith(("=", "@", "-", "+")) for value in texts)
    for written in ('=HYPERLINK("http://example.org")', "@cmd", "-1+2"):
        assert f"'{written}" in texts


def test_an_english_office_would_not_read_the_decimal_comma_which_is_why_the_dialect_is_for_sv(swedish_csv, tmp_path):
    cells = opened_in_calc(swedish_csv[0], tmp_path, locale="C.UTF-8")
    amounts = [row[HEADER.index("amount")] for row in cells[1:]]
    assert "6439505,85" in amounts  # text, not a number: the test above would fail under this locale


def test_lang_sv_alone_keeps_the_plain_csvs_commas_and_decimal_points():
    english = run_finplan("summary", BUDGETS, "--format", "csv").output
    assert run_finplan("summary", BUDGETS, "--format", "csv", "--lang", "sv").output.splitlines()[1:] == english.splitlines()[1:]
    assert english.startswith("table,currency,row,year,measure,amount,plans\n")
