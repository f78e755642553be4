"""`finplan summary`: many plans added up per year, exactly, and held against yearly frames."""

from __future__ import annotations

import csv
import importlib.resources
import io
import json
import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from conftest import MINIMAL, ROOT, SEED, run_finplan
from hypothesis import given
from hypothesis import strategies as st

from finplan.check import check_file

BUDGETS = ROOT / "budgets"
ONE_ONE = "Reg.tillväxt (anslag 1:1)"
SEED_DAYS = {2019: 92, 2020: 366, 2021: 365, 2022: 273}  # 2019-10-01 – 2022-09-30, 1 096 days

FRAME_2020 = """\
frames:
  - appropriation: "Reg.tillväxt (anslag 1:1)"
    year: 2020
    amount: 5 000 000
"""


def summary_json(*args) -> dict:
    run = run_finplan("summary", *args, "--format", "json")
    assert run.exit_code in (0, 1), run.output
    return json.loads(run.output)


def table(document: dict, name: str, currency: str = "SEK") -> dict:
    (found,) = (
        t for c in document["currencies"] if c["currency"] == currency for t in c["tables"] if t["table"] == name
    )
    return found


def row(found: dict, key: str) -> dict:
    (result,) = (r for r in found["rows"] if r["key"] == key)
    return result


def distinct(text: str, index: int) -> str:
    """A plan of its own made of MINIMAL: another case and name, so that it is no copy (FP806)."""
    return text.replace("T/1/2020", f"T/{index}/2020").replace("Testprojekt", f"Testprojekt {index}")


def line(**fields) -> str:
    """A financing line as one flow mapping: decided public cash from Staten unless told otherwise."""
    fields = {"financier": "Staten", "sector": "public", "form": "cash", "status": "decided", **fields}
    amount = fields.pop("amount")  # last, where plan() looks for it
    return "  - {" + ", ".join(f"{key}: {value}" for key, value in fields.items()) + f", amount: {amount}}}\n"


def plan(case: str, lines: str, period: str = "{start: 2020-01-01, end: 2021-12-31}", currency: str = "SEK") -> str:
    """A small plan with these financing lines (flow mappings, one a line), its total their sum."""
    total = sum(Decimal(part.split("amount: ")[1].split(",")[0].split("}")[0]) for part in lines.strip().splitlines())
    return (
        f"finplan: 1\nproject:\n  case: {case}\n  name: Projekt {case}\n  owner: Regionen\n"
        f"  period: {period}\ncurrency: {currency}\ntotal: {total}\nfinancing:\n{lines}"
    )


def test_the_per_year_tables_add_up_to_the_plans_totals_exactly():
    document = summary_json(BUDGETS)
    plans = [check_file(p).plan for p in sorted(BUDGETS.glob("*.yaml"))]
    declared = sum((plan.total for plan in plans if plan.currency == "SEK" and plan.total is not None), Decimal(0))
    assert declared == Decimal("49166657")
    # The decision excerpt states its grant (400 000 kr) but not its total nor its other amounts.
    stated = declared + Decimal("400000")
    for found in document["currencies"][0]["tables"]:
        assert Decimal(found["sum"]["total"]) == stated, found["table"]
        assert sum(Decimal(r["total"]) for r in found["rows"]) == stated
        for each in [*found["rows"], found["sum"]]:
            in_years = sum((Decimal(v) for v in each["years"].values()), Decimal(0))
            assert in_years + Decimal(each["not_in_years"]) == Decimal(each["total"])
        years = {year: sum(Decimal(r["years"].get(str(year), 0)) for r in found["rows"]) for year in found["years"]}
        assert years == {year: Decimal(found["sum"]["years"][str(year)]) for year in found["years"]}
    run = run_finplan("summary", BUDGETS)
    assert run.exit_code == 0, run.output
    assert (
        "7 plans summarised; 49 566 657 kr of financing stated (the plans' totals: 49 166 657 kr; 1 plan states no total)"
        "; 491 060 EUR" in run.output
    ), run.output


