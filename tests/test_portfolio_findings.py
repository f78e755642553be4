"""The plans a portfolio leaves out of its sums, named at the top of every format: a second copy of a
project (FP806), a plan failing its check (FP807), a plan that cannot be read (FP808)."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal

import pytest
from conftest import MINIMAL, SEED, run_finplan

SEED_TOTAL = Decimal("38566657")
MINIMAL_TOTAL = Decimal("1000")


@pytest.fixture
def folder(tmp_path):
    """Plans as an officer's folder holds them: the seed and a copy, another project, one failing, one broken."""
    plans = tmp_path / "plans"
    plans.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    (plans / "a-seed.yaml").write_text(seed, encoding="utf-8")
    (plans / "b-seed-copy.yaml").write_text(seed, encoding="utf-8")
    (plans / "c-minimal.yaml").write_text(MINIMAL, encoding="utf-8")
    failing = MINIMAL.replace("T/1/2020", "T/2/2020").replace("Testprojekt", "Annat projekt").replace("total: 1000", "total: 1200")
    (plans / "d-failing.yaml").write_text(failing, encoding="utf-8")
    (plans / "e-broken.yaml").write_text("finplan: 1\nproject: [\n", encoding="utf-8")
    return plans


def file_lines(output: str) -> list[tuple[str, str]]:
    """(file, code) of each `file: FPxxx severity message` line, in order."""
    return [(m[1], m[2]) for m in re.finditer(r"^(\S+): (FP80[678]) error ", output, re.MULTILINE)]


def test_text_names_each_plan_left_out_at_the_top_and_sums_each_project_once(folder):
    run = run_finplan("summary", folder)
    assert run.exit_code == 2, run.output  # a plan could not be read
    lines = run.output.splitlines()
    assert lines[0] == "2 of 5 plans added up; 3 left out of the sums"
    assert lines[1].startswith("e-broken.yaml:3:1: FP000 error ")
    assert file_lines(run.output) == [("e-broken.yaml", "FP808"), ("d-failing.yaml", "FP807"), ("b-seed-copy.yaml", "FP806")]
    assert "b-seed-copy.yaml: FP806 error the same case RUN/99/2019 as a-seed.yaml, which is counted; this file is left out of the sums" in lines
    assert "d-failing.yaml: FP807 error fails its check (1 code of error severity: FP101); left out of the sums (`--include-failing` counts it)" in lines
    assert "e-broken.yaml: FP808 error could not be read (FP000); left out of the sums" in lines
    assert lines[-1] == "2 plans summarised; 38 567 657 kr of financing (the plans' totals); 3 left out (named at the top)"


def test_include_failing_counts_the_failing_plan_and_keeps_its_finding(folder):
    run = run_finplan("summary", folder, "--include-failing")
    assert run.output.splitlines()[0] == "3 of 5 plans added up; 2 left out of the sums"
    assert "d-failing.yaml: FP807 error fails its check (1 code of error severity: FP101); counted, as `--include-failing` asks" in run.output
    assert "3 plans summarised; 38 568 657 kr of financing (the plans' totals: 38 568 857 kr); 1 fails its check" in run.output


@pytest.mark.parametrize("include_failing", [False, True])
def test_json_has_the_counting_and_the_findings_first(folder, include_failing):
    run = run_finplan("summary", folder, "--format", "json", *(["--include-failing"] if include_failing else []))
    assert run.exit_code == 2
    document = json.loads(run.output)
    assert list(document)[:4] == ["finplan", "summary_format", "counting", "findings"]
    assert document["counting"] == {"plans": 5, "counted": 3 if include_failing else 2, "unreadable": 1, "include_failing": include_failing}
    assert [(f["file"], f["code"], f["severity"]) for f in document["findings"]] == [
        ("e-broken.yaml", "FP808", "error"), ("d-failing.yaml", "FP807", "error"), ("b-seed-copy.yaml", "FP806", "error"),
    ]
    counted = {plan["name"]: plan["counted"] for plan in document["plans"]}
    assert counted == {"a-seed.yaml": True, "b-seed-copy.yaml": False, "c-minimal.yaml": True, "d-failing.yaml": include_failing}
    sek = document["currencies"][0]
    expected = SEED_TOTAL + MINIMAL_TOTAL + (MINIMAL_TOTAL if include_failing else 0)
    assert Decimal(sek["financing"]) == expected
    assert [u["file"] for u in document["unreadable"]] == ["e-broken.yaml"]


