"""The findings of the sums, periods, lines, kinds, advance and summary rules, and their codes'
documentation, as a Swedish reader sees them; the same findings keep their identity in English."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import PLANS, SEED, run_finplan

INVALID = PLANS / "invalid"

# The codes whose findings and documentation this file covers.
CODES = (
    "FP101", "FP102", "FP103", "FP104", "FP105", "FP106", "FP201", "FP202", "FP203", "FP204",
    "FP301", "FP302", "FP303", "FP304", "FP305", "FP401", "FP402", "FP521", "FP901",
)


def _messages(run, code: str) -> list[str]:
    return [f["message"] for f in run.findings() if f["code"] == code]


def test_a_sum_over_the_total_names_the_figures_and_the_line_that_makes_the_gap():
    run = run_finplan("--lang", "sv", "check", INVALID / "fp101-a-line-the-total-leaves-out.yaml")
    assert run.exit_code == 1
    assert _messages(run, "FP101") == [
        "summan av finansieringsraderna är 560 000 kr, den angivna totalen är 500 000 kr: 60 000 kr över; "
        "`ideell-tid` är exakt de 60 000 kr som är över: dubbelräknad, "
        "eller avsedd att stå utanför totalen (`outside_total:`)?"
    ]


def test_two_lines_that_together_make_the_gap_and_a_cost_line_outside_the_budget(write):
    plan = write(
        "finplan: 1\nproject: {name: P, owner: O}\ntotal: 500000\nfinancing:\n"
        "  - {id: stod, financier: A, sector: public, form: cash, amount: 500000}\n"
        "  - {id: a, financier: B, sector: private, form: in_kind, amount: 70000}\n"
        "  - {id: b, financier: C, sector: private, form: in_kind, amount: 30000}\n"
        "costs:\n"
        "  - {id: staff, category: staff, amount: 500000}\n"
        "  - {id: resa, category: travel, amount: 20000}\n"
    )
    run = run_finplan("--lang", "sv", "check", plan)
    assert _messages(run, "FP101") == [
        "summan av finansieringsraderna är 600 000 kr, den angivna totalen är 500 000 kr: 100 000 kr över; "
        "`a` och `b` är tillsammans exakt de 100 000 kr som är över: dubbelräknade, "
        "eller avsedda att stå utanför totalen (`outside_total:`)?"
    ]
    assert _messages(run, "FP102") == [
        "summan av kostnadsraderna är 520 000 kr, den angivna totalen är 500 000 kr: 20 000 kr över; "
        "`resa` är exakt de 20 000 kr som är över: dubbelräknad, eller avsedd att stå utanför den här budgeten?"
    ]


def test_costs_short_of_the_total_and_a_sum_within_rounding():
    costs = run_finplan("--lang", "sv", "check", INVALID / "fp102-cost-sum.yaml")
    assert _messages(costs, "FP102") == [
        "summan av kostnadsraderna är 850 kr, den angivna totalen är 1 000 kr: 150 kr för lite"
    ]
    rounded = run_finplan("--lang", "sv", "check", INVALID / "fp106-total-within-rounding.yaml")
    assert _messages(rounded, "FP106") == [
        "summan av finansieringsraderna är 35 800 000 kr, den angivna totalen är 36 000 000 kr: "
        "200 000 kr för lite räknat exakt, inom de 500 000 kr som siffror avrundade i dokumentet ger utrymme för"
    ]


def test_the_years_a_breakdown_leaves_unchecked_are_counted_in_swedish_and_english(write):
    one = INVALID / "fp105-yearly-balance-unchecked.yaml"
    two = write(one.read_text(encoding="utf-8").replace(
        "amount: 700, per_year: {2020: 350, 2021: 350}}", "amount: 700}"
    ))
    expected = {
        one: ("1 av 3 rader saknar fördelning per år (travel)", "1 of 3 lines has no yearly breakdown (travel)"),
        two: ("2 av 3 rader saknar fördelning per år (staff, travel)", "2 of 3 lines have no yearly breakdown (staff, travel)"),
    }
    for plan, (swedish, english) in expected.items():
        sv = _messages(run_finplan("--lang", "sv", "check", plan), "FP105")
        assert sv == [f"finansiering och kostnader jämförs inte år för år: {swedish}"]
        en = _messages(run_finplan("--lang", "en", "check", plan), "FP105")
        assert en == [f"financing and costs are not compared year by year: {english}"]


def test_years_and_days_of_periods():
    yearly = run_finplan("--lang", "sv", "check", INVALID / "fp104-yearly-balance.yaml")
    assert _messages(yearly, "FP104") == [
        "år 2020 är kostnaderna 700 kr och finansieringen 500 kr: kostnaderna 200 kr över",
        "år 2021 är kostnaderna 300 kr och finansieringen 500 kr: kostnaderna 200 kr för lite",
    ]
    reversed_ = run_finplan("--lang", "sv", "check", INVALID / "fp201-period-order.yaml")
    assert _messages(reversed_, "FP201") == [
        "perioden slutar 2020-01-01 men börjar 2021-12-31: slutet ligger 730 dagar före starten; "
        "förväntat: ett slut på eller efter startdagen"
    ]
    outside = run_finplan("--lang", "sv", "check", INVALID / "fp204-line-period.yaml")
    assert _messages(outside, "FP204") == [
        "`a` börjar 2019-07-01, 184 dagar innan projektet börjar 2020-01-01; förväntat: en start inom projektperioden",
        "`a` slutar 2022-06-30, 181 dagar efter att projektet slutar 2021-12-31; förväntat: ett slut inom projektperioden",
    ]


def test_one_day_is_singular(write):
    plan = write(
        "finplan: 1\nproject: {name: P, owner: O, period: {start: 2020-01-01, end: 2021-12-31}}\ntotal: 1000\n"
        "financing:\n"
        "  - {id: a, financier: A, sector: public, form: cash, amount: 1000, period: {start: 2019-12-31, end: 2021-12-31}}\n"
    )
    assert _messages(run_finplan("--lang", "sv", "check", plan), "FP204") == [
        "`a` börjar 2019-12-31, 1 dag innan projektet börjar 2020-01-01; förväntat: en start inom projektperioden"
    ]
    assert _messages(run_finplan("--lang", "en", "check", plan), "FP204") == [
        "`a` starts 2019-12-31, 1 day before the project starts 2020-01-01; expected a start within the project period"
    ]


def test_a_split_in_percentage_points_and_a_payers_part():
    run = run_finplan("--lang", "sv", "check", INVALID / "fp305-split.yaml")
    assert _messages(run, "FP305") == [
        "fördelningen av `stod` mellan betalarna ger andelar som summerar till 101 %; förväntat: 100 %: 1 procentenhet över",
        "den del av `julkinen` som kunta betalar är 21 000 kr; 20 % av 100 000 kr är 20 000 kr: 1 000 kr över",
    ]


def test_sectors_kinds_and_unstated_values_read_in_swedish(write):
    sector = run_finplan("--lang", "sv", "check", INVALID / "fp401-one-sector-per-financier.yaml")
    assert _messages(sector, "FP401") == [
        "`jk-time` har Jämtkraft som offentlig, men `jk-cash` har finansiären som privat; förväntat: en sektor per finansiär"
    ]
    appropriation = run_finplan("--lang", "sv", "check", INVALID / "fp402-appropriation-named.yaml")
    assert _messages(appropriation, "FP402") == [
        "`region` är offentlig kontant finansiering utan anslag; förväntat: `appropriation:` "
        "(Reg.tillväxt, Övr.nat.anslag, Övriga medel eller vet ej)",
        "`company` är privat kontant finansiering men anger ett anslag; förväntat: anslag bara på offentlig kontant finansiering",
    ]
    unstated = write(
        "finplan: 1\nproject: {name: P, owner: O}\ntotal: 1000\nfinancing:\n"
        "  - {id: a, financier: A, sector: public, form: cash, amount: 500, per_year: {2020: 500}}\n"
        "  - {id: b, financier: B, sector: public, form: cash, amount: 500, period: {start: 2020-01-01, end: 2020-12-31}}\n"
    )
    assert _messages(run_finplan("--lang", "sv", "check", unstated), "FP303") == [
        "planen anger ingen projektperiod, så följande kunde inte kontrolleras mot den: "
        "åren i fördelningen per år (FP202, FP203) för `a`; radernas egna perioder (FP204) för `b`; "
        "förväntat: `project.period` där dokumentet anger den"
    ]


def test_an_advance_over_both_limits():
    run = run_finplan("--lang", "sv", "check", INVALID / "fp521-advance-limit.yaml")
    assert _messages(run, "FP521") == [
        "`grant` har ett förskott på 600 000 kr; högst 50 % av bidraget, 500 000 kr: 100 000 kr över",
        "`grant` har ett förskott på 600 000 kr; högst 400 000 kr: 200 000 kr över",
    ]


def test_the_financing_summary_has_the_same_figures_in_swedish_words():
    sv = _messages(run_finplan("--lang", "sv", "check", SEED, "--select", "FP901"), "FP901")
    en = _messages(run_finplan("--lang", "en", "check", SEED, "--select", "FP901"), "FP901")
    assert len(sv) == len(en) == 1
    assert sv[0].startswith("finansiering: beslutad ") and en[0].startswith("financing: decided ")
    for words in ("sökt", "föreslagen", "; kontant", "i annat än pengar", "; offentlig", "privat"):
        assert words in sv[0], words
    assert re.findall(r"[\d ,−%]+kr \([\d,−]+ %\)", sv[0]) == re.findall(r"[\d ,−%]+kr \([\d,−]+ %\)", en[0])


def test_a_findings_fingerprint_and_data_are_the_same_in_both_languages():
    plan = INVALID / "fp101-a-line-the-total-leaves-out.yaml"
    english = json.loads(run_finplan("--lang", "en", "check", plan, "-o", "json").output)["files"][0]["findings"]
    swedish = json.loads(run_finplan("--lang", "sv", "check", plan, "-o", "json").output)["files"][0]["findings"]
    assert [f["code"] for f in swedish] == ["FP101"]
    assert swedish[0]["message"].startswith("summan av finansieringsraderna är 560 000 kr")
    assert english[0]["message"].startswith("the financing lines sum to 560 000 kr")
    assert swedish[0]["fingerprint"] == english[0]["fingerprint"]
    assert swedish[0]["data"] == english[0]["data"]


def test_a_folder_checked_by_several_workers_reports_in_swedish(tmp_path):
    """Over many plans the findings come back from worker processes, their messages whole."""
    for number in range(22):
        for name in ("fp201-period-order", "fp303-not-stated", "fp401-one-sector-per-financier"):
            shutil.copy(INVALID / f"{name}.yaml", tmp_path / f"{name}-{number}.yaml")
    run = run_finplan("--lang", "sv", "check", tmp_path, "-o", "concise")
    assert len(_messages(run, "FP201")) == len(_messages(run, "FP303")) == len(_messages(run, "FP401")) == 22
    assert set(_messages(run, "FP201")) == {
        "perioden slutar 2020-01-01 men börjar 2021-12-31: slutet ligger 730 dagar före starten; "
        "förväntat: ett slut på eller efter startdagen"
    }
    assert all(m.startswith("planen anger ingen projektperiod") for m in _messages(run, "FP303"))
    assert all("som offentlig, men" in m for m in _messages(run, "FP401"))


def test_rule_fp101_is_documented_in_swedish():
    run = run_finplan("--lang", "sv", "rule", "FP101")
    assert run.exit_code == 0
    assert run.output.startswith("FP101 financing-total (error)\nGäller: varje plan\nKälla: Tillväxtverket, ")
    for text in (
        "Finansieringsraderna summerar till den angivna totalen.",
        "Varför: finansieringsplanen måste täcka exakt det som projektet\nkostar;",
        "Underkänns: `total: 1000` med finansieringsrader på 600 och 500.",
        "Godkänns: `total: 1000` med finansieringsrader på 600 och 400.",
        "(EU-projekt 2014–2020) och \"Planera er finansieringsbudget\" (EU-fonderna 2021–2027)",
    ):
        assert text in run.output, text
    english = run_finplan("--lang", "en", "rule", "FP101")
    assert "The financing lines sum to the declared total." in english.output


@pytest.mark.parametrize("code", CODES)
def test_every_paragraph_of_the_codes_documentation_is_swedish(code):
    from finplan.codes import CATALOGUE

    sv = run_finplan("--lang", "sv", "rule", code).output
    en = run_finplan("--lang", "en", "rule", code).output
    assert "Varför: " in sv and "Underkänns" in sv and "Godkänns: " in sv
    for english in ("Why:", "Fails", "Passes:"):
        assert english not in sv, english
    # No paragraph reads as it does in English; a source already in Swedish may.
    documentation = CATALOGUE[code]
    for paragraph in documentation.paragraphs:
        assert paragraph in en and paragraph not in sv, paragraph
