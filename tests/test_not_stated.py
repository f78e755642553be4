"""Plans read from documents other than an application: their kind, the amounts they leave unstated,
a decision's conditions and the sums they cite, through every command and format a user runs."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import PLANS, ROOT, run_finplan

from finplan.check import check_bytes
from finplan.known import total_range
from finplan.loader import load_file

EXCERPT = ROOT / "budgets" / "exempel-beslutsutdrag.yaml"
SOURCES = sorted((PLANS / "valid").glob("*.yaml")) + sorted((ROOT / "budgets").glob("*.yaml"))


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return f"{value:f}" if isinstance(value, Decimal) else value


def as_excerpt(plan: Path) -> str:
    """The plan as a decision excerpt that prints no total and every second financing and cost line without
    its amount."""
    data = _plain(load_file(plan).data)
    data.pop("total", None)
    data["project"]["document"] = "decision_excerpt"
    for section in ("financing", "outside_total", "costs"):
        for line in (data.get(section) or [])[1::2]:
            line.pop("amount", None)
            for part in line.get("split") or ():
                part.setdefault("share", "50 %") if "amount" in part and "share" not in part else None
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def excerpts(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("excerpts")
    for plan in SOURCES:
        (folder / plan.name).write_text(as_excerpt(plan), encoding="utf-8")
    return folder


def test_every_plan_read_as_an_excerpt_is_checked(excerpts):
    for plan in sorted(excerpts.glob("*.yaml")):
        result = check_bytes(plan.read_bytes(), plan.name)
        assert result.readable, (plan.name, [str(f.message) for f in result.findings])
        assert "FP000" not in {finding.code for finding in result.findings}, plan.name


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "github", "sarif", "junit", "gitlab", "markdown"])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_format_writes_plans_that_leave_amounts_unstated(excerpts, fmt, lang):
    run = run_finplan("--lang", lang, "check", "-o", fmt, excerpts)
    assert run.exit_code in (0, 1), run.output
    assert "a bug in finplan" not in run.output


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "xlsx"])
def test_the_summary_adds_up_the_amounts_that_are_stated(excerpts, tmp_path, fmt):
    out = tmp_path / f"summary.{fmt}"
    run = run_finplan("summary", "-o", fmt, "--output", out, excerpts)
    assert run.exit_code in (0, 1), run.output
    if fmt == "json":
        schema = json.loads((ROOT / "src/finplan/report/portfolio/summary.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(json.loads(out.read_text(encoding="utf-8")))


def test_the_html_report_says_amount_not_stated(excerpts, tmp_path):
    run = run_finplan("report", "--html", tmp_path / "html", excerpts)
    assert run.exit_code in (0, 1), run.output
    pages = "".join(page.read_text(encoding="utf-8") for page in (tmp_path / "html").rglob("*.html"))
    assert "amount not stated" in pages


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_the_diff_of_a_plan_and_its_excerpt_says_amount_not_stated(excerpts, fmt):
    for plan in SOURCES[::5]:
        run = run_finplan("diff", "-o", fmt, plan, excerpts / plan.name)
        assert run.exit_code in (0, 1), run.output
    run = run_finplan("diff", PLANS / "valid" / "split.yaml", excerpts / "split.yaml")
    assert "amount not stated" in run.output


def test_a_memo_is_written_and_checked_from_a_plan_that_leaves_amounts_unstated(excerpts, tmp_path):
    for plan in sorted(excerpts.glob("*.yaml")):
        memo = run_finplan("memo", "render", plan)
        assert memo.exit_code == 0, memo.output
        if "belopp ej angivet" not in memo.output:
            continue
        (tmp_path / "memo.txt").write_text(memo.output, encoding="utf-8")
        run = run_finplan("memo", "check", plan, tmp_path / "memo.txt")
        assert run.exit_code in (0, 1), run.output
        assert "FP701" not in run.output and "FP702" not in run.output, run.output


def test_the_decision_excerpt_reads_in_its_report():
    run = run_finplan("check", EXCERPT)
    assert "read from a decision excerpt: rules only an application can satisfy are not run (FP304, FP402)" in run.output
    assert "total amount not stated; 987 654,32 kr to 1 012 658,23 kr by the printed shares" in run.output
    assert "decided on conditions" in run.output and "att övrig medfinansiering beviljas" in run.output
    assert "at least 400 000 kr" in run.output
    assert "12 800 000 kr" in run.output  # cited, never summed:
    assert "FP101" not in run.output
    swedish = run_finplan("--lang", "sv", "check", EXCERPT)
    assert "totalt belopp ej angivet; 987 654,32 kr till 1 012 658,23 kr enligt de tryckta andelarna" in swedish.output
    assert "hämtad ur en handling av slaget beslutsutdrag" in swedish.output
    assert "beslutad med villkor" in swedish.output


def test_a_memo_of_the_excerpt_says_what_it_does_not_print():
    run = run_finplan("memo", "render", EXCERPT)
    assert "vars totala belopp inte anges" in run.output
    assert "Härnösands kommun (belopp ej angivet)" in run.output
    assert "400\u00a0000\u00a0kronor (beslutat med villkor)" in run.output  # "under förutsättning att ..."
    assert "minst 400\u00a0000\u00a0kr" in run.output


def test_a_printed_share_gives_the_total_within_half_its_last_digit():
    plan = check_bytes(EXCERPT.read_bytes(), "excerpt").plan
    assert total_range(plan) == (Decimal("987654.32"), Decimal("1012658.23"))
    text = EXCERPT.read_text(encoding="utf-8").replace("share: 40 %", "share: '40,00 %'")
    assert total_range(check_bytes(text.encode(), "excerpt").plan) == (Decimal("999875.01"), Decimal("1000125.02"))


def test_a_cited_sum_is_never_the_total_nor_summed():
    text = (PLANS / "valid" / "cited-sums.yaml").read_text(encoding="utf-8")
    run = run_finplan("summary", PLANS / "valid" / "cited-sums.yaml")
    assert "128 600 000" not in run.output
    assert "1 000 kr of financing (the plans' totals)" in run.output
    assert "128 600 000" in text


def test_only_an_application_is_held_to_what_only_an_application_gives():
    assert "on a plan read from another document (`project.document`), a note." in run_finplan("rule", "FP412").output
    assert "not run." in run_finplan("rule", "FP304").output
    plan = PLANS / "invalid" / "fp412-a-note-on-a-decision.yaml"
    as_application = plan.read_text(encoding="utf-8").replace("  document: decision\n", "")
    result = check_bytes(as_application.encode(), "application.yaml")
    assert [(f.code, str(f.severity)) for f in result.findings] == [("FP402", "info"), ("FP412", "warning")]


def test_a_team_that_grades_a_rule_up_grades_it_for_applications(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text((PLANS / "invalid" / "fp412-a-note-on-a-decision.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "finplan.toml").write_text('[severity]\nFP412 = "error"\n', encoding="utf-8")
    run = run_finplan("check", plan)
    assert "FP412 info" in run.output, run.output


def test_the_schema_asks_an_application_for_every_amount():
    schema = json.loads(run_finplan("schema").output)
    validator = jsonschema.Draft202012Validator(schema)
    excerpt = _plain(load_file(EXCERPT).data)
    assert not list(validator.iter_errors(excerpt))
    del excerpt["project"]["document"]
    assert list(validator.iter_errors(excerpt))
    excerpt["project"]["document"] = "application"
    assert list(validator.iter_errors(excerpt))


SPLIT_UNSTATED = """\
finplan: 1
project: {name: Bygdeprojektet, owner: Byalaget, document: decision_excerpt}
financing:
  - id: leader
    financier: Leader Testbygd
    sector: public
    form: cash
    split:
      - {payer: EU och staten, share: 67 %}
      - {payer: LAG, share: 33 %}
  - {id: egen, financier: Byalaget, sector: private, form: cash, amount: 100 000}