def test_csv_and_the_swedish_csv_lead_with_the_findings(folder):
    records = list(csv.DictReader(io.StringIO(run_finplan("summary", folder, "--format", "csv").output)))
    assert [(r["table"], r["measure"], r["plans"]) for r in records[:3]] == [
        ("findings", "FP808", "e-broken.yaml"), ("findings", "FP807", "d-failing.yaml"),
        ("findings", "FP806", "b-seed-copy.yaml"),
    ]
    assert records[2]["row"].startswith("the same case RUN/99/2019 as a-seed.yaml") and records[2]["amount"] == ""
    (total,) = [r for r in records if r["table"] == "appropriation" and r["row"] == "Sum" and r["measure"] == "total"]
    assert Decimal(total["amount"]) == SEED_TOTAL + MINIMAL_TOTAL
    swedish = run_finplan("summary", folder, "--format", "csv-sv").output
    assert swedish.splitlines()[2].startswith("findings;;")


def test_xlsx_opens_on_the_findings(folder, tmp_path):
    from openpyxl import load_workbook

    book_path = tmp_path / "portfolio.xlsx"
    assert run_finplan("summary", folder, "--format", "xlsx", "--output", book_path).exit_code == 2
    book = load_workbook(book_path)
    assert book.sheetnames[0] == "Findings"
    rows = [[cell.value for cell in row] for row in book["Findings"].iter_rows()]
    assert rows[0][0] == "2 of 5 plans added up; 3 left out of the sums"
    assert rows[1] == ["File", "Code", "Severity", "Message"]
    assert [(row[0], row[1]) for row in rows[2:]] == [
        ("e-broken.yaml:3:1", "FP000"), ("e-broken.yaml", "FP808"), ("d-failing.yaml", "FP807"), ("b-seed-copy.yaml", "FP806"),
    ]
    assert all(cell.data_type == "s" for row in book["Findings"].iter_rows() for cell in row if cell.value is not None)
    assert book["Findings"].auto_filter.ref == "A2:D6"
    # The Sum row adds the counted plans' rows alone: the seed once, the failing plan not at all.
    sheet = book["Appropriation"]
    header = [cell.value for cell in sheet[1]]
    sums = list(sheet.iter_rows())[-1]
    assert sums[0].value == "Sum" and sums[header.index("Total")].value == f"=SUM(F2:F{sheet.max_row - 1})"
    money = [index for index, title in enumerate(header) if isinstance(title, int) or title == "Not in years"]
    cells = [row[index].value for row in list(sheet.iter_rows())[1:-1] for index in money]
    assert sum(Decimal(str(value)) for value in cells if value is not None) == SEED_TOTAL + MINIMAL_TOTAL


def test_a_workbook_of_plans_all_counted_says_so_first(tmp_path):
    from openpyxl import load_workbook

    book_path = tmp_path / "portfolio.xlsx"
    assert run_finplan("summary", SEED, "--format", "xlsx", "--output", book_path).exit_code == 0
    rows = [[cell.value for cell in row] for row in load_workbook(book_path)["Findings"].iter_rows()]
    assert rows[0][0] == "1 of 1 plan added up" and rows[2][0] == "None."


def test_html_index_has_a_banner_listing_the_plans_left_out_and_the_findings(folder, tmp_path):
    site = tmp_path / "site"
    run = run_finplan("report", folder, "--html", site)
    assert run.exit_code == 2
    index = (site / "index.html").read_text(encoding="utf-8")
    banner = re.search(r'<div class="banner"[^>]*data-plans="5" data-counted="2"[^>]*><strong>(.*?)</strong>(.*?)</div>', index)
    assert banner is not None and banner[1] == "2 of 5 plans added up; 3 left out of the sums"
    assert re.findall(r'<li data-code="(FP80\d)" data-file="([^"]+)">', banner[2]) == [
        ("FP808", "e-broken.yaml"), ("FP807", "d-failing.yaml"), ("FP806", "b-seed-copy.yaml"),
    ]
    assert index.index('class="banner"') < index.index("<nav>")
    findings = index.split("<h2>Findings</h2>")[1]
    assert "b-seed-copy.yaml: FP806" in findings and "which is counted; this file is left out of the sums" in findings
    # The headline's sums are the counted plans', the seed once.
    assert "<p class=\"lead\">2 plans · 38 567 657 kr of financing (the plans&#x27; totals)" in index
    assert run_finplan("report", folder, "--html", tmp_path / "all", "--include-failing").exit_code == 2
    # A plan left out says so on its own page, at the top, as the banner does; a counted plan's page does not.
    pages = {}
    for page in (site / "plans").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        pages[re.search(r'<p class="lead">[^<]* · ([^ <]+)</p>', text)[1]] = text
    told = {name: re.findall(r'<p class="verdict failed">([^<]*)</p>', text) for name, text in pages.items()}
    assert told["b-seed-copy.yaml"] == [
        "the same case RUN/99/2019 as a-seed.yaml, which is counted; this file is left out of the sums"
    ]
    assert told["d-failing.yaml"][-1].startswith("fails its check (1 code of error severity: FP101); left out of the sums")
    assert told["a-seed.yaml"] == [] and told["c-minimal.yaml"] == []