def test_the_seeds_1_1_line_is_spread_over_2019_to_2022_by_days():
    document = summary_json(SEED)
    one_one = row(table(document, "appropriation"), ONE_ONE)
    amount = Decimal("19283329")
    assert Decimal(one_one["total"]) == amount
    parts = {int(year): Decimal(value) for year, value in one_one["years"].items()}
    assert list(parts) == [2019, 2020, 2021, 2022]
    assert sum(parts.values()) == amount
    for year, days in SEED_DAYS.items():
        assert abs(parts[year] - amount * days / 1096) < Decimal("0.01"), year
    assert parts[2020] == Decimal("6439505.85")
    assert one_one["plans"] == [{"name": "budgets/attraktiv.yaml", "case": "RUN/99/2019", "amount": "19283329"}]
    (line,) = (line for line in document["plans"][0]["lines"] if line["id"] == "anslag-1-1")
    assert line["placed"] == "spread" and line["spread_over"] == {"start": "2019-10-01", "end": "2022-09-30"}

    run = run_finplan("summary", SEED, "--full")
    (text_row,) = [line for line in run.output.splitlines() if line.startswith(ONE_ONE)]
    assert re.split(r"\s{2,}", text_row.strip())[1:6] == [
        "1 618 673,60", "6 439 505,85", "6 421 911,58", "4 803 237,97", "19 283 329",
    ]
    assert "Spread by days over their period" in run.output
    assert "RUN/99/2019 anslag-1-1       2019-10-01 – 2022-09-30 19 283 329 kr" in run.output


def test_a_line_with_a_yearly_breakdown_is_placed_as_written():
    document = summary_json(BUDGETS / "exempel-kostnadsbudget.yaml")
    years = row(table(document, "appropriation"), "Reg.tillväxt")["years"]
    assert years == {"2024": "250000", "2025": "1000000", "2026": "1000000", "2027": "750000"}


def test_the_seeds_applied_1_1_money_over_its_2020_frame_is_a_warning_naming_the_plan(write):
    frames = write(FRAME_2020, "frames.yaml")
    run = run_finplan("summary", SEED, "--frames", frames)
    assert run.exit_code == 0, run.output
    (finding,) = run.findings()
    assert (finding["file"], finding["line"], finding["column"]) == (str(frames), "2", "5")
    assert (finding["code"], finding["severity"]) == ("FP802", "warning")
    assert finding["message"] == (
        "`Reg.tillväxt (anslag 1:1)` 2020: decided and applied-for lines would take 6 439 505,85 kr "
        "of a frame of 5 000 000 kr: 1 439 505,85 kr over; plans, largest first: RUN/99/2019 6 439 505,85 kr"
    )
    assert "−1 439 505,85 kr" in run.output  # what remains of the frame
    assert run_finplan("summary", SEED, "--frames", frames, "--strict").exit_code == 1
    document = summary_json(SEED, "--frames", frames)
    (use,) = document["frames"]["frames"]
    assert (use["frame"], use["applied"], use["decided"], use["remaining"]) == (
        "5000000", "6439505.85", "0", "-1439505.85"
    )


def test_decided_money_over_a_frame_is_an_error_naming_the_plans_largest_first(write):
    # One appropriation, written three ways: case and spaces make no difference.
    write(plan("A/1", line(id="a", appropriation="Reg.tillväxt", per_year="{2020: 60, 2021: 40}", amount=100)), "a.yaml")
    write(plan("B/2", line(id="b", appropriation="' REG.TILLVÄXT '", per_year="{2020: 200, 2021: 100}", amount=300)), "b.yaml")
    write(plan("C/3", line(id="c", status="applied", appropriation="Reg.tillväxt", per_year="{2020: 1000}", amount=1000)),
          "c.yaml")
    frames = write(
        "frames:\n  - {appropriation: reg.tillväxt, year: 2020, amount: 250}\n"
        "  - {appropriation: Reg.tillväxt, year: 2021, amount: 1000}\n",
        "frames.yaml",
    )
    run = run_finplan("summary", frames.parent, "--frames", frames)
    assert run.exit_code == 1, run.output
    (finding,) = run.findings()
    assert (finding["code"], finding["severity"], finding["line"]) == ("FP801", "error", "2")
    assert finding["message"].endswith(
        "decided lines take 260 kr of a frame of 250 kr: 10 kr over; plans, largest first: B/2 200 kr, A/1 60 kr"
    )


