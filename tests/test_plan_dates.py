"""The plan's date: the rules in force on it judge the plan."""

from datetime import date

from finplan.model import Project


def _project(**dates) -> Project:
    return Project.model_validate({"name": "P", "owner": "O", "period": {"start": "2024-03-01", "end": "2026-02-28"}, **dates})


def test_a_plan_is_judged_by_its_decision_date_first():
    assert _project(applied="2023-11-01", decided="2024-02-01").judged_on == date(2024, 2, 1)


def test_without_a_decision_by_its_application_date():
    assert _project(applied="2023-11-01").judged_on == date(2023, 11, 1)


def test_without_either_by_its_start():
    assert _project().judged_on == date(2024, 3, 1)


def test_without_any_date_by_none():
    assert Project.model_validate({"name": "P", "owner": "O"}).judged_on is None


def _fp501(name: str) -> str:
    from conftest import PLANS, run_finplan

    run = run_finplan("check", PLANS / "invalid" / name)
    (finding,) = [f for f in run.findings() if f["code"] == "FP501"]
    return finding["message"]


def test_from_2023_the_1_1_cap_with_erdf_money_is_60_percent_in_the_wording_of_sfs_2022_1470():
    message = _fp501("fp501-1-1-over-60-with-erdf.yaml")
    assert "is 60 %, 600 000 kr" in message and "SFS 2022:1470, in force from 2023-01-01" in message


def test_from_2023_the_1_1_cap_without_eu_money_stays_50_percent():
    message = _fp501("fp501-1-1-2024-without-erdf.yaml")
    assert "is 50 %, 500 000 kr" in message and "SFS 2022:1470" in message


def test_before_2023_the_1_1_cap_is_50_percent_with_erdf_money_too():
    message = _fp501("fp501-1-1-2019-with-erdf.yaml")
    assert "is 50 %, 500 000 kr" in message and "SFS 2009:674, in force to 2022-12-31" in message


def test_a_plan_that_sets_the_cap_itself_names_no_version():
    from finplan.profiles import PROFILES, Settings

    anslag = PROFILES["anslag_1_1"]
    overridden = Settings(("anslag_1_1",), {"anslag_1_1.max_share": 40}, on=date(2024, 1, 1))
    assert overridden.value(anslag, "max_share") == 40 and overridden.version(anslag, "max_share") is None
    assert Settings(("anslag_1_1",), {}, on=date(2022, 12, 31)).value(anslag, "eu_co_financed_max_share") is None


def test_every_version_of_a_number_has_a_source_and_none_overlaps_another():
    from finplan.profiles import GENERAL, PROFILES

    for profile in (GENERAL, *PROFILES.values()):
        for setting in profile.settings:
            assert setting.source, f"{profile.name}.{setting.name} has no source"
            spans = sorted((v.start or date.min, v.end or date.max, v.source) for v in setting.versions)
            for start, end, source in spans:
                assert source and start <= end, f"{profile.name}.{setting.name}: {start}..{end}"
            for (_, end, _s), (start, _e, _t) in zip(spans, spans[1:]):
                assert end < start, f"{profile.name}.{setting.name}: two versions in force on {start}"


# -- `finplan rules --at DATE` and `finplan rule CODE`: the numbers in force, and every version with its dates --