def test_a_site_of_plans_all_counted_has_a_quiet_banner(tmp_path):
    run_finplan("report", SEED, "--html", tmp_path / "site")
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="banner"[^>]*><strong>1 of 1 plan added up</strong></div>', index)


def test_the_same_name_owner_and_period_without_a_case_is_a_second_copy(tmp_path):
    without_case = MINIMAL.replace("  case: T/1/2020\n", "")
    (tmp_path / "one.yaml").write_text(without_case, encoding="utf-8")
    (tmp_path / "two.yaml").write_text(without_case.replace("{id: a,", "{id: a2,"), encoding="utf-8")
    (tmp_path / "other.yaml").write_text(without_case.replace("end: 2021-12-31", "end: 2022-12-31"), encoding="utf-8")
    run = run_finplan("summary", tmp_path)
    assert run.exit_code == 1, run.output
    assert file_lines(run.output) == [("two.yaml", "FP806")]
    assert "the same project `Testprojekt`, owner Testregionen and period as one.yaml, which is counted" in run.output
    assert "2 plans summarised; 2 000 kr of financing" in run.output


def test_two_projects_pass_and_exit_0(tmp_path):
    (tmp_path / "one.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "two.yaml").write_text(MINIMAL.replace("T/1/2020", "T/2/2020").replace("Testprojekt", "Nästa"), encoding="utf-8")
    run = run_finplan("summary", tmp_path)
    assert run.exit_code == 0 and " FP80" not in run.output and "added up" not in run.output


def test_a_failing_plan_alone_makes_exit_1_with_or_without_include_failing(tmp_path):
    (tmp_path / "failing.yaml").write_text(MINIMAL.replace("total: 1000", "total: 1200"), encoding="utf-8")
    assert run_finplan("summary", tmp_path).exit_code == 1
    assert run_finplan("summary", tmp_path, "--include-failing").exit_code == 1
    assert run_finplan("report", tmp_path, "--html", tmp_path / "site").exit_code == 1


def test_plans_outside_the_working_folder_are_named_from_the_folder_checked(folder, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    run = run_finplan("summary", folder)
    assert "b-seed-copy.yaml: FP806 error the same case RUN/99/2019 as a-seed.yaml" in run.output
    assert str(tmp_path) not in run.output


def test_the_codes_are_documented_in_both_languages():
    for code in ("FP806", "FP807", "FP808"):
        assert run_finplan("rule", code).exit_code == 0
        assert "Underkänns:" in run_finplan("rule", code, "--lang", "sv").output


def test_the_documented_folder_gives_the_documented_lines(tmp_path, monkeypatch):
    from conftest import ROOT

    text = (ROOT / "docs" / "summary.md").read_text(encoding="utf-8")
    documented = text.split("    $ finplan summary budgets\n")[1].split("\n\n")[0].splitlines()
    budgets = tmp_path / "budgets"
    budgets.mkdir()
    for plan in (ROOT / "budgets").glob("*.yaml"):
        (budgets / plan.name).write_bytes(plan.read_bytes())
    (budgets / "attraktiv-v2.yaml").write_bytes(SEED.read_bytes())
    leader = budgets / "exempel-leader.yaml"
    leader.write_text(leader.read_text(encoding="utf-8").replace("total: 600 000", "total: 600 001"), encoding="utf-8")
    (budgets / "trasig.yaml").write_text("finplan: 1\nproject: [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    lines = [line.rstrip() for line in run_finplan("summary", "budgets").output.splitlines()]
    for line in documented:
        line = line.removeprefix("    ")
        if line == "...":
            continue
        if line.endswith(", ..."):
            assert any(shown.startswith(line.removesuffix("...")) for shown in lines), line
        else:
            assert line in lines, line