"""


@pytest.mark.parametrize("fmt, suffix", [("text", ".txt"), ("markdown", ".md"), ("html", ".html"), ("docx", ".docx")])
def test_a_split_line_whose_amount_is_unstated_has_parts_of_no_amount(tmp_path, fmt, suffix):
    plan = tmp_path / "plan.yaml"
    plan.write_text(SPLIT_UNSTATED, encoding="utf-8")
    checked = run_finplan("check", plan)
    assert checked.exit_code == 0, checked.output
    assert "EU och staten" in checked.output and "amount not stated" in checked.output
    memo = tmp_path / f"memo{suffix}"
    assert run_finplan("memo", "render", plan, "--format", fmt, "--output", memo).exit_code == 0
    read = run_finplan("memo", "check", plan, memo)
    assert read.exit_code == 0, read.output
    assert "Traceback" not in read.output
    if suffix == ".txt":
        text = memo.read_text(encoding="utf-8")
        assert "fördelas på EU och staten belopp ej angivet (67\u00a0%) och LAG belopp ej angivet (33\u00a0%)" in text


MINUTES_NOTHING_STATED = """\
finplan: 1
project: {name: Digital infrastruktur, owner: Testkommunen, document: minutes}
financing:
  - {id: kommunen, financier: Testkommunen, sector: public, form: cash, status: decided}
  - {id: region, financier: Testregionen, sector: public, form: cash, status: applied}