def test_frames_named_in_finplan_toml_and_check_accepts_the_key(tmp_path, monkeypatch):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "seed.yaml").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "ramar").mkdir()
    (tmp_path / "ramar" / "2020.yaml").write_text(FRAME_2020, encoding="utf-8")
    (tmp_path / "finplan.toml").write_text('frames = "ramar/2020.yaml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = run_finplan("summary", "plans")
    assert [(f["file"], f["code"]) for f in run.findings()] == [("ramar/2020.yaml", "FP802")], run.output
    assert run_finplan("check", "plans").exit_code == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("frames:\n  - {appropriation: X, year: 2020, amount: 10, colour: red}\n", "frames.yaml:2:48: unknown key `colour`"),
        ("frames:\n  - {appropriation: X, year: '2020', amount: 10}\n",
         "frames.yaml:2:30: `frames[0].year` is \"2020\"; expected a year written as a number, such as 2020"),
        ("frames:\n  - {appropriation: X, year: 2020, amount: 10}\n  - {appropriation: x, year: 2020, amount: 5}\n",
         "frames.yaml:3:5: a second frame for `x` in 2020; the first is on line 2"),
        ("frames:\n  - {appropriation: X, year: 2020}\n", "frames.yaml:2:5: `frames[0]` lacks the required key `amount`"),
        ("frames: [\n", "frames.yaml:2:1: "),
    ],
)
def test_a_frames_file_that_cannot_be_read_is_exit_2_with_its_place(write, content, expected):
    frames = write(content, "frames.yaml")
    run = run_finplan("summary", SEED, "--frames", frames)
    assert run.exit_code == 2
    assert expected in run.output and "Traceback" not in run.output


def test_a_missing_frames_file_is_exit_2(tmp_path):
    run = run_finplan("summary", SEED, "--frames", tmp_path / "none.yaml")
    assert run.exit_code == 2 and run.output == f"finplan: frames file {tmp_path / 'none.yaml'} does not exist\n"


def test_currencies_are_summed_apart_never_mixed(write):
    write(plan("S/1", line(id="s", amount=1000)), "sek.yaml")
    write(plan("E/1", line(id="e", financier="EU", amount=50), currency="EUR"), "eur.yaml")
    document = summary_json(Path(write("", "x.txt")).parent)
    assert [(c["currency"], c["financing"]) for c in document["currencies"]] == [("SEK", "1000"), ("EUR", "50")]
    run = run_finplan("summary", Path(write("", "x.txt")).parent)
    assert "Financing per year by status (EUR)" in run.output
    assert "1 000 kr of financing (the plans' totals); 50 EUR of financing" in run.output


def test_an_unreadable_plan_is_named_and_the_rest_summarised(write):
    write(MINIMAL, "good.yaml")
    write("finplan: 1\nproject: [\n", "broken.yaml")
    run = run_finplan("summary", Path(write(MINIMAL, "good.yaml")).parent)
    assert run.exit_code == 2
    assert run.output.startswith("1 of 2 plans added up; 1 left out of the sums\nbroken.yaml:3:1: FP000 error ")
    assert [(f["file"], f["code"]) for f in run.findings()] == [("broken.yaml", "FP000")]
    assert [(f["file"], f["code"], f["message"]) for f in run.file_findings()][1:] == [
        ("broken.yaml", "FP808", "could not be read (FP000); left out of the sums")
    ]
    assert "1 plan summarised; 1 000 kr of financing (the plans' totals); 1 left out (named at the top)" in run.output


