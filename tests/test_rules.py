"""Each rule's message says what was found, what was expected and the difference."""

from __future__ import annotations

import re

import pytest
from conftest import MINIMAL, PLANS, SUMMARY_CODE, run_finplan

from finplan.loader import parse_text
from finplan.model import settings_of
from finplan.rules import RULES
from finplan.rules.engine import run_rules
from finplan.shape import build_plan


def findings_of(text: str) -> list[tuple[str, int, str]]:
    document = parse_text(text)
    plan, shape = build_plan(document)
    assert shape == [], shape
    found = run_rules(plan, RULES, document.source.locate, settings_of(plan))
    return [(f.code, f.position.line, f.message) for f in found if f.code != SUMMARY_CODE]


WITH_COSTS = MINIMAL + """costs:
  - {id: staff, category: staff, amount: 800, per_year: {2020: 400, 2021: 400}}
  - {id: travel, category: travel, amount: 250, per_year: {2020: 100, 2021: 150}}
  - {id: fees, category: income, amount: -50, per_year: {2020: -50, 2021: 0}}
"""
BROKEN_DOWN = WITH_COSTS.replace("amount: 600}", "amount: 600, per_year: {2020: 300, 2021: 300}}").replace(
    "amount: 400}", "amount: 400, per_year: {2020: 150, 2021: 250}}"
)


def test_a_balanced_plan_has_no_findings():
    assert findings_of(BROKEN_DOWN) == []


def test_fp101_names_both_sums_and_the_gap():
    assert findings_of(MINIMAL.replace("total: 1000", "total: 999.50")) == [
        ("FP101", 7, "the financing lines sum to 1 000 kr, the declared total is 999,50 kr: 0,50 kr over")
    ]


def test_fp102_counts_income_as_negative():
    text = WITH_COSTS.replace("amount: -50", "amount: -150").replace("{2020: -50, 2021: 0}", "{2020: -50, 2021: -100}")
    assert ("FP102", 7, "the cost lines sum to 900 kr, the declared total is 1 000 kr: 100 kr short") in findings_of(text)


def test_fp103_names_the_line():
    text = BROKEN_DOWN.replace("{2020: 150, 2021: 250}", "{2020: 150, 2021: 200}")
    assert ("FP103", 10, "the yearly breakdown of `b` sums to 350 kr, its amount is 400 kr: 50 kr short") in findings_of(text)


def test_fp104_names_each_unbalanced_year():
    text = BROKEN_DOWN.replace("{2020: 400, 2021: 400}", "{2020: 500, 2021: 300}")
    assert [f for f in findings_of(text) if f[0] == "FP104"] == [
        ("FP104", 11, "in 2020 the costs are 550 kr and the financing is 450 kr: costs 100 kr over"),
        ("FP104", 11, "in 2021 the costs are 450 kr and the financing is 550 kr: costs 100 kr short"),
    ]


def test_fp105_lists_the_lines_without_a_breakdown():
    text = BROKEN_DOWN.replace(", per_year: {2020: 100, 2021: 150}", "")
    assert findings_of(text) == [
        ("FP105", 11, "financing and costs are not compared year by year: 1 of 5 lines has no yearly breakdown (travel)")
    ]


def test_fp105_is_silent_when_no_line_is_broken_down():
    text = MINIMAL + "costs:\n  - {id: staff, category: staff, amount: 1000}\n"
    assert findings_of(text) == []


def test_fp201_counts_the_days():
    text = MINIMAL.replace("{start: 2020-01-01, end: 2021-12-31}", "{start: 2020-01-02, end: 2020-01-01}")
    assert findings_of(text) == [
        ("FP201", 6, "the period ends 2020-01-01 but starts 2020-01-02: the end is 1 day before the start; expected an end on or after the start")
    ]


def test_fp202_uses_the_lines_own_period():
    text = MINIMAL.replace(
        "amount: 400}", "amount: 400, period: {start: 2021-01-01, end: 2021-12-31}, per_year: {2020: 100, 2021: 300}}"
    )
    assert findings_of(text) == [
        ("FP202", 10, "`b` has money in 2020, outside its period 2021-01-01 to 2021-12-31; expected only the years 2021")
    ]


