"""Programme profiles as a user meets them: their caps in the report, their settings, their hints."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, run_finplan

from finplan.profiles import PROFILES, all_settings

BUDGETS = ROOT / "budgets"

_ERDF = """\
finplan: 1
profiles: [erdf_2021_2027]
{settings}project: {{name: T, owner: T, period: {{start: 2022-01-01, end: 2023-12-31}}{applied}}}
total: 3 000 000
financing:
  - {{id: eu, financier: Regionalfonden, sector: public, form: cash, status: decided, scheme: erdf, amount: {eu}}}
  - {{id: region, financier: Regionen, sector: public, form: cash, status: decided, amount: 1 000 000}}
  - {{id: foretag, financier: Företaget, sector: private, form: cash, status: decided, amount: {private}}}
"""


def _erdf(write, eu: int, settings: str = "", applied: str = "") -> str:
    applied = f", applied: {applied}" if applied else ""
    return write(_ERDF.format(settings=settings, eu=f"{eu:_}", private=f"{2_000_000 - eu:_}", applied=applied))


def test_the_region_chooses_the_erdf_rate_and_mellersta_norrland_is_the_default(write):
    fifty = _erdf(write, 1_500_000)
    assert [f["code"] for f in run_finplan("check", fifty).problems()] == ["FP501"]
    # Övre Norrland's calls set the rate year by year: 40 % in 2022 and 2023, 50 % in 2024.
    settings = "settings: {erdf_2021_2027.region: ovre_norrland}\n"
    assert [f["code"] for f in run_finplan("check", _erdf(write, 1_500_000, settings)).problems()] == ["FP501"]
    assert run_finplan("check", _erdf(write, 1_200_000, settings)).problems() == []
    run = run_finplan("check", _erdf(write, 1_500_000, settings, applied="2024-03-01"))
    assert run.problems() == [], run.output
    # Övre Norrland's 50 % is printed with its own source, not Mellersta Norrland's.
    assert "Övre Norrland 2024" in run_finplan("check", fifty.parent / "plan.yaml", env={"COLUMNS": "300"}).output


def test_the_rate_on_the_public_contribution_is_measured_on_the_public_financing(write):
    # 1 000 000 of 2 000 000 public is 50 %, of the total 3 000 000 only 33 %.
    plan = _erdf(write, 1_000_000, "settings: {erdf_2021_2027.share_base: public, erdf_2021_2027.region: stockholm}\n")
    (finding,) = run_finplan("check", plan).problems()
    assert finding["code"] == "FP501"
    assert "50,00 % of the public financing 2 000 000 kr" in finding["message"]
    assert "200 000 kr over" in finding["message"]


def test_an_erdf_plan_under_the_old_profile_name_passes_with_mellersta_norrland_in_force():
    run = run_finplan("check", "--format", "json", BUDGETS / "exempel-regionalfonden.yaml")
    report = json.loads(run.output)
    assert run.exit_code == 0
    assert report["files"][0]["status"] == "passed"
    text = run_finplan("check", BUDGETS / "exempel-regionalfonden.yaml", env={"COLUMNS": "200"}).output
    assert "erdf_2021_2027.region" in text and "mellersta_norrland" in text


def test_fp503_names_only_the_profiles_whose_period_and_country_fit(write):
    plan = write(
        "finplan: 1\nproject: {name: T, owner: T, period: {start: 2026-01-01, end: 2026-06-30}}\ntotal: 100\n"
        "financing:\n  - {id: a, financier: Leader, sector: public, form: cash, status: decided, scheme: leader, amount: 100}\n"
    )
    (finding,) = [f for f in run_finplan("check", plan).problems() if f["code"] == "FP503"]
    assert finding["message"].endswith("expected `profiles:` with leader_se_2023_2027")
    euro = write(plan.read_text(encoding="utf-8").replace("total: 100", "currency: EUR\ntotal: 100"), "euro.yaml")
    (finding,) = [f for f in run_finplan("check", euro).problems() if f["code"] == "FP503"]
    assert finding["message"].endswith("expected `profiles:` with leader_fi_2023_2027 or leader_ax")


@pytest.mark.parametrize(
    "plan, period, between",
    [
        ("fp503-erdf-2013-no-profile-fits.yaml", "2013-01-01 to 2013-12-31", "2014-01-01 and 2029-12-31"),
        ("fp503-interreg-2010-2012-no-profile-fits.yaml", "2010-01-01 to 2012-12-31", "2014-01-01 and 2029-12-31"),
    ],
)
def test_fp503_names_no_profile_when_no_programme_period_holds_the_plan(plan, period, between):
    path = ROOT / "tests" / "plans" / "invalid" / plan
    (finding,) = run_finplan("check", path).problems()
    assert finding["code"] == "FP503"
    assert f"no profile of finplan's for it has a programme period that holds the project's, {period}" in finding["message"]
    assert f"their periods lie between {between}" in finding["message"]
    assert "expected `profiles:`" not in finding["message"] and "_20" not in finding["message"]
    swedish = run_finplan("check", "--lang", "sv", path).output
    assert "ingen av finplans profiler för den har en programperiod som rymmer projektets" in swedish


def test_finplan_rules_lists_every_profile_and_every_setting_with_its_source():
    run = run_finplan("rules", env={"COLUMNS": "400"})
    assert run.exit_code == 0
    for name in PROFILES:
        assert name in run.output
    for key, _, setting in all_settings():
        assert key in run.output
    assert "unverified" in run.output
    assert "docs/programme-sources.md §8.5" in run.output


@pytest.mark.parametrize(
    "plan, shown",
    [
        ("exempel-leader.yaml", ["leader_se_2023_2027.min_share", "at least 240 000 kr", "leader_se_2023_2027.public_max_share"]),
        ("exempel-leader-aland.yaml", ["leader_ax", "80 % of the total 71 060 EUR"]),
        ("exempel-interreg.yaml", ["interreg_aurora_2021_2027", "70 % of the public financing 400 000 EUR",
                                   "65 % of the eligible costs 420 000 EUR"]),
    ],
)
def test_each_programme_budget_shows_its_caps_and_floors(plan, shown):
    run = run_finplan("check", "--strict", BUDGETS / plan, env={"COLUMNS": "200"})
    assert run.exit_code == 0, run.output
    caps = run.output.split("Caps and floors", 1)[1]
    for text in shown:
        assert text in caps, text


def test_aurora_caps_norwegian_money_in_euro_and_a_plan_in_nok_at_its_fixed_rate(write):
    plan = (
        "finplan: 1\nprofiles: [interreg_aurora_2021_2027]\n"
        "project: {name: T, owner: T, period: {start: 2024-01-01, end: 2025-12-31}}\n"
        "currency: NOK\ntotal: 5 000 000\nfinancing:\n"
        "  - {id: ir, financier: Interreg-midler, sector: public, form: cash, status: decided, scheme: interreg_no, amount: 2 100 000}\n"
        "  - {id: fylke, financier: Fylket, sector: public, form: cash, status: decided, amount: 2 900 000}\n"
    )
    (finding,) = run_finplan("check", write(plan)).problems()
    # 200 000 EUR at 10 NOK = 2 000 000 NOK; 2 100 000 NOK is 42 % of the total, within the 50 %.
    assert finding["code"] == "FP501"
    assert "2 000 000 NOK: 100 000 NOK over" in finding["message"]


def test_a_setting_that_depends_on_no_rate_leaves_a_limit_in_euro_unchecked(write):
    # A plan in DKK: no rate to convert Aurora's 200 000 EUR, so no finding rather than a wrong one.
    plan = (
        "finplan: 1\nprofiles: [interreg_aurora_2021_2027]\n"
        "project: {name: T, owner: T, period: {start: 2024-01-01, end: 2025-12-31}}\n"
        "currency: DKK\ntotal: 5 000 000\nfinancing:\n"
        "  - {id: ir, financier: Interreg-midler, sector: public, form: cash, status: decided, scheme: interreg_no, amount: 2 100 000}\n"
        "  - {id: fylke, financier: Fylket, sector: public, form: cash, status: decided, amount: 2 900 000}\n"
    )
    assert run_finplan("check", write(plan)).problems() == []


def test_the_seed_plan_gets_no_programme_finding():
    run = run_finplan("check", "--select", "FP6", ROOT / "budgets" / "attraktiv.yaml")
    assert run.problems() == []


def test_the_configuration_chooses_the_region_for_every_plan_and_refuses_an_unknown_one(write):
    plan = _erdf(write, 1_500_000)
    write('[settings]\n"erdf_2021_2027.region" = "norra_mellansverige"\n', "finplan.toml")
    assert run_finplan("check", plan).problems() == []
    write('[settings]\n"erdf_2021_2027.region" = "lappland"\n', "finplan.toml")
    run = run_finplan("check", plan)
    assert run.exit_code == 2
    assert "erdf_2021_2027.region" in run.output and "ovre_norrland" in run.output


def test_a_plan_naming_an_unknown_region_is_refused_with_the_choices(write):
    run = run_finplan("check", _erdf(write, 1_000_000, "settings: {erdf_2021_2027.region: lappland}\n"))
    assert run.exit_code == 2
    assert "mellersta_norrland" in run.output


def test_a_norwegian_partners_plan_is_outside_the_eu_regulation_rules(write):
    # Only Norwegian Interreg money: no in-kind ceiling; the same plan with ERDF money gets it. Interreg
    # 2021-2027's own staff rate has no procurement proviso (Reg. 2021/1059 art. 39(3)(c)): no FP604 either
    # way (its services line is the staff rate's base: real costs, art. 53(2)).
    plan = (
        "finplan: 1\nprofiles: [interreg_oks_2021_2027]\n"
        "project: {name: T, owner: Testkommune, period: {start: 2023-01-01, end: 2024-12-31}}\n"
        "currency: EUR\ntotal: 100 000\nfinancing:\n"
        "  - {id: ir, financier: Interreg-midler, sector: public, form: cash, status: decided, scheme: interreg_no, amount: 50 000}\n"
        "  - {id: tid, financier: Testkommune, sector: public, form: in_kind, status: decided, amount: 50 000,"
        " basis: [{hours: 1 000, rate: 50}]}\n"
        "costs:\n"
        "  - {id: tjenester, category: external_services, amount: 41 667, procurement_above_threshold: services}\n"
        "  - {id: personal, category: staff, amount: 8 333, flat_rate: {option: staff_of_other_direct, rate: 20 %}}\n"
        "  - {id: tid-kost, category: in_kind, amount: 50 000}\n"
    )
    assert [f["code"] for f in run_finplan("check", write(plan)).problems()] == []
    eu = write(plan.replace("scheme: interreg_no", "scheme: interreg"), "eu.yaml")
    assert sorted(f["code"] for f in run_finplan("check", eu).problems()) == ["FP601"]