def test_a_line_that_cannot_be_put_in_years_is_listed_and_warned_of_against_a_frame(write):
    # A period that ends before it starts (FP201) gives no days to spread over.
    write(plan("R/1", line(id="r", appropriation="Reg.tillväxt", amount=700),
               period="{start: 2021-01-01, end: 2020-01-01}"), "reversed.yaml")
    frames = write("frames:\n  - {appropriation: Reg.tillväxt, year: 2020, amount: 100}\n", "frames.yaml")
    run = run_finplan("summary", frames.parent / "reversed.yaml", "--frames", frames, "--include-failing", "--full")
    assert "Not placed in years" in run.output and "Not in years" in run.output
    (finding,) = run.findings()
    assert finding["code"] == "FP803" and "`r` of R/1" in finding["message"] and "700 kr" in finding["message"]
    assert run.exit_code == 1  # the plan fails its own check (FP201)
    document = summary_json(frames.parent / "reversed.yaml", "--include-failing")
    assert row(table(document, "status"), "decided")["not_in_years"] == "700"


def test_rows_name_the_plans_that_make_them_up_largest_first(write):
    for case, amount in (("K/1", 10), ("K/2", 30), ("K/3", 20)):
        write(plan(case, line(id="k", financier="Kommunen", form="in_kind", amount=amount)), f"{case[-1]}.yaml")
    document = summary_json(Path(write("", "x.txt")).parent)
    kommunen = row(table(document, "financier"), "Kommunen")
    assert [(p["case"], p["amount"]) for p in kommunen["plans"]] == [("K/2", "30"), ("K/3", "20"), ("K/1", "10")]
    assert row(table(document, "kind"), "public in kind")["total"] == "60"