def test_fp203_names_the_missing_years():
    text = MINIMAL.replace("{start: 2020-01-01, end: 2021-12-31}", "{start: 2019-10-01, end: 2022-09-30}").replace(
        "amount: 400}", "amount: 400, per_year: {2020: 200, 2021: 200}}"
    )
    assert findings_of(text) == [
        ("FP203", 10, "the yearly breakdown of `b` lacks 2019, 2022; expected every year of its period 2019-10-01 to 2022-09-30: 2019–2022")
    ]


def test_fp204_counts_days_outside_the_project():
    text = MINIMAL.replace("amount: 400}", "amount: 400, period: {start: 2019-12-31, end: 2022-01-02}}")
    assert findings_of(text) == [
        ("FP204", 10, "`b` starts 2019-12-31, 1 day before the project starts 2020-01-01; expected a start within the project period"),
        ("FP204", 10, "`b` ends 2022-01-02, 2 days after the project ends 2021-12-31; expected an end within the project period"),
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("total: 1000", "total: 0"), "the total is 0 kr; expected more than 0 kr"),
        (("amount: 400}", "amount: 0}"), "`b` is 0 kr; expected more than 0 kr"),
        (("amount: -50,", "amount: 0,"), "`fees` is 0 kr; expected less than 0 kr, as income reduces the costs"),
        (("{2020: -50, 2021: 0}", "{2020: -60, 2021: 10}"), "`fees` has 10 kr in 2021; expected 0 kr or less"),
    ],
)
def test_fp301_signs(change, message):
    assert message in [m for code, _, m in findings_of(WITH_COSTS.replace(*change)) if code == "FP301"]


def test_fp302_points_to_the_first_use():
    text = BROKEN_DOWN.replace("id: travel", "id: a")
    assert findings_of(text) == [("FP302", 13, "the id `a` is already used by `financing[0]`; expected an id of its own")]


def test_every_rule_documents_what_why_and_examples():
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    for rule in RULES:
        assert rule.summary and "Why:" in rule.doc and "Fails" in rule.doc and "Passes:" in rule.doc, rule.code


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        ("fp413-in-kind-basis-total", "the basis of `time` gives 774 000 kr (hours x rate), its amount is 800 000 kr: basis 26 000 kr short"),
        ("fp414-hours-per-year", "row 1 (Handläggare) of the basis of `time` gives 1 000 hours per person and year (2 000 hours, 1 person, 2 years); expected at most 860 (1 720 x 50 %): 140 hours over"),
        ("fp415-hourly-rate", "row 1 of the basis of `time` has an hourly rate of 450 kr; a monthly salary of 35 000 kr x 12 / 1 720 plus 39,15 % payroll overhead gives 339,78 kr: rate 110,22 kr over"),
        ("fp411-in-kind-balance", "the in-kind cost lines are 300 kr and the in-kind financing is 400 kr: costs 100 kr short"),
        ("fp512-flat-rate-total", "`indirect` is 150 kr; 15 % of the staff costs, 800 kr, is 120 kr: 30 kr over"),
        ("fp513-flat-rate-limit", "`indirect` is 20 % of the staff costs; erdf_2021_2027 allows at most 15 %: 5 percentage points over"),
        ("fp521-advance-limit", "`grant` has an advance of 600 000 kr; at most 50 % of the grant, 500 000 kr: 100 000 kr over"),
        ("fp521-advance-limit", "`grant` has an advance of 600 000 kr; at most 400 000 kr: 200 000 kr over"),
    ],
)
def test_funding_rule_messages_name_found_expected_and_difference(plan, message):
    run = run_finplan("check", PLANS / "invalid" / f"{plan}.yaml")
    assert message in [f["message"] for f in run.findings()]


def test_a_plan_setting_changes_the_number_used_and_the_report_says_so(write):
    text = MINIMAL.replace("finplan: 1\n", "finplan: 1\nprofiles: [anslag_1_1]\nsettings: {anslag_1_1.max_share: 60 %}\n").replace(
        "status: decided, appropriation: Övriga medel, amount: 600}",
        "status: decided, appropriation: Reg.tillväxt, scheme: anslag_1_1, amount: 600}",
    )
    run = run_finplan("check", write(text))
    assert run.problems() == []
    assert re.search(r"anslag_1_1\.max_share\s+60 % \(set by the plan\)", run.output)
    assert re.search(r"anslag_1_1\s+a\s+600 kr\s+60,00 %\s+at most 600 kr\s+at the cap\s+60 % of the total 1 000 kr", run.output)


