"""Subtotals and yearly sums, as the report and the rules use them."""

from __future__ import annotations

from decimal import Decimal

from conftest import MINIMAL

from finplan.findings import format_path
from finplan.loader import parse_text
from finplan.shape import build_plan
from finplan.totals import per_year, subtotals, total_of


def plan_of(text: str):
    plan, findings = build_plan(parse_text(text))
    assert findings == []
    return plan


def test_subtotals_by_sector_form_and_status_cover_every_value():
    plan = plan_of(MINIMAL.replace("form: cash, status: applied", "form: in_kind, status: applied"))
    assert subtotals(plan) == {
        "sector": {"public": Decimal(600), "private": Decimal(400)},
        "form": {"cash": Decimal(600), "in_kind": Decimal(400)},
        "status": {"decided": Decimal(600), "applied": Decimal(400), "proposed": Decimal(0), "not stated": Decimal(0)},
    }


def test_per_year_adds_years_and_skips_lines_without_a_breakdown():
    plan = plan_of(
        MINIMAL.replace("amount: 600}", "amount: 600, per_year: {2021: 100, 2020: 500}}")
    )
    assert per_year(plan.financing) == {2020: Decimal(500), 2021: Decimal(100)}
    assert list(per_year(plan.financing)) == [2020, 2021]
    assert total_of(plan.financing) == Decimal(1000)


def test_exact_ore_survive_summing():
    plan = plan_of(MINIMAL.replace("amount: 600", "amount: 599.99").replace("amount: 400", "amount: 400.01"))
    assert total_of(plan.financing) == Decimal("1000.00")


def test_paths_read_as_in_the_plan():
    assert format_path(("financing", 3, "amount")) == "financing[3].amount"
    assert format_path(("financing", 0, "per_year", 2020)) == "financing[0].per_year[2020]"
    assert format_path(()) == ""
