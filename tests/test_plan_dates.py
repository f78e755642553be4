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
