"""`finplan summary --format xlsx`: a workbook a spreadsheet can go on working with.

Its sums are formulas; LibreOffice Calc (Debian's, headless: `.ci/install-office`
installs it) opens it, works every formula out, and each value must be the
json summary's to the öre. A machine without `soffice` fails here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT, run_finplan

from finplan.report.portfolio.xlsx import YEAR, money_format

BUDGETS = ROOT / "budgets"
FRAMES = """\
frames:
  - {appropriation: "Reg.tillväxt (anslag 1:1)", year: 2020, amount: 5 000 000}
  - {appropriation: "Reg.tillväxt (anslag 1:1)", year: 2021, amount: 8 000 000}
"""
TABLES = {"Appropriation": "appropriation", "Financier": "financier", "Scheme": "scheme", "Status": "status", "Kind": "kind"}
HOSTILE = ["=SUM(A1)", "@cmd", "+1+1", "-2+3", "=HYPERLINK(\"http://example.org\")"]


def _hostile_plan(folder: Path) -> Path:
    """A plan whose project, owner and financiers are written as formulas, and a line no year holds."""
    plan = folder / "hostile.yaml"
    lines = "".join(
        f"  - {{id: h{index}, financier: {json.dumps(name)}, sector: private, form: cash, amount: 100}}\n"
        for index, name in enumerate(HOSTILE)
    )
    text = MINIMAL.split("total:")[0].replace("name: Testprojekt", "name: '=SUM(A1)'").replace(
        "owner: Testregionen", "owner: '@cmd'"
    ).replace("  period: {start: 2020-01-01, end: 2021-12-31}\n", "")
    plan.write_text(text + f"total: {100 * len(HOSTILE)}\nfinancing:\n{lines}", encoding="utf-8")
    return plan


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    """The budgets' workbook with frames, one frame exceeded, and a hostile plan; and the json summary of the same."""
    folder = tmp_path_factory.mktemp("xlsx")
    frames = folder / "frames.yaml"
    frames.write_text(FRAMES, encoding="utf-8")
    hostile = _hostile_plan(folder)
    book = folder / "portfolio.xlsx"
    run = run_finplan("summary", BUDGETS, hostile, "--frames", frames, "--format", "xlsx", "--output", book)
    assert run.exit_code == 0, run.output
    summary = run_finplan("summary", BUDGETS, hostile, "--frames", frames, "--format", "json")
    return book, json.loads(summary.output)


def recalculated(book: Path, folder: Path) -> Path:
    """`book` as LibreOffice Calc saves it after opening it: every formula worked out, its value kept beside it."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("soffice is needed: run .ci/install-office")
    out = folder / "recalculated"
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", "xlsx", "--outdir", str(out), str(book)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0 and (out / book.name).is_file(), done.stdout + done.stderr
    return out / book.name


def _expected(data: dict) -> dict[tuple[str, str, object], Decimal]:
    """Every figure a formula of the workbook must come to: by sheet, row's first cell and column header."""
    want: dict[tuple[str, str, object], Decimal] = {}
    several = len(data["currencies"]) > 1
    for currency in data["currencies"]:
        for table in currency["tables"]:
            heading = next(h for h, name in TABLES.items() if name == table["table"])
            sheet = heading + (f" {currency['currency']}" if several else "")
            for row in [*table["rows"], table["sum"]]:
                want[(sheet, row["key"], "Total")] = Decimal(row["total"])
                for year, amount in row["years"].items():
                    want[(sheet, row["key"], int(year))] = Decimal(amount)
                want[(sheet, row["key"], "Not in years")] = Decimal(row["not_in_years"])
    for frame in data["frames"]["frames"]:
        want[("Frames", f"{frame['appropriation']}|{frame['year']}", "Remaining")] = Decimal(frame["remaining"])
    return want