costs:
  - {id: personal, category: staff}
  - {id: intakter, category: income}
"""


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_sum_of_lines_that_all_leave_their_amount_out_is_not_stated_never_0(tmp_path, fmt):
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINUTES_NOTHING_STATED, encoding="utf-8")
    run = run_finplan("check", "-o", fmt, plan)
    assert run.exit_code == 0, run.output
    sums = [line for line in run.output.splitlines() if "Sum" in line or "public" in line or "decided" in line]
    assert sums and all("amount not stated" in line and "0 kr" not in line for line in sums), run.output
    assert "at least 0 kr" not in run.output and "0 kr for the lines that state one" not in run.output
    # A group with no line at all sums to nothing, which is 0: the private financing.
    assert any("private" in line and "0 kr" in line for line in run.output.splitlines()), run.output


def test_a_printed_share_is_shown_with_the_decimals_the_document_prints(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(EXCERPT.read_text(encoding="utf-8").replace("share: 40 %", "share: '40,00 %'"), encoding="utf-8")
    run = run_finplan("check", plan)
    assert "40,00 % printed" in run.output, run.output


def test_the_kind_of_document_reads_as_english_and_swedish(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINUTES_NOTHING_STATED, encoding="utf-8")
    assert "read from meeting minutes: rules only an application" in run_finplan("check", plan).output
    assert "hämtad ur en handling av slaget protokoll:" in run_finplan("--lang", "sv", "check", plan).output
    news = tmp_path / "news.yaml"
    news.write_text(MINUTES_NOTHING_STATED.replace("document: minutes", "document: news"), encoding="utf-8")
    assert "read from a news item: rules only" in run_finplan("check", news).output


def test_a_summary_of_plans_that_state_no_total_never_reads_their_totals_as_0_kr(tmp_path):
    (tmp_path / "excerpt.yaml").write_text(EXCERPT.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "minutes.yaml").write_text(MINUTES_NOTHING_STATED, encoding="utf-8")
    run = run_finplan("summary", tmp_path)
    assert "400 000 kr of financing stated (no plan states its total)" in run.output, run.output
    assert "totals: 0 kr" not in run.output
    swedish = run_finplan("--lang", "sv", "summary", tmp_path)
    assert "400 000 kr i angiven finansiering (ingen plan anger sin total)" in swedish.output, swedish.output
    report = run_finplan("report", "--html", tmp_path / "html", tmp_path)
    assert report.exit_code in (0, 1), report.output
    pages = "".join(page.read_text(encoding="utf-8") for page in (tmp_path / "html").rglob("*.html"))
    assert "no plan states its total" in pages and "totals: 0 kr" not in pages


def test_a_plan_page_charts_only_the_amounts_that_are_stated(tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "excerpt.yaml").write_text(
        EXCERPT.read_text(encoding="utf-8").replace("  decided: 2025-03-12\n", "  decided: 2025-03-12\n  period: {start: 2025-04-01, end: 2026-03-31}\n"),
        encoding="utf-8",
    )
    (tmp_path / "plans" / "minutes.yaml").write_text(MINUTES_NOTHING_STATED, encoding="utf-8")
    run = run_finplan("report", "--html", tmp_path / "html", tmp_path / "plans")
    assert run.exit_code in (0, 1), run.output
    pages = {page.name: page.read_text(encoding="utf-8") for page in (tmp_path / "html" / "plans").glob("*.html")}
    excerpt = next(text for name, text in pages.items() if "kustnara" in name)
    minutes = next(text for name, text in pages.items() if "digital" in name)
    chart = excerpt[excerpt.index('aria-label="Financing by financier and year'):]
    chart = chart[: chart.index("</svg>")]
    assert "Anslag 1:1" in chart and "Härnösands kommun" not in chart  # named in the legend only with money
    assert 'aria-label="Financing by financier and year' not in minutes  # nothing stated: no chart of 0 kr
    assert "amount not stated" in minutes


def test_a_diff_never_sums_unstated_amounts_as_0_in_its_subtotals(tmp_path):
    before, after = tmp_path / "before.yaml", tmp_path / "after.yaml"
    before.write_text(MINUTES_NOTHING_STATED, encoding="utf-8")
    after.write_text(MINUTES_NOTHING_STATED.replace("status: applied}", "status: applied, amount: 1 000 000}"), encoding="utf-8")
    run = run_finplan("diff", before, after)
    rows = {line.split()[0]: line for line in run.output.splitlines() if line.startswith(("public ", "applied ", "decided "))}
    assert "amount not stated" in rows["public"] and "at least 1 000 000 kr" in rows["public"], run.output
    assert "+1 000 000 kr" not in run.output  # the public financing was not 0 kr before: its change is not known
    assert rows["applied"].split()[1:6] == ["amount", "not", "stated", "1", "000"], run.output
    assert "amount not stated" in rows["decided"] and " 0 kr" not in rows["decided"], run.output
    document = json.loads(run_finplan("diff", "-o", "json", before, after).output)
    public = next(s for s in document["plans"][0]["subtotals"] if s["value"] == "public")
    assert (public["old_unstated"], public["new_unstated"], public["change"]) == (2, 1, None)


def test_a_memo_of_minutes_that_state_no_amount_never_sums_them_to_0(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINUTES_NOTHING_STATED, encoding="utf-8")
    memo = run_finplan("memo", "render", plan)
    assert memo.exit_code == 0, memo.output
    summa = next(line for line in memo.output.splitlines() if line.startswith("Summa"))
    assert "belopp ej angivet" in summa and "0 kr" not in summa, memo.output
    (tmp_path / "memo.txt").write_text(memo.output, encoding="utf-8")
    assert run_finplan("memo", "check", plan, tmp_path / "memo.txt").exit_code == 0


DECISION_TOTAL_STATED = """\
finplan: 1
project: {name: Byastugan, owner: Byalaget, document: decision, period: {start: 2024-01-01, end: 2024-12-31}}
total: 200 000
financing:
  - {id: stod, financier: Leader Testbygd, sector: public, form: cash, amount: 140 000}
  - {id: lokal, financier: Byalaget, sector: private, form: in_kind, resource: premises}
  - {id: maskin, financier: Byalaget, sector: private, form: in_kind, resource: equipment, amount: 6 000}
  - {id: tid, financier: Testkommunen, sector: public, form: in_kind, amount: 30 000}