def _setting_row(output: str, key: str) -> str:
    """The settings table's row of `key`, its wrapped lines joined."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(key + " "))
    rest = [line for line in lines[start + 1:]]
    following = next((i for i, line in enumerate(rest) if line[:1] not in (" ", "")), len(rest))
    return " ".join(" ".join([lines[start], *rest[:following]]).split())


def test_rules_at_a_date_before_2023_shows_the_wording_of_sfs_2009_674_and_no_60_percent():
    from conftest import run_finplan

    run = run_finplan("rules", "--at", "2019-06-01", env={"COLUMNS": "400"})
    assert run.exit_code == 0
    assert "Settings in force on 2019-06-01" in run.output
    assert "50 %" in _setting_row(run.output, "anslag_1_1.max_share") and "SFS 2009:674" in _setting_row(run.output, "anslag_1_1.max_share")
    assert "– " in _setting_row(run.output, "anslag_1_1.eu_co_financed_max_share")
    assert "no version in force on 2019-06-01" in _setting_row(run.output, "anslag_1_1.eu_co_financed_max_share")


def test_rules_at_a_date_from_2023_shows_the_wording_of_sfs_2022_1470():
    from conftest import run_finplan

    run = run_finplan("rules", "--at", "2024-01-01", env={"COLUMNS": "400"})
    row = _setting_row(run.output, "anslag_1_1.eu_co_financed_max_share")
    assert "60 %" in row and "SFS 2022:1470, in force from 2023-01-01" in row
    # A number the law never changed is shown as without --at.
    assert _setting_row(run.output, "anslag_1_1.advance_max") == _setting_row(
        run_finplan("rules", env={"COLUMNS": "400"}).output, "anslag_1_1.advance_max"
    )


def test_rules_without_at_shows_the_defaults_as_before():
    from conftest import run_finplan

    run = run_finplan("rules", env={"COLUMNS": "400"})
    assert "Settings in force" not in run.output and "no version in force" not in run.output
    assert "SFS 2022:1470" in _setting_row(run.output, "anslag_1_1.eu_co_financed_max_share")


def test_rules_at_a_bad_date_is_a_usage_error_with_nothing_else_shown():
    from conftest import run_finplan

    for bad in ("2019-13-01", "20190601", "1 June 2019", ""):
        run = run_finplan("rules", "--at", bad)
        assert run.exit_code == 2, bad
        assert run.output == f"finplan: --at takes a date, YYYY-MM-DD such as 2019-06-01, not {bad}\n"
    swedish = run_finplan("--lang", "sv", "rules", "--at", "2019-13-01")
    assert swedish.output == "finplan: --at tar ett datum, ÅÅÅÅ-MM-DD som 2019-06-01, inte 2019-13-01\n"


def test_rule_fp501_lists_each_version_of_its_numbers_with_value_source_and_dates():
    from conftest import run_finplan

    run = run_finplan("rule", "FP501")
    assert run.exit_code == 0
    assert (
        "- anslag_1_1.max_share: 50 % from – to 2022-12-31; Förordning (2003:596) 5 § in the wording of SFS 2009:674, "
        "in force to 2022-12-31\n" in run.output
    )
    assert "- anslag_1_1.eu_co_financed_max_share: 60 % from 2023-01-01 to –; " in run.output
    assert "- anslag_1_1.joint_max_share: 100 % from 2023-01-01 to –; " in run.output
    swedish = run_finplan("--lang", "sv", "rule", "FP501").output
    assert "Tal som lagen har ändrat (planens datum väljer den lydelse som är i kraft):" in swedish
    assert "- anslag_1_1.max_share: 50 % från 2023-01-01 till –; Förordning (2003:596) 5 § i lydelsen enligt SFS 2022:1470" in swedish


def test_a_rule_whose_numbers_the_law_never_changed_lists_no_versions():
    from conftest import run_finplan

    assert "Numbers the law changed" not in run_finplan("rule", "FP101").output
    assert "Numbers the law changed" not in run_finplan("rule", "FP521").output


def _numbers_title(tmp_path, project: str) -> str:
    from conftest import run_finplan

    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "finplan: 1\nprofiles: [anslag_1_1]\n"
        f"project: {{name: P, owner: O, {project}}}\n"
        "total: 1 000\nfinancing:\n"
        "  - {id: a, financier: Regionen, sector: public, form: cash, status: decided, scheme: anslag_1_1, amount: 500}\n"
        "  - {id: b, financier: Kommunen, sector: public, form: cash, status: decided, amount: 500}\n",
        encoding="utf-8",
    )
    run = run_finplan("check", plan, env={"COLUMNS": "200"})
    (title,) = [line.strip() for line in run.output.splitlines() if line.startswith("Numbers in force")]
    return title


def test_the_numbers_in_force_name_the_date_that_chose_them_and_which_date_it_is(tmp_path):
    period = "period: {start: 2024-03-01, end: 2025-02-28}"
    assert _numbers_title(tmp_path, f"{period}, applied: 2023-11-01, decided: 2024-02-01") == (
        "Numbers in force on 2024-02-01, the decision date"
    )
    assert _numbers_title(tmp_path, f"{period}, applied: 2023-11-01") == (
        "Numbers in force on 2023-11-01, the application date"
    )
    assert _numbers_title(tmp_path, period) == "Numbers in force on 2024-03-01, the project's start"


def test_a_plan_with_no_date_is_judged_by_today_and_the_report_says_so(tmp_path):
    title = _numbers_title(tmp_path, "case: X/1")
    assert title == f"Numbers in force on {date.today()}, today (the plan states no date)"


def test_plans_of_one_run_with_the_same_numbers_on_the_same_day_each_name_their_own_kind_of_date(tmp_path):
    from conftest import run_finplan

    body = (
        "total: 1 000\nfinancing:\n"
        "  - {id: a, financier: Regionen, sector: public, form: cash, status: decided, scheme: anslag_1_1, amount: 500}\n"
        "  - {id: b, financier: Kommunen, sector: public, form: cash, status: decided, amount: 500}\n"
    )
    head = "finplan: 1\nprofiles: [anslag_1_1]\nproject: {name: P, owner: O, period: {start: 2024-03-01, end: 2025-02-28}"
    (tmp_path / "a.yaml").write_text(f"{head}, decided: 2024-03-01}}\n{body}", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(f"{head}}}\n{body}", encoding="utf-8")
    run = run_finplan("check", "--tables", tmp_path / "a.yaml", tmp_path / "b.yaml", env={"COLUMNS": "200"})
    titles = [line.strip() for line in run.output.splitlines() if line.startswith("Numbers in force")]
    assert titles == [
        "Numbers in force on 2024-03-01, the decision date",
        "Numbers in force on 2024-03-01, the project's start",
    ]
