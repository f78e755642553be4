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