def test_the_json_summary_follows_its_schema(write):
    frames = write(FRAME_2020, "frames.yaml")
    document = summary_json(BUDGETS, "--frames", frames)
    schema = json.loads(
        importlib.resources.files("finplan.report.portfolio").joinpath("summary.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["summary_format"] == 2


def test_csv_is_one_record_per_figure(write):
    frames = write(FRAME_2020, "frames.yaml")
    run = run_finplan("summary", BUDGETS, "--frames", frames, "--format", "csv")
    records = list(csv.DictReader(io.StringIO(run.output)))
    assert list(records[0]) == ["table", "currency", "row", "year", "measure", "amount", "plans"]
    appropriation = [r for r in records if r["table"] == "appropriation" and r["measure"] == "total"]
    sek = [r for r in appropriation if r["row"] != "Sum" and r["currency"] == "SEK"]
    assert sum(Decimal(r["amount"]) for r in sek) == Decimal("49566657")  # the decision excerpt's grant among them
    (seed_2020,) = [r for r in records if r["table"] == "appropriation" and r["row"] == ONE_ONE and r["year"] == "2020"]
    assert seed_2020["amount"] == "6439505.85"
    (applied,) = [r for r in records if r["table"] == "frames" and r["measure"] == "applied"]
    assert (applied["amount"], applied["plans"]) == ("6439505.85", "budgets/attraktiv.yaml")


def test_xlsx_has_a_sheet_per_table_with_amounts_as_numbers_in_kronor(write, tmp_path):
    from openpyxl import load_workbook

    frames = write(FRAME_2020, "frames.yaml")
    formula = "'=HYPERLINK(\"http://example.org\")'"
    evil = write(plan("X/1", line(id="x", financier=formula, sector="private", amount=5)), "evil.yaml")
    book_path = tmp_path / "portfolio.xlsx"
    run = run_finplan("summary", BUDGETS, evil, "--frames", frames, "--format", "xlsx", "--output", book_path)
    assert run.exit_code == 0, run.output
    book = load_workbook(book_path)
    tables = ["Appropriation", "Financier", "Scheme", "Status", "Kind"]
    # Two currencies in budgets/ (SEK and EUR): a sheet per table and currency, never summed together.
    assert book.sheetnames == ["Findings"] + [f"{t} {c}" for c in ("SEK", "EUR") for t in tables] + ["Frames", "Plans", "Lines"]
    sheet = book["Appropriation SEK"]
    header = [cell.value for cell in sheet[1]]
    seed_row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == ONE_ONE)
    cell = seed_row[header.index(2020)]
    assert cell.data_type == "n" and Decimal(str(cell.value)) == Decimal("6439505.85")
    assert cell.number_format == '#,##0.00 "kr";[Red]-#,##0.00 "kr"'
    total = seed_row[header.index("Total")]  # a formula over the row; tests/test_xlsx.py has a spreadsheet work it out
    assert total.value == f"=SUM(B{total.row}:{sheet.cell(1, header.index('Total')).column_letter}{total.row})"
    assert total.number_format == cell.number_format
    last = list(sheet.iter_rows())[-1]
    assert last[0].value == "Sum" and last[header.index("Total")].value.startswith("=SUM(")
    financier = next(r for r in book["Financier SEK"].iter_rows(min_row=2) if str(r[0].value).startswith("="))
    assert financier[0].data_type == "s"  # text from a plan never becomes a formula
    frames_sheet = book["Frames"]
    assert [c.value for c in frames_sheet[2]][:4] == [ONE_ONE, 2020, 5000000, 0]


def test_xlsx_needs_an_output_file():
    run = run_finplan("summary", SEED, "--format", "xlsx")
    assert run.exit_code == 2 and "--output FILE" in run.output


def test_summary_never_writes_over_a_plan(tmp_path):
    target = tmp_path / "plan.yaml"
    target.write_text(MINIMAL, encoding="utf-8")
    run = run_finplan("summary", target, "--format", "csv", "--output", target)
    assert run.exit_code == 2 and target.read_text(encoding="utf-8") == MINIMAL


def test_a_summary_written_to_a_file(tmp_path):
    out = tmp_path / "summary.json"
    run = run_finplan("summary", SEED, "--format", "json", "--output", out)
    assert run.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["plans"][0]["case"] == "RUN/99/2019"


def test_days_per_year_of_the_seeds_period():
    from finplan.portfolio.spread import days_per_year

    assert days_per_year(date(2019, 10, 1), date(2022, 9, 30)) == SEED_DAYS
    assert days_per_year(date(2024, 2, 29), date(2024, 2, 29)) == {2024: 1}


@given(
    ore=st.integers(min_value=-10**17 + 1, max_value=10**17 - 1),
    start=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    length=st.integers(min_value=0, max_value=4000),
)
def test_a_spread_sums_to_the_amount_exactly_and_each_year_is_within_an_ore_of_its_share(ore, start, length):
    from finplan.portfolio.spread import days_per_year, spread

    amount = Decimal(ore) / 100
    end = start + timedelta(days=length)
    parts = spread(amount, start, end)
    assert sum(parts.values()) == amount
    days = days_per_year(start, end)
    assert list(parts) == list(days)
    for year, part in parts.items():
        assert abs(part - amount * days[year] / (length + 1)) <= Decimal("0.01")
        assert part == part.quantize(Decimal("0.01"))


def test_the_documented_frames_file_gives_the_documented_finding(tmp_path, monkeypatch):
    text = (ROOT / "docs" / "summary.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)
    (documented,) = re.findall(r"^    (frames\.yaml:.*)$", text, re.MULTILINE)
    (tmp_path / "frames.yaml").write_text(example, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = run_finplan("summary", SEED, "--frames", "frames.yaml")
    assert [line for line in run.output.splitlines() if line.startswith("frames.yaml:")] == [documented]


def test_a_plan_without_case_period_or_status_is_summarised_as_not_stated_and_not_placed(tmp_path):
    # The plan format is to let these be left out; the portfolio already reads them as absent.
    from finplan.portfolio.aggregate import collect
    from finplan.portfolio.figures import keep_figures
    from finplan.report.portfolio import json as summary_json

    result = check_file(SEED)
    seed = result.plan
    project = seed.project.model_copy(update={"period": None, "case": None})
    lines = [seed.financing[0].model_copy(update={"status": None}), *seed.financing[1:]]
    result.plan = seed.model_copy(update={"project": project, "financing": lines})
    portfolio = collect([keep_figures(result)], {result.file: "seed.yaml"})
    assert portfolio.plans[0].label == "seed.yaml"
    assert all(money.placement.how == "unplaced" for money in portfolio.lines)
    status = {r.key: r.total for r in portfolio.tables["SEK"][3].rows}
    assert status["not stated"] == Decimal("2658128") and sum(status.values()) == Decimal("38566657")
    document = summary_json.document(portfolio)
    assert document["plans"][0]["period"] is None and document["plans"][0]["lines"][0]["status"] is None
    schema = json.loads(
        importlib.resources.files("finplan.report.portfolio").joinpath("summary.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.Draft202012Validator(schema).validate(document)
    from rich.console import Console

    from finplan.files import Folder
    from finplan.report.portfolio import html, text

    console = Console(file=io.StringIO(), width=120)
    portfolio.full = True
    text.render(portfolio, console)
    assert "Not placed in years" in console.file.getvalue()
    assert html.render(portfolio, Folder(tmp_path / "site")) == 2
    assert "no period" in (tmp_path / "site" / "plans" / "0001-en-attraktiv-region.html").read_text(encoding="utf-8")


def test_plans_checked_over_the_cores_are_summed_as_in_one_process(tmp_path, monkeypatch):
    import finplan.batch

    for index in range(10):  # ten projects, each of the seed's figures
        seed = SEED.read_text(encoding="utf-8").replace("RUN/99/2019", f"RUN/{index}/2019")
        (tmp_path / f"plan-{index}.yaml").write_text(seed.replace("En attraktiv region", f"Region {index}"), encoding="utf-8")
    one_process = summary_json(tmp_path)
    monkeypatch.setattr(finplan.batch, "PARALLEL_FROM", 4)
    monkeypatch.setattr(finplan.cli.os, "cpu_count", lambda: 2)
    assert summary_json(tmp_path) == one_process
    assert table(one_process, "appropriation")["sum"]["total"] == "385666570"


def test_the_text_lists_the_first_40_spread_lines_and_says_how_many_more(tmp_path):
    for index in range(21):
        (tmp_path / f"plan-{index:02d}.yaml").write_text(distinct(MINIMAL, index), encoding="utf-8")
    run = run_finplan("summary", tmp_path, "--full")
    spread = run.output.split("Spread by days over their period")[1]
    assert spread.count("2020-01-01 – 2021-12-31") == 40
    assert "… 2 more" in spread
    assert len(summary_json(tmp_path)["plans"]) == 21


def _aid_plan(case: str, start: str, amount: str, currency: str = "EUR", profiles: str = "") -> str:
    return (
        f"finplan: 1\n{profiles}project:\n  case: {case}\n  name: Projekt {case}\n  owner: Regionen\n"
        f"  period: {{start: {start}, end: {start[:4]}-12-31}}\ncurrency: {currency}\ntotal: {amount}\nfinancing:\n"
        f"  - {{id: stod, financier: Regionen, sector: public, form: cash, status: decided, amount: {amount},\n"
        f"     de_minimis: {{undertaking: 556677-8899}}}}\n"
    )


def test_de_minimis_aid_to_one_undertaking_is_added_across_plans_over_three_years(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a.yaml").write_text(_aid_plan("A/1", "2024-03-01", "200000"), encoding="utf-8")
    (folder / "b.yaml").write_text(_aid_plan("B/1", "2025-03-01", "150000"), encoding="utf-8")
    run = run_finplan("summary", folder)
    assert run.exit_code == 1, run.output
    (line,) = [line for line in run.output.splitlines() if " FP804 " in line]
    assert "the de minimis aid to 556677-8899 in the three years to 2025-03-01 is 350 000 EUR across 2 plan lines" in line
    assert "the ceiling is 300 000 EUR: 50 000 EUR over; largest first: A/1 `stod` 200 000 EUR, B/1 `stod` 150 000 EUR" in line


def test_de_minimis_aid_more_than_three_years_apart_is_not_added(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a.yaml").write_text(_aid_plan("A/1", "2024-03-01", "200000"), encoding="utf-8")
    (folder / "b.yaml").write_text(_aid_plan("B/1", "2027-03-01", "150000"), encoding="utf-8")
    run = run_finplan("summary", folder)
    assert run.exit_code == 0 and " FP804 " not in run.output, run.output


def test_de_minimis_aid_that_cannot_be_put_in_euro_is_named_not_passed_over(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a.yaml").write_text(_aid_plan("A/1", "2024-03-01", "200000", currency="SEK"), encoding="utf-8")
    run = run_finplan("summary", folder)
    (line,) = [line for line in run.output.splitlines() if " FP805 " in line]
    assert "`stod` is de minimis aid to 556677-8899 but is not counted across plans: no rate from SEK to euro" in line


def test_a_summary_of_the_seven_example_plans_reads_on_one_screen_and_full_shows_every_table():
    short = run_finplan("summary", BUDGETS, env={"COLUMNS": "100"})
    assert short.exit_code == 0, short.output
    lines = [line.rstrip() for line in short.output.splitlines()]
    assert len(lines) <= 45, short.output  # one screen
    assert lines[0] == "Financing per year by status (kr)"
    (year_2020,) = [line for line in lines if line.startswith("2020 ")]
    assert re.split(r"\s{2,}", year_2020.strip()) == ["2020", "–", "6 439 505,85", "6 439 505,51", "12 879 011,36"]
    assert "Financing by appropriation (kr)" in short.output and "Financing per year by financier" not in short.output
    assert "21 spread by days over their period, 3 not placed in years (`--full` lists them)" in short.output
    full = run_finplan("summary", BUDGETS, "--full", env={"COLUMNS": "100"})
    assert "Financing per year by financier (kr)" in full.output and "Spread by days over their period" in full.output
    assert len(full.output.splitlines()) > 150
    assert lines[-1] == full.output.splitlines()[-1]  # the same sums


def test_a_run_of_one_year_is_titled_by_that_year_alone():
    run = run_finplan("summary", BUDGETS, "--full", env={"COLUMNS": "100"})
    assert "Financing per year by appropriation (kr), 2027" in [line.rstrip() for line in run.output.splitlines()]
    assert "Financing per year by appropriation (kr), 2019–2023" in run.output
    assert "2027–2027" not in run.output


def test_the_frames_table_prints_every_amount_in_kronor(write):
    frames = write(FRAME_2020, "frames.yaml")
    run = run_finplan("summary", SEED, "--frames", frames, env={"COLUMNS": "120"})
    (row,) = [line for line in run.output.splitlines() if line.startswith("Reg.tillväxt (anslag 1:1) ") and " 2020 " in line]
    amounts = [found.strip() for found in re.findall(r" −?\d{1,3}(?: \d{3})*(?:,\d\d)? kr", row)]
    assert amounts == ["5 000 000 kr", "0 kr", "6 439 505,85 kr", "0 kr", "0 kr", "−1 439 505,85 kr"]


def test_the_documented_overview_is_the_summary_of_budgets():
    text = (ROOT / "docs" / "summary.md").read_text(encoding="utf-8")
    documented = text.split("plans take about 40 lines:\n\n")[1].split("\n\n`--full`")[0]
    shown = [line.rstrip() for line in run_finplan("summary", BUDGETS, env={"COLUMNS": "100"}).output.splitlines()]
    for line in documented.splitlines():
        line = line.removeprefix("    ")
        if line and line != "..." and not line.startswith("─"):
            assert line in shown, line