def test_every_formula_libreoffice_works_out_is_finplans_figure_to_the_ore(workbook, tmp_path):
    from openpyxl import load_workbook

    book, data = workbook
    formulas = load_workbook(book)
    values = load_workbook(recalculated(book, tmp_path), data_only=True)
    want = _expected(data)
    checked = 0
    for sheet in formulas:
        header = [cell.value for cell in sheet[1]]
        for row, shown in zip(sheet.iter_rows(min_row=2), values[sheet.title].iter_rows(min_row=2), strict=True):
            for cell, value in zip(row, shown, strict=True):
                if cell.data_type != "f":
                    continue
                key = f"{row[0].value}|{row[1].value}" if sheet.title == "Frames" else row[0].value
                expected = want[(sheet.title, key, header[cell.column - 1])]
                assert isinstance(value.value, (int, float)), (sheet.title, cell.coordinate, value.value)
                assert Decimal(repr(value.value)).quantize(Decimal("0.01")) == expected, (sheet.title, cell.coordinate)
                checked += 1
    # Each table's Total per row and its Sum row, in both currencies, and each frame's remainder.
    assert checked > 120
    # A frame exceeded remains negative: red in its number format.
    frames = values["Frames"]
    assert Decimal(repr(frames["H2"].value)).quantize(Decimal("0.01")) == Decimal("-1439505.85")
    assert "[red]" in frames["H2"].number_format.lower()


def test_text_from_a_plan_stays_text_in_a_spreadsheet(workbook, tmp_path):
    from openpyxl import load_workbook

    book, _data = workbook
    for opened in (load_workbook(book), load_workbook(recalculated(book, tmp_path), data_only=True)):
        texts = {cell.value for sheet in opened for row in sheet.iter_rows() for cell in row if cell.data_type == "s"}
        assert set(HOSTILE) <= texts and "=SUM(A1) (T/1/2020)" in texts
        formulas = [cell.value for sheet in opened for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
        assert all(str(f).startswith(("=SUM(", "=C")) for f in formulas)


def test_each_column_has_one_number_format_and_every_table_a_filter_and_frozen_panes(workbook):
    from openpyxl import load_workbook

    book, _data = workbook
    opened = load_workbook(book)
    assert opened.properties.title == "Financing portfolio"
    assert opened.properties.creator == "finplan" and opened.properties.language == "en"
    assert opened.sheetnames[0] == "Findings"  # the plans left out and every finding, before any table
    for sheet in opened.worksheets[1:]:
        assert sheet.freeze_panes == "B2", sheet.title
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), sheet.title
        rows = list(sheet.iter_rows(min_row=2))
        for column in zip(*rows, strict=True):
            assert len({cell.number_format for cell in column}) == 1, (sheet.title, column[0].coordinate)
    sek = money_format({"SEK"})
    assert sek == '#,##0.00 "kr";[Red]-#,##0.00 "kr"'
    table = opened["Appropriation SEK"]
    header = [cell.value for cell in table[1]]
    assert header[1:4] == [2019, 2020, 2021] and table["B1"].number_format == YEAR  # years are numbers
    assert {table.cell(2, index).number_format for index in range(2, header.index("Total") + 2)} == {sek}
    # The filter leaves out the Sum row, so sorting never moves it among the rows.
    assert table.auto_filter.ref == f"A1:{table.cell(1, len(header)).column_letter}{table.max_row - 1}"
    assert table.cell(table.max_row, 1).value == "Sum"
    # Plans named by project and case, their files relative to the folder checked.
    plans = opened["Plans"]
    assert [cell.value for cell in plans[1]][:2] == ["Plan", "File"]
    assert ("En attraktiv region (RUN/99/2019)", "budgets/attraktiv.yaml") in {
        (row[0].value, row[1].value) for row in plans.iter_rows(min_row=2)
    }
    assert opened["Plans"]["F2"].number_format == money_format({"SEK", "EUR"})  # two currencies: no unit


def test_sheet_names_are_in_the_chosen_language(tmp_path):
    from openpyxl import load_workbook

    frames = tmp_path / "frames.yaml"
    frames.write_text(FRAMES, encoding="utf-8")
    book = tmp_path / "sv.xlsx"
    run = run_finplan("--lang", "sv", "summary", BUDGETS, "--frames", frames, "--format", "xlsx", "--output", book)
    assert run.exit_code == 0, run.output
    opened = load_workbook(book)
    assert opened.sheetnames[-3:] == ["Ramar", "Planer", "Rader"] and opened.sheetnames[:2] == ["Anmärkningar", "Anslag SEK"]
    assert opened.properties.language == "sv" and opened.properties.title == "Finansieringsportfölj"
    assert opened["Anslag SEK"].cell(opened["Anslag SEK"].max_row, 1).value == "Summa"