"""


def test_shares_of_a_sum_that_holds_an_unstated_line_read_at_least(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(DECISION_TOTAL_STATED, encoding="utf-8")
    run = run_finplan("check", plan)
    assert "at least 176 000 kr at least 88,00 %" in run.output, run.output
    assert "at least 36 000 kr at least 18,00 %" in run.output, run.output  # in kind, as private: lokal is unstated
    markdown = run_finplan("check", "-o", "markdown", plan)
    assert "| private | at least 6 000 kr | at least 3,00 % |" in markdown.output, markdown.output


def test_a_memo_of_a_decision_with_its_total_and_an_unstated_line_checks_clean(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(DECISION_TOTAL_STATED, encoding="utf-8")
    memo = run_finplan("memo", "render", plan)
    assert "minst 176\u00a0000\u00a0kr" in memo.output and "minst 88,00\u00a0%" in memo.output, memo.output
    (tmp_path / "memo.txt").write_text(memo.output, encoding="utf-8")
    run = run_finplan("memo", "check", plan, tmp_path / "memo.txt")
    assert run.exit_code == 0, run.output
    assert "FP702" not in run.output and "FP708" not in run.output, run.output  # lokal was read as left out, at 0 kr


def test_the_json_report_says_a_caps_base_is_the_total_the_printed_shares_give():
    document = json.loads(run_finplan("check", "-o", "json", EXCERPT).output)
    schema = json.loads((ROOT / "src/finplan/report/check/json-report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    (cap,) = document["files"][0]["limits"]
    # 400 000 kr as 40 % of the total: 987 654,32 to 1 012 658,23 kr, not a total the excerpt states.
    assert cap["base"]["by_printed_shares"] is True
    base, slack = Decimal(cap["base"]["amount"]), Decimal(cap["base"]["slack"])
    assert (base - slack, base + slack) == (Decimal("987654.32"), Decimal("1012658.23"))


def test_a_summary_makes_no_row_of_lines_whose_amounts_are_all_unstated(tmp_path):
    (tmp_path / "excerpt.yaml").write_text(EXCERPT.read_text(encoding="utf-8"), encoding="utf-8")
    run = run_finplan("summary", "--full", tmp_path)
    kinds = run.output[run.output.index("Financing per year by kind"):]
    kinds = kinds[: kinds.index("\n\n")]
    # The excerpt names the municipality's cash and the association's time without amounts: no row of 0.
    assert "public cash" in kinds and "private in kind" not in kinds, run.output
    assert "Härnösands kommun" not in run.output.split("Not placed in years")[0], run.output
    assert "kommunen" in run.output.split("Not placed in years")[1] and "amount not stated" in run.output