def test_in_kind_left_out_of_the_base_when_set(write):
    text = MINIMAL.replace("finplan: 1\n", "finplan: 1\nprofiles: [anslag_1_1]\nsettings: {anslag_1_1.in_kind_in_base: false}\n").replace(
        "status: decided, appropriation: Övriga medel, amount: 600}",
        "status: decided, appropriation: Reg.tillväxt, scheme: anslag_1_1, amount: 600}",
    ).replace("sector: private, form: cash", "sector: private, form: in_kind")
    run = run_finplan("check", write(text))
    messages = [f["message"] for f in run.findings() if f["code"] == "FP501"]
    assert messages == [
        "`a` is 600 kr, 100,00 % of the total less in kind 600 kr; the cap of anslag_1_1 (Förordning (2003:596) 5 § in the wording of SFS 2009:674, "
        "in force to 2022-12-31) is 50 %, 300 kr: "
        "300 kr over, beyond the rounding tolerance of 0,50 kr"
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "{id: f, category: flat_rate, amount: 100, flat_rate: {option: staff_of_other_direct, rate: 20 %}}",
            "`f` is staff costs as a flat rate; expected `category: staff` for it",
        ),
        (
            "{id: f, category: staff, amount: 100, flat_rate: {option: indirect_of_staff, rate: 15 %}}",
            "`f` is a staff line with the flat rate indirect_of_staff; expected `staff_of_other_direct` "
            "or a line of its own with `category: flat_rate`",
        ),
        (
            "{id: f, category: travel, amount: 100, flat_rate: {option: indirect_of_staff, rate: 15 %}}",
            "`f` is travel with a flat rate; expected a flat rate only on a `flat_rate` or `staff` line",
        ),
    ],
)
def test_fp511_a_flat_rate_stands_only_where_it_belongs(line, message):
    text = MINIMAL + "costs:\n  - {id: staff, category: staff, amount: 900}\n  - " + line + "\n"
    assert message in [m for code, _, m in findings_of(text) if code == "FP511"]


def test_a_sum_off_by_one_lines_amount_names_that_line():
    run = run_finplan("check", PLANS / "invalid" / "fp101-a-line-the-total-leaves-out.yaml")
    (finding,) = run.problems()
    assert finding["message"].endswith(
        "60 000 kr over; `ideell-tid` is exactly the 60 000 kr over: counted twice, "
        "or meant to stand outside the total (`outside_total:`)?"
    )


def test_a_sum_off_by_two_lines_amounts_names_the_pair():
    text = MINIMAL.replace("total: 1000", "total: 1").replace("amount: 400}", "amount: 400}\n  - {id: c, financier: C, sector: private, form: cash, status: applied, amount: 1}")
    plan = _plan_file(text)
    (finding,) = run_finplan("check", plan).problems()
    assert "`a` and `b` together are exactly the 1 000 kr over" in finding["message"]


def test_lines_outside_the_total_are_never_counted(tmp_path):
    text = MINIMAL + (
        "outside_total:\n"
        "  - {id: ideell, financier: Föreningen, sector: private, form: in_kind, status: decided, amount: 5000}\n"
    )
    plan = _plan_file(text, tmp_path)
    run = run_finplan("check", "--strict", plan)
    assert run.problems() == [] and run.exit_code == 0
    assert "Beside the total (not counted)" in run.output and "5 000 kr" in run.output
    assert "Sum" in run.output and re.search(r"Sum\s+1 000 kr\s+100,00 %", run.output)


def test_an_euro_plan_is_told_of_its_thousands_separator_in_euro(tmp_path):
    text = MINIMAL.replace("total: 1000", "currency: EUR\ntotal: 71.060")
    run = run_finplan("check", _plan_file(text, tmp_path))
    assert run.exit_code == 2
    (finding,) = run.findings()
    assert finding["line"] == "8"
    assert "71.060 looks like 71 060 written with a dot between its digit groups; write 71 060 or 71060" in finding["message"]
    assert "cents" in finding["message"] and "öre" not in finding["message"]


def test_an_euro_plan_reads_its_numbers_in_euro(tmp_path):
    text = MINIMAL.replace("total: 1000", "currency: EUR\ntotal: 1001")
    run = run_finplan("check", _plan_file(text, tmp_path))
    assert "the financing lines sum to 1 000 EUR, the declared total is 1 001 EUR: 1 EUR short" in run.output
    assert " kr" not in run.output


def _plan_file(text: str, folder=None):
    import tempfile
    from pathlib import Path

    folder = Path(folder or tempfile.mkdtemp())
    path = folder / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path
